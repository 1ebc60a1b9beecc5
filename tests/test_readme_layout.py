"""The README's Layout section describes the package as it is: its folders, entry points and modules.

The Layout section has one bullet per folder, starting with the folder's path
in backticks (``- `timeline_app/data/`: ...``), naming its modules as
``name.py``.  A folder added, moved or removed, or a module named there that
is not in its folder, fails here with what to change.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "timeline_app"
MODULE = re.compile(r"`(\w+\.py)`")


def layout_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Layout\n")
    end = text.find("\n## ", start + 1)
    return text[start:end] if end > 0 else text[start:]


def bullets() -> dict[str, str]:
    """The section's bullets by the folder they start with, e.g. {'timeline_app/data/': 'the data core ...'}."""
    pattern = re.compile(r"^ *- `([^`]+/)`(.*?)(?=^ *- |\Z)", re.M | re.S)
    return {match.group(1): match.group(2) for match in pattern.finditer(layout_section())}


def package_folders() -> list[str]:
    """The package and its sub-packages, as 'timeline_app/data/'."""
    return sorted(f"{path.parent.relative_to(ROOT).as_posix()}/" for path in PACKAGE.rglob("__init__.py"))


def test_every_folder_of_the_package_has_one_bullet():
    described = {folder for folder in bullets() if folder.startswith("timeline_app/")}
    assert sorted(described) == package_folders(), "README Layout: one bullet per folder of timeline_app/"


def test_the_bullet_of_the_top_names_every_entry_point():
    described = set(MODULE.findall(bullets()["timeline_app/"]))
    present = {path.name for path in PACKAGE.glob("*.py")} - {"__init__.py"}
    assert described == present, "README Layout: the bullet of `timeline_app/` names every module at the top"


@pytest.mark.parametrize("folder", package_folders())
def test_the_modules_a_bullet_names_are_in_its_folder(folder):
    described = set(MODULE.findall(bullets().get(folder, "")))
    present = {path.name for path in (ROOT / folder).glob("*.py")}
    assert described <= present, f"README Layout names {sorted(described - present)} under {folder}: not there"
