"""The README's Layout section describes the package as it is: its folders, entry points and modules.

The Layout section has one bullet per folder, starting with the folder's path
in backticks (``- `timeline_app/data/`: ...``), naming each of its modules as
``name.py``.  A folder or module added, moved or removed fails here with what
to change in the README.
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


@pytest.mark.parametrize("folder", package_folders())
def test_each_bullet_names_the_modules_of_its_folder(folder):
    described = set(MODULE.findall(bullets().get(folder, "")))
    present = {path.name for path in (ROOT / folder).glob("*.py")} - {"__init__.py"}
    assert sorted(described - present) == [], f"README Layout names these under {folder}; they are not there"
    assert sorted(present - described) == [], f"README Layout: say in the bullet of {folder} what these hold"
