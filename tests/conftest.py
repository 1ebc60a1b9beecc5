"""Shared pytest configuration and fixtures.

Browser tests use dash.testing's fixtures (``dash_duo``, ``dash_br``), which
drive Chrome through selenium 4.2.  selenium 4.2 has no driver manager: it
starts ``chromedriver`` from PATH.  On our machines that is Debian's
``chromium`` + ``chromium-driver`` (``make test`` installs them), running as
root, so Chromium needs ``--no-sandbox``.

dash.testing asks for webdriver options through its ``pytest_setup_options``
hook (dash/testing/newhooks.py) and uses the first result as the base
``ChromeOptions`` (adding ``--headless`` when pytest runs with ``--headless``,
which pytest.ini sets).  The hook below supplies those options.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO_ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WINDOW_SIZE = (1280, 720)

CHROME_ARGS = (
    "--no-sandbox",  # Chromium refuses to start as root without it
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

BROWSER_FIXTURES = {"dash_duo", "dash_duo_mp", "dash_br"}

# Hypothesis: the 2-core CI machine is slow and noisy, so no per-example deadline.
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def _chromium_binary() -> str:
    # DASH_TEST_CHROMEPATH is dash.testing's own override; honour it here too.
    return os.environ.get("DASH_TEST_CHROMEPATH", CHROMIUM)


def _require_browser_stack() -> None:
    """Fail (never skip) when the browser or its driver is missing."""
    if shutil.which("chromedriver") is None and os.access(CHROMEDRIVER, os.X_OK):
        # selenium 4.2 only looks on PATH; make Debian's driver findable.
        os.environ["PATH"] = f"{Path(CHROMEDRIVER).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    problems = []
    if shutil.which("chromedriver") is None:
        problems.append(f"chromedriver not on PATH (expected {CHROMEDRIVER})")
    if not os.access(_chromium_binary(), os.X_OK):
        problems.append(f"Chromium binary {_chromium_binary()} not found")
    if problems:
        pytest.fail(
            "browser test stack missing: "
            + "; ".join(problems)
            + ". Run `make test` (installs Debian chromium + chromium-driver).",
            pytrace=False,
        )


def pytest_setup_options():
    """dash.testing hook: base ChromeOptions for every dash_duo / dash_br."""
    _require_browser_stack()
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = _chromium_binary()
    for arg in CHROME_ARGS:
        options.add_argument(arg)
    options.add_argument("--window-size={},{}".format(*WINDOW_SIZE))
    return options


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """Absolute path of the repository root."""
    return REPO_ROOT
