"""The command line: ``python -m timeline_app serve|extract|check|import-timelinejs``.

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

    check = sub.add_parser("check", help="validate an events, categories, periods or TimelineJS CSV file",
                           description="Print one line per problem as FILE:LINE: column: message; "
                                       "fix: hint.  Exit status 1 when there is an error.")
    check.add_argument("file", nargs="?", help="CSV file to check (default: events/events.csv)")
    check.add_argument("--strict", action="store_true", help="exit with status 1 on warnings too")

    tljs = sub.add_parser("import-timelinejs", help="convert a TimelineJS sheet (CSV) to an events CSV")
    tljs.add_argument("file", help="CSV exported from a Knight Lab TimelineJS spreadsheet")
    tljs.add_argument("--out", required=True, help="events CSV file to write")
    tljs.add_argument("--category", default="", help="category for rows whose Group is empty")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        from .commands import check_command

        return check_command(args.file, strict=args.strict)
    if args.command == "import-timelinejs":
        from .commands import import_command

        return import_command(args.file, args.out, default_category=args.category)
    if args.command == "extract":
        from .commands import extract_command

        return extract_command(args.path, args.out)
    from .serve import serve_command

    return serve_command(events=args.events, host=args.host, port=args.port, workers=args.workers)


if __name__ == "__main__":
    sys.exit(main())
