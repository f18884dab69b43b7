"""What every importer and exporter shares: options, the progress callback, the offset check."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, TextIO, TypeVar

from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotatedDocument, Document, ImportedDocument, PlainSpans
from workbench.core.progress import Progress, no_progress
from workbench.core.schema import Schema
from workbench.formats.report import FormatReport

if TYPE_CHECKING:
    from workbench.core.tokens import TextTokens
    from workbench.formats.sentence_splits import Sentence


@dataclass(frozen=True)
class ImportOptions:
    schema: Schema
    annotator: str | None = None
    """Who the imported annotations belong to, where the file does not say."""
    label_map: dict[str, str] = field(default_factory=dict)
    """Foreign label -> schema label, applied before the labels are checked against the schema."""
    tag_columns: tuple[int, ...] | Literal["last"] | None = None
    """CoNLL: the tag columns (numbered from 1, the token), ``"last"``, or None to find them."""


SetFiles = tuple[tuple[str, str], ...]
"""The texts of the files a document gets of its own, one for each of its sets in annotator order,
with the set's annotator: a brat export's ``.ann`` files."""
FilesRenderer = Callable[[ImportedDocument], SetFiles]
"""What renders a document's ``SetFiles`` (an exporter's ``files_renderer``)."""


@dataclass(frozen=True)
class ExportOptions:
    schema: Schema
    tag_scheme: Literal["iob2", "bioes"] = "iob2"
    nested: Literal["columns", "outermost"] = "columns"
    split_clitics: bool = False
    split: tuple[int, int, int] | None = None
    """Train/validation/test percentages, by document (or by sentence, see ``split_by``)."""
    split_by: Literal["document", "sentence"] = "document"
    seed: int = 0
    split_sizes: tuple[tuple[str, int], ...] | None = None
    """With a split by document decided before the documents were read (``app.exporting``):
    how many go to each split, by name, the documents coming split after split; None: the
    exporter splits them itself, all in memory."""
    text_tokens: Callable[[Document], TextTokens] | None = None
    """Where the token-based exports get a text's tokens and sentence breaks (a project's token
    cache); None: ``core.tokens.text_tokens`` of the text."""
    rendered_ahead: Callable[[ImportedDocument], str] | None = None
    """Each document's text in the export file, rendered already, ahead of the writing
    (``app.render_ahead``: in batches, some in another process); None: the exporter renders
    each document as it writes it."""
    sentences_ahead: Callable[[ImportedDocument], Sequence[Sentence]] | None = None
    """With a split by sentence, each document's sentences rendered already, as
    ``rendered_ahead``."""
    files_ahead: FilesRenderer | None = None
    """For an exporter that writes files of each document's sets (brat), the texts of a
    document's files rendered already, as ``rendered_ahead``."""

    @property
    def by_sentence(self) -> bool:
        """Whether the export is split by sentence (``sentence_splits``)."""
        return self.split is not None and self.split_by == "sentence"


class Importer(Protocol):
    def __call__(
        self, paths: Sequence[Path], options: ImportOptions, *, report: FormatReport | None = None
    ) -> Iterator[AnnotatedDocument]: ...


class ProjectImporter(Protocol):
    def __call__(
        self, paths: Sequence[Path], options: ImportOptions, *, report: FormatReport | None = None
    ) -> Iterator[ImportedDocument]: ...


class Exporter(Protocol):
    """Writes the documents (with ``PlainSpansDocument``s where the sets hold spans alone, as
    ``store.reading.iter_plain`` gives them) to ``out``."""

    def __call__(
        self,
        documents: Iterable[ImportedDocument],
        out: Path,
        options: ExportOptions,
        progress: Progress = no_progress,
        *,
        report: FormatReport | None = None,
    ) -> None: ...


class StaleSpanError(WorkbenchError):
    """A span whose stored covered text no longer matches the document at its offsets."""


Rendering = TypeVar("Rendering")


