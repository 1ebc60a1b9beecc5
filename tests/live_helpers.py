"""Helpers of the live-data browser tests (test_app_problems_panel, test_app_upload, test_app_safety)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from timeline_app.data.paths import EVENTS_DIR


def copy_dataset(target: Path) -> Path:
    """The shipped dataset folder copied to ``target``; its events.csv."""
    shutil.copytree(EVENTS_DIR, target)
    return target / "events.csv"


def rewrite(path: Path, text: str) -> None:
    """Save ``text`` the way an editor's program does, and make sure the mtime moves."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def titles(page) -> list[str]:
    """The titles the browser is drawing from."""
    return page.js("const c = window.timelineLib.current; return c && c.d ? Array.from(c.d.title) : []")


def panel(page) -> dict:
    return page.js("const p = document.getElementById('problems-panel');"
                   " return {summary: document.getElementById('problems-summary').textContent,"
                   " items: [...p.querySelectorAll('li')].map(li => li.textContent),"
                   " html: p.innerHTML}")


def panel_open(page) -> bool:
    return page.js("return document.getElementById('problems-panel').open")
