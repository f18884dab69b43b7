"""The agreement dashboard's tables, made from the report of ``project_agreement``: the pair
heatmap of a measure, the overall measures, per label, relations by type, document labels per
field, and the documents by disagreement. Each is a ``CellTable`` of ready cells (text, heat
colour, tooltip); an undefined value reads "n/a" with the report's reason as its tooltip.

The tables are made on the worker thread that computes the report (``AgreementTables.of_report``,
called by ``AgreementDashboard.refresh``): at 1,000 compared documents they took 15-20 ms, which
the GUI thread spent as the report arrived. Nothing here touches a widget, and ``tr`` is
``QCoreApplication.translate``, which Qt 6 documents as thread-safe (qtbase
src/corelib/kernel/qcoreapplication.cpp: ``\\threadsafe``; it reads the installed translators under a
read lock that installing or removing one takes for writing).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from workbench.app.agreement_html import documents_by_disagreement, heat_colour
from workbench.core.agreement import pair_key, undefined_reason
from workbench.core.agreement.values import pair_members
from workbench.core.schema import Schema
from workbench.ui.i18n import isolated
from workbench.ui.lead.agreement_cells import (
    Cell,
    CellItemModel,
    CellTable,
    KeyPath,
    Report,
    score_cell,
    score_text,
    value_at,
)
from workbench.ui.relation_names import field_name, field_value_name, relation_type_name
from workbench.ui.text_direction import is_right_to_left

LEFT = Qt.AlignmentFlag.AlignLeft
SUB_ROW_INDENT = "    "


@dataclass(frozen=True)
class ReportTables:
    """A report with every table the dashboard shows of it, made off the GUI thread: the tables
    as models on the GUI thread (``CellItemModel``), the heatmaps as tables for the one model the
    heatmap keeps."""

    report: Report
    document_rows: list[dict[str, Any]]
    """The report's per-document rows, most disagreement first (``documents_by_disagreement``)."""
    heatmaps: list[CellTable]
    """The pair heatmap of each of ``AgreementTables.pair_measures``, in their order."""
    headline: CellItemModel
    labels: CellItemModel
    relation_types: CellItemModel
    document_labels: CellItemModel
    documents: CellItemModel


