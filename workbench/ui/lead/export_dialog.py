"""File > Export: a format, whose annotations (gold, one annotator's, everyone's), where, and the
format's options; the export runs through ``background`` with progress and Cancel.

Where the output goes follows each exporter's docstring: ``jsonl`` is one file; ``conll`` and
``events`` are one file, or a folder of ``train``/``validation``/``test`` files with a split;
``brat`` and ``hf`` are always a folder. A format added to ``EXPORTERS`` that this dialog does not
know yet is offered as one file, with the default options.

Nothing half-written: the exporters build the output under a hidden name beside it and move it
into place only once it is complete (``formats.base.export_folder``), so a cancelled or failed
run leaves the output as it was; an output that would overwrite the project or a database is
refused (``app.output_paths``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.app.exporting import export_project
from workbench.app.project import Project
from workbench.core.model import GOLD
from workbench.core.progress import Progress
from workbench.formats import EXPORTERS
from workbench.formats.base import ExportOptions
from workbench.formats.report import FormatReport, Issue
from workbench.ui.background import BackgroundTask, CancelCheck, keeping_tokens, run_in_background
from workbench.ui.format_issues import issue_lines
from workbench.ui.i18n import isolated

TAG_SCHEME, NESTED, SPLIT_CLITICS, SPLIT, SPLIT_BY = "tag_scheme", "nested", "split_clitics", "split", "split_by"
"""The ``ExportOptions`` a format may take (besides the schema)."""


@dataclass(frozen=True)
class FormatTraits:
    """What the dialog needs to know of an exporter: file or folder, and the options it reads."""

    suffix: str
    """The suffix of the one file written without a split ("" for folder formats)."""
    always_folder: bool
    options: frozenset[str]

    def writes_folder(self, split: bool) -> bool:
        return self.always_folder or split


FORMAT_TRAITS: dict[str, FormatTraits] = {
    "jsonl": FormatTraits(".jsonl", False, frozenset({SPLIT})),
    "conll": FormatTraits(".conll", False, frozenset({TAG_SCHEME, NESTED, SPLIT_CLITICS, SPLIT, SPLIT_BY})),
    "brat": FormatTraits("", True, frozenset({SPLIT})),
    "hf": FormatTraits("", True, frozenset({TAG_SCHEME, SPLIT_CLITICS, SPLIT, SPLIT_BY})),
    "events": FormatTraits(".jsonl", False, frozenset({SPLIT_CLITICS, SPLIT})),
}
UNKNOWN_FORMAT = FormatTraits("", False, frozenset())


def format_traits(format_name: str) -> FormatTraits:
    return FORMAT_TRAITS.get(format_name, UNKNOWN_FORMAT)


@dataclass(frozen=True)
class ExportRequest:
    out: Path
    format_name: str
    source: str
    options: ExportOptions
    folder: bool
    """Whether ``out`` is a folder (else one file)."""


@dataclass(frozen=True)
class ExportOutcome:
    """What an export came to: the documents, and what the exporter left out or widened (the
    command line's warnings)."""

    documents: int
    issues: Counter[Issue]


def export_with_report(
    project: Project, request: ExportRequest, progress: Progress, cancelled: CancelCheck
) -> ExportOutcome:
    """``export_project`` as the request asks, with what it reported."""
    report = FormatReport()
    count = export_project(
        project,
        request.out,
        format_name=request.format_name,
        source=request.source,
        options=request.options,
        report=report,
        progress=progress,
        cancelled=cancelled,
    )
    return ExportOutcome(count, report.counts)


class ExportDialog(QDialog):
    """The export form; ``start_export`` runs it (the Export button calls it)."""

    exported = Signal(str, int)
    """The export is in place: its path and the number of documents."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._path_chosen = False
        self._note = ""
        """What the last run came to, when it did not close the dialog."""
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Export"))
        self.format_combo = self._format_combo()
        self.source_combo = self._source_combo()
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.tag_scheme_combo = _choice_combo(
            [(self.tr("IOB2"), "iob2"), (self.tr("BIOES"), "bioes")]
        )
        self.nested_combo = _choice_combo(
            [
                (self.tr("Extra tag columns, outermost first"), "columns"),
                (self.tr("Outermost spans only"), "outermost"),
            ]
        )
        self.clitics_check = QCheckBox(self.tr("Split proclitics off as tokens"))
        self.split_check = QCheckBox(self.tr("Split into train / validation / test"))
        self.split_spins = [_spin(0, 100, value) for value in (80, 10, 10)]
        self.split_by_combo = _choice_combo(
            [
                (self.tr("Documents"), "document"),
                (self.tr("Sentences (a corpus of few documents)"), "sentence"),
            ]
        )
        self.seed_spin = _spin(0, 2**31 - 1, 0)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._lay_out()
        self._connect()
        self._refresh()

    # -- building -------------------------------------------------------------------------------

    def _format_titles(self) -> dict[str, str]:
        return {
            "jsonl": self.tr("JSON lines: every annotation, exactly"),
            "conll": self.tr("CoNLL: one token per line, BIO tags"),
            "brat": self.tr("brat standoff: a .txt and an .ann per document"),
            "hf": self.tr("Hugging Face dataset folder (token classification)"),
            "events": self.tr("Events: TextEE / OneIE JSON lines"),
        }

    def _format_combo(self) -> QComboBox:
        titles = self._format_titles()
        return _choice_combo([(f"{titles.get(name, name)} ({name})", name) for name in EXPORTERS])

    def _source_combo(self) -> QComboBox:
        choices = [(self.tr("Gold (adjudicated)"), GOLD)]
        choices += [
            (self.tr("Annotator: {name}").format(name=name), name)
            for name in self._project.annotators()
            if name != GOLD
        ]
        choices.append((self.tr("Everyone (one copy per annotation set)"), "all"))
        return _choice_combo(choices)

    def _lay_out(self) -> None:
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("Annotations"), self.source_combo)
        form.addRow(self.tr("Output"), path_row)
        options = QGroupBox(self.tr("Options"))
        option_form = QFormLayout(options)
        option_form.addRow(self.tr("Tags"), self.tag_scheme_combo)
        option_form.addRow(self.tr("Nested spans"), self.nested_combo)
        option_form.addRow(self.clitics_check)
        option_form.addRow(self.split_check)
        split_row = QHBoxLayout()
        for spin in self.split_spins:
            spin.setSuffix(" %")
            split_row.addWidget(spin)
        option_form.addRow(self.tr("Train, validation, test"), split_row)
        option_form.addRow(self.tr("Split by"), self.split_by_combo)
        option_form.addRow(self.tr("Seed"), self.seed_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(options)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        for combo in (self.format_combo, self.source_combo):
            combo.currentIndexChanged.connect(self._refresh)
        for widget in (self.split_check, self.clitics_check):
            widget.toggled.connect(self._refresh)
        for spin in self.split_spins:
            spin.valueChanged.connect(self._refresh)
        self.path_edit.textEdited.connect(self._path_edited)
        self.browse_button.clicked.connect(self._choose_path)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.start_export)

    # -- state ----------------------------------------------------------------------------------

    @property
    def format_name(self) -> str:
        return str(self.format_combo.currentData())

    @property
    def source(self) -> str:
        return str(self.source_combo.currentData())

    def _traits(self) -> FormatTraits:
        return format_traits(self.format_name)

    def _splitting(self) -> bool:
        """Whether the form asks for a split, of a format that splits."""
        return self.split_check.isChecked() and SPLIT in self._traits().options

    def _writes_folder(self) -> bool:
        return self._traits().writes_folder(self._splitting())

    def _path_edited(self) -> None:
        self._path_chosen = True
        self._refresh()

    def set_output(self, path: Path) -> None:
        """Export to ``path`` (what the chooser does)."""
        self.path_edit.setText(str(path))
        self._path_edited()

    def _refresh(self) -> None:
        traits = self._traits()
        self.tag_scheme_combo.setEnabled(TAG_SCHEME in traits.options)
        self.nested_combo.setEnabled(NESTED in traits.options)
        self.clitics_check.setEnabled(SPLIT_CLITICS in traits.options)
        self.split_check.setEnabled(SPLIT in traits.options)
        splitting = self._splitting()
        for widget in (*self.split_spins, self.seed_spin):
            widget.setEnabled(splitting)
        self.split_by_combo.setEnabled(splitting and SPLIT_BY in traits.options)
        if not self._path_chosen:
            self.path_edit.setText(str(self._suggested_path()))
        problem = self._problem()
        self.hint_label.setText(problem or self._note or self._output_hint())
        self.export_button.setEnabled(not problem and not self._running())

    def _suggested_path(self) -> Path:
        project_path = self._project.path
        suffix = "" if self._writes_folder() else self._traits().suffix
        return project_path.with_name(
            f"{project_path.stem}-{self.source}-{self.format_name}{suffix}"
        )

    def _output_hint(self) -> str:
        if self._writes_folder():
            return self.tr("The export is a folder.")
        return self.tr("The export is one file.")

    def _problem(self) -> str:
        """Why the form cannot be exported as it is, or ""."""
        text = self.path_edit.text().strip()
        if not text:
            return self.tr("Choose where to write the export.")
        out = Path(text)
        if not out.parent.is_dir():
            return self.tr("The folder {folder} does not exist.").format(folder=isolated(str(out.parent)))
        if self._writes_folder() and out.is_file():
            return self.tr("This format writes a folder, and {path} is a file.").format(path=isolated(str(out)))
        if not self._writes_folder() and out.is_dir():
            return self.tr("This format writes one file, and {path} is a folder.").format(path=isolated(str(out)))
        if self._splitting() and sum(self._split()) != 100:
            return self.tr("The three percentages must add up to 100.")
        return ""

    def _split(self) -> tuple[int, int, int]:
        train, validation, test = (spin.value() for spin in self.split_spins)
        return train, validation, test

    def _running(self) -> bool:
        return self.task is not None and self.task.running

    def request(self) -> ExportRequest:
        """The export the form describes."""
        traits = self._traits()
        splitting = self._splitting()
        options = ExportOptions(
            schema=self._project.schema,
            tag_scheme=cast(Literal["iob2", "bioes"], self.tag_scheme_combo.currentData()),
            nested=cast(Literal["columns", "outermost"], self.nested_combo.currentData()),
            split_clitics=self.clitics_check.isChecked() and SPLIT_CLITICS in traits.options,
            split=self._split() if splitting else None,
            split_by=cast(Literal["document", "sentence"], self.split_by_combo.currentData())
            if splitting and SPLIT_BY in traits.options
            else "document",
            seed=self.seed_spin.value(),
        )
        out = Path(self.path_edit.text().strip())
        return ExportRequest(out, self.format_name, self.source, options, self._writes_folder())

    # -- actions --------------------------------------------------------------------------------

    def _choose_path(self) -> None:
        current = self.path_edit.text()
        if self._writes_folder():
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Export into the folder"), current
            )
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to the file"), current)
        if chosen:
            self.set_output(Path(chosen))

    def start_export(self) -> BackgroundTask | None:
        """Run the export (None when the form is not complete: the hint says why)."""
        if self._problem() or self._running():
            return None
        request = self.request()
        self._note = ""

        def use_case(
            project: Project, progress: Progress, cancelled: CancelCheck
        ) -> ExportOutcome:
            return export_with_report(project, request, progress, cancelled)

        self.task = run_in_background(
            self, self.tr("Exporting"), keeping_tokens(self._project, use_case)
        )
        self.task.succeeded.connect(lambda outcome: self._exported(request.out, outcome))
        self.task.cancelled.connect(self._cancelled)
        self.task.finished.connect(self._refresh)
        self._refresh()
        return self.task

    def _cancelled(self) -> None:
        self._note = self.tr("Export cancelled; nothing was written.")

    def _exported(self, out: Path, outcome: ExportOutcome) -> None:
        """Close on a clean export; with warnings, stay open and show them as the command
        line prints them."""
        self.exported.emit(str(out), outcome.documents)
        if not outcome.issues:
            self.accept()
            return
        done = self.tr("Exported %n document(s) to %1.", "", outcome.documents).replace("%1", isolated(str(out)))
        warnings = "\n".join("• " + line for line in issue_lines(outcome.issues))
        title = self.tr("Warnings:")
        self._note = f"{done}\n{title}\n{warnings}"
        self._refresh()


def _choice_combo(choices: Sequence[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    for title, data in choices:
        combo.addItem(title, data)
    return combo


def _spin(minimum: int, maximum: int, value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setValue(value)
    return spin


def open_export_dialog(
    parent: QWidget, project: Project, on_exported: Callable[[str, int], None] | None = None
) -> ExportDialog:
    """File > Export…: open the dialog (window-modal, not blocking); ``on_exported(path,
    documents)`` is called once an export is in place (e.g. to show it in the status bar)."""
    dialog = ExportDialog(project, parent)
    if on_exported is not None:
        dialog.exported.connect(on_exported)
    dialog.open()
    return dialog
