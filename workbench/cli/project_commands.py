"""Commands on one project file: new, import, export, stats, check, guidelines."""

from __future__ import annotations

import argparse
import json
import sys

from workbench.app.project import Project, project_problems, project_stats
from workbench.cli.terminal import counted, open_project, open_project_keeping_tokens, progress_bar, warn
from workbench.core.errors import WorkbenchError

# The format, import, export and GUI modules are imported by the commands that use them, so
# that a quick command such as `workbench stats` starts in a fraction of a second.


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
    with open_project(args.project) as project:
        summary = import_paths(
            project, args.paths, format_name=args.format, annotator=args.annotator,
            label_map=args.label_map, tag_columns=args.tag_columns, report=report, progress=progress_bar("importing"),
        )
    print(
        f"imported {counted(summary.documents_added, 'new document')}"
        + (f" ({summary.documents_matched} already in the project)" if summary.documents_matched else "")
        + f", {counted(summary.spans, 'span')}, {counted(summary.events, 'event')}"
        + (f", {counted(summary.relations, 'relation')}" if summary.relations else "")
    )
    warn([*report.summary(), *summary.messages])


def run_export(args: argparse.Namespace) -> None:
    from workbench.app.exporting import export_project
    from workbench.formats.base import ExportOptions
    from workbench.formats.report import FormatReport

    report = FormatReport()
    with open_project_keeping_tokens(args.project) as project:
        options = ExportOptions(
            schema=project.schema, tag_scheme=args.scheme, nested=args.nested,
            split_clitics=args.split_clitics, split=args.split, split_by=args.split_by, seed=args.seed,
        )
        count = export_project(
            project, args.out, format_name=args.format, source=args.source, options=options,
            report=report, progress=progress_bar("exporting"),
        )
    print(f"exported {counted(count, 'document')} ({args.source}) to {args.out}")
    warn(report.summary())


def run_stats(args: argparse.Namespace) -> None:
    with open_project(args.project, readonly=True) as project:
        stats = project_stats(project)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    print(f"{stats['project']}  (schema {stats['schema']})")
    for key in ("documents", "spans", "events", "arguments", "relations", "document_labels"):
        print(f"  {key.replace('_', ' '):<16}{stats[key]:>10}")
    print(f"  annotators {', '.join(stats['annotators']) or '-'}")
    print(f"  guidelines {stats['guidelines']['version'] or '-'}")


def run_check(args: argparse.Namespace) -> None:
    with open_project(args.project, readonly=True) as project:
        problems = project_problems(project)
    if problems:
        for problem in problems[1:]:
            print(problem, file=sys.stderr)
        raise WorkbenchError(
            f"{args.project}: {len(problems)} problem(s); first: {problems[0]}"
        )
    print(f"{args.project}: ok")


def run_guidelines(args: argparse.Namespace) -> None:
    from workbench.app import guidelines

    with open_project(args.project, readonly=args.file is None) as project:
        if args.file is not None:
            version = guidelines.set_guidelines(project, args.file)
            print(f"{args.project}: guidelines version {version.version} (sha256 {version.sha256[:12]})")
        elif args.output is not None:
            print(f"wrote guidelines version {guidelines.write_guidelines(project, args.output).version}")
        else:
            print(guidelines.required_guidelines(project).text, end="")