def checked(render: Callable[[ImportedDocument], Rendering]) -> Callable[[ImportedDocument], Rendering]:
    """``render``, each document checked first (``check_offsets``): nothing of a document is
    rendered, and so written, before it is."""

    def checked_render(annotated: ImportedDocument) -> Rendering:
        check_offsets(annotated)
        return render(annotated)

    return checked_render


def check_offsets(annotated: ImportedDocument) -> None:
    """Refuse to export a document holding a span whose text no longer matches its offsets
    (plain spans tested a column at a time, and span by span only to name the one that fails)."""
    document = annotated.document
    for annotation_set in annotated.sets:
        if isinstance(annotation_set, PlainSpans):
            if annotation_set.match(document.text):
                continue
            annotation_set = annotation_set.annotation_set()
        for span in annotation_set.spans:
            if not span.matches(document.text):
                found = document.text[span.start : span.end]
                raise StaleSpanError(
                    f"document {document.name!r} ({document.id}): span {span.id} "
                    f"[{span.start}, {span.end}) of {annotation_set.annotator!r} says {span.text!r} "
                    f"but the text there is {found!r}"
                )


class OutputError(WorkbenchError):
    """An output that could not be written (a full disk, no permission); nothing of it is kept.
    ``errno`` is the system's number for the ``reason`` (``None`` when it gave none), which a
    window words its own way."""

    def __init__(self, path: Path, reason: str, errno: int | None = None) -> None:
        self.path, self.reason, self.errno = path, reason, errno
        super().__init__(f"cannot write {path}: {reason}; nothing of it was kept")

    @classmethod
    def of(cls, path: Path, error: OSError) -> OutputError:
        """``path`` could not be written, for the reason ``error`` gives."""
        return cls(path, error.strerror or str(error), error.errno)


EXPORT_MARK = ".tawsim-export"
"""The file that marks a folder as written by an export, which the next export may replace; the
export writes it last, so that what was made or changed in the folder later shows (a file whose
times are later than the mark's)."""
_EXPORT_MARK_TEXT = (
    "Written by a Tawsim Workbench export; the next export to this folder replaces it whole.\n"
)
VIEWER_FILES = frozenset({".stats_cache", ".DS_Store", "Thumbs.db"})
"""Files that programs make by themselves in a folder someone views (brat's statistics, macOS
Finder's and Windows Explorer's): not the user's, so an export may replace them."""


def hidden_beside(path: Path, kind: str) -> Path:
    """The hidden name an output is built under (``kind`` "partial") or its predecessor moved
    away to (``kind`` "old"): fixed, so that the next run to ``path`` finds a killed run's."""
    return path.with_name(f".{path.name}.{kind}")


