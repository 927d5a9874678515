"""Entry point: global options, the command registry, and error handling.

Exit status: 0 success, 1 when the command failed or some input was rejected,
2 on usage errors (argparse's own convention).
"""
from __future__ import annotations

import argparse
import logging
import sys

from .. import __version__
from ..errors import NewsgraphError
from . import docs, entities, events, export, ingest, output, serve

COMMAND_MODULES = [ingest, docs, entities, events, export, serve]


def common_options() -> argparse.ArgumentParser:
    """Options accepted before or after the command name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help="database: a file path or a URL such as postgresql://user@host/db "
                             "(default: $NEWSGRAPH_DB, else ./newsgraph.db)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON for scripts")
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="print only errors and results")
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log progress details")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="newsgraph", parents=[common],
        description="Turn raw news articles into a sourced, queryable knowledge graph.")
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(commands, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    for name, default in (("db", None), ("json", False), ("quiet", False), ("verbose", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.run(args) or 0
    except NewsgraphError as exc:
        output.error(str(exc))
        return 1
    except KeyboardInterrupt:
        output.error("interrupted; what was committed stays, run the command again to finish")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
