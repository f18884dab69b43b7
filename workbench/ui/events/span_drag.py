"""Dragging a span by its id: from a span list (the source) onto a role of an event (the target).

The payload is the span's id only, under a private mime type, so that a drop elsewhere (another
program, a text field) receives nothing it could misread; the target looks the span up itself.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QWidget

SPAN_ID_MIME = "application/x-tawsim-span-id"


def span_mime_data(span_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(SPAN_ID_MIME, span_id.encode("utf-8"))
    return mime


def span_id_from_mime(mime: QMimeData) -> str | None:
    """The dragged span's id, or None when the data carries no span."""
    if not mime.hasFormat(SPAN_ID_MIME):
        return None
    return bytes(mime.data(SPAN_ID_MIME).data()).decode("utf-8") or None


def start_span_drag(source: QWidget, span_id: str) -> Qt.DropAction:
    """Start dragging the span ``span_id`` from ``source`` (blocks until the drop); call it from
    the source's mouse-move handler once the drag distance is passed."""
    drag = QDrag(source)
    drag.setMimeData(span_mime_data(span_id))
    return drag.exec(Qt.DropAction.LinkAction)
