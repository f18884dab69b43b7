"""The panel for one event: its type and trigger, its roles with their fillers, its attributes.

The panel edits nothing itself; it asks, through signals, and the controller decides:

- ``argumentRequested(event_id, role_id)``: the role's button was clicked or its hotkey pressed
  (Alt+1 ... Alt+9, in role order, shown on the buttons). The controller fills the role from the
  span selected in the text, or arms it (``set_armed_role``) until a span or an event is chosen.
- ``argumentDropped(event_id, role_id, span_id)``: a span was dropped on the role (see
  ``span_drag``).
- ``argumentRemovalRequested(event_id, role_id, filler_id)``: a filler's remove button.
- ``attributesEdited(event_id, attributes)``: an attribute combo changed; all the event's
  attributes, as they should now be.

A refused filler is explained in the message line (``show_refusal``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.model import Argument, Event
from workbench.core.schema import Attribute, EventType, Role, Schema, event_filler
from workbench.core.schema.guidelines import attribute_tooltip, role_tooltip
from workbench.ui.elided_label import ElidedLabel
from workbench.ui.events.event_document import EventDocument
from workbench.ui.events.event_text import (
    Language,
    both_names,
    label_name,
    layout_direction,
    value_name,
)
from workbench.ui.events.span_drag import span_id_from_mime
from workbench.ui.label_style import label_colour

ROLE_HOTKEYS = tuple(f"Alt+{number}" for number in range(1, 10))
"""The hotkeys of the first nine roles of the shown event, in role order."""
REFUSAL_STYLE = "color: #b71c1c; font-weight: bold;"
PROMPT_STYLE = "color: #0d47a1;"
UNSET = "—"
"""The item of an attribute combo for "no value"."""
ROLE_BOX_MARGINS = (6, 4, 6, 4)
"""Tight, so that the roles of a type fit the event dock's height beside the text."""


class _RoleBox(QFrame):
    """One role: its button, what may fill it, its fillers; a span dropped on it is reported."""

    spanDropped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(*ROLE_BOX_MARGINS)
        self.layout_.setSpacing(2)
        self.filler_rows: list[QWidget] = []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if span_id_from_mime(event.mimeData()) is not None:
            event.setDropAction(Qt.DropAction.LinkAction)
            event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        span_id = span_id_from_mime(event.mimeData())
        if span_id is None:
            return
        event.setDropAction(Qt.DropAction.LinkAction)
        event.accept()
        self.spanDropped.emit(span_id)

    def set_filler_rows(self, rows: list[QWidget]) -> None:
        for row in self.filler_rows:
            _discard(row)
        self.filler_rows = rows
        for row in rows:
            self.layout_.addWidget(row)


