"""Fixtures of the classroom browser tests: one app and one Chromium for all of them.

test_presentation, test_share, test_table_view, test_export_view,
test_print and test_accessibility load this module as a plugin
(``pytest_plugins = ["classroom_fixtures"]``), so they share one app and one
headless Chromium for the session (``classroom``) instead of starting both
once per file.  The page object is conftest's :class:`TimelinePage`; each
test starts with an empty browser log, the light theme and no downloads.
Helpers are in classroom_helpers.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


def pytest_collection_modifyitems(config, items):
    """Tests on the shared classroom page are browser tests too (see conftest's marker)."""
    for item in items:
        if "classroom" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def classroom_browser(request, tmp_path_factory):
    """One app (the shipped dataset) and one Chromium for every classroom test."""
    from conftest import timeline_browser

    downloads = tmp_path_factory.mktemp("classroom-downloads")
    with timeline_browser(request, downloads) as page:
        page.downloads = downloads
        yield page


@pytest.fixture
def classroom(classroom_browser):
    """The shared page, reset: empty log, no system dark mode, no stored theme, panels closed, no downloads."""
    page = classroom_browser
    page.duo.get_logs()
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    if page.js("return !!(window.timelineStatus && window.timelineStatus.firstPaint)"):
        page.js(RESET_JS)
    for item in Path(page.downloads).iterdir():
        if item.is_dir():
            shutil.rmtree(item)
        else:
            item.unlink()
    yield page


RESET_JS = """
try { localStorage.clear(); } catch (e) {}
window.timelineLib.applyTheme();
document.documentElement.classList.remove('handout-ready');
for (const [panel, toggle] of [['lesson-panel', 'lesson-toggle'], ['share-panel', 'share-toggle'],
                               ['table-panel', 'table-toggle']]) {
  window.dash_clientside.set_props(panel, {hidden: true});
  window.dash_clientside.set_props(toggle, {'aria-expanded': 'false'});
}
document.activeElement && document.activeElement.blur();
"""
