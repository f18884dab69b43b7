"""The document panel of the annotator's window (issue 14): the schema's labels of the whole
document, one box per field: a single-choice field as radio buttons (a drop-down list when it has
many values), a multiple-choice one as check boxes. A value's hotkey (Shift+Y: relevant) is shown
beside it and works anywhere in the window: it sets the value, or takes it back when it is set.
The panel only asks (``valueRequested``); the window makes each request an undoable
``SetDocumentLabel`` and shows the stored labels again (``show_labels``)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.model import DocumentLabelValue
from workbench.core.schema import Schema
from workbench.core.schema.relations import DocumentField, FieldValue
from workbench.ui.i18n import display_name

MOST_RADIO_BUTTONS = 5
"""A single-choice field with more values than this is a drop-down list (21 countries)."""


def toggled_value(
    field: DocumentField, current: DocumentLabelValue | None, value_id: str
) -> DocumentLabelValue | None:
    """The field's value once ``value_id`` is pressed: set, or taken back when it was set; a
    multiple-choice field keeps the others, in the schema's order (None: nothing left)."""
    if not field.multiple:
        return None if current == value_id else value_id
    chosen = set(current or ()) ^ {value_id}
    kept = tuple(value for value in field.value_ids if value in chosen)
    return kept or None


class DocumentLabelPanel(QWidget):
    valueRequested = Signal(str, object)
    """A field (its id) should take this value (a value id, a tuple of them, or None: cleared)."""

    def __init__(self, schema: Schema, shortcut_host: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = schema.document_fields
        self._labels: dict[str, DocumentLabelValue] = {}
        self._boxes: dict[str, QGroupBox] = {}
        self._buttons: dict[tuple[str, str], QAbstractButton] = {}
        self._lists: dict[str, QComboBox] = {}
        self.hotkey_actions: dict[tuple[str, str], QAction] = {}
        layout = QVBoxLayout(self)
        for field in self._fields:
            layout.addWidget(self._field_box(field))
            for value in field.values:
                if value.hotkey:
                    self.hotkey_actions[field.id, value.id] = self._hotkey_action(shortcut_host, field, value)
        layout.addStretch(1)
        self.setEnabled(False)
        self.retranslate()

    def _field_box(self, field: DocumentField) -> QGroupBox:
        box = QGroupBox()
        self._boxes[field.id] = box
        layout = QVBoxLayout(box)
        if not field.multiple and len(field.values) > MOST_RADIO_BUTTONS:
            choices = QComboBox()
            choices.activated.connect(lambda index, field=field: self._on_listed(field, index))
            self._lists[field.id] = choices
            layout.addWidget(choices)
            return box
        for value in field.values:
            button: QAbstractButton = QCheckBox() if field.multiple else QRadioButton()
            button.setAutoExclusive(False)  # the stored value decides what is checked
            button.clicked.connect(lambda _checked, field=field, value=value: self._on_clicked(field, value))
            self._buttons[field.id, value.id] = button
            layout.addWidget(button)
        return box

    def _hotkey_action(self, host: QWidget, field: DocumentField, value: FieldValue) -> QAction:
        action = QAction(host)
        action.setShortcut(QKeySequence(value.hotkey or ""))
        action.triggered.connect(lambda _checked=False: self._on_hotkey(field, value))
        host.addAction(action)
        return action

    # -- the stored labels ----------------------------------------------------------------------

    def show_labels(self, labels: Mapping[str, DocumentLabelValue] | None) -> None:
        """Show a document's labels (None: no document is shown; the panel is disabled)."""
        self.setEnabled(labels is not None)
        self._labels = dict(labels or {})
        for (field_id, value_id), button in self._buttons.items():
            current = self._labels.get(field_id)
            button.setChecked(value_id == current or (isinstance(current, tuple) and value_id in current))
        for field_id, choices in self._lists.items():
            current = self._labels.get(field_id)
            choices.setCurrentIndex(choices.findData(current) if isinstance(current, str) else 0)

    def value(self, field_id: str) -> DocumentLabelValue | None:
        return self._labels.get(field_id)

    # -- the user's choices -----------------------------------------------------------------------

    def _on_clicked(self, field: DocumentField, value: FieldValue) -> None:
        """A check box toggles its value; a radio button sets its (clicked again, it stays)."""
        current = self._labels.get(field.id)
        if field.multiple or current != value.id:
            self.valueRequested.emit(field.id, toggled_value(field, current, value.id))
        else:
            self.show_labels(self._labels)  # a second click leaves the button as it was

    def _on_listed(self, field: DocumentField, index: int) -> None:
        chosen = self._lists[field.id].itemData(index) or None
        if chosen != self._labels.get(field.id):
            self.valueRequested.emit(field.id, chosen)

    def _on_hotkey(self, field: DocumentField, value: FieldValue) -> None:
        if self.isEnabled():
            self.valueRequested.emit(field.id, toggled_value(field, self._labels.get(field.id), value.id))

    # -- language -----------------------------------------------------------------------------------

    def hotkeys(self) -> list[tuple[str, str]]:
        """Each value hotkey with the field and value it sets, for the keys sheet."""
        return [(action.shortcut().toString(), action.text()) for action in self.hotkey_actions.values()]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for field in self._fields:
            self._boxes[field.id].setTitle(display_name(field))
            for value in field.values:
                named = display_name(value) + (f"  ({value.hotkey})" if value.hotkey else "")
                if (field.id, value.id) in self._buttons:
                    self._buttons[field.id, value.id].setText(named)
                if (field.id, value.id) in self.hotkey_actions:
                    self.hotkey_actions[field.id, value.id].setText(f"{display_name(field)}: {display_name(value)}")
            if field.id in self._lists:
                choices = self._lists[field.id]
                choices.clear()
                choices.addItem(self.tr("(none)"), "")
                for value in field.values:
                    choices.addItem(display_name(value), value.id)
        self.show_labels(self._labels if self.isEnabled() else None)
