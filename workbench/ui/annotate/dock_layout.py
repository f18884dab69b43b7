"""Where the window's panels (docks) go: their default places for the interface's reading
direction, mirrored on a language switch, and a saved layout put back in the direction it was
saved for.

Qt mirrors what is inside the docks in a right-to-left interface, but not the dock areas: the
leading side is the left in English and the right in Arabic, so the docks are placed by hand.
Whether a dock is shown is read with ``isHidden`` (hidden on purpose), never from its toggle
action or ``isVisible``: those say "hidden" for every dock until the window is first shown, and
reading them then hid every panel of an Arabic first start (issue 12).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QWidget

Dock = Qt.DockWidgetArea
Direction = Qt.LayoutDirection
FORWARD_SHARE = 2 / 3
"""The most of its column's height a dock brought forward takes from the docks above or below."""
_MIRRORED = {
    Dock.LeftDockWidgetArea: Dock.RightDockWidgetArea,
    Dock.RightDockWidgetArea: Dock.LeftDockWidgetArea,
}


@dataclass(frozen=True)
class _Place:
    """A dock's default place: its area in a left-to-right interface, or the dock it is tabbed
    behind, and whether it is shown."""

    dock: QDockWidget
    area: Qt.DockWidgetArea
    behind: QDockWidget | None
    shown: bool


class TabGroup(NamedTuple):
    """Docks tabbed together in one place of the window (a dock alone is a group of one)."""

    area: Qt.DockWidgetArea
    docks: list[QDockWidget]
    in_front: QDockWidget


