"""Label all matches: the search's matches in the open document, as the spans labelling them
would make (``word_match``: whole words with their proclitics, never a piece of a longer word),
listed with their context to tick before anything is labelled."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.snapping import word_match

Range = tuple[int, int]
CONTEXT_CHARACTERS = 30
"""Characters of context on each side of a match in the list."""
RANGE_ROLE = Qt.ItemDataRole.UserRole


Labelled = Callable[[Range], bool]
"""Whether a range is labelled so already."""


class WordSpans(NamedTuple):
    """What the matches make as words: the spans to offer, in text order and each once; how many
    matches are inside a longer word; how many words are labelled so already."""

    offered: list[Range]
    inside_words: int
    labelled: int


def word_spans(text: str, matches: Sequence[Range], labelled: Labelled) -> WordSpans:
    spans = [word_match(text, start, end) for start, end in matches]
    words = sorted({span for span in spans if span is not None})
    offered = [span for span in words if not labelled(span)]
    return WordSpans(offered, sum(1 for span in spans if span is None), len(words) - len(offered))


def in_context(text: str, start: int, end: int) -> str:
    """The span in «» with the words around it, on one line."""
    before = text[max(start - CONTEXT_CHARACTERS, 0) : start]
    after = text[end : end + CONTEXT_CHARACTERS]
    return " ".join(f"…{before}«{text[start:end]}»{after}…".split())


class LabelAllDialog(QDialog):
    """The matches to label, each ticked; Label applies the ticked ones."""

    def __init__(
        self,
        text: str,
        spans: WordSpans,
        label_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Label all matches"))
        self.summary = QLabel(
            self.tr("Label %n match(es) as %1? Untick those that are not.", "", len(spans.offered))
            .replace("%1", label_name)
        )
        self.summary.setWordWrap(True)
        self.left_out = QLabel(
            self.tr("%n match(es) inside a longer word left out.", "", spans.inside_words)
        )
        self.left_out.setVisible(spans.inside_words > 0)
        self.labelled = QLabel(
            self.tr("%n match(es) labelled %1 already left out.", "", spans.labelled)
            .replace("%1", label_name)
        )
        self.labelled.setVisible(spans.labelled > 0)
        self.list = QListWidget()
        self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the documents are Arabic
        for start, end in spans.offered:
            item = QListWidgetItem(in_context(text, start, end))
            item.setData(RANGE_ROLE, (start, end))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.label_button = self.buttons.addButton(
            self.tr("Label"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.label_button.setEnabled(bool(spans.offered))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.list, self.left_out, self.labelled, self.buttons):
            layout.addWidget(widget)
        self.resize(640, 420)

    def ticked(self) -> list[Range]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return [
            tuple(item.data(RANGE_ROLE))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]


def preview_label_all(
    parent: QWidget,
    text: str,
    matches: Sequence[Range],
    label_name: str,
    labelled: Labelled,
    apply: Callable[[list[Range]], None],
) -> LabelAllDialog:
    """Show the matches as spans to tick (window-modal, not blocking), leaving out the words
    ``labelled`` so already; ``apply`` gets the ticked ones when the annotator presses Label."""
    dialog = LabelAllDialog(text, word_spans(text, matches, labelled), label_name, parent)
    dialog.accepted.connect(lambda: apply(dialog.ticked()))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
