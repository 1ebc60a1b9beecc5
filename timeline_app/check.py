"""``python -m timeline_app check``: validate an events file like the app does."""

from __future__ import annotations

import sys
from pathlib import Path

from .dataset import load_dataset
from .paths import EVENTS_CSV


def dataset_folder_for(events_file: Path) -> Path:
    """The folder holding categories.csv and sources/ for an events file.

    An events file kept elsewhere (an editor's copy) is checked against the
    shipped categories and articles.
    """
    folder = events_file.resolve().parent
    return folder if (folder / "categories.csv").exists() else EVENTS_CSV.parent


def check_command(path: str | None, out=sys.stdout) -> int:
    """Print one line per problem; exit status 0 when there is no error."""
    events_file = Path(path) if path else EVENTS_CSV
    if not events_file.is_file():
        print(f"{events_file}: no such file", file=out)
        return 1
    dataset = load_dataset(dataset_folder_for(events_file), events_file)
    for problem in dataset.problems:
        print(problem, file=out)
    errors = len(dataset.errors)
    warnings = len(dataset.problems) - errors
    print(f"{events_file}: {len(dataset.events)} events ok, {errors} errors, {warnings} warnings",
          file=sys.stderr)
    return 1 if dataset.problems else 0
