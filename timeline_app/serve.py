"""``python -m timeline_app serve``: the production server (waitress, one process, debug off).

``make run`` is what a teacher starts on a school machine with no proxy in
front, so the server itself must hold against slow and broken clients.
waitress reads every request whole (headers and body, up to the body
limit) in one event loop before a thread of the app sees it: a phone on a
bad network, a request whose body never comes or a thousand idle
connections hold a connection each, not a thread (bench/load.py measures
it with 50 such clients).  One process serves every request, so every
visitor sees the same version of the live dataset.
"""

from __future__ import annotations

import errno
import logging
import resource
import select
import sys

from .server.settings import Settings, apply_to_process

FILES_PER_CONNECTION = 2
"""Its socket, and the temporary file waitress keeps a body of more than 512 KB in."""
SPARE_FILES = 64
"""Open files beyond the connections: the dataset, the app's own, the log."""
ACCEPT_BATCH = 64
"""Connections let in per turn of waitress's event loop (see :func:`_accept_in_batches`)."""


def serve_command(settings: Settings) -> int:
    from waitress.server import create_server

    from .web.app import create_app

    apply_to_process(settings)
    app = create_app(settings.events, frame_ancestors=settings.frame_ancestors,
                     max_body_bytes=settings.max_body_bytes, media_origins=settings.media_origins)
    connection_limit = _allow_open_files(settings.connection_limit)
    connections: dict = {}  # waitress's event-loop map: listeners, channels, its trigger
    try:
        server = create_server(
            app.server, map=connections, host=settings.host, port=settings.port, threads=settings.threads,
            connection_limit=connection_limit,
            asyncore_use_poll=True,  # select() stops at file descriptor 1024
            max_request_body_size=settings.max_body_bytes,  # 413 before the body is read
            clear_untrusted_proxy_headers=True, expose_tracebacks=False, ident="timeline_app")
    except (OSError, ValueError) as exc:  # waitress: ValueError for a host name it cannot resolve
        print(_bind_error(settings, exc), file=sys.stderr)
        return 2
    _accept_in_batches(connections, connection_limit)
    # A class arriving at once queues requests for a moment: expected, not worth a line each.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    print(f"Serving the timeline on http://{settings.host}:{server.effective_port} "
          f"({settings.threads} threads, up to {connection_limit} connections)", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


def _bind_error(settings: Settings, exc: OSError | ValueError) -> str:
    where = f"{settings.host}:{settings.port}"
    code = getattr(exc, "errno", None)
    if code == errno.EADDRINUSE:
        return f"{where} is in use (another server runs there?); choose another --port"
    if code == errno.EACCES:
        return f"{where}: not allowed to listen there (ports below 1024 need root); choose another --port"
    if code == errno.EADDRNOTAVAIL or isinstance(exc, ValueError):
        return f"{where}: no address of this machine has that name; choose another --host (e.g. 127.0.0.1)"
    return f"{where}: cannot listen there: {exc.strerror or exc}"


def _accept_in_batches(connections: dict, limit: int) -> None:
    """Let in up to ACCEPT_BATCH waiting connections per turn of the event loop, not one.

    Each turn looks at every open connection, so one accept per turn made a
    burst of 1,000 connections take seconds to let in, with a visitor's
    connection waiting behind them (tests/test_app_serving.py); now it takes
    a few turns.  The connection limit still holds.
    """
    from waitress.server import BaseWSGIServer

    for listener in [d for d in connections.values() if isinstance(d, BaseWSGIServer)]:
        def handle_accept(accept_one=listener.handle_accept, listener=listener) -> None:
            for _ in range(ACCEPT_BATCH):
                accept_one()
                if len(connections) >= limit or not select.select([listener.socket], [], [], 0)[0]:
                    return

        listener.handle_accept = handle_accept


def _allow_open_files(connections: int) -> int:
    """Raise the open-file limit to what ``connections`` need, up to the hard limit.

    Returns the connections that fit (a machine's default soft limit is
    often 1024 files).
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = connections * FILES_PER_CONNECTION + SPARE_FILES
    if soft != resource.RLIM_INFINITY and soft < wanted:
        soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    if soft == resource.RLIM_INFINITY:
        return connections
    fitting = (soft - SPARE_FILES) // FILES_PER_CONNECTION
    if fitting < connections:
        print(f"only {fitting} connections fit in this process's open-file limit ({soft}); "
              f"raise it with `ulimit -n` to hold {connections}", file=sys.stderr)
    return min(connections, fitting)
