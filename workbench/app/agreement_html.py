"""The agreement report as one self-contained HTML page for leads to share.

The annotator-pair heatmap is inline SVG, so the page needs no script and no network.
"""

from __future__ import annotations

from html import escape
from typing import Any

from workbench.core.agreement.values import pair_key

CELL = 64
MARGIN = 120


def agreement_html(report: dict[str, Any], title: str) -> str:
    sections = [
        f"<h1>{escape(title)}</h1>",
        f"<p>{len(report['annotators'])} annotators; {compared_documents(report)} of "
        f"{report['documents']} documents finished by two or more (compared).</p>",
        _headline_table(report),
        "<h2>Span F1 by annotator pair (exact, labeled)</h2>",
        pair_heatmap_svg(report["annotators"], report["span_f1"]["exact_labeled"]["pairs"]),
        "<h2>Per label</h2>",
        _label_table(report),
        "<h2>Relations by type</h2>",
        _relation_table(report),
        "<h2>Document labels</h2>",
        _document_label_table(report),
        "<h2>Documents by disagreement</h2>",
        _document_table(report),
        "<h2>Undefined values</h2>",
        _undefined_list(report),
    ]
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>\n"
        + "\n".join(sections)
        + "\n</body></html>\n"
    )


_STYLE = """
body { font-family: "Noto Naskh Arabic", "Segoe UI", "Geeza Pro", sans-serif; margin: 2em; }
table { border-collapse: collapse; margin-bottom: 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
th { background: #f3f3f3; }
td.name { text-align: start; }
.na { color: #888; }
"""


def format_score(value: float | None) -> str:
    """Three decimals; a kappa of -0.0001 reads 0.000, not -0.000 (the "z" format option)."""
    return "n/a" if value is None else f"{value:z.3f}"


def _cell(value: float | None) -> str:
    css = ' class="na"' if value is None else ""
    return f"<td{css}>{format_score(value)}</td>"


def _headline_table(report: dict[str, Any]) -> str:
    span = report["span_f1"]
    token = report["token"]
    rows = [
        (f"span F1, {mode.replace('_', ' ')}", span[mode]["mean"], span[mode]["sd"])
        for mode in ("exact_labeled", "exact_unlabeled", "overlap_labeled", "overlap_unlabeled")
    ]
    relations = report["relations"]
    rows += [
        (f"relation F1, {mode}", relations[mode]["mean"], relations[mode]["sd"])
        for mode in ("exact", "overlap")
    ]
    rows += [
        ("Krippendorff's alpha, tokens", token["krippendorff_alpha"], None),
        ("Krippendorff's alpha, labelled tokens", token["krippendorff_alpha_labelled_only"], None),
        ("Fleiss' kappa, tokens", token["fleiss_kappa"], None),
        ("alpha_U (INCEpTION), characters", report["alpha_u"]["overall"], None),
    ]
    body = "".join(
        f"<tr><td class=\"name\">{escape(name)}</td>{_cell(value)}{_cell(sd) if sd is not None else '<td></td>'}</tr>"
        for name, value, sd in rows
    )
    return f"<table><tr><th>measure</th><th>mean</th><th>SD over pairs</th></tr>{body}</table>"


