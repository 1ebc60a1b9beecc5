"""``python -m timeline_app check``: validate editors' files exactly as the app loads them.

The kind of file is told from its header, not its name, so an editor's copy
("events (2).csv") or a categories, periods or TimelineJS file is checked by
the loader the app uses for it.  Checking an events file also checks the
categories.csv and periods.csv of its dataset folder, because the events
depend on them.

Exit status: 0 when nothing is an error (warnings are printed but pass),
1 when something is; with ``--strict``, warnings fail too.  The shipped
dataset passes ``--strict``.
"""

from __future__ import annotations

from pathlib import Path

from .categories import Category, load_categories
from .csvfile import header_keys
from .dataset import Event, load_dataset, load_events
from .paths import EVENTS_CSV
from .periods import Period, check_periods
from .files import read_file
from .media import ImageRules
from .problems import Problem, plural
from .sources import Article, read_sources
from .timelinejs import load_timelinejs

_HEAD_BYTES = 64 * 1024
UPLOAD_BUDGET_SECONDS = 5.0
"""How long checking one uploaded file may occupy a server thread before it stops with an error."""


def dataset_folder_for(events_file: Path) -> Path:
    """The folder holding categories.csv and sources/ for an events file.

    An events file kept elsewhere (an editor's copy) is checked against the
    shipped categories and articles.
    """
    folder = Path(events_file).resolve().parent
    return folder if (folder / "categories.csv").exists() else EVENTS_CSV.parent


def file_kind(header: list[str]) -> str:
    """'events', 'categories', 'periods' or 'timelinejs', from a file's header keys."""
    columns = set(header)
    if {"headline", "year"} <= columns:
        return "timelinejs"
    if "id" not in columns and "colour" in columns:
        return "categories"
    if "id" not in columns and {"name", "start"} <= columns:
        return "periods"
    return "events"


def load_upload(data: bytes, name: str, articles: dict[str, Article], categories: dict[str, Category],
                budget: float = UPLOAD_BUDGET_SECONDS,
                periods: tuple[Period, ...] = (),
                images: ImageRules = ImageRules()) -> tuple[list[Event], list[Problem]]:
    """Events from a file an editor uploads: an events CSV or a TimelineJS sheet.

    What the app calls; ``name`` (the file's name) is used in every problem.
    Checking stops with an error after ``budget`` seconds.  ``periods`` are
    the named periods an events file may use as dates, as in the dataset, and
    its images may come from where the served dataset's may (``images``).
    """
    if file_kind(header_keys(data[:_HEAD_BYTES])) == "timelinejs":
        return load_timelinejs(name, articles, categories, data=data, name=name, budget=budget,
                               images=images)
    return load_events(name, articles, categories, data=data, name=name, budget=budget, periods=periods,
                       images=images)


def check_file(path: Path, media_origins: tuple[str, ...] = ()) -> tuple[list[Problem], str]:
    """Every problem of the file at ``path`` (and its dataset), and what loaded; images may
    come from the web ``media_origins`` too (the server's setting)."""
    data, _ = read_file(path)  # a file that cannot be read is reported by its loader
    kind = file_kind(header_keys((data or b"")[:_HEAD_BYTES]))
    if kind == "categories":
        categories, problems = load_categories(path, data=data)
        return problems, f"{len(categories)} {'category' if len(categories) == 1 else 'categories'} ok"
    if kind == "periods":
        periods, problems = check_periods(path, data=data)
        return problems, f"{plural(len(periods), 'period')} ok"
    folder = dataset_folder_for(path)
    if kind == "timelinejs":
        categories, problems = load_categories(folder / "categories.csv")
        events, sheet_problems = load_timelinejs(path, read_sources(folder / "sources").articles, categories,
                                                 data=data, images=ImageRules(folder, media_origins))
        return problems + sheet_problems, f"{plural(len(events), 'event')} would be imported"
    dataset = load_dataset(folder, path, names_as_given=True, media_origins=media_origins)
    return dataset.problems, f"{plural(len(dataset.events), 'event')} ok"
