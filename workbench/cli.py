"""The command line: a thin layer over ``workbench.app``.

Success exits 0; an error prints one line on stderr naming the cause and exits 1; a usage error
exits 2. Set ``WORKBENCH_DEBUG=1`` to see the traceback of an unexpected error.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from workbench import __version__
from workbench.app.project import Project, on_read_only_media, project_problems, project_stats
from workbench.core.errors import WorkbenchError
from workbench.core.model import GOLD
from workbench.core.progress import Progress
from workbench.core.schema import BUILTIN_SCHEMAS, DEFAULT_SCHEMA
from workbench.formats import EXPORTERS, IMPORTERS

# The format, import, export and GUI modules are imported by the commands that use them, so
# that a quick command such as `workbench stats` starts in a fraction of a second.

EXIT_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Tawsim Workbench: annotate Arabic text. Without a command, opens the demo project.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test", action="store_true",
        help="check that this installation works (on a temporary project) and exit 0 if it does",
    )
    parser.add_argument(
        "--report", type=Path, metavar="FILE.json", help="with --self-test: also write the result as JSON"
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE.png", help="with --self-test: save the test window's picture"
    )
    parser.add_argument(
        "--startup-probe", action="store_true",
        help="open the demo project, print when the window has painted, and quit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = commands.add_parser("new", help="create an empty project file")
    new.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    new.add_argument(
        "--schema", default=DEFAULT_SCHEMA,
        help=f"a built-in schema ({', '.join(BUILTIN_SCHEMAS)}) or a schema file (YAML or JSON)",
    )
    new.set_defaults(run=run_new)

    imp = commands.add_parser("import", help="import documents (and annotations) into a project")
    imp.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    imp.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="files, or folders of them")
    imp.add_argument("--format", default="auto", choices=["auto", *IMPORTERS])
    imp.add_argument("--annotator", help="who the imported annotations belong to, where the file does not say")
    imp.add_argument("--label-map", type=Path, metavar="FILE",
                     help="a two-column file FOREIGN<TAB>SCHEMA_LABEL applied to the file's labels")
    imp.add_argument("--tag-columns", type=tag_columns, metavar="last|N[,M...]",
                     help="conll: the columns holding tags, numbered from 1 (the token); "
                          "default: the trailing columns whose every value is a tag")
    imp.set_defaults(run=run_import)

    exp = commands.add_parser("export", help="export documents with their annotations")
    exp.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    exp.add_argument("out", type=Path, metavar="OUT")
    exp.add_argument("--format", required=True, choices=list(EXPORTERS))
    exp.add_argument(
        "--source", default=GOLD,
        help='whose annotations: "gold" (the default), an annotator\'s name, or "all"',
    )
    exp.add_argument("--scheme", choices=["iob2", "bioes"], default="iob2", help="tag scheme (conll)")
    exp.add_argument("--nested", choices=["columns", "outermost"], default="columns",
                     help="nested spans in extra tag columns, or only the outermost layer (conll)")
    exp.add_argument("--split-clitics", action="store_true",
                     help="write the proclitics و ف ب ل ك ال as tokens of their own (conll)")
    exp.add_argument("--split", type=split_percentages, metavar="TRAIN/VALIDATION/TEST",
                     help="split by document, e.g. 80/10/10")
    exp.add_argument("--split-by", choices=["document", "sentence"], default="document",
                     help="what --split shares out: whole documents, or sentences (conll, hf)")
    exp.add_argument("--seed", type=int, default=0, help="the seed of --split (default 0)")
    exp.set_defaults(run=run_export)

    stats = commands.add_parser("stats", help="count documents, annotators, spans and events")
    stats.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(run=run_stats)

    check = commands.add_parser("check", help="check the file's integrity and every span's text")
    check.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    check.set_defaults(run=run_check)

    assigner = commands.add_parser("assign", help="give documents to an annotator")
    assigner.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    assigner.add_argument("--annotator", required=True)
    assigner.add_argument("documents", nargs="*", metavar="DOCUMENT", help="document names or ids")
    which = assigner.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every document of the project")
    which.add_argument("--sample", type=int, metavar="N", help="N documents drawn at random")
    assigner.add_argument("--seed", type=int, default=0, help="the seed of --sample (default 0)")
    assigner.set_defaults(run=run_assign)

    packager = commands.add_parser("package", help="write an annotator's documents to a project file")
    packager.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    packager.add_argument("--annotator", required=True)
    packager.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.tawsim")
    packager.set_defaults(run=run_package)

    merger = commands.add_parser("merge", help="bring annotators' packages back into the project")
    merger.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    merger.add_argument("packages", type=Path, nargs="+", metavar="FILE.tawsim")
    merger.set_defaults(run=run_merge)

    agreement = commands.add_parser("agreement", help="inter-annotator agreement")
    agreement.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    agreement.add_argument("--annotators", type=comma_list, default=[], metavar="A,B,...",
                           help="whose agreement (default: every annotator but gold)")
    agreement.add_argument("--documents", nargs="+", default=[], metavar="DOCUMENT",
                           help="names or ids (default: every document)")
    output = agreement.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the whole report as JSON")
    output.add_argument("--csv", action="store_true", help="print every value as CSV rows")
    agreement.add_argument("--html", type=Path, metavar="FILE", help="also write an HTML report")
    agreement.add_argument("-o", "--output", type=Path, metavar="FILE",
                           help="write the report (summary, --json or --csv) to FILE, not to the screen")
    agreement.set_defaults(run=run_agreement)

    adjudicator = commands.add_parser("adjudicate", help="write gold from the annotators' work")
    adjudicator.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    source = adjudicator.add_mutually_exclusive_group(required=True)
    source.add_argument("--agreed", action="store_true",
                        help="add what all finished annotators agree on (events included)")
    source.add_argument("--accept", metavar="NAME", help="add this annotator's version")
    adjudicator.add_argument("--majority", action="store_true",
                             help="with --agreed: what a majority agrees on")
    adjudicator.add_argument("--replace", action="store_true",
                             help="with --accept: replace gold with the version")
    adjudicator.add_argument("--documents", nargs="+", default=[], metavar="DOCUMENT",
                             help="names or ids (default: every document)")
    adjudicator.set_defaults(run=run_adjudicate)

    opener = commands.add_parser("open", help="open a project in the annotation window")
    opener.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    opener.add_argument("--annotator", help="your name (else WORKBENCH_ANNOTATOR, else asked once)")
    opener.set_defaults(run=run_open)
    return parser


def run_new(args: argparse.Namespace) -> None:
    from workbench.core.schema import resolve_schema

    schema = resolve_schema(args.schema)
    with Project.create(args.project, schema):
        pass
    print(f"created {args.project} with the schema {schema.id!r}")


def run_import(args: argparse.Namespace) -> None:
    from workbench.app.importing import import_paths
    from workbench.formats.report import FormatReport

    report = FormatReport()
    with Project.open(args.project) as project:
        summary = import_paths(
            project, args.paths, format_name=args.format, annotator=args.annotator,
            label_map=args.label_map, tag_columns=args.tag_columns, report=report, progress=progress_bar("importing"),
        )
    print(
        f"imported {summary.documents_added} new documents"
        + (f" ({summary.documents_matched} already in the project)" if summary.documents_matched else "")
        + f", {summary.spans} spans, {summary.events} events"
    )
    warn([*report.summary(), *summary.messages])


def run_export(args: argparse.Namespace) -> None:
    from workbench.app.exporting import export_project
    from workbench.formats.base import ExportOptions

    from workbench.formats.report import FormatReport

    report = FormatReport()
    # writable where it can be, so that the tokens this export cuts are kept (store.token_cache)
    with Project.open(args.project, readonly=on_read_only_media(args.project)) as project:
        options = ExportOptions(
            schema=project.schema, tag_scheme=args.scheme, nested=args.nested,
            split_clitics=args.split_clitics, split=args.split, split_by=args.split_by, seed=args.seed,
        )
        count = export_project(
            project, args.out, format_name=args.format, source=args.source, options=options,
            report=report, progress=progress_bar("exporting"),
        )
    print(f"exported {count} documents ({args.source}) to {args.out}")
    warn(report.summary())


def run_stats(args: argparse.Namespace) -> None:
    with Project.open(args.project, readonly=True) as project:
        stats = project_stats(project)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    print(f"{stats['project']}  (schema {stats['schema']})")
    for key in ("documents", "spans", "events", "arguments"):
        print(f"  {key:<11}{stats[key]:>10}")
    print(f"  annotators {', '.join(stats['annotators']) or '-'}")


def run_check(args: argparse.Namespace) -> None:
    with Project.open(args.project, readonly=True) as project:
        problems = project_problems(project)
    if problems:
        for problem in problems[1:]:
            print(problem, file=sys.stderr)
        raise WorkbenchError(
            f"{args.project}: {len(problems)} problem(s); first: {problems[0]}"
        )
    print(f"{args.project}: ok")


def run_assign(args: argparse.Namespace) -> None:
    from workbench.app.packages import assign, choose_documents

    if args.documents and (args.all or args.sample is not None):
        raise WorkbenchError("name documents, or give --all or --sample, not both")
    with Project.open(args.project) as project:
        documents = choose_documents(
            project, args.documents, every=args.all, sample=args.sample, seed=args.seed
        )
        added = assign(project, args.annotator, documents)
    print(f"assigned {len(documents)} documents to {args.annotator} ({added} new to them)")


def run_package(args: argparse.Namespace) -> None:
    from workbench.app.packages import write_package

    with Project.open(args.project) as project:  # its first package makes its sealing key
        count = write_package(project, args.annotator, args.output)
    print(f"wrote {count} documents for {args.annotator} to {args.output}")


def run_merge(args: argparse.Namespace) -> None:
    from workbench.app.packages import merge_packages

    with Project.open(args.project) as project:
        summary = merge_packages(project, args.packages, progress=progress_bar("merging"))
    print(
        f"merged {len(summary.packages)} packages: {summary.replaced} annotation sets taken, "
        f"{summary.unchanged} already up to date"
    )


def split_percentages(text: str) -> tuple[int, int, int]:
    """``80/10/10`` as three whole percentages that add up to 100."""
    try:
        train, validation, test = (int(part) for part in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not TRAIN/VALIDATION/TEST, e.g. 80/10/10") from None
    if min(train, validation, test) < 0 or train + validation + test != 100:
        raise argparse.ArgumentTypeError(f"{text!r}: three percentages that add up to 100")
    return train, validation, test


def tag_columns(text: str) -> tuple[int, ...] | Literal["last"]:
    """``last``, or column numbers such as ``4`` or ``3,4`` (the token is column 1)."""
    if text == "last":
        return "last"
    try:
        columns = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not 'last' or column numbers such as 4 or 3,4") from None
    if min(columns) < 2:
        raise argparse.ArgumentTypeError(f"{text!r}: column 1 is the token; tags are in columns 2 and later")
    return columns


def warn(lines: Sequence[str]) -> None:
    for line in lines:
        print(f"warning: {line}", file=sys.stderr)


def comma_list(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def run_agreement(args: argparse.Namespace) -> None:
    from workbench.app.agreement import project_agreement
    from workbench.app.agreement_html import agreement_html
    from workbench.app.output_paths import check_output_path, write_output_text

    outputs = [path for path in (args.html, args.output) if path is not None]
    for path in outputs:
        check_output_path(path, args.project)
    with Project.open(args.project, readonly=True) as project:
        report = project_agreement(
            project, args.annotators, args.documents, progress=progress_bar("measuring")
        )
    if args.html:
        page = agreement_html(report, f"Agreement: {args.project.name}")
        write_output_text(args.html, page, args.project)
    text = agreement_text(report, args.json, args.csv)
    if args.output:
        write_output_text(args.output, text, args.project)
    else:
        print(text, end="")


def agreement_text(report: dict[str, Any], as_json: bool, as_csv: bool) -> str:
    """The agreement report as JSON, as CSV rows, or as a summary for reading."""
    import csv
    import io

    from workbench.app.agreement import report_rows
    from workbench.app.agreement_html import format_score

    if as_json:
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if as_csv:
        stream = io.StringIO()
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["measure", "value"])
        writer.writerows((pointer, "" if value is None else value) for pointer, value in report_rows(report))
        return stream.getvalue()
    span, token = report["span_f1"], report["token"]
    lines = [f"{', '.join(report['annotators'])}: {report['documents']} documents"]
    for mode in ("exact_labeled", "exact_unlabeled", "overlap_labeled", "overlap_unlabeled"):
        lines.append(f"  span F1 {mode:<18}{format_score(span[mode]['mean']):>8}")
    lines.append(f"  Krippendorff's alpha (tokens) {format_score(token['krippendorff_alpha']):>8}")
    lines.append(f"  alpha_U (characters)          {format_score(report['alpha_u']['overall']):>8}")
    return "".join(f"{line}\n" for line in lines)


def run_adjudicate(args: argparse.Namespace) -> None:
    from workbench.app.adjudication import adjudicate
    from workbench.app.packages import choose_documents
    from workbench.core.adjudication import Agreement

    if args.majority and not args.agreed or args.replace and not args.accept:
        print("workbench adjudicate: error: --majority goes with --agreed, --replace with --accept",
              file=sys.stderr)
        raise SystemExit(2)
    with Project.open(args.project) as project:
        documents = choose_documents(project, args.documents, every=not args.documents)
        names = {d.id: d.name for d in project.documents()}
        changed = adjudicate(
            project,
            documents,
            minimum=(Agreement.MAJORITY if args.majority else Agreement.ALL) if args.agreed else None,
            annotator=args.accept,
            replace_gold=args.replace,
        )
    for document_id, added in changed:
        print(f"{names[document_id]}: {added.spans} spans, {added.events} events, "
              f"{added.arguments} arguments added to gold")
    print(f"gold changed on {len(changed)} of {len(documents)} documents")


def run_open(args: argparse.Namespace) -> None:
    # Checked before Qt starts: a dialog where no one can see it would wait forever.
    with Project.open(args.project, readonly=True):
        pass
    require_display()
    from workbench.ui.app import run_gui  # Qt is loaded only for the GUI

    raise SystemExit(run_gui(args.project, annotator=args.annotator))


def run_demo() -> int:
    require_display()
    from workbench.app.demo import ensure_demo_project
    from workbench.ui.app import run_gui

    return run_gui(ensure_demo_project(), annotator=None)


def require_display() -> None:
    """Refuse to start the window on Linux with no display to show it on (an ssh session, a
    container), unless ``QT_QPA_PLATFORM`` names a platform that needs none (offscreen, vnc)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    needs_display = platform.split(":")[0] in ("", "xcb", "wayland")
    if sys.platform.startswith("linux") and needs_display and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        raise WorkbenchError(
            "no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
            "run it in a desktop session, or use the other commands, which need none"
        )


def run_self_test(args: argparse.Namespace) -> int:
    from workbench.ui.self_test import run_self_test as self_test

    return self_test(args.report, args.screenshot)


def run_startup_probe() -> int:
    from workbench.ui.startup_probe import run_startup_probe as probe

    return probe()


def progress_bar(what: str) -> Progress:
    """A one-line progress counter on stderr when it is a terminal; silent otherwise."""
    if sys.stderr is None or not sys.stderr.isatty():  # None in a windowed Windows app
        return lambda done, total: None

    def show(done: int, total: int) -> None:
        if done % 100 == 0 or done == total:
            of = f"/{total}" if total else ""
            print(f"\r{what} {done}{of}", end="" if done != total else "\n", file=sys.stderr)

    return show


def main(argv: Sequence[str] | None = None) -> int:
    printable_output()
    parser = build_parser()
    args = parse_arguments(parser, argv)
    if (args.report or args.screenshot) and not args.self_test:
        parser.error("--report and --screenshot go with --self-test")
    if getattr(args, "tag_columns", None) and args.format not in ("auto", "conll"):
        parser.error("--tag-columns goes with a conll import")
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


def fail(message: str) -> int:
    """One line on stderr: a line break in the message (a file name may hold one) is shown escaped."""
    one_line = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"workbench: error: {one_line}", file=sys.stderr)
    return EXIT_ERROR


def printable_output() -> None:
    """Let stdout and stderr print any text: a file name that is not UTF-8 (held as lone
    surrogates) or a character the console's encoding lacks is escaped, not a crash after the
    work is done."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


if __name__ == "__main__":
    raise SystemExit(main())
