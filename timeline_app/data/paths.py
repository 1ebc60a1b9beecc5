"""Where the shipped data lives, resolved from the package, not the working directory."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVENTS_DIR = ROOT / "events"
EVENTS_CSV = EVENTS_DIR / "events.csv"
SOURCES_DIR = EVENTS_DIR / "sources"
PERIODS_CSV = EVENTS_DIR / "periods.csv"
