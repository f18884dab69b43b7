"""The names the window gives the formats it imports: the file types of File > Import files…, and
the formats an import's refusal names (``ui.error_words``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def format_title(name: str) -> str:
    """The title of the import format ``name`` ("auto": every file the workbench reads)."""
    titles = {
        "auto": _tr("Every file the workbench reads"),
        "txt": _tr("Plain text"),
        "jsonl": _tr("Workbench JSONL"),
        "conll": _tr("CoNLL (token and tag columns)"),
        "brat": _tr("brat standoff"),
        "doccano": _tr("doccano JSONL"),
        "labelstudio": _tr("Label Studio JSON"),
    }
    return titles[name]


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormatTitles", text)
