"""The adjudication window's widgets and their places: the document list, the toolbar, the
merged, gold and annotators' text panes, the candidates table and the side panel (gold edits,
notes, comments). ``AdjudicationView`` (``adjudication_view``) gives them their behaviour.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.app.project import Comment
from workbench.core.schema import Schema
from workbench.ui.annotate.document_model import PAGE, DocumentTableModel
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.i18n import local_time
from workbench.ui.label_style import label_colour
from workbench.ui.lead.adjudication_candidates import CandidateModel
from workbench.ui.table_setup import fitted_table
from workbench.ui.text_direction import is_right_to_left

DOCUMENT_LIST_WIDTH, SIDE_PANEL_WIDTH = 290, 320
"""Their widths when the window first shows; the texts take the rest."""
LABEL_COMBO_CHARACTERS = 20


def select_row(table: QTableView, row: int) -> None:
    """Select a whole row. (``QTableView.selectRow`` finds the row's first column at the
    viewport's leading edge: right-to-left, before the table has a width, it selects nothing,
    and the Arabic window opened on no document.)"""
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().select(table.model().index(row, 0), flags)
    table.setCurrentIndex(table.model().index(row, 0))


class Pane(QWidget):
    """A titled read-only text view in the splitter."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = QLabel(title)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view = AnnotatedTextView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)


def lay_out_scroll_bars(view: QAbstractScrollArea) -> None:
    """Show or hide ``view``'s scroll bars now, as its new text asks, not a round of events later
    (Qt queues it, and setting a policy lays them out at once): a text laid out and painted
    before its scroll bar came was laid out and painted again, narrower, the round after (4-6
    ms as the adjudication window showed its first document)."""
    view.setVerticalScrollBarPolicy(view.verticalScrollBarPolicy())


def show_pane(pane: QWidget, shown: bool) -> None:
    """Show or hide ``pane`` if it is not so already. (A widget shown with its window, not by a
    call of its own, is shown again by ``setVisible(True)``: the merged pane and its view were,
    1-2 ms of the window's first document.)"""
    if pane.isHidden() == shown:
        pane.setVisible(shown)


class VersionCombo(QComboBox):
    """The annotators whose version may be accepted, as wide as the first document's names from
    then on (the toolbar does not move from one document to the next), as a combo box shown
    with its items is. The window shows before its first document comes, and Qt measures a
    combo box once, as it first shows: empty here, wider than most names."""

    def __init__(self) -> None:
        super().__init__()
        self._measured = False

    def set_names(self, names: list[str]) -> None:
        self.clear()
        self.addItems(names)
        if not self._measured:
            self._measured = True
            policy = QComboBox.SizeAdjustPolicy
            # a change of policy measures the items there now; with this one, that width stays
            self.setSizeAdjustPolicy(policy.AdjustToContents)
            self.setSizeAdjustPolicy(policy.AdjustToContentsOnFirstShow)

    def minimumSizeHint(self) -> QSize:
        """The size hint: Qt measures both alike for this policy, but keeps the minimum it
        measured first (on the empty box) through the change of policy."""
        return self.sizeHint()


def comment_item(comment: Comment) -> QListWidgetItem:
    item = QListWidgetItem(f"{comment.author} · {local_time(comment.created)}\n{comment.text}")
    if is_right_to_left(comment.text):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    item.setToolTip(comment.text)
    return item


