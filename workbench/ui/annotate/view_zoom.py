"""The annotation view's font and zoom (``ZoomMixin``, under ``GestureMixin`` in
``AnnotatedTextView``): the Arabic family and the size, Ctrl+wheel and the zoom keys, the size
kept within the font's bounds (``fonts.clamp_point_size``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QPlainTextEdit

from workbench.ui import fonts


class ZoomMixin(QPlainTextEdit):
    """See the module docstring."""

    def set_font_family(self, family: str) -> None:
        """Use ``family`` for Arabic, keeping the Latin fallback and the size."""
        self.setFont(fonts.annotation_font(self.font_size(), arabic_family=family))

    def set_font_size(self, point_size: int) -> None:
        font = QFont(self.font())
        font.setPointSize(fonts.clamp_point_size(point_size))
        self.setFont(font)

    def font_size(self) -> int:
        return self.font().pointSize()

    def zoom(self, delta: int) -> None:
        """Grow (positive) or shrink (negative) the text by ``delta`` points."""
        self.set_font_size(self.font_size() + delta)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms through ``zoom``, so the size stays within the font's bounds."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps:
                self.zoom(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def _handle_zoom_key(self, event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.ZoomIn) or _is_ctrl_equals(event):
            self.zoom(1)
            return True
        if event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom(-1)
            return True
        return False


def _is_ctrl_equals(event: QKeyEvent) -> bool:
    """Ctrl+= zooms in too: on most layouts + needs Shift, and people press Ctrl+= instead."""
    return event.key() == Qt.Key.Key_Equal and bool(
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )
