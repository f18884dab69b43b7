"""The agreement dashboard: which annotators, which labels and which documents disagree.

It shows the report of ``project_agreement`` (computed in the background): the annotator-pair
heatmap of a chosen measure (span, token, event or relation), the headline values, tabs per
label, per relation type and per document-label field, and the documents sorted by disagreement
(``documents_by_disagreement``); the tables are made in ``agreement_tables``, on the worker thread
that computes the report, so that the GUI thread only gives them to their models. Cells are coloured
as in the HTML report (``heat_colour``: red for 0, green for 1, grey where the value is
undefined); an undefined value reads "n/a" and its tooltip gives the reason the report records.

A click on a pair cell, or on a document, emits ``comparisonRequested(document id or "",
annotator A, annotator B)`` and opens the comparison in the adjudication window: for a pair
cell, on the first document in the list (the most disagreeing) that both finished.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.app.agreement import project_agreement
from workbench.app.agreement_html import agreement_html, compared_documents
from workbench.app.document_list import titles_of
from workbench.app.output_paths import write_output_text
from workbench.app.project import Project
from workbench.core.progress import Progress
from workbench.ui.annotate.document_model import PAGE
from workbench.ui.background import BackgroundTask, CancelCheck, keeping_tokens, run_in_background
from workbench.ui.i18n import isolated
from workbench.ui.lead.adjudication_view import AdjudicationView, open_adjudication
from workbench.ui.lead.agreement_cells import CellItemModel, CellTable, CellTableModel, Report
from workbench.ui.lead.agreement_tables import AgreementTables, ReportTables
from workbench.ui.table_setup import fitted_table

HEATMAP_CELL = (96, 48)
"""Width and height of a heatmap cell."""


class AgreementDashboard(QWidget):
    """The dashboard (module docstring); ``refresh`` computes the report in the background."""

    comparisonRequested = Signal(str, str, str)
    """(document id, or "" for a pair cell; annotator A; annotator B)."""

    def __init__(self, project: Project, author: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._author = author
        self.report: Report | None = None
        self.task: BackgroundTask | None = None
        self.comparison: AdjudicationView | None = None
        self._pair: tuple[str, str] | None = None
        self._document_rows: list[dict[str, Any]] = []
        self._heatmaps: list[CellTable] = []
        self.setWindowTitle(self.tr("Agreement — {name}").format(name=project.path.name))
        self.heatmap_model = CellTableModel()
        self.headline_model = CellItemModel()
        self.label_model = CellItemModel()
        self.relation_model = CellItemModel()
        self.document_label_model = CellItemModel()
        self.document_model = CellItemModel()
        self._build()
        self.comparisonRequested.connect(self.open_comparison)

    # -- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.measure_combo = QComboBox()
        for title, path in AgreementTables(self._project.schema).pair_measures():
            self.measure_combo.addItem(title, path)
        self.measure_combo.currentIndexChanged.connect(self._show_heatmap)
        self.refresh_button = QPushButton(self.tr("Recompute"))
        self.refresh_button.clicked.connect(self.refresh)
        self.save_button = QPushButton(self.tr("Save HTML report…"))
        self.save_button.clicked.connect(self._choose_html_path)
        self.save_button.setEnabled(False)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.heatmap = self._heatmap_view()
        self.headline_table = self._table(self.headline_model)
        self.headline_table.horizontalHeader().setStretchLastSection(False)
        self.label_table = self._table(self.label_model)
        self.relation_table = self._table(self.relation_model)
        self.document_label_table = self._table(self.document_label_model)
        self.breakdown_tabs = QTabWidget()
        for table, title in (
            (self.label_table, self.tr("Per label")),
            (self.relation_table, self.tr("Relations by type")),
            (self.document_label_table, self.tr("Document labels")),
        ):
            self.breakdown_tabs.addTab(table, title)
        self.document_table = self._table(self.document_model)
        self.document_table.clicked.connect(self._document_clicked)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Pairs by")))
        top.addWidget(self.measure_combo)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.save_button)
        grid = QGridLayout()
        grid.addWidget(
            self._titled(self.tr("Annotator pairs (click a cell to compare)"), self.heatmap), 0, 0
        )
        grid.addWidget(self._titled(self.tr("Overall"), self.headline_table), 0, 1)
        grid.addWidget(self.breakdown_tabs, 1, 0)
        grid.addWidget(
            self._titled(
                self.tr("Documents, most disagreement first (click to compare)"),
                self.document_table,
            ),
            1,
            1,
        )
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(self.status_label)

    def _heatmap_view(self) -> QTableView:
        view = self._table(self.heatmap_model)
        view.verticalHeader().show()
        font = QFont(view.font())
        font.setPointSize(font.pointSize() + 2)
        view.setFont(font)
        width, height = HEATMAP_CELL
        for header, size in ((view.horizontalHeader(), width), (view.verticalHeader(), height)):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(size)
        view.horizontalHeader().setStretchLastSection(False)
        view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        view.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        view.clicked.connect(self._pair_clicked)
        return view

    @staticmethod
    def _table(model: QAbstractItemModel) -> QTableView:
        """Columns fitted to a page of rows: measured on every row (Qt's thousand), the tables
        of a project of a thousand annotated documents asked their cells 148,000 times as the
        report arrived, half a second on the GUI thread."""
        return fitted_table(model, rows_measured=PAGE, selectable=False)

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(title))
        layout.addWidget(widget, 1)
        layout.addStretch(0)  # takes the room a fixed-size table leaves
        return box

    # -- computing ------------------------------------------------------------------------------

    def refresh(self) -> BackgroundTask:
        """Compute the report in the background; it is shown when it arrives."""

        def use_case(project: Project, progress: Progress, cancelled: CancelCheck) -> ReportTables:
            report = project_agreement(project, progress=progress, cancelled=cancelled)
            titles = titles_of(project, [row["document_id"] for row in report["per_document"]])
            return AgreementTables(project.schema).of_report(report, titles)

        self.status_label.setText(self.tr("Computing agreement…"))
        self.task = run_in_background(
            self, self.tr("Computing agreement"), keeping_tokens(self._project, use_case)
        )
        self.task.succeeded.connect(self.show_tables)
        self.task.failed.connect(self.status_label.setText)
        self.task.cancelled.connect(lambda: self.status_label.setText(self.tr("Cancelled.")))
        return self.task

    def show_tables(self, tables: ReportTables) -> None:
        """Show a report in its ``tables``, made in the background (its documents by their titles;
        the report names them by their file names, which the saved report keeps)."""
        self.report = tables.report
        self._document_rows = tables.document_rows
        self._heatmaps = tables.heatmaps
        self._show_heatmap()
        self.headline_model = self._shown(self.headline_table, tables.headline)
        self.label_model = self._shown(self.label_table, tables.labels)
        self.relation_model = self._shown(self.relation_table, tables.relation_types)
        self.document_label_model = self._shown(self.document_label_table, tables.document_labels)
        self.document_model = self._shown(self.document_table, tables.documents)
        self.save_button.setEnabled(True)
        self.status_label.setText(self.summary(tables.report))

    @staticmethod
    def _shown(view: QTableView, model: CellItemModel) -> CellItemModel:
        """``model`` in ``view``, in place of the one before (freed once no longer held)."""
        view.setModel(model)
        return model

    def summary(self, report: Report) -> str:
        """Who and what the report compares, counted as the report counts: a document is
        compared when two annotators or more finished it."""
        finished = ", ".join(f"{a} {n}" for a, n in report["finished_documents"].items())
        return self.tr(
            "{annotators} annotators; {compared} of {documents} documents finished by two or "
            "more (compared). Finished: {finished}."
        ).format(
            annotators=len(report["annotators"]),
            compared=compared_documents(report),
            documents=report["documents"],
            finished=finished,
        )

    @property
    def annotators(self) -> list[str]:
        return list(self.report["annotators"]) if self.report else []

    @property
    def document_rows(self) -> list[dict[str, Any]]:
        """The report's per-document rows in the order shown (most disagreement first)."""
        return list(self._document_rows)

    def _show_heatmap(self) -> None:
        if self._heatmaps:
            self.heatmap_model.set_table(self._heatmaps[self.measure_combo.currentIndex()])

    # -- comparing ------------------------------------------------------------------------------

    def _pair_clicked(self, index: QModelIndex) -> None:
        annotators = self.annotators
        a, b = annotators[index.row()], annotators[index.column()]
        if a != b:
            self._pair = (a, b)
            self.comparisonRequested.emit("", a, b)

    def _document_clicked(self, index: QModelIndex) -> None:
        row = self._document_rows[index.row()]
        a, b = self._pair_for(row["finished"])
        self.comparisonRequested.emit(row["document_id"], a, b)

    def _pair_for(self, finished: Sequence[str]) -> tuple[str, str]:
        """The pair last clicked, if both finished the document; else its first two finishers."""
        if self._pair and all(name in finished for name in self._pair):
            return self._pair
        first, second = [*finished, "", ""][:2]
        return first, second

    def first_shared_document(self, a: str, b: str) -> str | None:
        """The first document listed (most disagreement first) that ``a`` and ``b`` finished."""
        return next(
            (
                r["document_id"]
                for r in self._document_rows
                if a in r["finished"] and b in r["finished"]
            ),
            None,
        )

    def open_comparison(self, document_id: str, a: str, b: str) -> None:
        """Open the adjudication window on the document, comparing ``a`` and ``b``."""
        document_id = document_id or self.first_shared_document(a, b) or ""
        if not document_id:
            self.status_label.setText(
                self.tr("{a} and {b} have not both finished any document.").format(a=a, b=b)
            )
            return
        shown = [name for name in (a, b) if name]
        if self.comparison is None:
            self.comparison = open_adjudication(
                self, self._project, self._author, document_id, shown
            )
        else:
            self.comparison.show_document(document_id, shown)
            self.comparison.show()
            self.comparison.raise_()

    # -- saving ---------------------------------------------------------------------------------

    def save_html(self, path: Path) -> BackgroundTask | None:
        """Write the report as one self-contained HTML page, in the background (the page is
        synced to the disk), never over the project or a database (``write_output_text``)."""
        if self.report is None:
            return None
        report, project_file = self.report, self._project.path
        title = self.tr("Agreement — {name}").format(name=project_file.stem)

        def work(progress: Progress, cancelled: CancelCheck) -> None:
            write_output_text(path, agreement_html(report, title), project_file)

        saving = self.tr("Save the agreement report")
        self.task = run_in_background(self, saving, work, cancellable=False)
        self.task.succeeded.connect(
            lambda _: self.status_label.setText(
                self.tr("Saved the report to {path}.").format(path=isolated(str(path)))
            )
        )
        self.task.failed.connect(self.status_label.setText)
        return self.task

    def _choose_html_path(self) -> None:
        suggested = self._project.path.with_name(f"{self._project.path.stem}-agreement.html")
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the agreement report"),
            str(suggested),
            self.tr("HTML pages (*.html)"),
        )
        if chosen:
            self.save_html(Path(chosen))


def open_agreement_dashboard(
    parent: QWidget | None, project: Project, author: str
) -> AgreementDashboard:
    """Project > Agreement…: the dashboard window, computing the report at once. ``author`` is
    who writes comments in the adjudication window it opens."""
    dashboard = AgreementDashboard(project, author, parent)
    dashboard.setWindowFlag(Qt.WindowType.Window)
    dashboard.resize(1300, 850)
    dashboard.show()
    dashboard.refresh()
    return dashboard
