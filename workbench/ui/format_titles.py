"""The names the window gives the formats it imports: the file types of File > Import files…, and
the formats an import's refusal names (``ui.error_words``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def format_title(name: str) -> str:
    """The title of the import format ``name`` ("auto": every file the workbench reads)."""
    titles = {
        "auto": QCoreApplication.translate("FormatTitles", "Every file the workbench reads"),
        "txt": QCoreApplication.translate("FormatTitles", "Plain text"),
        "jsonl": QCoreApplication.translate("FormatTitles", "Workbench JSONL"),
        "conll": QCoreApplication.translate("FormatTitles", "CoNLL (token and tag columns)"),
        "brat": QCoreApplication.translate("FormatTitles", "brat standoff"),
        "doccano": QCoreApplication.translate("FormatTitles", "doccano JSONL"),
        "labelstudio": QCoreApplication.translate("FormatTitles", "Label Studio JSON"),
    }
    return titles[name]

