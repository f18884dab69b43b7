"""The command line: a thin layer over ``workbench.app``.

Success exits 0; an error prints one line on stderr naming the cause and exits 1; a usage error
exits 2. Set ``WORKBENCH_DEBUG=1`` to see the traceback of an unexpected error.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
from collections.abc import Callable, Sequence

from workbench.cli.parser import build_parser
from workbench.cli.terminal import fail, printable_output, update_noted
from workbench.cli.window_commands import run_demo, run_self_test, run_startup_probe
from workbench.core.errors import WorkbenchError


def main(argv: Sequence[str] | None = None) -> int:
    printable_output()
    parser = build_parser()
    args = parse_arguments(parser, argv)
    if (args.report or args.screenshot) and not args.self_test:
        parser.error("--report and --screenshot go with --self-test")
    if getattr(args, "tag_columns", None) and args.format not in ("auto", "conll"):
        parser.error("--tag-columns goes with a conll import")
    if args.command == "recommend" and args.json and not args.evaluate:
        parser.error("--json goes with --evaluate")
    if args.command == "recommend" and "command" in (args.recommender or []) and not args.program:
        parser.error("--recommender command needs --command CMD")
    if getattr(args, "split_by", None) == "sentence" and (args.split is None or args.format not in ("conll", "hf")):
        parser.error("--split-by sentence goes with --split, in a conll or hf export")
    try:
        if args.self_test:
            return run_self_test(args)
        if args.startup_probe:
            return run_startup_probe()
        if args.command is None:
            return run_demo()
        run: Callable[[argparse.Namespace], None] = args.run
        with update_noted(getattr(args, "project", None)):
            run(args)
    except WorkbenchError as error:
        return fail(str(error))
    except (OSError, sqlite3.Error) as error:
        return fail(f"{type(error).__name__}: {error}")
    except KeyboardInterrupt:
        return fail("interrupted; nothing of the operation in progress was kept")
    except Exception as error:  # a bug: still one line, with the traceback on request
        if os.environ.get("WORKBENCH_DEBUG"):
            raise
        return fail(f"unexpected {type(error).__name__}: {error} (WORKBENCH_DEBUG=1 shows where)")
    return 0


def parse_arguments(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse, letting documents named after an option (``assign P --annotator A d1 d2``) count.

    argparse fills a ``nargs="*"`` positional from the first run of positionals only, so names
    given after an option would otherwise be refused as unrecognized.
    """
    args, extras = parser.parse_known_args(argv)
    if extras and hasattr(args, "documents") and not any(e.startswith("-") for e in extras):
        args.documents = [*args.documents, *extras]
    elif extras:
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    return args


if __name__ == "__main__":
    raise SystemExit(main())
