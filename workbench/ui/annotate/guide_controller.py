"""Guidelines at hand in the annotator's window, and the label colours following the theme
(issue 13, points 1 and 9): the Guidelines panel docked on the leading side, tabbed behind the
documents (View > Panels shows and hides it), and on a change of theme the text view's spans, triggers and
arcs and the event widgets drawn again in the new theme's colours. The tables (label palette,
span list, event list) read their colours as they paint, which the palette change sets off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt

from workbench.ui.annotate.guidelines_panel import GuidelinesPanel
from workbench.ui.label_style import view_spans
from workbench.ui.theme import theme_switch

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow


class GuideController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.panel = GuidelinesPanel(window.project)
        self.dock = window.add_panel(
            "guidelines", self.panel, Qt.DockWidgetArea.LeftDockWidgetArea, behind="documents"
        )
        self.dock.setWindowTitle(self.tr("Guidelines"))
        self.dock.toggleViewAction().triggered.connect(self._shown_from_the_menu)
        self.panel.installEventFilter(self)
        theme_switch().changed.connect(self.recolour)

    def recolour(self) -> None:
        """Draw the spans, triggers, arcs and event widgets in the current theme's colours."""
        window = self._window
        view = window.text_view
        view.set_spans(view_spans(view.all_spans(), window.schema))
        window.events.recolour()

    def _shown_from_the_menu(self, shown: bool) -> None:
        """View > Panels > Guidelines: the panel in front of the documents it is tabbed with."""
        if shown:
            self.dock.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.panel and event.type() == QEvent.Type.LanguageChange:
            self.dock.setWindowTitle(self.tr("Guidelines"))
        return super().eventFilter(watched, event)
