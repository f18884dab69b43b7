"""Project > Statistics: what assistance saves (issue 15, point 4). The throughput figures of
``stats --json`` (``project_stats(project)["throughput"]``), one row per figure, one column for
the team and one per annotator: documents and spans per hour of active work, how many
suggestions were accepted, and the time a document took with suggestions and without.

The figures are read off the GUI thread (a long action log takes longer than a frame); the
dialog opens when they are in and does not block the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from workbench.app.project import Project, project_stats
from workbench.ui.table_setup import set_up_table

FIGURE_ROLE = Qt.ItemDataRole.UserRole
"""A cell's figure as ``stats --json`` gives it (None where there is none yet)."""
FIGURES = (
    "documents_per_hour",
    "spans_per_hour",
    "suggestion_acceptance",
    "accepted",
    "rejected",
    "seconds_per_document_with_suggestions",
    "seconds_per_document_without_suggestions",
    "active_hours",
)


class StatisticsDialog(QDialog):
    """The figures of ``throughput`` (the ``"throughput"`` of ``project_stats``)."""

    def __init__(self, throughput: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Statistics"))
        annotators = sorted(throughput["annotators"])
        columns = [throughput, *(throughput["annotators"][name] for name in annotators)]
        self.model = QStandardItemModel(len(FIGURES), len(columns) + 1, self)
        self.model.setHorizontalHeaderLabels([self.tr("Figure"), self.tr("Team"), *annotators])
        headings = self._headings()
        for row, figure in enumerate(FIGURES):
            self.model.setItem(row, 0, QStandardItem(headings[figure]))
            for column, figures in enumerate(columns, start=1):
                value = _figure(figures, figure)
                item = QStandardItem(self._shown(figure, value))
                item.setData(value, FIGURE_ROLE)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.model.setItem(row, column, item)
        self.table = set_up_table(QTableView(), self.model, selectable=False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(
            self.tr(
                "Time is active time: a pause of more than five minutes between two actions "
                "counts as a break. A document counts as with suggestions when one was accepted "
                "or rejected on it."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _headings(self) -> dict[str, str]:
        return {
            "documents_per_hour": self.tr("Documents per hour"),
            "spans_per_hour": self.tr("Spans per hour"),
            "suggestion_acceptance": self.tr("Suggestions accepted"),
            "accepted": self.tr("Suggestions accepted (count)"),
            "rejected": self.tr("Suggestions rejected (count)"),
            "seconds_per_document_with_suggestions": self.tr("Time per document with suggestions (min:s)"),
            "seconds_per_document_without_suggestions": self.tr(
                "Time per document without suggestions (min:s)"
            ),
            "active_hours": self.tr("Active time (h:min)"),
        }

    def _shown(self, figure: str, value: float | None) -> str:
        if value is None:
            return "—"
        if figure == "suggestion_acceptance":
            return f"{value * 100:.0f}%"
        if figure.startswith("seconds_per_document"):
            return _clock(value)
        if figure == "active_hours":
            return _clock(value * 60)
        return f"{value:g}"

    def figure(self, row_figure: str, column: int) -> float | None:
        """The figure shown in ``column`` (1 the team, then the annotators in the header's order)."""
        value: float | None = self.model.item(FIGURES.index(row_figure), column).data(FIGURE_ROLE)
        return value


def _clock(value: float) -> str:
    """Seconds as "m:ss", or minutes as "h:mm": digits and a colon read the same way in both
    languages."""
    whole, part = divmod(round(value), 60)
    return f"{whole}:{part:02d}"


def _figure(figures: dict[str, Any], figure: str) -> float | None:
    if figure == "accepted":
        return int(figures["actions"]["accept"])
    if figure == "rejected":
        return int(figures["actions"]["reject"])
    value = figures[figure]
    return None if value is None else float(value)


def read_throughput(project: Project, *_: object) -> dict[str, Any]:
    """The use case the dialog's figures come from (run it with ``background.read_only``)."""
    return dict(project_stats(project)["throughput"])