@contextmanager
def atomic_text_output(path: Path, *, in_built_folder: bool = False) -> Iterator[TextIO]:
    """Write a text file so that it appears whole or not at all (never half-written): it is
    written under a hidden name beside ``path``, flushed to the disk, then renamed over ``path``.
    A run killed half-way leaves the hidden file, which the next run to ``path`` replaces.

    A file inside a folder that ``export_folder`` builds (``in_built_folder``) is written straight
    under its name and not synced on its own: the folder appears whole or not at all, and is put
    on the disk whole before it is swapped in (``_flush_to_disk``; the hidden name and the rename
    of each file were another half of the time of a brat export of 10,000)."""
    if in_built_folder:
        with _straight_output(path) as stream:
            yield stream
        return
    partial = hidden_beside(path, "partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove(partial)  # a killed run's; "x" below then never follows a link left in its place
        with partial.open("x", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        partial.replace(path)
    except OSError as error:
        raise OutputError.of(path, error) from error
    finally:
        with suppress(OSError):  # nothing to remove where the folder could not be made
            partial.unlink(missing_ok=True)


@contextmanager
def _straight_output(path: Path) -> Iterator[TextIO]:
    """A new file at ``path`` (its folder made when missing); "x" never follows a link."""
    try:
        try:
            stream = path.open("x", encoding="utf-8", newline="\n")
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            stream = path.open("x", encoding="utf-8", newline="\n")
        with stream:
            yield stream
    except OSError as error:
        raise OutputError.of(path, error) from error


@contextmanager
def export_folder(out: Path) -> Iterator[Path]:
    """Build a folder export in a hidden folder beside ``out`` (yielded) and swap it in whole at
    the end: the earlier export is renamed away, the new one renamed in, the earlier deleted.
    What a killed run left beside ``out`` is removed first. An existing folder is replaced only
    when it is empty or marked (``EXPORT_MARK``) as an earlier export: never a user's folder."""
    partial, old = hidden_beside(out, "partial"), hidden_beside(out, "old")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _remove(partial)
        _remove(old)
        _check_replaceable(out)
        partial.mkdir()
        yield partial
        with atomic_text_output(partial / EXPORT_MARK, in_built_folder=True) as stream:
            stream.write(_EXPORT_MARK_TEXT)
        _flush_to_disk(partial)
        if out.exists() or out.is_symlink():
            out.replace(old)
        partial.replace(out)
        shutil.rmtree(old, ignore_errors=True)  # the export is in place; the next run retries
    except OutputError as error:
        raise OutputError(out, error.reason, error.errno) from error
    except OSError as error:
        raise OutputError.of(out, error) from error
    finally:
        _remove(partial)


FEW_FILES = 64
"""How many files a built folder may hold and still be put on the disk file by file."""


def _flush_to_disk(folder: Path) -> None:
    """Everything written into ``folder`` (a folder export being built), on the disk. A folder
    of a few files (Hugging Face, CoNLL with a split: four) is synced file by file, then folder by
    folder, which waits for this export's data alone; ``sync(2)`` would wait for every program's
    unwritten data too. A folder of more (brat: two files a document) is put there by one
    ``sync``: one fsync per file of a brat export of 3,000 documents took 30 s instead of 2; most
    of it is on the disk by then (``Writeback``). Windows has no ``sync``, nor a folder to sync:
    there a power cut may still empty files of a brat folder just swapped in, or leave out a name
    of a folder of a few files."""
    found = _contents(folder, FEW_FILES)
    if found is None:
        if hasattr(os, "sync"):
            os.sync()
        return
    files, folders = found
    for path in files:
        _sync_one(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows syncs a writable file
    if os.name != "nt":
        for path in folders:
            _sync_one(path, os.O_RDONLY)


def _contents(folder: Path, most: int) -> tuple[list[Path], list[Path]] | None:
    """The files inside ``folder`` (at any depth) and its folders (itself included), or None
    when it holds more than ``most`` files: found one entry at a time, so that a brat folder's
    thousands of names are not listed for nothing."""
    files: list[Path] = []
    folders = [folder]
    for place in folders:  # grows as folders are found
        with os.scandir(place) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                    continue
                files.append(Path(entry.path))
                if len(files) > most:
                    return None
    return files, folders


def _sync_one(path: Path, flags: int) -> None:
    descriptor = os.open(path, flags)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _check_replaceable(out: Path) -> None:
    """Refuse to replace a file, a folder that no export wrote, or an export's folder holding a
    file made or changed after that export (the user's, which replacing would delete)."""
    if out.is_symlink() or not out.exists():
        return
    if not out.is_dir():
        raise WorkbenchError(f"{out} is a file; this export writes a folder: choose a folder")
    if not any(out.iterdir()):
        return
    mark = out / EXPORT_MARK
    if not mark.is_file():
        raise WorkbenchError(
            f"{out} is a folder that an export did not write (it has no {EXPORT_MARK}); "
            "an export replaces its folder whole: choose a new or empty folder"
        )
    changed = _changed_after(out, mark.stat().st_mtime_ns)
    if changed:
        shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
        raise WorkbenchError(
            f"{out} holds files made or changed after its export ({shown}); an export replaces "
            "its folder whole, which would delete them: move them out of it, or choose a new or "
            "empty folder"
        )


def _changed_after(folder: Path, written: int) -> list[str]:
    """The files inside ``folder`` (at any depth; links not followed) modified, or, where the
    system keeps it, whose status changed (a file moved in), after the time ``written`` (ns),
    as paths relative to ``folder`` with ``/``; neither the mark nor ``VIEWER_FILES``."""
    changed: list[str] = []
    folders = [("", str(folder))]
    while folders:
        prefix, path = folders.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((f"{prefix}{entry.name}/", entry.path))
                    continue
                times = entry.stat(follow_symlinks=False)
                if max(times.st_mtime_ns, times.st_ctime_ns) > written and not (
                    entry.name in VIEWER_FILES or f"{prefix}{entry.name}" == EXPORT_MARK
                ):
                    changed.append(f"{prefix}{entry.name}")
    return sorted(changed)


def _remove(path: Path) -> None:
    """Delete a file, a link or a whole folder, if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def write_new_file(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to a new file inside a folder that ``export_folder`` builds,
    straight under its name (see ``atomic_text_output``), in three system calls: a text
    stream's own calls (seek, tty check) cost more than the writing."""
    data = text.encode("utf-8")
    try:
        try:
            _create(path, data)
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            _create(path, data)
    except OSError as error:
        raise OutputError.of(path, error) from error


class NewFiles:
    """New files written by name into one folder of a folder export (``write_new_file``), the
    many files of a brat export: the folder is opened once and each file created relative to it
    (``dir_fd``, where the system has it; Windows has not), so that no path object is made and
    no path walked per file. What they write is put on the disk as it goes (``Writeback``)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self._descriptor = os.open(folder, os.O_RDONLY) if os.open in os.supports_dir_fd else None
        self._prefix = "" if self._descriptor is not None else f"{folder}{os.sep}"
        self._writeback = Writeback()

    def write(self, name: str, text: str) -> None:
        """Write ``text`` (UTF-8) to the new file ``name`` in the folder."""
        data = text.encode("utf-8")
        try:
            _create(self._prefix + name, data, self._descriptor)
        except OSError as error:
            raise OutputError.of(self.folder / name, error) from error
        self._writeback.written(len(data))

    def close(self) -> None:
        self._writeback.close()
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


WRITEBACK_BYTES = 8 << 20
"""How many bytes a folder export writes between two ``sync``s in the background (``Writeback``)."""


class Writeback:
    """Has what a folder export of many files wrote put on the disk while it goes on writing:
    each ``WRITEBACK_BYTES`` written, a thread of its own calls ``sync``, which waits for the disk
    in the kernel without holding the interpreter. The ``sync`` that ends the export
    (``_flush_to_disk``), the one that makes it safe, then has only the last files left to wait
    for: 0.02 s instead of 0.3-0.5 s for a brat export of 10,000 documents (119 MB on the disk).
    The thread starts at the first ``sync`` asked for; a system without ``sync`` (Windows) has
    none. ``close`` waits for a ``sync`` under way."""

    def __init__(self) -> None:
        self._unsynced = 0
        self._wanted = threading.Event()
        self._closing = False
        self._thread: threading.Thread | None = None

    def written(self, size: int) -> None:
        """Count ``size`` more bytes written; a ``sync`` in the background once there are enough."""
        self._unsynced += size
        if self._unsynced < WRITEBACK_BYTES or not hasattr(os, "sync"):
            return
        self._unsynced = 0
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="export writeback", daemon=True)
            self._thread.start()
        self._wanted.set()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            if self._closing:
                return
            os.sync()

    def close(self) -> None:
        if self._thread is not None:
            self._closing = True
            self._wanted.set()
            self._thread.join()
            self._thread = None


@contextmanager
def new_files(folder: Path) -> Iterator[NewFiles]:
    """``NewFiles`` in ``folder`` (made when missing), closed at the end."""
    try:
        files = NewFiles(folder)
    except OSError as error:
        raise OutputError.of(folder, error) from error
    try:
        yield files
    finally:
        files.close()


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
"""A new file for writing; never an existing one, nor a link's target."""


def _create(path: str | Path, data: bytes, folder: int | None = None) -> None:
    """A new file at ``path`` (relative to the open folder ``folder``, if given) holding ``data``."""
    descriptor = os.open(path, _NEW_FILE, 0o666, dir_fd=folder)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)
