"""The keys of the annotator's window in one table (Help > Keys…, F1): what each does, in the
interface language. The window's own actions, the label and event hotkeys of the schema and the
text view's keys (``view_gestures``) are all listed; a test checks that no action's key is
missing."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("KeySheet", text)


def fixed_rows() -> list[tuple[str, str]]:
    """The keys that do not come from the schema, each with what it does."""
    return [
        (_t("drag, double-click"), _t("select whole words (clitics stay inside); hold Alt for the exact characters")),
        (_t("click a span or its tag"), _t("select it (click again to reach the spans nested under it)")),
        (_t("drag a selected span's edge"), _t("move its start or end (whole words; exact with Alt)")),
        ("Ctrl+Left / Ctrl+Right", _t("token cursor: select the next / previous word (the text runs right to left); a label's key labels it")),
        ("Shift+Left / Shift+Right", _t("with a span (or the token cursor's words) selected: its end one word later / earlier; otherwise select")),
        ("Ctrl+Shift+Left / Ctrl+Shift+Right", _t("with a span (or the token cursor's words) selected: its start one word later / earlier")),
        ("Alt+Shift+Left / Alt+Shift+Right", _t("the end one character later / earlier (without a span: select exactly)")),
        ("Ctrl+Alt+Shift+Left / Ctrl+Alt+Shift+Right", _t("the start one character later / earlier")),
        ("Delete", _t("delete the selected span")),
        ("Ctrl+Z", _t("undo")),
        ("Ctrl+Shift+Z, Ctrl+Y", _t("redo")),
        ("Ctrl+Return, Ctrl+Enter", _t("mark the document done (again: not done)")),
        ("Alt+Right / Alt+Left", _t("next / previous document (mirrored in an Arabic interface)")),
        ("Ctrl+F", _t("search")),
        ("F3 / Shift+F3", _t("next / previous match")),
        ("F4 / Shift+F4", _t("next / previous suggestion")),
        ("Return, Enter", _t("accept the suggestion")),
        ("Escape, Backspace", _t("reject the suggestion")),
        ("Ctrl++, Ctrl+= / Ctrl+- / Ctrl+0", _t("larger / smaller / default text size")),
        ("Ctrl+E", _t("export")),
        ("Ctrl+Q", _t("quit")),
        ("Alt+1 … Alt+9", _t("fill the shown event's first nine roles with the selected span")),
        ("F1", _t("this table of keys")),
    ]


def key_rows(hotkeys: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The fixed rows, then one per schema hotkey: (key, the label or event type it gives)."""
    rows = fixed_rows()
    rows.extend((key, _t("label as %1").replace("%1", name)) for key, name in hotkeys)
    return rows


class KeySheet(QDialog):
    """The table of keys, in a dialog that does not block the window."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Keys"))
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([_t("Key"), _t("What it does")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        for number, (keys, meaning) in enumerate(rows):
            self.table.setItem(number, 0, QTableWidgetItem(keys))
            self.table.setItem(number, 1, QTableWidgetItem(meaning))
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 620)

    def keys_listed(self) -> list[str]:
        return [self.table.item(row, 0).text() for row in range(self.table.rowCount())]
