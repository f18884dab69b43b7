"""The command line's arguments: every command, its options, and their types."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Literal

from workbench import __version__
from workbench.cli.project_commands import run_check, run_export, run_guidelines, run_import, run_new, run_stats
from workbench.cli.team_commands import (
    run_adjudicate,
    run_agreement,
    run_assign,
    run_merge,
    run_package,
    run_recommend,
    run_replaced,
)
from workbench.cli.window_commands import run_open
from workbench.core.model import GOLD
from workbench.core.schema import BUILTIN_SCHEMAS, DEFAULT_SCHEMA
from workbench.formats import EXPORTERS, IMPORTERS


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

    stats = commands.add_parser(
        "stats", help="count documents, annotators, spans, events, relations and document labels"
    )
    stats.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(run=run_stats)

    check = commands.add_parser("check", help="check the file's integrity and every span's text")
    check.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    check.set_defaults(run=run_check)

    guide = commands.add_parser("guidelines", help="set the project's guidelines from FILE.md, or print them")
    guide.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    given = guide.add_mutually_exclusive_group()
    given.add_argument("file", type=Path, nargs="?", metavar="FILE.md", help="a new version of the guidelines")
    given.add_argument("-o", "--output", type=Path, metavar="FILE.md", help="write the current guidelines to FILE")
    guide.set_defaults(run=run_guidelines)

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

    replaced = commands.add_parser(
        "replaced",
        help="list the project's versions of sets a merge replaced (changed on both sides), or put one back",
    )
    replaced.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    replaced.add_argument(
        "--restore", metavar="ID", help="put this version back (the set it replaces is kept in turn)"
    )
    replaced.set_defaults(run=run_replaced)

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

    recommender = commands.add_parser(
        "recommend", help="fill suggestions for documents not yet done, or --evaluate the recommenders"
    )
    recommender.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    recommender.add_argument("--annotator", help="whose documents (not done by them); default: not done by anyone")
    recommender.add_argument("--recommender", action="append", choices=["strings", "crf", "command"],
                             help="which recommender (repeatable; default: strings and crf)")
    recommender.add_argument(
        "--command", dest="program", metavar="CMD",
        help="the program of --recommender command (workbench/core/recommenders/README.md)",
    )
    recommender.add_argument("--evaluate", action="store_true", help="print a learning curve per recommender")
    recommender.add_argument("--json", action="store_true", help="with --evaluate: print JSON")
    recommender.set_defaults(run=run_recommend)

    opener = commands.add_parser("open", help="open a project in the annotation window")
    opener.add_argument("project", type=Path, metavar="PROJECT.tawsim")
    opener.add_argument("--annotator", help="your name (else WORKBENCH_ANNOTATOR, else asked once)")
    opener.set_defaults(run=run_open)
    return parser


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


def comma_list(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]
