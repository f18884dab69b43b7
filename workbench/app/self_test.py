"""``workbench --self-test``: proves that an installation works, a frozen one in particular.

A frozen build loses what PyInstaller cannot see: data files (schemas, seeds, camel-tools'
character maps, emoji's tables), modules imported by name (the format registry), and libraries
that are found only at run time. Each step exercises one of these through the same code the
program runs, on a temporary project built from the bundled seeds, and says in one line what it
found. This module is Qt-free; ``workbench.ui.self_test`` adds the steps that need Qt.

A step returns its one-line finding or raises; a step whose prerequisite failed is not run.
"""

from __future__ import annotations

import json
import platform
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from workbench import __version__
from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Event,
    Span,
    Status,
)
from workbench.core.schema import (
    BUILTIN_SCHEMAS,
    DEFAULT_SCHEMA,
    Schema,
    builtin_schema,
)
from workbench.core.tokens import Token, tokenize
from workbench.paths import resources_dir, seeds_dir
from workbench.store.project import Project

ANNOTATORS = ("amal", "badr")
"""The two annotators of the temporary project: they annotate the first seed identically."""

StepStatus = Literal["ok", "failed", "not run"]
FATHA = "\u064e"


class SelfTestFailure(Exception):
    """A check found the installation wrong; the message says what it found."""


@dataclass
class SelfTestContext:
    """What the steps share: a temporary folder, the project built there, and its first document."""

    workdir: Path
    resources: ExitStack
    project: Project | None = None
    document_id: str = ""
    entity: Span | None = None
    screenshot: Path | None = None
    """Where the window step saves its picture, when asked to."""

    def open_project(self) -> Project:
        if self.project is None:
            raise SelfTestFailure("no project: the project step did not run")
        return self.project

    def created_span(self) -> Span:
        if self.entity is None:
            raise SelfTestFailure("no span: the span step did not run")
        return self.entity


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[SelfTestContext], str]
    needs: tuple[str, ...] = ()
    """Steps that must have succeeded for this one to mean anything."""


@dataclass
class StepResult:
    name: str
    status: StepStatus
    detail: str
    """One line: what the step found, or the last line of its error."""
    seconds: float
    error: str = ""
    """A failed step's whole error message (some, such as numpy's, run over many lines)."""


@dataclass
class SelfTestReport:
    version: str
    frozen: bool
    python: str
    platform: str
    sqlite: str
    qt: str = "not loaded"
    steps: list[StepResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(step.status == "ok" for step in self.steps)

    @property
    def failed_step(self) -> str | None:
        return next((step.name for step in self.steps if step.status == "failed"), None)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok, "failed_step": self.failed_step}

    def lines(self) -> Iterator[str]:
        """The report as the terminal shows it: one line per step, then the verdict."""
        yield (
            f"Tawsim Workbench {self.version} self-test: frozen={self.frozen} "
            f"python={self.python} sqlite={self.sqlite} qt={self.qt} platform={self.platform}"
        )
        width = max((len(step.name) for step in self.steps), default=0)
        for step in self.steps:
            yield f"{step.status:<7} {step.name:<{width}}  {step.detail}"
        if self.ok:
            yield f"SELF-TEST OK ({len(self.steps)} steps)"
        else:
            yield f"SELF-TEST FAILED at step {self.failed_step!r}"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def new_report() -> SelfTestReport:
    return SelfTestReport(
        version=__version__,
        frozen=is_frozen(),
        python=platform.python_version(),
        platform=f"{platform.system()}-{platform.machine()}",
        sqlite=sqlite3.sqlite_version,
    )


@contextmanager
def self_test_context(screenshot: Path | None = None) -> Iterator[SelfTestContext]:
    """A context in a temporary folder, removed afterwards with the project closed first."""
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tawsim-self-test-")))
        context = SelfTestContext(workdir=workdir, resources=stack, screenshot=screenshot)
        try:
            yield context
        finally:
            if context.project is not None:
                context.project.close()


def run_steps(steps: Sequence[Step], context: SelfTestContext, report: SelfTestReport) -> None:
    """Run each step whose prerequisites succeeded; record every step in ``report``."""
    succeeded: set[str] = set()
    for step in steps:
        missing = [name for name in step.needs if name not in succeeded]
        if missing:
            report.steps.append(StepResult(step.name, "not run", f"needs {', '.join(missing)}", 0.0))
            continue
        result = run_step(step, context)
        report.steps.append(result)
        if result.status == "ok":
            succeeded.add(step.name)


