"""The event types as a palette: buttons for the types with a hotkey, and a searchable list of all.

The buttons stand in one column and name their type in the interface language only, with the
other name in the tooltip: with both names, two columns overflowed the dock and were cut off.

Choosing a type (a button, a click in the list, Enter in the search field, or the type's hotkey
anywhere in the window) emits ``eventTypeChosen`` with the type id; what happens next (an event
on the current selection) is the controller's business.

The search ignores Arabic diacritics, tatweel and letter variants (``normalize_query``) and case,
and matches the Arabic name, the English name and the id.
"""

from __future__ import annotations

from functools import cached_property

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.normalize import normalize_query
from workbench.core.schema import EventType, Schema
from workbench.core.schema.guidelines import label_tooltip
from workbench.ui.events.event_text import Language, both_names, layout_direction, localized
from workbench.ui.label_style import label_colour

SWATCH_SIZE = 14
TYPE_ID_ROLE = Qt.ItemDataRole.UserRole


class EventPalette(QWidget):
    """See the module docstring. ``shortcut_host`` is the widget whose window the hotkeys work
    in (default: this palette's window); give the main window so they work while it is hidden."""

    eventTypeChosen = Signal(str)

    def __init__(
        self,
        schema: Schema,
        language: Language = "en",
        parent: QWidget | None = None,
        shortcut_host: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._schema = schema
        self._buttons: dict[str, QPushButton] = {}
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.set_filter)
        self.search.returnPressed.connect(self._choose_first_shown)
        self.list = QListWidget()
        self.list.itemClicked.connect(self._choose_item)
        for event_type in schema.event_types:
            self.list.addItem(self._item(event_type))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._button_column())
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self._make_shortcuts(shortcut_host or self)
        self.set_language(language)

    def _item(self, event_type: EventType) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(TYPE_ID_ROLE, event_type.id)
        return item

    def _button_column(self) -> QVBoxLayout:
        """One button per event type that has a hotkey: the types used most."""
        column = QVBoxLayout()
        for event_type in self._schema.event_types:
            if event_type.hotkey:
                button = QPushButton()
                button.setObjectName(f"event-type:{event_type.id}")
                button.clicked.connect(lambda _=False, type_id=event_type.id: self.choose(type_id))
                column.addWidget(button)
                self._buttons[event_type.id] = button
        return column

    def set_language(self, language: Language) -> None:
        """Name the types with the interface language's name first (and translate anew), in
        their colours of the current theme, their definitions in the tooltips."""
        self.setLayoutDirection(layout_direction(language))
        self.search.setPlaceholderText(self.tr("Search event types (Arabic or English)"))
        for row in range(self.list.count()):
            item = self.list.item(row)
            event_type = self._schema.event(str(item.data(TYPE_ID_ROLE)))
            hotkey = f"    {event_type.hotkey}" if event_type.hotkey else ""
            item.setText(both_names(event_type, language) + hotkey)
            item.setIcon(swatch(label_colour(self._schema, event_type.id)))
            item.setToolTip(self._tooltip(event_type, language))
        for type_id, button in self._buttons.items():
            event_type = self._schema.event(type_id)
            button.setText(f"{localized(event_type, language)} ({event_type.hotkey})")
            button.setIcon(swatch(label_colour(self._schema, type_id)))
            button.setToolTip(self._tooltip(event_type, language))

    def _tooltip(self, event_type: EventType, language: Language) -> str:
        """Both names and the id (a button shows one name), then the type's definition and
        examples from the guidelines."""
        _title, *guide = label_tooltip(self._schema, event_type.id, language).split("\n")
        return "\n".join([f"{both_names(event_type, language)} ({event_type.id})", *guide])

    def _make_shortcuts(self, host: QWidget) -> None:
        """The types' hotkeys, owned by ``host`` and gone with this palette."""
        for event_type in self._schema.event_types:
            if event_type.hotkey:
                shortcut = QShortcut(QKeySequence(event_type.hotkey), host)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(lambda type_id=event_type.id: self.choose(type_id))
                self.destroyed.connect(shortcut.deleteLater)

    # -- choosing ---------------------------------------------------------------------------------

    def choose(self, type_id: str) -> None:
        self.eventTypeChosen.emit(type_id)

    def _choose_item(self, item: QListWidgetItem) -> None:
        self.choose(str(item.data(TYPE_ID_ROLE)))

    def _choose_first_shown(self) -> None:
        shown = self.shown_type_ids()
        if shown:
            self.choose(shown[0])

    # -- searching --------------------------------------------------------------------------------

    def set_filter(self, query: str) -> None:
        """Show only the types whose names or id contain ``query`` (normalized)."""
        needle = normalize_query(query.strip())
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(needle not in self._search_keys[str(item.data(TYPE_ID_ROLE))])

    @cached_property
    def _search_keys(self) -> dict[str, str]:
        """Made at the first search, not at start-up: folding builds its table of characters (4 ms)."""
        return {event_type.id: _search_key(event_type) for event_type in self._schema.event_types}

    def shown_type_ids(self) -> list[str]:
        """The ids of the types the list shows, in order."""
        return [
            str(item.data(TYPE_ID_ROLE))
            for item in map(self.list.item, range(self.list.count()))
            if not item.isHidden()
        ]


def _search_key(event_type: EventType) -> str:
    """What a query is matched against: both names and the id, normalized like queries."""
    names = (event_type.ar, event_type.en, event_type.id)
    return "\n".join(normalize_query(name) for name in names)


def swatch(color: str) -> QIcon:
    """A small square of ``color`` (an event type's or a label's)."""
    pixmap = QPixmap(SWATCH_SIZE, SWATCH_SIZE)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
