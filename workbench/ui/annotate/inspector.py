"""The inspector: the selected span's text, label, attributes and note, for editing.

It only shows and asks: each edit is emitted, and the window turns it into an undo command.
Combos report ``activated`` (a user's choice), never a change made by ``show_span``.

A span is offered its label's attributes only (``attributes_for``: a date has no mention level),
built again when a relabelling changes them. The label and attribute fields' tooltips are the
schema's guidelines (definition and examples) in the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QListView, QWidget

from workbench.core.model import Span
from workbench.core.schema import Attribute, Schema
from workbench.core.schema.guidelines import attribute_tooltip, label_tooltip
from workbench.core.schema.label_attributes import attributes_for
from workbench.ui.i18n import current_language, display_name, isolated, value_name

NO_VALUE = ""
"""The data of the empty entry of an attribute that has no default."""
COMBO_MINIMUM_CHARACTERS = 10
"""A combo is as narrow as this many characters allow, whatever its longest entry: the
inspector's width follows its dock, never its labels' or values' names."""


class SpanInspector(QWidget):
    labelChosen = Signal(str)
    attributeChosen = Signal(str, str)
    """Attribute name and value; ``NO_VALUE`` removes the attribute."""
    noteEdited = Signal(str)

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._schema = schema
        self._span: Span | None = None
        self._attributes: tuple[Attribute, ...] | None = None
        """What the attribute rows were built for; None forces building them again."""
        self._attribute_combos: dict[str, QComboBox] = {}
        self.covered = QLabel()
        self.covered.setWordWrap(True)
        self.covered.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.covered.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ends = QLabel()
        """The span's start and end (code point offsets), which the edge keys and drags move."""
        self.ends.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label_combo = narrow_combo()
        self.note = QLineEdit()
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields = (self.covered, self.ends, self.label_combo, self.note)
        self.row_titles = {field: QLabel() for field in fields}
        for field, title in self.row_titles.items():
            self.form.addRow(title, field)
        self.label_combo.activated.connect(
            lambda number: self.labelChosen.emit(self.label_combo.itemData(number))
        )
        self.note.editingFinished.connect(self._on_note_edited)
        self.retranslate()

    @property
    def span(self) -> Span | None:
        return self._span

    def attribute_combo(self, name: str) -> QComboBox:
        return self._attribute_combos[name]

    def show_span(self, span: Span | None) -> None:
        """Show ``span`` (as stored), or nothing."""
        self._span = span
        self.setEnabled(span is not None)
        if span is None:
            self.covered.clear()
            self.ends.clear()
            self.note.clear()
            self._show_label(None)
            self._build_attribute_rows(())
            return
        self.covered.setText(span.text)
        self.ends.setText(isolated(f"{span.start} – {span.end}"))  # 5 – 9, not 9 – 5, in Arabic
        self.note.setText(span.note)
        self._show_label(span.label)
        trigger = self._schema.has_event(span.label)  # its event's attributes are the event panel's
        attributes = () if trigger else attributes_for(self._schema, span.label)
        self._build_attribute_rows(attributes)
        for attribute in attributes:
            combo = self._attribute_combos[attribute.name]
            combo.setCurrentIndex(max(0, combo.findData(span.attributes.get(attribute.name, NO_VALUE))))

    def _fill_labels(self) -> None:
        """The entity labels to choose from, and a last entry for an event trigger's type."""
        combo = self.label_combo
        combo.clear()
        language = current_language().value
        for entity in self._schema.entity_types:
            combo.addItem(f"{display_name(entity)} ({entity.id})", entity.id)
            tooltip = label_tooltip(self._schema, entity.id, language)
            combo.setItemData(combo.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
        combo.addItem("")

    def _show_label(self, label: str | None) -> None:
        """Select the span's label; a trigger shows its event type and cannot change here (that
        is the events panel's work)."""
        combo = self.label_combo
        trigger_entry = combo.count() - 1
        trigger = label is not None and self._schema.has_event(label)
        combo.setItemText(
            trigger_entry, display_name(self._schema.event(label)) if label is not None and trigger else ""
        )
        combo.setItemData(trigger_entry, label if trigger else None)
        view = combo.view()
        if isinstance(view, QListView):
            view.setRowHidden(trigger_entry, not trigger)
        combo.setEnabled(not trigger)
        combo.setCurrentIndex(combo.findData(label) if label is not None else -1)
        tooltip = label_tooltip(self._schema, label, current_language().value) if label else ""
        combo.setToolTip(tooltip)
        self.row_titles[combo].setToolTip(tooltip)

    def _build_attribute_rows(self, attributes: tuple[Attribute, ...]) -> None:
        """One combo per attribute; rebuilt only when the label's attributes differ."""
        if attributes == self._attributes:
            return
        for combo in self._attribute_combos.values():
            self.form.removeRow(combo)
        self._attributes = attributes
        self._attribute_combos = {}
        for attribute in attributes:
            combo = self._attribute_combo(attribute)
            self._attribute_combos[attribute.name] = combo
            language = current_language().value
            title = QLabel(attribute.title(language))
            for field in (title, combo):
                field.setToolTip(attribute_tooltip(self._schema, attribute.name, language))
            self.form.insertRow(self.form.rowCount() - 1, title, combo)

    def _attribute_combo(self, attribute: Attribute) -> QComboBox:
        combo = narrow_combo()
        if attribute.default is None:
            combo.addItem("—", NO_VALUE)
        for value in attribute.values:
            combo.addItem(value_name(attribute.names_ar, attribute.names_en, value), value)
        combo.activated.connect(
            lambda number: self.attributeChosen.emit(attribute.name, combo.itemData(number))
        )
        return combo

    def _on_note_edited(self) -> None:
        if self._span is not None and self.note.text() != self._span.note:
            self.noteEdited.emit(self.note.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.row_titles[self.covered].setText(self.tr("Text"))
        self.row_titles[self.ends].setText(self.tr("Start – end"))
        self.row_titles[self.label_combo].setText(self.tr("Label"))
        self.row_titles[self.note].setText(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("A note on this span"))
        self._fill_labels()
        self._attributes = None  # value names are in the interface language: build them again
        self.show_span(self._span)


def narrow_combo() -> QComboBox:
    """A combo whose minimum width does not follow its entries (``COMBO_MINIMUM_CHARACTERS``)."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_MINIMUM_CHARACTERS)
    return combo
