"""Commands of team work: assigning, packages and merging, agreement, adjudication, recommending."""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import Any

from workbench.cli.terminal import counted, open_project, open_project_keeping_tokens, progress_bar
from workbench.core.errors import WorkbenchError

# The format, import, export and GUI modules are imported by the commands that use them, so
# that a quick command such as `workbench stats` starts in a fraction of a second.


def run_assign(args: argparse.Namespace) -> None:
    from workbench.app.packages import assign, choose_documents

    if args.documents and (args.all or args.sample is not None):
        raise WorkbenchError("name documents, or give --all or --sample, not both")
    with open_project(args.project) as project:
        documents = choose_documents(
            project, args.documents, every=args.all, sample=args.sample, seed=args.seed
        )
        added = assign(project, args.annotator, documents)
    print(f"assigned {counted(len(documents), 'document')} to {args.annotator} ({added} new to them)")


def run_package(args: argparse.Namespace) -> None:
    from workbench.app.packages import write_package

    with open_project(args.project) as project:  # its first package makes its sealing key
        count = write_package(project, args.annotator, args.output)
    print(f"wrote {counted(count, 'document')} for {args.annotator} to {args.output}")


def run_merge(args: argparse.Namespace) -> None:
    from workbench.app.packages import first_names, merge_packages

    with open_project(args.project) as project:
        summary = merge_packages(project, args.packages, progress=progress_bar("merging"))
    print(
        f"merged {len(summary.packages)} packages: {summary.replaced} annotation sets taken, "
        f"{summary.unchanged} already up to date"
    )
    both = summary.changed_on_both_sides
    if both:
        print(
            f"{len(both)} of the sets taken had been changed in this project too since their package "
            f"was written; the package's replaced them: {first_names(both)}. The project's versions "
            f"are kept: `workbench replaced {args.project}` lists them and puts one back"
        )


def run_replaced(args: argparse.Namespace) -> None:
    from workbench.app.packages import replaced_versions, restore_version

    if args.restore is None:
        with open_project(args.project, readonly=True) as project:
            versions = replaced_versions(project)
        for version in versions:
            print(
                f"{version.id}  {version.replaced}  {version.document_name}  {version.annotator}  "
                f"{version.status}, {counted(version.spans, 'span')}, replaced by {version.replaced_by}"
            )
        if not versions:
            print("no replaced versions")
        return
    with open_project(args.project) as project:
        restored = restore_version(project, args.restore)
    print(
        f"put back {restored.annotator}'s version of {restored.document_name} "
        f"({counted(restored.spans, 'span')}); the set it replaced is kept in its turn"
    )


def run_agreement(args: argparse.Namespace) -> None:
    from workbench.app.agreement import project_agreement
    from workbench.app.agreement_html import agreement_html
    from workbench.app.output_paths import check_output_path, write_output_text

    outputs = [path for path in (args.html, args.output) if path is not None]
    for path in outputs:
        check_output_path(path, args.project)
    with open_project_keeping_tokens(args.project) as project:
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
    lines = [f"{', '.join(report['annotators'])}: {counted(report['documents'], 'document')}"]
    for mode in ("exact_labeled", "exact_unlabeled", "overlap_labeled", "overlap_unlabeled"):
        lines.append(f"  span F1 {mode:<18}{format_score(span[mode]['mean']):>8}")
    lines.append(f"  Krippendorff's alpha (tokens) {format_score(token['krippendorff_alpha']):>8}")
    lines.append(f"  alpha_U (characters)          {format_score(report['alpha_u']['overall']):>8}")
    if report["relations"]["per_type"]:
        for mode in ("exact", "overlap"):
            lines.append(f"  relation F1 {mode:<18}{format_score(report['relations'][mode]['mean']):>8}")
    for name, block in report["document_labels"]["fields"].items():
        lines.append(f"  document label {name}: alpha {format_score(block['krippendorff_alpha'])}")
    return "".join(f"{line}\n" for line in lines)


def run_adjudicate(args: argparse.Namespace) -> None:
    from workbench.app.adjudication import adjudicate
    from workbench.app.packages import choose_documents
    from workbench.core.adjudication import Agreement

    if (args.majority and not args.agreed) or (args.replace and not args.accept):
        print("workbench adjudicate: error: --majority goes with --agreed, --replace with --accept",
              file=sys.stderr)
        raise SystemExit(2)
    with open_project(args.project) as project:
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
        extras = "".join(
            f", {counted(count, what)}" for what, count in
            (("relation", added.relations), ("document label", added.document_labels)) if count
        )
        print(f"{names[document_id]}: {counted(added.spans, 'span')}, {counted(added.events, 'event')}, "
              f"{counted(added.arguments, 'argument')}{extras} added to gold")
    print(f"gold changed on {len(changed)} of {counted(len(documents), 'document')}")


def run_recommend(args: argparse.Namespace) -> None:
    names = args.recommender or ["strings", "crf", *(["command"] if args.program else [])]
    if args.evaluate:
        from workbench.app.recommender_evaluation import (
            evaluate_project,
            evaluation_text,
        )

        learning = [*names, *(["strings+crf"] if {"strings", "crf"} <= set(names) else [])]
        with open_project(args.project, readonly=True) as project:
            report = evaluate_project(project, learning, args.program)
        print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else evaluation_text(report))
        return
    from workbench.app.recommending import fill_suggestions

    with open_project(args.project) as project:
        filled = fill_suggestions(
            project, annotator=args.annotator, names=names, command=args.program,
            progress=progress_bar("suggesting"),
        )
    if not filled.documents:
        left = f"none assigned to {args.annotator} is left to do" if args.annotator else "every document is done"
        print(f"no document to suggest for: {left}")
        return
    by = ", ".join(f"{name} {count}" for name, count in filled.by_recommender.items())
    print(
        f"{counted(filled.suggestions, 'suggestion')} on {counted(filled.documents, 'document')} "
        f"({by or 'no recommender ready'})"
    )
