"""What the program remembers between runs, in QSettings: the window's geometry and docks, the
last document of each project, the text font, the label tags and arcs shown, the interface
language and theme, the annotator's name, the projects opened last.

The annotations themselves are never here: every change is in the project file at once.
Tests give a ``QSettings`` on an ini file in a temporary folder, never the user's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt

from workbench.ui.i18n import Language
from workbench.ui.theme import Theme

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_STATE_DIRECTION = "window/state_direction"
_FONT_FAMILY = "view/font_family"
_FONT_SIZE = "view/font_size"
_LANGUAGE = "interface/language"
_LABEL_TAGS = "view/label_tags"
_ALL_ARCS = "view/all_arcs"
_THEME = "interface/theme"
_ANNOTATOR = "annotator"
_RECENT_PROJECTS = "recent_projects"
RECENT_PROJECTS = 8
"""How many projects File > Open recent lists."""
_LAST_DOCUMENT = "last_document/{project_id}"
_DIRECTIONS = (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft)


class WorkbenchSettings:
    """Typed access to the remembered values; ``None`` where nothing was remembered yet."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    def annotator(self) -> str | None:
        return self._text(_ANNOTATOR)

    def set_annotator(self, name: str) -> None:
        self.store.setValue(_ANNOTATOR, name)

    def language(self) -> Language | None:
        value = self._text(_LANGUAGE)
        return Language(value) if value in set(Language) else None

    def set_language(self, language: Language) -> None:
        self.store.setValue(_LANGUAGE, language.value)

    def theme(self) -> Theme:
        value = self._text(_THEME)
        return Theme(value) if value in set(Theme) else Theme.SYSTEM

    def set_theme(self, theme: Theme) -> None:
        self.store.setValue(_THEME, theme.value)

    def font(self) -> tuple[str | None, int | None]:
        """The text view's Arabic font family and point size."""
        size = self.store.value(_FONT_SIZE)
        return self._text(_FONT_FAMILY), int(size) if size not in (None, "") else None

    def set_font(self, family: str, point_size: int) -> None:
        self.store.setValue(_FONT_FAMILY, family)
        self.store.setValue(_FONT_SIZE, point_size)

    def label_tags(self) -> bool:
        """Whether the text view shows label tags above the spans (yes at first)."""
        return self._flag(_LABEL_TAGS, default=True)

    def set_label_tags(self, shown: bool) -> None:
        self.store.setValue(_LABEL_TAGS, shown)

    def all_arcs(self) -> bool:
        """Whether every event's arcs are drawn, or only the selected event's (at first)."""
        return self._flag(_ALL_ARCS, default=False)

    def set_all_arcs(self, shown: bool) -> None:
        self.store.setValue(_ALL_ARCS, shown)

    def window_layout(self) -> tuple[QByteArray | None, QByteArray | None]:
        """``QMainWindow.saveGeometry()`` and ``saveState()`` as saved."""
        return self._bytes(_GEOMETRY), self._bytes(_STATE)

    def window_layout_direction(self) -> Qt.LayoutDirection | None:
        """The reading direction the saved docks were placed for (None: not remembered)."""
        value = self._text(_STATE_DIRECTION)
        directions = {direction.name: direction for direction in _DIRECTIONS}
        return directions.get(value) if value else None

    def set_window_layout(
        self, geometry: QByteArray, state: QByteArray, direction: Qt.LayoutDirection
    ) -> None:
        self.store.setValue(_GEOMETRY, geometry)
        self.store.setValue(_STATE, state)
        self.store.setValue(_STATE_DIRECTION, direction.name)

    def recent_projects(self) -> list[Path]:
        """The projects opened last, the latest first; those no longer there are left out."""
        value = self.store.value(_RECENT_PROJECTS)
        paths = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(path) for path in paths if path and Path(path).is_file()]

    def add_recent_project(self, path: Path) -> None:
        earlier = [str(known) for known in self.recent_projects() if known != path]
        self.store.setValue(_RECENT_PROJECTS, [str(path), *earlier][:RECENT_PROJECTS])

    def last_document(self, project_id: str) -> str | None:
        return self._text(_LAST_DOCUMENT.format(project_id=project_id))

    def set_last_document(self, project_id: str, document_id: str) -> None:
        self.store.setValue(_LAST_DOCUMENT.format(project_id=project_id), document_id)

    def sync(self) -> None:
        self.store.sync()

    def _text(self, key: str) -> str | None:
        value = self.store.value(key)
        return str(value) if value not in (None, "") else None

    def _flag(self, key: str, *, default: bool) -> bool:
        value = self.store.value(key)
        if value in (None, ""):
            return default
        return value is True or str(value).lower() == "true"

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None