class EventPanel(QWidget):
    """See the module docstring. ``shortcut_host`` owns the role hotkeys (default: the panel).

    The widgets for an event type (role boxes, attribute combos) are built when another event
    is shown; showing the same event again after an edit only refills its fillers and values,
    which keeps an edit within a frame.
    """

    argumentRequested = Signal(str, str)
    argumentDropped = Signal(str, str, str)
    argumentRemovalRequested = Signal(str, str, str)
    attributesEdited = Signal(str, dict)

    def __init__(
        self,
        schema: Schema,
        language: Language = "en",
        parent: QWidget | None = None,
        shortcut_host: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._schema = schema
        self._language: Language = language
        self._event: Event | None = None
        self._document = EventDocument()
        self._armed_role: str | None = None
        self._role_boxes: dict[str, _RoleBox] = {}
        self._role_buttons: dict[str, QPushButton] = {}
        self._remove_buttons: dict[tuple[str, str], QToolButton] = {}
        self._combos: dict[str, QComboBox] = {}
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.trigger = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._layout = QVBoxLayout(self)
        for widget in (self.title, self.trigger, self.message, self._scroll):
            self._layout.addWidget(widget)
        self._make_role_shortcuts(shortcut_host or self)
        self.set_language(language)

    def sizeHint(self) -> QSize:
        """As tall as the heading with every role and attribute: the scroll area that holds
        them asks for less, and the window gives the panel the height it asks for."""
        layout = self._layout
        margins = layout.contentsMargins()
        heading = [w for w in (self.title, self.trigger, self.message) if not w.isHidden()]
        content = self._scroll.widget()
        height = (
            sum(widget.sizeHint().height() + layout.spacing() for widget in heading)
            + (content.sizeHint().height() if content is not None else 0)
            + 2 * self._scroll.frameWidth()
            + margins.top()
            + margins.bottom()
        )
        return QSize(super().sizeHint().width(), height)

    # -- what is shown ----------------------------------------------------------------------------

    @property
    def event_id(self) -> str | None:
        return None if self._event is None else self._event.id

    def show_event(self, event: Event | None, document: EventDocument) -> None:
        """Show ``event`` (None for none) as ``document`` has it. The message and the armed role
        stay while the same event is shown again (after an edit), and go with another event."""
        shown = self._event
        same = event is not None and shown is not None and (event.id, event.type) == (
            shown.id,
            shown.type,
        )
        self._event = event
        self._document = document
        if not same:
            self._armed_role = None
            self.clear_message()
            self._build()
        self._fill()

    def set_language(self, language: Language) -> None:
        self._language = language
        self.setLayoutDirection(layout_direction(language))
        self._build()
        self._fill()

    def _event_type(self) -> EventType | None:
        event = self._event
        if event is None or not self._schema.has_event(event.type):
            return None
        return self._schema.event(event.type)

    def _build(self) -> None:
        """The widgets of the shown event's type, without its fillers and values."""
        self._role_boxes.clear()
        self._role_buttons.clear()
        self._combos.clear()
        content = QWidget()
        layout = QVBoxLayout(content)
        event_type = self._event_type()
        if event_type is not None:
            for number, role in enumerate(event_type.roles):
                layout.addWidget(self._role_box(event_type, role, number))
            layout.addWidget(self._attributes_box(event_type))
        layout.addStretch(1)
        self._replace_content(content)

    def _replace_content(self, content: QWidget) -> None:
        old = self._scroll.takeWidget()
        if old is not None:
            _discard(old)
        self._scroll.setWidget(content)

    def _fill(self) -> None:
        """The shown event's heading, fillers and attribute values."""
        event, event_type = self._event, self._event_type()
        self._remove_buttons.clear()
        if event is None or event_type is None:
            self.title.setText(self.tr("No event selected"))
            self.title.setStyleSheet("")
            self.trigger.clear()
            return
        self._show_heading(event, event_type)
        for role_id, box in self._role_boxes.items():
            fillers = [argument for argument in event.arguments if argument.role == role_id]
            box.set_filler_rows([self._filler_row(argument) for argument in fillers])
        for attribute in self._schema.attributes_for_event(event.type):
            _set_value(self._combos[attribute.name], event.attributes.get(attribute.name))

    def _show_heading(self, event: Event, event_type: EventType) -> None:
        self.title.setText(both_names(event_type, self._language))
        colour = label_colour(self._schema, event_type.id)
        self.title.setStyleSheet(f"border-bottom: 4px solid {colour}; font-weight: bold;")
        trigger = self._document.trigger(event)
        text = trigger.text if trigger is not None else self.tr("(missing)")
        self.trigger.setText(self.tr("Trigger: «{text}»").format(text=text))

    # -- roles ------------------------------------------------------------------------------------

    def _role_box(self, event_type: EventType, role: Role, number: int) -> _RoleBox:
        box = _RoleBox()
        box.spanDropped.connect(
            lambda span_id, role_id=role.id: self.argumentDropped.emit(
                self.event_id, role_id, span_id
            )
        )
        # One above the other: side by side, the button and its flags overflowed the dock.
        button = self._role_button(role, number)
        button.setToolTip(role_tooltip(self._schema, event_type.id, role.id, self._language))
        box.layout_.addWidget(button)
        flags = QLabel(self._role_flags(role))
        flags.setWordWrap(True)
        for line in (flags, ElidedLabel(self._allowed_fillers(role))):  # one line whatever the font
            line.setStyleSheet("color: gray;")
            box.layout_.addWidget(line)
        self._role_boxes[role.id] = box
        return box

    def _role_button(self, role: Role, number: int) -> QPushButton:
        text = both_names(role, self._language)
        if number < len(ROLE_HOTKEYS):
            text = f"{ROLE_HOTKEYS[number]}   {text}"
        button = QPushButton(text)
        button.setObjectName(f"role:{role.id}")
        button.setCheckable(True)
        button.setChecked(role.id == self._armed_role)
        button.clicked.connect(lambda _=False, role_id=role.id: self._request(role_id))
        self._role_buttons[role.id] = button
        return button

    def _role_flags(self, role: Role) -> str:
        need = self.tr("required") if role.required else self.tr("optional")
        count = self.tr("repeatable") if role.repeatable else self.tr("one filler")
        return f"{need} · {count}"

    def _allowed_fillers(self, role: Role) -> str:
        names = (label_name(self._schema, filler, self._language) for filler in role.fillers)
        return self.tr("Fillers: {names}").format(names=", ".join(names))

    def _filler_row(self, argument: Argument) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(16, 0, 0, 0)
        span = self._document.filler_span(argument)
        if argument.span_id is not None:
            label = span.label if span is not None else "?"
        else:
            filler = self._document.events.get(argument.filler_id)
            label = event_filler(filler.type) if filler is not None else "?"
        text = span.text if span is not None else self.tr("(missing)")
        # The label's name first, so that the line reads in the interface language's direction.
        shown = QLabel(f"{label_name(self._schema, label, self._language)}: «{text}»")
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setWordWrap(True)  # a long filler wraps rather than widen the panel
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this filler"))
        remove.clicked.connect(
            lambda _=False: self.argumentRemovalRequested.emit(
                self.event_id, argument.role, argument.filler_id
            )
        )
        self._remove_buttons[(argument.role, argument.filler_id)] = remove
        layout.addWidget(shown, 1)
        layout.addWidget(remove)
        return row

    def _make_role_shortcuts(self, host: QWidget) -> None:
        for number, keys in enumerate(ROLE_HOTKEYS):
            shortcut = QShortcut(QKeySequence(keys), host)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda number=number: self._request_role_number(number))
            self.destroyed.connect(shortcut.deleteLater)

    def _request_role_number(self, number: int) -> None:
        event_type = self._event_type()
        if event_type is not None and number < len(event_type.roles):
            self._request(event_type.roles[number].id)

    def _request(self, role_id: str) -> None:
        if self._event is None:
            return
        # The button's checked state follows the armed role, which the controller sets.
        button = self._role_buttons.get(role_id)
        if button is not None:
            button.setChecked(role_id == self._armed_role)
        self.argumentRequested.emit(self._event.id, role_id)

    def set_armed_role(self, role_id: str | None, prompt: str = "") -> None:
        """Mark the role waiting for a filler (None: none), with ``prompt`` saying what to do."""
        self._armed_role = role_id
        for shown_role, button in self._role_buttons.items():
            button.setChecked(shown_role == role_id)
        if role_id is None:
            self.clear_message()
        else:
            self._show_message(prompt, PROMPT_STYLE)

    @property
    def armed_role(self) -> str | None:
        return self._armed_role

    # -- attributes -------------------------------------------------------------------------------

    def _attributes_box(self, event_type: EventType) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        for attribute in self._schema.attributes_for_event(event_type.id):
            combo = self._attribute_combo(attribute)
            combo.activated.connect(
                lambda _index, name=attribute.name, combo=combo: self._attribute_chosen(
                    name, combo.currentData()
                )
            )
            self._combos[attribute.name] = combo
            combo.setToolTip(attribute_tooltip(self._schema, attribute.name, self._language))
            form.addRow(attribute.title(self._language), combo)
        return box

    def _attribute_combo(self, attribute: Attribute) -> QComboBox:
        """The values, after an "unset" item when the attribute has no default (an event
        without a value gets one too, in ``_set_value``)."""
        combo = QComboBox()
        combo.setObjectName(f"attribute:{attribute.name}")
        if attribute.default is None:
            combo.addItem(UNSET, None)
        for value in attribute.values:
            combo.addItem(value_name(attribute, value, self._language), value)
            combo.setItemData(combo.count() - 1, value, Qt.ItemDataRole.ToolTipRole)
        return combo

    def _attribute_chosen(self, name: str, value: str | None) -> None:
        event = self._event
        if event is None:
            return
        attributes = {k: v for k, v in event.attributes.items() if k != name}
        if value is not None:
            attributes[name] = value
        if attributes != event.attributes:
            self.attributesEdited.emit(event.id, attributes)

    # -- messages ---------------------------------------------------------------------------------

    def show_refusal(self, text: str) -> None:
        """Say why a filler (or another edit) was refused."""
        self._show_message(text, REFUSAL_STYLE)

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def _show_message(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- parts, for the window's tests and for keyboard focus --------------------------------------

    def role_button(self, role_id: str) -> QPushButton:
        return self._role_buttons[role_id]

    def remove_button(self, role_id: str, filler_id: str) -> QToolButton:
        return self._remove_buttons[(role_id, filler_id)]

    def attribute_combo(self, name: str) -> QComboBox:
        return self._combos[name]

    def role_box_of(self, role_id: str) -> QWidget:
        """The frame of a role: where a span is dropped."""
        return self._role_boxes[role_id]


def _set_value(combo: QComboBox, value: Any) -> None:
    """Show ``value``; a value the combo lacks (none, or one the schema dropped) is added."""
    index = combo.findData(value)
    if index < 0:
        combo.insertItem(0, UNSET if value is None else str(value), value)
        index = 0
    combo.setCurrentIndex(index)


def _discard(widget: QWidget) -> None:
    """Hide now, delete later: the refill may run inside a handler of one of the widget's
    children (a remove button's click, a combo's choice)."""
    widget.hide()
    widget.deleteLater()
