"""The command line: ``python -m timeline_app serve|extract|check``.

Thin by design: each sub-command parses its arguments and calls one
function of the package, so everything it does is testable without a shell.
"""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline_app",
                                     description="History texts as an interactive timeline.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the timeline with a production WSGI server")
    serve.add_argument("--events", help="events CSV to show (default: the shipped events/events.csv)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--workers", type=int, default=None, help="gunicorn worker processes")

    extract = sub.add_parser("extract", help="find date expressions in article texts")
    extract.add_argument("path", help="an article file or a folder of article files")
    extract.add_argument("--out", required=True, help="CSV file to write")

    check = sub.add_parser("check", help="validate an events CSV file")
    check.add_argument("file", nargs="?", help="events CSV (default: events/events.csv)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        from .check import check_command

        return check_command(args.file)
    if args.command == "extract":
        from .extract import extract_command

        return extract_command(args.path, args.out)
    from .serve import serve_command

    return serve_command(events=args.events, host=args.host, port=args.port, workers=args.workers)


if __name__ == "__main__":
    sys.exit(main())
