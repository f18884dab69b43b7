"""Asking the annotator yes or no before something that cannot be taken back lightly (No is the
default answer). Windows take the question as a parameter, so that tests answer without a dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

Confirm = Callable[[QWidget, str, str], bool]
"""(parent, title, question) -> yes."""


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, question, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
