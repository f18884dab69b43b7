"""The Guidelines panel: the project's guidelines document (Markdown, as set with
``workbench guidelines PROJECT FILE.md``) and its version, and under it the schema's definitions
of the labels, event types, roles and attributes with their examples (``guide_sheet``), in the
interface language; a search field finds and highlights what is typed.

The search counts the lines of the sheet that hold the query (``app.guidelines.search_guidelines``,
ignoring case) and highlights every place the rendered page shows it; Enter goes to the next one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QLabel, QLineEdit, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from workbench.app.guidelines import project_guidelines, search_guidelines
from workbench.app.project import Project
from workbench.core.schema.guide_sheet import definitions_markdown
from workbench.ui.annotate.view_span import HIGHLIGHT_COLORS
from workbench.ui.i18n import current_language

CURRENT_MATCH_COLOUR = "#ffb300"
"""The match the search went to, among the others in the search's green."""


class GuidelinesPanel(QWidget):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._guidelines = project_guidelines(project)
        """Read once, as the window opens (they change on the command line, between sessions):
        a language change shows them again without the project file, which may be closed."""
        self.markdown = ""
        """The Markdown shown: the project's document, then the schema's definitions."""
        self._found: list[QTextCursor] = []
        self._current = -1
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.find_text)
        self.search.returnPressed.connect(self.next_match)
        self.version = QLabel()
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.matches = QLabel()
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.search, self.matches, self.version, self.browser):
            layout.addWidget(widget)
        self.retranslate()

    def show_guidelines(self) -> None:
        """The guidelines read, with the schema's definitions in the interface language."""
        current = self._guidelines
        language = current_language().value
        if current is None:
            document = self.tr("No guidelines yet — set them with `workbench guidelines PROJECT FILE.md`")
            self.version.setText("")
            self.version.setToolTip("")
        else:
            document = current.text
            version = self.tr("Guidelines version %1 of %2").replace("%1", str(current.version))
            self.version.setText(version.replace("%2", current.created[:10]))
            self.version.setToolTip(f"sha256 {current.sha256}")
        sheet = definitions_markdown(self._project.schema, language)
        self.markdown = f"{document}\n\n---\n\n{sheet}" if sheet else document
        self.browser.setMarkdown(self.markdown)
        self.find_text(self.search.text())

    # -- search -----------------------------------------------------------------------------------

    def find_text(self, query: str) -> None:
        """Highlight every place ``query`` shows (ignoring case) and go to the first."""
        needle = query.strip()
        lines = search_guidelines(self.markdown, needle)
        self._found = self._places(needle) if lines else []
        self._current = 0 if self._found else -1
        if not needle:
            self.matches.setText("")
        elif lines:
            self.matches.setText(self.tr("Lines that match: %1").replace("%1", str(len(lines))))
        else:
            self.matches.setText(self.tr("No match"))
        self.matches.setVisible(bool(self.matches.text()))
        self._show_found()

    def next_match(self) -> None:
        """Enter in the search field: the next place found, after the last the first."""
        if self._found:
            self._current = (self._current + 1) % len(self._found)
            self._show_found()

    def highlighted(self) -> list[str]:
        """The texts highlighted now, in the page's order."""
        return [selection.cursor.selectedText() for selection in self.browser.extraSelections()]

    @property
    def current_match(self) -> int:
        """The place the search went to (an index into ``highlighted``), -1 for none."""
        return self._current

    def _places(self, needle: str) -> list[QTextCursor]:
        document = self.browser.document()
        found: list[QTextCursor] = []
        cursor = document.find(needle, 0)
        while not cursor.isNull():
            found.append(cursor)
            cursor = document.find(needle, cursor)
        return found

    def _show_found(self) -> None:
        selections = []
        for number, cursor in enumerate(self._found):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            colour = CURRENT_MATCH_COLOUR if number == self._current else HIGHLIGHT_COLORS["match"]
            selection.format.setBackground(QColor(colour))
            selection.format.setForeground(QColor("#000000"))
            selections.append(selection)
        self.browser.setExtraSelections(selections)
        if self._current >= 0:
            shown = QTextCursor(self._found[self._current])
            shown.clearSelection()
            self.browser.setTextCursor(shown)
            self.browser.ensureCursorVisible()

    # -- language ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The placeholder, and the definitions in the interface language."""
        self.search.setPlaceholderText(self.tr("Search the guidelines"))
        self.show_guidelines()