def run_step(step: Step, context: SelfTestContext) -> StepResult:
    started = time.perf_counter()
    try:
        detail = step.run(context)
    except Exception as error:  # noqa: BLE001 (any failure is reported, named by its step)
        message = f"{type(error).__name__}: {error}"
        return StepResult(step.name, "failed", last_line(message), elapsed(started), message)
    return StepResult(step.name, "ok", detail, elapsed(started))


def elapsed(started: float) -> float:
    return round(time.perf_counter() - started, 3)


def last_line(message: str) -> str:
    """The last non-empty line, where multi-line messages put the cause."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    if len(lines) <= 1:
        return message.strip()
    return f"{lines[0].split(':')[0]}: {lines[-1]}"


def write_json_report(report: SelfTestReport, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as stream:
        json.dump(report.to_json(), stream, ensure_ascii=False, indent=2)
        stream.write("\n")


# ---- the steps ----------------------------------------------------------------------------------


def check_resources(context: SelfTestContext) -> str:
    """Every built-in schema loads and the font files and seeds are there."""
    schemas = [builtin_schema(name) for name in BUILTIN_SCHEMAS]
    fonts = sorted((resources_dir() / "fonts").glob("*.ttf"))
    seeds = sorted(seeds_dir().glob("*.txt"))
    if not fonts:
        raise SelfTestFailure(f"no font file in {resources_dir() / 'fonts'}")
    if not seeds:
        raise SelfTestFailure(f"no seed article in {seeds_dir()}")
    return f"{len(schemas)} schemas, {len(fonts)} fonts, {len(seeds)} seeds in {resources_dir().parent}"


def check_arabic_text(context: SelfTestContext) -> str:
    """camel-tools' tokenizer and character maps (data files a frozen build can lose)."""
    from workbench.core.normalize import normalize
    from workbench.core.transliteration import to_buckwalter

    sample = "وَقالَت الشرطةُ إنّ 3 أشخاص قُتلوا؟ 😢"
    words = [token.text for token in tokenize(sample)]
    folded = normalize(sample).text
    buckwalter = to_buckwalter("محمد")
    if "؟" not in words or "😢" not in words:
        raise SelfTestFailure(f"the tokenizer did not cut punctuation and emoji: {words}")
    if buckwalter != "mHmd":
        raise SelfTestFailure(f"Buckwalter of محمد gave {buckwalter!r}, not 'mHmd'")
    if FATHA in folded:
        raise SelfTestFailure(f"normalization kept the diacritics: {folded!r}")
    return f"{len(words)} tokens, normalized, Buckwalter {buckwalter}"


def create_project(context: SelfTestContext) -> str:
    from workbench.app.importing import import_paths

    path = context.workdir / "self-test.tawsim"
    context.project = Project.create(path, builtin_schema(DEFAULT_SCHEMA))
    summary = import_paths(context.project, [seeds_dir()], format_name="txt")
    documents = context.project.documents()
    if not documents:
        raise SelfTestFailure("importing the seeds added no document")
    context.document_id = documents[0].id
    journal = context.project.conn.execute("PRAGMA journal_mode").fetchone()[0]
    if journal != "wal":
        raise SelfTestFailure(f"the project file is in journal mode {journal!r}, not WAL")
    return f"{summary.documents_added} documents from the seeds, schema {DEFAULT_SCHEMA}, WAL"


def create_span(context: SelfTestContext) -> str:
    project = context.open_project()
    _, _, filler = event_with_entity_role(project.schema)
    word = word_tokens(project.document(context.document_id).text)[0]
    span = project.add_span(context.document_id, ANNOTATORS[0], word.start, word.end, filler)
    stored = project.annotation_set(context.document_id, ANNOTATORS[0])
    if stored is None or span not in stored.spans:
        raise SelfTestFailure(f"the span {span.id} is not in the project after adding it")
    context.entity = span
    return f"{filler} [{span.start}, {span.end}) {span.text!r} by {ANNOTATORS[0]}"