class DockLayout:
    """The docks of ``window``, in the order they were added; ``side_widths`` are the default
    widths of the leading and trailing columns."""

    def __init__(self, window: QMainWindow, side_widths: tuple[int, int]) -> None:
        self._window = window
        self._side_widths = side_widths
        self._places: list[_Place] = []
        self.direction = Direction.LeftToRight
        """The reading direction the docks are placed for: the leading side is left in LTR."""

    def add(
        self,
        dock: QDockWidget,
        area: Qt.DockWidgetArea,
        *,
        behind: QDockWidget | None = None,
        shown: bool = True,
    ) -> None:
        """Place ``dock`` in ``area`` (as in a left-to-right interface), or tabbed behind
        ``behind``; ``shown`` False leaves it closed until the user opens it."""
        self._places.append(_Place(dock, area, behind, shown))
        self._put(self._places[-1])

    def reset(self, direction: Qt.LayoutDirection) -> None:
        """Every dock in its default place for ``direction``, shown or closed as by default,
        the entity panels in front of the event panels, the side columns at their widths and
        the docks of each column at the heights of a first start (their size hints: docks put
        back keep none of the heights they had, and squeezed the others)."""
        self.direction = direction
        for place in self._places:
            self._window.removeDockWidget(place.dock)
        for place in self._places:
            self._put(place)
        for place in self._places:
            if place.behind is not None:
                place.behind.raise_()
        columns = zip((Dock.LeftDockWidgetArea, Dock.RightDockWidgetArea), self._side_widths, strict=True)
        sides = [(docks[0], width) for area, width in columns if (docks := self._in_front(area))]
        self._window.resizeDocks(
            [dock for dock, _ in sides], [width for _, width in sides], Qt.Orientation.Horizontal
        )
        for area in (Dock.LeftDockWidgetArea, Dock.RightDockWidgetArea):
            column = self._in_front(area)
            heights = [dock.sizeHint().height() for dock in column]
            self._window.resizeDocks(column, heights, Qt.Orientation.Vertical)

    def _put(self, place: _Place) -> None:
        if place.behind is not None:
            self._window.tabifyDockWidget(place.behind, place.dock)
        else:
            self._window.addDockWidget(self._area_for(place.area, self.direction), place.dock)
        place.dock.setVisible(place.shown)

    def _in_front(self, area: Qt.DockWidgetArea) -> list[QDockWidget]:
        """The docks in front by default in ``area`` (as in a left-to-right interface), top
        to bottom."""
        return [p.dock for p in self._places if p.area == area and p.behind is None and p.shown]

    @staticmethod
    def _area_for(area: Qt.DockWidgetArea, direction: Qt.LayoutDirection) -> Qt.DockWidgetArea:
        return _MIRRORED.get(area, area) if direction == Direction.RightToLeft else area

    def bring_forward(self, dock: QDockWidget) -> None:
        """Show ``dock`` in front of its tabs and as tall as its content asks (within what its
        column allows): the docks above or below it give the height, the text keeps its width."""
        dock.show()
        dock.raise_()
        column = self._tab_groups([self._window.dockWidgetArea(dock)])
        others = [group.in_front for group in column if dock not in group.docks]
        total = dock.height() + sum(other.height() for other in others)
        wanted = min(_content_height(dock), int(total * FORWARD_SHARE) if others else total)
        if dock.height() < wanted:
            rest = (total - wanted) // len(others)
            heights = [rest] * len(others) + [wanted]
            self._window.resizeDocks([*others, dock], heights, Qt.Orientation.Vertical)
            _activate_layout(self._window)  # the new heights now, in this frame

    def restore(self, state: QByteArray, direction: Qt.LayoutDirection) -> bool:
        """Put back a layout saved (``QMainWindow.saveState``) with the docks placed for
        ``direction``; False when Qt cannot read it."""
        if not self._window.restoreState(state):
            return False
        self.direction = direction
        return True

    def mirror(self, direction: Qt.LayoutDirection) -> None:
        """Mirror the docks for ``direction``, keeping how the user arranged them.

        Every dock is taken out and put back on the other side, each tab group as tabs with the
        same tab in front, each dock shown or hidden and sized as before: moving docks one by one
        with ``addDockWidget`` stacked tabbed docks one under another and left stale tab bars.
        """
        if direction == self.direction:
            return
        window = self._window
        if not window.isVisible():
            _activate_layout(window)  # the sizes restored, before the window is first shown
        groups = self._tab_groups(_MIRRORED)
        shown = {dock: not dock.isHidden() for group in groups for dock in group.docks}
        fronts = [group.in_front for group in groups]
        widths, heights = [dock.width() for dock in fronts], [dock.height() for dock in fronts]
        for dock in shown:
            window.removeDockWidget(dock)
        for group in groups:
            first, *others = group.docks
            window.addDockWidget(_MIRRORED[group.area], first)
            for tab in others:
                window.tabifyDockWidget(first, tab)
            for dock in group.docks:
                dock.setVisible(shown[dock])
            group.in_front.raise_()
        window.resizeDocks(fronts, widths, Qt.Orientation.Horizontal)
        window.resizeDocks(fronts, heights, Qt.Orientation.Vertical)
        self.direction = direction

    def _tab_groups(self, areas: Iterable[Qt.DockWidgetArea]) -> list[TabGroup]:
        """The docks in ``areas`` by tab group, in the order they were added (so each keeps its
        place in its column)."""
        window = self._window
        groups: list[TabGroup] = []
        grouped: set[QDockWidget] = set()
        for place in self._places:
            dock = place.dock
            area = window.dockWidgetArea(dock)
            if area not in areas or dock in grouped:
                continue
            docks = [dock, *window.tabifiedDockWidgets(dock)]
            in_front = next((tab for tab in docks if not tab.visibleRegion().isEmpty()), dock)
            groups.append(TabGroup(area, docks, in_front))
            grouped.update(docks)
        return groups


def _content_height(dock: QDockWidget) -> int:
    """The height ``dock`` asks for: its content's (a scroll area's widget at full length) and
    its title bar."""
    content = dock.widget()
    inner = content.widget() if isinstance(content, QScrollArea) else None
    hint = inner.sizeHint().height() if inner is not None else content.sizeHint().height()
    return hint + dock.height() - content.height()


def _activate_layout(window: QWidget) -> None:
    """Lay the window out now (a main window always has its layout)."""
    layout = window.layout()
    if layout is not None:
        layout.activate()
