"""``python -m timeline_app serve``: the production server (gunicorn, debug off)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from gunicorn.app.base import BaseApplication

DEFAULT_WORKERS = 2
DEFAULT_THREADS = 4
"""gthread workers x threads, the best of bench/load.py on a 2-core machine (README,
"Serving a whole class"); override with TIMELINE_WORKERS / TIMELINE_THREADS."""


class _Gunicorn(BaseApplication):
    """Gunicorn run in-process, so ``serve`` needs no separate config file."""

    def __init__(self, application, options: dict):
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def serve_command(events: str | None, host: str, port: int, workers: int | None) -> int:
    from .web.app import create_app

    if events and not Path(events).is_file():
        print(f"{events}: no such events file", file=sys.stderr)
        return 2
    app = create_app(events)
    # Worker settings: measured by bench/load.py (README, "Serving a whole class").
    workers = workers or int(os.environ.get("TIMELINE_WORKERS", str(DEFAULT_WORKERS)))
    threads = int(os.environ.get("TIMELINE_THREADS", str(DEFAULT_THREADS)))
    print(f"Serving the timeline on http://{host}:{port} ({workers} workers x {threads} threads)",
          flush=True)
    _Gunicorn(app.server, {"bind": f"{host}:{port}", "workers": workers, "threads": threads,
                           "worker_class": "gthread", "accesslog": None}).run()
    return 0