def create_event(context: SelfTestContext) -> str:
    """The same event for both annotators, added as an import adds it, and their work marked done."""
    project = context.open_project()
    document = project.document(context.document_id)
    event_type, role, filler = event_with_entity_role(project.schema)
    argument, trigger = word_tokens(document.text)[:2]
    for annotator in ANNOTATORS:
        entity = Span(f"{annotator}-entity", argument.start, argument.end, filler, argument.text)
        trigger_span = Span(f"{annotator}-trigger", trigger.start, trigger.end, event_type, trigger.text)
        event = Event(f"{annotator}-event", event_type, trigger_span.id, (Argument(role, entity.id),))
        annotation_set = AnnotationSet(annotator, (entity, trigger_span), (event,))
        project.add_documents([AnnotatedDocument(document, (annotation_set,))])
        project.set_status(context.document_id, annotator, Status.DONE)
    stored = [project.annotation_set(context.document_id, a) for a in ANNOTATORS]
    counts = [len(s.events) if s else 0 for s in stored]
    if counts != [1, 1]:
        raise SelfTestFailure(f"expected one event per annotator, found {counts}")
    annotators = ", ".join(ANNOTATORS)
    return f"{event_type} triggered by {trigger.text!r} with {role}={argument.text!r}, for {annotators}"


def export_jsonl(context: SelfTestContext) -> str:
    from workbench.app.exporting import export_project

    out = context.workdir / "export.jsonl"
    count = export_project(context.open_project(), out, format_name="jsonl", source="all")
    with out.open(encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream]
    events = sum(len(row["events"]) for row in rows)
    if len(rows) != count or events != len(ANNOTATORS):
        raise SelfTestFailure(f"{len(rows)} lines and {events} events in {out.name}")
    return f"{count} documents, {events} events, {out.stat().st_size} bytes"


def export_conll(context: SelfTestContext) -> str:
    from workbench.app.exporting import export_project
    from workbench.formats import EXPORTERS

    if "conll" not in EXPORTERS:
        raise SelfTestFailure("conll exporter not available")
    entity = context.created_span()
    out = context.workdir / "export.conll"
    export_project(context.open_project(), out, format_name="conll", source=ANNOTATORS[0])
    lines = out.read_text(encoding="utf-8").splitlines()
    expected = f"{entity.text} B-{entity.label}"
    if expected not in lines:
        raise SelfTestFailure(f"no line {expected!r} among the {len(lines)} lines written")
    return f"{len(lines)} lines, the span's line {expected!r}"


def compute_agreement(context: SelfTestContext) -> str:
    from workbench.app.agreement import project_agreement

    project = context.open_project()
    report = project_agreement(project, ANNOTATORS, [context.document_id])
    pair = "|".join(sorted(ANNOTATORS))
    span_f1 = report["span_f1"]["exact_labeled"]["pairs"][pair]
    kappa = report["token"]["cohen_kappa"][pair]
    if span_f1 != 1.0:
        raise SelfTestFailure(f"identical annotations gave span F1 {span_f1}, not 1.0")
    return f"{pair}: span F1 (exact, labeled) {span_f1:.2f}, Cohen's kappa {kappa}"


def event_with_entity_role(schema: Schema) -> tuple[str, str, str]:
    """The first event type with a role an entity can fill: (type, role, entity label)."""
    for event_type in schema.event_types:
        for role in event_type.roles:
            entity_fillers = [f for f in role.fillers if schema.has_entity(f)]
            if entity_fillers:
                return event_type.id, role.id, entity_fillers[0]
    raise SelfTestFailure(f"the schema {schema.id!r} has no event role an entity can fill")


def word_tokens(text: str) -> list[Token]:
    """Tokens made of letters, the candidates for spans."""
    words = [token for token in tokenize(text) if token.text.isalpha()]
    if len(words) < 2:
        raise SelfTestFailure("the first seed article has fewer than two words")
    return words


CORE_STEPS: tuple[Step, ...] = (
    Step("resources", check_resources),
    Step("arabic-text", check_arabic_text),
    Step("project", create_project, needs=("resources",)),
    Step("span", create_span, needs=("project",)),
    Step("event", create_event, needs=("project",)),
    Step("export-jsonl", export_jsonl, needs=("event",)),
    Step("export-conll", export_conll, needs=("span", "event")),
    Step("agreement", compute_agreement, needs=("event",)),
)
