"""The command line: ``python -m timeline_app serve|extract|check|propose|import-timelinejs``.

Thin by design: each sub-command parses its arguments and calls one
function of the package, so everything it does is testable without a shell.
"""

from __future__ import annotations

import argparse
import sys

from .server.settings import SettingError, add_options, from_environment, load_settings, unknown_variables


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline_app",
                                     description="History texts as an interactive timeline.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the timeline with a production WSGI server",
                           description="Every option can also be set by its TIMELINE_* environment "
                                       "variable; the option wins.")
    add_options(serve)

    extract = sub.add_parser("extract", help="find date expressions in article texts")
    extract.add_argument("path", help="an article file or a folder of article files")
    extract.add_argument("--out", required=True, help="CSV file to write")
    extract.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    extract.add_argument("--date", metavar="YYYY-MM-DD",
                         help="the articles' own date (a news report's day), for 'yesterday', 'last year', "
                              "'on Friday'; an article's 'date:' first line gives its own")

    check = sub.add_parser("check", help="validate an events, categories, periods or TimelineJS CSV file",
                           description="Print one line per problem as FILE:LINE: column: message; "
                                       "fix: hint.  Exit status 1 when there is an error.  An event's image "
                                       "from a web address passes only from a site in TIMELINE_MEDIA_ORIGINS, "
                                       "as the server shows it.")
    check.add_argument("file", nargs="?", help="CSV file to check (default: events/events.csv)")
    check.add_argument("--strict", action="store_true", help="exit with status 1 on warnings too")
    check.add_argument("--coverage", action="store_true",
                       help="also list each article's dated mentions: on the timeline, marked not an "
                            "event (not-events.csv), or missing (a missing one fails the check)")

    propose = sub.add_parser("propose", help="draft events for the dated mentions no event covers yet",
                             description="Write candidate events.csv rows for every dated mention of the "
                                         "articles that no event's quote contains, for an editor to curate.")
    propose.add_argument("path", help="an article file or a folder of article files")
    propose.add_argument("--out", help="events CSV file to write (default: standard output)")
    propose.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    propose.add_argument("--events", help="events CSV the mentions are checked against "
                                          "(default: events/events.csv)")

    tljs = sub.add_parser("import-timelinejs", help="convert a TimelineJS sheet (CSV) to an events CSV")
    tljs.add_argument("file", help="CSV exported from a Knight Lab TimelineJS spreadsheet")
    tljs.add_argument("--out", required=True, help="events CSV file to write")
    tljs.add_argument("--category", default="",
                      help="category for rows whose Group is empty or not a category "
                           "(default: the first in categories.csv, with a warning)")
    tljs.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        from .commands import check_command

        try:  # the server's image sites, so check shows the images the server would
            media_origins = from_environment("media_origins")
        except SettingError as exc:
            print(exc, file=sys.stderr)
            return 2
        return check_command(args.file, strict=args.strict, coverage=args.coverage, media_origins=media_origins)
    if args.command == "propose":
        from .commands import propose_command

        return propose_command(args.path, args.out, force=args.force, events=args.events)
    if args.command == "import-timelinejs":
        from .commands import import_command

        return import_command(args.file, args.out, default_category=args.category, force=args.force)
    if args.command == "extract":
        from .commands import extract_command

        return extract_command(args.path, args.out, force=args.force, document_date=args.date)
    return serve(vars(args))


def serve(options: dict) -> int:
    """``serve``: settings parsed once (a bad one is a one-line error), then the server."""
    for name in unknown_variables():
        print(f"{name} is not a setting of serve (see `python -m timeline_app serve --help`); ignored",
              file=sys.stderr)
    try:
        settings = load_settings(options)
    except SettingError as exc:
        print(exc, file=sys.stderr)
        return 2
    from .serve import serve_command

    return serve_command(settings)


if __name__ == "__main__":
    sys.exit(main())
