"""The keys of the annotator's window in one table (Help > Keys…, F1): what each does, in the
interface language. The window's own actions, the label and event hotkeys of the schema and the
text view's keys (``view_gestures``) are all listed; a test checks that no action's key is
missing."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from workbench.ui.table_setup import set_up_table


class KeySheet(QDialog):
    """The table of keys, in a dialog that does not block the window; ``hotkeys`` are the
    schema's (key, the name of the label or event type it gives), ``document_hotkeys`` its
    document-label values' (key, field: value)."""

    def __init__(
        self,
        hotkeys: Iterable[tuple[str, str]],
        parent: QWidget | None = None,
        document_hotkeys: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__(parent)
        rows = self.fixed_rows()
        rows.extend((key, self.tr("label as %1").replace("%1", name)) for key, name in hotkeys)
        rows.extend(
            (key, self.tr("the document's label %1 (again: take it back)").replace("%1", name))
            for key, name in document_hotkeys
        )
        self.setWindowTitle(self.tr("Keys"))
        self.model = QStandardItemModel(len(rows), 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Key"), self.tr("What it does")])
        for number, (keys, meaning) in enumerate(rows):
            self.model.setItem(number, 0, QStandardItem(keys))
            self.model.setItem(number, 1, QStandardItem(meaning))
        self.table = set_up_table(QTableView(), self.model, selectable=False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 660)

    def fixed_rows(self) -> list[tuple[str, str]]:
        """The keys that do not come from the schema, each with what it does."""
        return [
            (
                self.tr("drag, double-click"),
                self.tr("select whole words (clitics stay inside); hold Alt for the exact characters"),
            ),
            (
                self.tr("click a span or its tag"),
                self.tr("select it (click again to reach the spans nested under it)"),
            ),
            (
                self.tr("drag a selected span's edge"),
                self.tr("move its start or end (whole words; exact with Alt)"),
            ),
            (
                "Ctrl+Left / Ctrl+Right",
                self.tr("token cursor: select the next / previous word (the text runs right to left); a label's key labels it"),  # noqa: E501 (one sentence for the translators)
            ),
            (
                "Shift+Left / Shift+Right",
                self.tr("with a span (or the token cursor's words) selected: its end one word later / earlier; otherwise select"),  # noqa: E501 (one sentence for the translators)
            ),
            (
                "Ctrl+Shift+Left / Ctrl+Shift+Right",
                self.tr("with a span (or the token cursor's words) selected: its start one word later / earlier"),
            ),
            (
                "Alt+Shift+Left / Alt+Shift+Right",
                self.tr("the end one character later / earlier (without a span: select exactly)"),
            ),
            (
                "Ctrl+Alt+Shift+Left / Ctrl+Alt+Shift+Right",
                self.tr("the start one character later / earlier"),
            ),
            ("Del", self.tr("delete the selected span")),
            (
                self.tr("Ctrl+click a span"),
                self.tr("with a span selected: relate it to the clicked span (a menu of relation types: its number key or a click)"),  # noqa: E501 (one sentence for the translators)
            ),
            (self.tr("Del in the relations panel"), self.tr("delete the chosen relation")),
            ("Ctrl+Z", self.tr("undo")),
            ("Ctrl+Shift+Z, Ctrl+Y", self.tr("redo")),
            ("Ctrl+Return, Ctrl+Enter", self.tr("mark the document done (again: not done)")),
            (
                "Alt+Right / Alt+Left",
                self.tr("next / previous document (mirrored in an Arabic interface)"),
            ),
            ("Ctrl+F", self.tr("search")),
            ("F3 / Shift+F3", self.tr("next / previous match")),
            ("F4 / Shift+F4", self.tr("next / previous suggestion")),
            ("Return, Enter", self.tr("accept the suggestion")),
            (
                "Shift+Return, Shift+Enter",
                self.tr("accept it and every suggestion of the same name and label in the document"),
            ),
            ("Esc, Backspace", self.tr("reject the suggestion")),
            (self.tr("a label's key"), self.tr("on a suggestion: accept it with that label")),
            ("Ctrl++, Ctrl+= / Ctrl+- / Ctrl+0", self.tr("larger / smaller / default text size")),
            ("Ctrl+N", self.tr("new project")),
            ("Ctrl+O", self.tr("open a project")),
            ("Ctrl+I", self.tr("import files into the project")),
            ("F2", self.tr("rename the document selected in the list")),
            ("Ctrl+E", self.tr("export")),
            ("Ctrl+Q", self.tr("quit")),
            (
                "Alt+1 … Alt+9",
                self.tr("fill the shown event's first nine roles with the selected span"),
            ),
            ("F1", self.tr("this table of keys")),
        ]

    def keys_listed(self) -> list[str]:
        return [self.model.item(row, 0).text() for row in range(self.model.rowCount())]
