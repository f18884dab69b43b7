"""Importers and exporters, one module per format, each registered here by name.

A module in ``IMPORTERS`` has ``read(paths, options) -> Iterator[AnnotatedDocument]``, and may
have ``read_plain``, which an import into a project uses instead: the same documents, those whose
annotations are spans and nothing else as ``PlainSpansDocument`` (``core.model``). One in
``EXPORTERS`` has ``write(documents, out, options, progress)`` (see ``base``), which takes documents
of either kind, and ``PLAIN_SPANS = True`` when it writes plain spans from their columns (a
project's export then reads them so, ``exporter_takes_plain_spans``); the token-based exporters tag
``Span``s, which they would only make again, and have ``READS_TOKENS = True``: they ask
``ExportOptions.text_tokens`` for each document's tokens (``exporter_reads_tokens``). An exporter
that writes one file of its documents' texts one after the other has a ``renderer``: what it
renders each document with, which a second process rendering part of a project's export takes
(``exporter_renders``, ``renderer``); those that split by sentence have a ``sentence_renderer``,
which gives a document's sentences so (``exporter_splits_sentences``). One that writes files of
each document's sets (brat) has a ``files_renderer`` instead, which gives the texts of a
document's files (``exporter_writes_files``, ``files_renderer``).
Modules are imported only when their format is used.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, cast

from workbench.core.errors import WorkbenchError

if TYPE_CHECKING:  # the registry itself stays light: the command line reads it at start-up
    from workbench.formats.base import Exporter, Importer, ProjectImporter
    from workbench.formats.exporting import FilesRendererFactory, RendererFactory
    from workbench.formats.sentence_splits import SentenceRendererFactory

IMPORTERS: dict[str, str] = {
    "txt": "workbench.formats.txt",
    "jsonl": "workbench.formats.jsonl",
    "conll": "workbench.formats.conll",
    "brat": "workbench.formats.brat",
    "doccano": "workbench.formats.doccano",
    "labelstudio": "workbench.formats.labelstudio",
}
EXPORTERS: dict[str, str] = {
    "jsonl": "workbench.formats.jsonl",
    "conll": "workbench.formats.conll",
    "brat": "workbench.formats.brat",
    "hf": "workbench.formats.hf",
    "events": "workbench.formats.textee",
}


def importer(name: str) -> Importer:
    return cast("Importer", _module(name, IMPORTERS, "import").read)


def project_importer(name: str) -> ProjectImporter:
    """What an import into a project reads the format with: its ``read_plain``, else its ``read``."""
    module = _module(name, IMPORTERS, "import")
    return cast("ProjectImporter", getattr(module, "read_plain", module.read))


def exporter(name: str) -> Exporter:
    return cast("Exporter", _module(name, EXPORTERS, "export").write)


def exporter_takes_plain_spans(name: str) -> bool:
    """Whether the exporter ``name`` writes plain spans as they are (``PLAIN_SPANS``)."""
    return bool(getattr(_module(name, EXPORTERS, "export"), "PLAIN_SPANS", False))


def exporter_reads_tokens(name: str) -> bool:
    """Whether the exporter ``name`` asks for each document's tokens (``READS_TOKENS``)."""
    return bool(getattr(_module(name, EXPORTERS, "export"), "READS_TOKENS", False))


def exporter_renders(name: str) -> bool:
    """Whether the exporter ``name`` renders each document to its text in the file or to its
    files (has a ``renderer`` or a ``files_renderer``)."""
    return hasattr(_module(name, EXPORTERS, "export"), "renderer") or exporter_writes_files(name)


def exporter_writes_files(name: str) -> bool:
    """Whether the exporter ``name`` writes files of each document's sets (has a
    ``files_renderer``)."""
    return hasattr(_module(name, EXPORTERS, "export"), "files_renderer")


def files_renderer(name: str) -> FilesRendererFactory:
    """The ``files_renderer`` of the exporter ``name`` (``exporter_writes_files``)."""
    return cast("FilesRendererFactory", _module(name, EXPORTERS, "export").files_renderer)


def renderer(name: str) -> RendererFactory:
    """The ``renderer`` of the exporter ``name`` (``exporter_renders``)."""
    return cast("RendererFactory", _module(name, EXPORTERS, "export").renderer)


def exporter_splits_sentences(name: str) -> bool:
    """Whether the exporter ``name`` splits by sentence (has a ``sentence_renderer``)."""
    return hasattr(_module(name, EXPORTERS, "export"), "sentence_renderer")


def sentence_renderer(name: str) -> SentenceRendererFactory:
    """The ``sentence_renderer`` of the exporter ``name`` (``exporter_splits_sentences``)."""
    return cast("SentenceRendererFactory", _module(name, EXPORTERS, "export").sentence_renderer)


def _module(name: str, registry: dict[str, str], verb: str) -> ModuleType:
    if name not in registry:
        known = ", ".join(sorted(registry))
        raise WorkbenchError(f"cannot {verb} the format {name!r}; known formats: {known}")
    return importlib.import_module(registry[name])