class AgreementTables:
    """Builds the dashboard's tables (module docstring); names come from ``schema``. Not a
    QObject: one is made on the worker thread, for the tables of a report."""

    def __init__(self, schema: Schema) -> None:
        self._schema = schema

    @staticmethod
    def tr(text: str) -> str:
        """``text`` translated in this class's context (as ``QObject.tr`` was), on any thread."""
        return QCoreApplication.translate("AgreementTables", text)

    def of_report(self, report: Report, titles: Mapping[str, str]) -> ReportTables:
        """Every table of ``report``; its documents by their ``titles`` (by id)."""
        rows = documents_by_disagreement(report)
        headline, labels, relation_types, document_labels, documents = (
            CellItemModel(table).on_gui_thread()
            for table in (
                self.headline(report),
                self.labels(report),
                self.relation_types(report),
                self.document_labels(report),
                self.documents(report, rows, titles),
            )
        )
        heatmaps = [self.heatmap(report, path) for _, path in self.pair_measures()]
        return ReportTables(
            report, rows, heatmaps, headline, labels, relation_types, document_labels, documents
        )

    # -- measures -------------------------------------------------------------------------------

    def pair_measures(self) -> list[tuple[str, KeyPath]]:
        """The measures with a value per annotator pair: title, and where the pairs are."""
        return [
            (self.tr("Span F1, exact, labeled"), ("span_f1", "exact_labeled", "pairs")),
            (self.tr("Span F1, exact, unlabeled"), ("span_f1", "exact_unlabeled", "pairs")),
            (self.tr("Span F1, overlap, labeled"), ("span_f1", "overlap_labeled", "pairs")),
            (self.tr("Span F1, overlap, unlabeled"), ("span_f1", "overlap_unlabeled", "pairs")),
            (self.tr("alpha_U (characters)"), ("alpha_u", "pairs")),
            (self.tr("Cohen's kappa (tokens)"), ("token", "cohen_kappa")),
            (self.tr("Cohen's kappa (labelled tokens)"), ("token", "cohen_kappa_labelled_only")),
            (self.tr("Relation F1, exact ends"), ("relations", "exact", "pairs")),
            (self.tr("Relation F1, overlapping ends"), ("relations", "overlap", "pairs")),
            (
                self.tr("Events: trigger F1, exact, typed"),
                ("events", "exact", "trigger_classification", "pairs"),
            ),
            (
                self.tr("Events: argument F1, exact, with roles"),
                ("events", "exact", "argument_classification", "pairs"),
            ),
            (self.tr("Events: role agreement"), ("events", "role_agreement", "pairs")),
        ]

    def event_measures(self) -> list[tuple[str, KeyPath]]:
        """The event rows of the overall table: title, and where the F1 block is."""
        exact, overlap = self.tr("exact"), self.tr("overlap")
        names = {
            "trigger_identification": self.tr("Event triggers, found (Tri-I)"),
            "trigger_classification": self.tr("Event triggers, typed (Tri-C)"),
            "argument_identification": self.tr("Event arguments, found (Arg-I)"),
            "argument_classification": self.tr("Event arguments, with roles (Arg-C)"),
            "argument_identification_attached": self.tr("Arguments on the same trigger (Arg-I+)"),
            "argument_classification_attached": self.tr("Arguments on the same trigger, with roles (Arg-C+)"),
        }
        rows: list[tuple[str, KeyPath]] = [
            (f"{title}, {mode_name}", ("events", mode, measure))
            for mode, mode_name in (("exact", exact), ("overlap", overlap))
            for measure, title in names.items()
        ]
        rows.append((self.tr("Role agreement on aligned events"), ("events", "role_agreement")))
        return rows

    def relation_measures(self) -> list[tuple[str, KeyPath]]:
        """The relation rows of the overall table: title, and where the F1 block is."""
        return [
            (self.tr("Relation F1, exact ends and type"), ("relations", "exact")),
            (self.tr("Relation F1, overlapping ends"), ("relations", "overlap")),
        ]

    # -- the heatmap ----------------------------------------------------------------------------

    def heatmap(self, report: Report, path: KeyPath) -> CellTable:
        annotators = report["annotators"]
        rows = [
            [self._pair_cell(report, path, a, b) if a != b else Cell("—") for b in annotators]
            for a in annotators
        ]
        return CellTable(list(annotators), rows, list(annotators))

    def _pair_cell(self, report: Report, path: KeyPath, a: str, b: str) -> Cell:
        key = pair_key(a, b)
        tooltip = f"{a} / {b}"
        if path[0] in ("span_f1", "events", "relations"):
            counts = value_at(report, (*path[:-1], "counts"))[key]
            first, second = pair_members(key)
            counted = (
                self.tr("{tp} matched; {a} relations of {first}, {b} of {second}")
                if path[0] == "relations"
                else self.tr("{tp} matched; {a} spans of {first}, {b} of {second}")
            )
            tooltip += "\n" + counted.format(
                tp=counts["tp"], a=counts["a"], b=counts["b"], first=first, second=second
            )
        return score_cell(report, (*path, key), tooltip)

    # -- the overall measures -------------------------------------------------------------------

    def headline(self, report: Report) -> CellTable:
        rows = [
            self._mean_row(
                self.tr("Span F1, {mode} (mean, SD over pairs)").format(mode=mode_name),
                report,
                ("span_f1", mode),
            )
            for mode, mode_name in (
                ("exact_labeled", self.tr("exact, labeled")),
                ("exact_unlabeled", self.tr("exact, unlabeled")),
                ("overlap_labeled", self.tr("overlap, labeled")),
                ("overlap_unlabeled", self.tr("overlap, unlabeled")),
            )
        ]
        rows += [self._mean_row(title, report, path) for title, path in self.relation_measures()]
        singles = [
            (self.tr("Krippendorff's alpha, tokens"), ("token", "krippendorff_alpha")),
            (
                self.tr("Krippendorff's alpha, labelled tokens"),
                ("token", "krippendorff_alpha_labelled_only"),
            ),
            (self.tr("Fleiss' kappa, tokens"), ("token", "fleiss_kappa")),
            (self.tr("Cohen's kappa, mean over pairs"), ("token", "cohen_kappa_mean")),
            (self.tr("alpha_U (INCEpTION), characters"), ("alpha_u", "overall")),
        ]
        rows += [
            [Cell(title, alignment=LEFT), score_cell(report, path), Cell("")]
            for title, path in singles
        ]
        rows += [self._mean_row(title, report, path) for title, path in self.event_measures()]
        return CellTable([self.tr("Measure"), self.tr("Value"), self.tr("SD")], rows)

    @staticmethod
    def _mean_row(title: str, report: Report, block: KeyPath) -> list[Cell]:
        """A row of an F1 block: its mean over pairs and their standard deviation."""
        return [
            Cell(title, alignment=LEFT),
            score_cell(report, (*block, "mean")),
            score_cell(report, (*block, "sd"), heat=False),
        ]

    # -- per label, per relation type, per document-label field -----------------------------------

    def labels(self, report: Report) -> CellTable:
        rows = [
            [
                Cell(label, tooltip=self._label_names(label)),
                score_cell(report, ("span_f1", "per_label", label, "exact", "mean")),
                score_cell(report, ("span_f1", "per_label", label, "overlap", "mean")),
                self._optional_score(report, ("alpha_u", "per_label", label)),
                self._optional_score(report, ("token", "per_label", label, "krippendorff_alpha")),
            ]
            for label in sorted(report["span_f1"]["per_label"])
        ]
        columns = [
            self.tr("Label"),
            self.tr("F1 exact"),
            self.tr("F1 overlap"),
            self.tr("alpha_U"),
            self.tr("alpha, tokens"),
        ]
        return CellTable(columns, rows)

    def relation_types(self, report: Report) -> CellTable:
        """Per relation type: its direction and its F1 (mean over pairs), exact and with
        overlapping ends."""
        section = report["relations"]
        symmetric = set(section["symmetric_types"])
        rows = [
            [
                Cell(relation_type_name(self._schema, name), tooltip=name, alignment=LEFT),
                Cell(self.tr("symmetric") if name in symmetric else self.tr("directed")),
                score_cell(report, ("relations", "per_type", name, "exact", "mean")),
                score_cell(report, ("relations", "per_type", name, "overlap", "mean")),
            ]
            for name in sorted(section["per_type"])
        ]
        columns = [
            self.tr("Relation type"),
            self.tr("Direction"),
            self.tr("F1 exact"),
            self.tr("F1 overlapping ends"),
        ]
        return CellTable(columns, rows)

    def document_labels(self, report: Report) -> CellTable:
        """Per field: its kind, alpha, mean kappa and mean observed agreement over pairs; then a
        sub-row per value with its alpha (each value a binary study: chosen or not)."""
        rows: list[list[Cell]] = []
        for name, block in sorted(report["document_labels"]["fields"].items()):
            path = ("document_labels", "fields", name)
            rows.append(
                [
                    Cell(field_name(self._schema, name), tooltip=name, alignment=LEFT),
                    Cell(self._kind_name(block["kind"])),
                    score_cell(report, (*path, "krippendorff_alpha")),
                    score_cell(report, (*path, "cohen_kappa_mean")),
                    score_cell(report, (*path, "observed_agreement_mean")),
                ]
            )
            rows += [
                [
                    Cell(SUB_ROW_INDENT + field_value_name(self._schema, name, value), tooltip=value, alignment=LEFT),
                    Cell(""),
                    score_cell(report, (*path, "per_value", value, "krippendorff_alpha")),
                    Cell(""),
                    Cell(""),
                ]
                for value in sorted(block["per_value"])
            ]
        columns = [
            self.tr("Field"),
            self.tr("Kind"),
            self.tr("Krippendorff's alpha"),
            self.tr("Cohen's kappa, mean"),
            self.tr("Observed agreement, mean"),
        ]
        return CellTable(columns, rows)

    def _optional_score(self, report: Report, path: KeyPath) -> Cell:
        """A per-label value the report may not hold (a label seen only in some measures)."""
        try:
            value_at(report, path)
        except KeyError:
            return Cell(
                score_text(None), heat_colour(None), self.tr("not measured for this label")
            )
        return score_cell(report, path)

    def _kind_name(self, kind: str) -> str:
        if kind == "multiple_choice":
            return self.tr("multiple choice")
        return self.tr("single choice")

    def _label_names(self, label: str) -> str:
        if self._schema.has_entity(label):
            entity = self._schema.entity(label)
            return f"{entity.en} — {entity.ar}"
        return label

    # -- documents ------------------------------------------------------------------------------

    def documents(
        self, report: Report, shown: list[dict[str, Any]], titles: Mapping[str, str]
    ) -> CellTable:
        """The ``shown`` per-document rows (in their order) of the report, each document by its
        title (``titles``, by id; else its file name), with its file name as the tooltip, as the
        annotator's list names it."""
        positions = {r["document_id"]: i for i, r in enumerate(report["per_document"])}
        rows = []
        for row in shown:
            disagreement = row["disagreement"]
            index = positions[row["document_id"]]
            rows.append(
                [
                    self._document_cell(titles.get(row["document_id"], row["name"]), row["name"]),
                    Cell(
                        score_text(disagreement),
                        heat_colour(None if disagreement is None else 1 - disagreement),
                        undefined_reason(report, "per_document", index, "disagreement") or "",
                    ),
                    Cell(isolated(f"{row['unmatched']} / {row['annotations']}")),
                    score_cell(report, ("per_document", index, "alpha_u")),
                    Cell(", ".join(row["finished"]), alignment=LEFT),
                ]
            )
        columns = [
            self.tr("Document"),
            self.tr("Disagreement"),
            self.tr("Unmatched / annotations"),
            self.tr("alpha_U"),
            self.tr("Finished by"),
        ]
        return CellTable(columns, rows)

    def _document_cell(self, title: str, name: str) -> Cell:
        return Cell(isolated(title), tooltip=isolated(name), alignment=self._text_alignment(title))

    @staticmethod
    def _text_alignment(text: str) -> Qt.AlignmentFlag:
        if is_right_to_left(text):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
        return LEFT