class AdjudicationLayout(QWidget):
    """The widgets of the adjudication window, built and placed; no behaviour of their own."""

    def __init__(
        self,
        schema: Schema,
        documents: DocumentTableModel,
        candidates: CandidateModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sized = False
        self.documents = documents
        self.candidates = candidates
        self._build(schema)

    def _build(self, schema: Schema) -> None:
        # Its rows come once the window has painted (``fill_list``); its columns are sized to a
        # page of them, not to the first thousand (Qt's default, 16 pages read and measured as
        # the window opened on a large project).
        self.document_table = fitted_table(QStandardItemModel(self), rows_measured=PAGE)
        self.candidate_table = fitted_table(self.candidates)
        self.candidate_table.horizontalHeader().setSectionResizeMode(
            CandidateModel.TEXT, QHeaderView.ResizeMode.Stretch
        )
        self.merged_pane = Pane(
            self.tr("Merged: solid = all agree, light = majority, dashed = some")
        )
        self.gold_pane = Pane(self.tr("Gold"))
        self.annotator_panes: dict[str, Pane] = {}
        self.disagreements: dict[str, list[tuple[int, int]]] = {}
        """The ranges framed in each annotator's view: spans not every shown annotator has."""
        self.panes = QSplitter(Qt.Orientation.Horizontal)
        self.panes.addWidget(self.merged_pane)
        self.panes.addWidget(self.gold_pane)
        self.shown_row = QHBoxLayout()
        self.shown_boxes: dict[str, QCheckBox] = {}
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        center = QSplitter(Qt.Orientation.Vertical)
        center.addWidget(self._with_layout(self._panes_area()))
        center.addWidget(self._with_layout(self._candidates_area()))
        center.setStretchFactor(0, 3)
        center.setStretchFactor(1, 1)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.document_table)
        main.addWidget(center)
        main.addWidget(self._side_panel(schema))
        main.setStretchFactor(1, 1)  # the texts get what the window has beyond the lists
        self._main_splitter = main
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(main, 1)
        layout.addWidget(self.message_label)

    def fill_list(self) -> bool:
        """Give the document list its rows, if it has none yet; whether it had none. The window
        paints first without them: reading and measuring a page of them was a third of the
        window's first paint."""
        if self.document_table.model() is self.documents:
            return False
        self.document_table.setModel(self.documents)
        # The names take the list's width, shortened where they are longer (as in the annotator's
        # list), and the status and span count stay in sight beside them: measured to their
        # length, the names (often the article's first sentence) pushed them out of the list.
        header = self.document_table.horizontalHeader()  # the model's sections take modes anew
        header.setStretchLastSection(False)
        header.setSectionResizeMode(DocumentTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        """Give the lists their widths once the window has its own (a splitter shares out
        its width by the widgets' size hints until then)."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            texts = self._main_splitter.width() - DOCUMENT_LIST_WIDTH - SIDE_PANEL_WIDTH
            self._main_splitter.setSizes([DOCUMENT_LIST_WIDTH, max(texts, 0), SIDE_PANEL_WIDTH])
            self._balance_panes()

    @staticmethod
    def _with_layout(layout: QVBoxLayout | QHBoxLayout) -> QWidget:
        widget = QWidget()
        widget.setLayout(layout)
        layout.setContentsMargins(0, 0, 0, 0)
        return widget

    def _toolbar(self) -> QHBoxLayout:
        self._mode_group = QButtonGroup(self)
        self.merged_button = self._mode_button(self.tr("Merged"))
        self.side_by_side_button = self._mode_button(self.tr("Side by side"))
        self.merged_button.setChecked(True)
        self.accept_all_button = QPushButton(self.tr("Accept what all annotators agree on"))
        self.accept_majority_button = QPushButton(self.tr("Accept the majority"))
        self.version_combo = VersionCombo()
        self.accept_version_button = QPushButton(self.tr("Accept this annotator's version"))
        self.replace_version_button = QPushButton(self.tr("Replace gold with this version"))
        self.mark_done_button = QPushButton(self.tr("Mark adjudicated"))
        row = QHBoxLayout()
        for widget in (
            self.merged_button,
            self.side_by_side_button,
            self.accept_all_button,
            self.accept_majority_button,
            self.version_combo,
            self.accept_version_button,
            self.replace_version_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.mark_done_button)
        return row

    def _mode_button(self, title: str) -> QPushButton:
        button = QPushButton(title)
        button.setCheckable(True)
        self._mode_group.addButton(button)
        return button

    def _panes_area(self) -> QVBoxLayout:
        self.shown_row.addWidget(QLabel(self.tr("Shown side by side:")))
        self.shown_row.addStretch(1)
        layout = QVBoxLayout()
        layout.addLayout(self.shown_row)
        layout.addWidget(self.panes, 1)
        return layout

    def _candidates_area(self) -> QVBoxLayout:
        self.accept_candidate_button = QPushButton(self.tr("Accept this candidate into gold"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Candidates (double-click to accept)")))
        row.addStretch(1)
        row.addWidget(self.accept_candidate_button)
        layout = QVBoxLayout()
        layout.addLayout(row)
        layout.addWidget(self.candidate_table, 1)
        return layout

    def _side_panel(self, schema: Schema) -> QWidget:
        self.label_combo = self._label_combo(schema)
        self.add_gold_button = QPushButton(self.tr("Add the selection to gold"))
        self.relabel_gold_button = QPushButton(self.tr("Relabel the gold span"))
        self.delete_gold_button = QPushButton(self.tr("Delete the gold span"))
        gold = QGroupBox(self.tr("Gold"))
        gold_layout = QVBoxLayout(gold)
        gold_layout.addWidget(QLabel(self.tr("Select in the gold view, or click a gold span.")))
        for widget in (
            self.label_combo,
            self.add_gold_button,
            self.relabel_gold_button,
            self.delete_gold_button,
        ):
            gold_layout.addWidget(widget)
        self.notes_view = QPlainTextEdit()
        self.notes_view.setReadOnly(True)
        notes = QGroupBox(self.tr("Notes on the span"))
        QVBoxLayout(notes).addWidget(self.notes_view)
        self.comment_list = QListWidget()
        self.comment_list.setWordWrap(True)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(self.tr("A comment on this document"))
        self.add_comment_button = QPushButton(self.tr("Add comment"))
        comments = QGroupBox(self.tr("Comments on the document"))
        comments_layout = QVBoxLayout(comments)
        comments_layout.addWidget(self.comment_list, 1)
        comments_layout.addWidget(self.comment_edit)
        comments_layout.addWidget(self.add_comment_button)
        layout = QVBoxLayout()
        layout.addWidget(gold)
        layout.addWidget(notes)
        layout.addWidget(comments, 1)
        return self._with_layout(layout)

    @staticmethod
    def _label_combo(schema: Schema) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(LABEL_COMBO_CHARACTERS)  # some names are long
        for entity in schema.entity_types:
            combo.addItem(f"{entity.id} — {entity.en} / {entity.ar}", entity.id)
        paint_swatches(combo, schema)
        return combo

    @property
    def merged_view(self) -> AnnotatedTextView:
        return self.merged_pane.view

    @property
    def gold_view(self) -> AnnotatedTextView:
        return self.gold_pane.view

    def annotator_view(self, annotator: str) -> AnnotatedTextView:
        return self.annotator_panes[annotator].view

    def _balance_panes(self) -> None:
        """Share the width equally among the panes shown (a pane shown again has none)."""
        panes = [self.panes.widget(i) for i in range(self.panes.count())]
        shown = [pane is not None and not pane.isHidden() for pane in panes]
        width = max(self.panes.width(), 1)
        share = width // max(sum(shown), 1)
        self.panes.setSizes([share if visible else 0 for visible in shown])

    def _set_annotator_panes(self, annotators: Sequence[str]) -> list[str]:
        """A pane and a box in the row of who is shown per annotator, in their order (after the
        merged pane; the gold pane stays last): those there already kept, widgets and ticks (from
        one document to the next only their texts change: making three panes again took 6-8 ms),
        the others made, ticked, and those of annotators not in ``annotators`` removed. The
        annotators whose panes were made."""
        for gone in [a for a in self.annotator_panes if a not in annotators]:
            self._remove_annotator_pane(gone)
        made = [a for a in annotators if a not in self.annotator_panes]
        for annotator in made:
            pane = self.annotator_panes[annotator] = Pane(annotator)
            pane.hide()  # until shown side by side (else shown and laid out as placed, then hidden)
            box = self.shown_boxes[annotator] = QCheckBox(annotator)
            box.setChecked(True)
        self.annotator_panes = {a: self.annotator_panes[a] for a in annotators}
        self.shown_boxes = {a: self.shown_boxes[a] for a in annotators}
        for place, annotator in enumerate(annotators, start=1):  # after the merged pane, the row's title
            self._put_annotator_pane(annotator, place)
        return made

    def _put_annotator_pane(self, annotator: str, place: int) -> None:
        """The annotator's pane and box at ``place`` in the splitter and the row (moved only
        when elsewhere: a box inserted again where it is would be in the row twice)."""
        pane, box = self.annotator_panes[annotator], self.shown_boxes[annotator]
        if self.panes.indexOf(pane) != place:
            self.panes.insertWidget(place, pane)
        if self.shown_row.indexOf(box) != place:
            self.shown_row.removeWidget(box)
            self.shown_row.insertWidget(place, box)

    def _remove_annotator_pane(self, annotator: str) -> None:
        for widget in (self.annotator_panes.pop(annotator), self.shown_boxes.pop(annotator)):
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self.disagreements.pop(annotator, None)


def paint_swatches(combo: QComboBox, schema: Schema) -> None:
    """Each label's colour in the current theme beside it in ``combo`` (whose data are label ids)."""
    for row in range(combo.count()):
        swatch = QPixmap(12, 12)
        swatch.fill(QColor(label_colour(schema, combo.itemData(row))))
        combo.setItemIcon(row, QIcon(swatch))