def pair_heatmap_svg(annotators: list[str], pairs: dict[str, float | None]) -> str:
    """An annotators x annotators grid; each cell coloured by the pair's value (0 red, 1 green)."""
    size = MARGIN + CELL * len(annotators)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" role="img">']
    for index, name in enumerate(annotators):
        offset = MARGIN + CELL * index + CELL / 2
        parts.append(
            f'<text x="{MARGIN - 6}" y="{offset}" text-anchor="end" dominant-baseline="middle">'
            f"{escape(name)}</text>"
        )
        parts.append(f'<text x="{offset}" y="{MARGIN - 6}" text-anchor="middle">{escape(name)}</text>')
    for row, a in enumerate(annotators):
        for column, b in enumerate(annotators):
            if a == b:
                continue
            value = pairs.get(pair_key(a, b))
            x, y = MARGIN + CELL * column, MARGIN + CELL * row
            parts.append(
                f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" fill="{heat_colour(value)}" stroke="#fff">'
                f"<title>{escape(a)} / {escape(b)}: {format_score(value)}</title></rect>"
                f'<text x="{x + CELL / 2}" y="{y + CELL / 2}" text-anchor="middle" '
                f'dominant-baseline="middle">{format_score(value)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def heat_colour(value: float | None) -> str:
    """Grey for undefined; from red (0 or below) through yellow to green (1)."""
    if value is None:
        return "#dddddd"
    clamped = min(max(value, 0.0), 1.0)
    red = int(230 if clamped < 0.5 else 230 - (clamped - 0.5) * 2 * 150)
    green = int(80 + clamped * 2 * 120 if clamped < 0.5 else 200)
    return f"#{red:02x}{green:02x}78"


def _label_table(report: dict[str, Any]) -> str:
    per_label = report["span_f1"]["per_label"]
    alpha_u = report["alpha_u"]["per_label"]
    alpha = {label: values["krippendorff_alpha"] for label, values in report["token"]["per_label"].items()}
    rows = "".join(
        f"<tr><td class=\"name\">{escape(label)}</td>{_cell(modes['exact']['mean'])}"
        f"{_cell(modes['overlap']['mean'])}{_cell(alpha_u.get(label))}{_cell(alpha.get(label))}</tr>"
        for label, modes in sorted(per_label.items())
    )
    return (
        "<table><tr><th>label</th><th>F1 exact</th><th>F1 overlap</th>"
        f"<th>alpha_U</th><th>alpha, tokens</th></tr>{rows}</table>"
    )


def _relation_table(report: dict[str, Any]) -> str:
    section = report["relations"]
    if not section["per_type"]:
        return "<p>No relations.</p>"
    symmetric = set(section["symmetric_types"])
    rows = "".join(
        f"<tr><td class=\"name\">{escape(name)}</td>"
        f"<td class=\"name\">{'symmetric' if name in symmetric else 'directed'}</td>"
        f"{_cell(modes['exact']['mean'])}{_cell(modes['overlap']['mean'])}</tr>"
        for name, modes in sorted(section["per_type"].items())
    )
    return (
        "<table><tr><th>relation type</th><th>direction</th><th>F1 exact</th>"
        f"<th>F1 overlapping ends</th></tr>{rows}</table>"
    )


def _document_label_table(report: dict[str, Any]) -> str:
    """Per field its means over pairs and alpha, then per value (binary studies) its alpha."""
    fields = report["document_labels"]["fields"]
    if not fields:
        return "<p>No document labels.</p>"
    rows = []
    for name, block in sorted(fields.items()):
        kind = block["kind"].replace("_", " ")
        rows.append(
            f"<tr><td class=\"name\">{escape(name)} ({kind})</td>"
            f"{_cell(block['observed_agreement_mean'])}{_cell(block['cohen_kappa_mean'])}"
            f"{_cell(block['krippendorff_alpha'])}</tr>"
        )
        rows.extend(
            f"<tr><td class=\"name\" dir=\"auto\">{escape(name)} = {escape(value)}</td>"
            f"<td></td><td></td>{_cell(values['krippendorff_alpha'])}</tr>"
            for value, values in sorted(block["per_value"].items())
        )
    return (
        "<table><tr><th>field</th><th>observed agreement</th><th>Cohen's kappa</th>"
        f"<th>Krippendorff's alpha</th></tr>{''.join(rows)}</table>"
        "<p>Means over annotator pairs. Multiple choice: one item per document and value, "
        "chosen or not; observed agreement: the same answer (the same set) on a document.</p>"
    )


def compared_documents(report: dict[str, Any]) -> int:
    """The documents two or more annotators finished: those the pairwise measures compare (an
    annotator's unfinished document counts for nobody)."""
    return sum(1 for row in report["per_document"] if len(row["finished"]) >= 2)


def documents_by_disagreement(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The per-document rows, most disagreement first (undefined last)."""
    return sorted(
        report["per_document"],
        key=lambda row: (row["disagreement"] is None, -(row["disagreement"] or 0.0)),
    )


def _document_table(report: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td class=\"name\" dir=\"auto\">{escape(row.get('name', row['document_id']))}</td>"
        f"{_cell(row['disagreement'])}<td>{row['unmatched']} / {row['annotations']}</td>"
        f"{_cell(row['alpha_u'])}<td class=\"name\">{escape(', '.join(row['finished']))}</td></tr>"
        for row in documents_by_disagreement(report)
    )
    return (
        "<table><tr><th>document</th><th>disagreement</th><th>unmatched / annotations</th>"
        f"<th>alpha_U</th><th>finished by</th></tr>{rows}</table>"
    )


def _undefined_list(report: dict[str, Any]) -> str:
    if not report["undefined"]:
        return "<p>None.</p>"
    items = "".join(
        f"<li><code>{escape(pointer)}</code>: {escape(reason)}</li>"
        for pointer, reason in sorted(report["undefined"].items())
    )
    return f"<ul>{items}</ul>"
