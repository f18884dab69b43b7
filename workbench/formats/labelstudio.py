"""Label Studio's JSON export of NER tasks (the "JSON" export, not "JSON_MIN").

The file is a list of tasks (a single task object is accepted too)::

    [{"id": 1, "data": {"text": "..."},
      "annotations": [{"completed_by": 3, "was_cancelled": false,
                       "result": [{"type": "labels",
                                   "value": {"start": 0, "end": 5, "text": "...",
                                             "labels": ["PER"]}}]}],
      "predictions": [...]}]

Each task is a document named ``FILE-taskID``. Each annotation of a task is an annotation set
whose status is done. Its annotator is ``--annotator`` when given (a task with more than one
annotation is then refused: two sets of a document cannot have one annotator); else the
annotator Label Studio records in ``completed_by`` (the e-mail when the export holds the user,
else ``labelstudio-user-ID``); else ``imported``. A result with several labels gives a span per
label.

Offsets: Label Studio counts UTF-16 code units in the browser (label-studio#1347) while the
Python side counts code points; the two agree for text without emoji. A result's ``text`` decides:
the offsets are read as code points if they cover that text, else as UTF-16 units if those do
(counted in the report), else the import stops. A result without ``text`` is read as UTF-16.

A ``relation`` result (``{"from_id", "to_id", "direction", "labels": [...]}``, no ``value``) links
the spans of two ``labels`` results of its annotation: a relation per label that names (through
``--label-map``) a relation type of the schema, from ``from_id`` to ``to_id`` (the other way for
the direction ``left``), between the first span of each result. A relation result whose labels
name no relation type of the schema is skipped and counted.

Not imported, and counted in the report: cancelled (skipped) annotations, predictions, and results
of other types (``choices``, ``textarea``, ``rating``, ...). Errors name the file, the task (its
index in the file and its id) and the result's id; the line where the task starts only when the
file has several lines (Label Studio writes its whole export on one line, where "line 1" would
locate nothing). Label Studio's CONLL2003 export is read by the CoNLL importer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.errors import InputError, Place, Problem
from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Relation,
    Span,
    make_document,
    new_id,
)
from workbench.core.nested_data import NestedDataError, decode_json_value
from workbench.core.text_io import decode_text
from workbench.formats.base import ImportOptions
from workbench.formats.importing import annotator_name, entity_label, input_files
from workbench.formats.report import FormatReport, Issue
from workbench.formats.source_offsets import SourceText

SPAN_RESULT = "labels"
RELATION_RESULT = "relation"


@dataclass(frozen=True)
class _Task:
    """One task of the file, with its place for errors: its index, its id, and the line it starts
    on when the file has several lines (Label Studio writes one; a pretty-printed file has more)."""

    path: Path
    line: int | None
    number: int
    record: Any

    @property
    def where(self) -> Place:
        return self.place()

    def place(self, result: Any = None) -> Place:
        """Where the task is, and the result's id when a result is given and has one."""
        identifier = self.record.get("id") if isinstance(self.record, dict) else None
        result_id = result.get("id") if isinstance(result, dict) else None
        return Place(line=self.line, task=self.number, task_id=identifier, result_id=result_id)

    def error(self, problem: Problem, result: Any = None) -> InputError:
        return InputError(self.path, problem, where=self.place(result))


def read(
    paths: Sequence[Path], options: ImportOptions, *, report: FormatReport | None = None
) -> Iterator[AnnotatedDocument]:
    report = report if report is not None else FormatReport()
    for path in input_files(paths, {".json"}):
        for task in _tasks(path):
            yield _document(task, options, report)


def _tasks(path: Path) -> Iterator[_Task]:
    """The tasks of a file, each decoded on its own so that its line is known."""
    reader = _JsonReader(path, decode_text(path.read_bytes(), path))
    several_lines = "\n" in reader.text.strip()
    if not reader.take("["):
        record, line = reader.value()
        reader.expect_end(Problem("unexpected text after the task"))
        yield _Task(path, line if several_lines else None, 1, record)
        return
    number = 0
    while not reader.take("]"):
        number += 1
        record, line = reader.value()
        yield _Task(path, line if several_lines else None, number, record)
        if not reader.take(",") and not reader.at("]"):
            raise reader.error(Problem("expected a list of tasks: a comma or ']' is missing"))
    reader.expect_end(Problem("unexpected text after the list of tasks"))
    if number == 0:
        raise InputError(path, Problem("the file holds no task"))


class _JsonReader:
    """Reads a JSON text value by value, knowing the line it is at."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.position = 0
        self.line = 1
        self.decoder = json.JSONDecoder()
        self._skip_space()

    def at(self, char: str) -> bool:
        return self.text.startswith(char, self.position)

    def take(self, char: str) -> bool:
        """Step over ``char`` (and the space after it) if it comes next."""
        if not self.at(char):
            return False
        self._move(self.position + 1)
        return True

    def value(self) -> tuple[Any, int]:
        """The next JSON value and the line it starts on."""
        if self.position >= len(self.text):
            raise self.error(Problem("the file ends too soon (a truncated file?)"))
        line = self.line
        try:
            value, end = decode_json_value(self.decoder, self.text, self.position)
        except NestedDataError as error:
            raise InputError(self.path, error.problem, where=Place(line=error.line)) from None
        self._move(end)
        return value, line

    def expect_end(self, problem: Problem) -> None:
        """Refuse with ``problem`` what follows, if anything does."""
        if self.position < len(self.text):
            raise self.error(problem)

    def error(self, problem: Problem) -> InputError:
        return InputError(self.path, problem, where=Place(line=self.line))

    def _move(self, position: int) -> None:
        self.line += self.text.count("\n", self.position, position)
        self.position = position
        self._skip_space()

    def _skip_space(self) -> None:
        start = self.position
        while self.position < len(self.text) and self.text[self.position] in " \t\r\n":
            self.position += 1
        self.line += self.text.count("\n", start, self.position)


def _document(task: _Task, options: ImportOptions, report: FormatReport) -> AnnotatedDocument:
    record = task.record
    if not isinstance(record, dict) or not isinstance(record.get("data"), dict):
        raise task.error(Problem('a task is an object with "data" (export the project as JSON, not JSON_MIN)'))
    text = record["data"].get("text")
    if not isinstance(text, str) or not text:
        raise task.error(Problem('the task has no text in "data": {{"text": ...}}'))
    source = SourceText(text)
    annotations = _list(task, record, "annotations")
    if record.get("predictions"):
        report.add(
            Issue.SKIPPED_ANNOTATION, f"{task.path}, {task.where}: predictions (pre-annotations)"
        )
    sets = [
        annotation_set
        for annotation in annotations
        if (annotation_set := _annotation_set(task, annotation, source, options, report))
    ]
    _refuse_repeated_annotators(task, sets, options)
    name = f"{task.path.stem}-task{record.get('id', task.number)}"
    return AnnotatedDocument(make_document(name, source.text, source=str(task.path)), tuple(sets))


def _list(task: _Task, record: dict[str, Any], key: str) -> list[Any]:
    value = record.get(key, [])
    if not isinstance(value, list):
        raise task.error(Problem('"{key}" must be a list', key=key))
    return value


def _annotation_set(
    task: _Task, annotation: Any, source: SourceText, options: ImportOptions, report: FormatReport
) -> AnnotationSet | None:
    if not isinstance(annotation, dict):
        raise task.error(Problem("each annotation must be an object"))
    if annotation.get("was_cancelled"):
        report.add(Issue.CANCELLED_ANNOTATION, f"{task.path}, {task.where}")
        return None
    spans: list[Span] = []
    first_spans: dict[str, Span] = {}
    """The first span of each labels result, by the result's id (what relation results name)."""
    links: list[tuple[dict[str, Any], list[str]]] = []
    for result in _list(task, annotation, "result"):
        if isinstance(result, dict) and result.get("type") == RELATION_RESULT:
            types = _relation_types(task, result, options, report)
            links += [(result, types)] if types else []
            continue
        found = _spans(task, result, source, options, report)
        if found and isinstance(result.get("id"), str):
            first_spans.setdefault(result["id"], found[0])
        spans += found
    relations = [
        Relation(new_id(), type_id, *_ends(task, result, first_spans))
        for result, types in links
        for type_id in types
    ]
    annotator = annotator_name(options, _completed_by(annotation.get("completed_by")))
    return AnnotationSet(annotator, spans=tuple(spans), relations=tuple(relations))


def _relation_types(
    task: _Task, result: dict[str, Any], options: ImportOptions, report: FormatReport
) -> list[str]:
    """The relation types of the schema a ``relation`` result's labels name (through the label
    map); none is skipped and counted."""
    labels = result.get("labels", [])
    if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
        raise task.error(Problem('a relation result\'s "labels" must be a list of texts'), result)
    types = [options.label_map.get(label) or label for label in labels]
    known = [type_id for type_id in types if options.schema.has_relation_type(type_id)]
    if not known:
        report.add(
            Issue.SKIPPED_ANNOTATION,
            f"{task.path}, {task.place(result)}: labels {labels} that name no relation of the "
            "schema, in a result of type 'relation'",
        )
    return known


def _ends(task: _Task, result: dict[str, Any], spans: dict[str, Span]) -> tuple[str, str]:
    """The span ids a relation result links, from its ``from_id`` to its ``to_id`` (the other way
    round for the direction ``left``)."""
    ends = []
    for key in ("from_id", "to_id"):
        if result.get(key) not in spans:
            raise task.error(
                Problem(
                    'the relation\'s "{key}" {id!r} is not the id of a labels result of its annotation',
                    key=key,
                    id=result.get(key),
                ),
                result,
            )
        ends.append(spans[result[key]].id)
    return (ends[1], ends[0]) if result.get("direction") == "left" else (ends[0], ends[1])


def _completed_by(user: Any) -> str | None:
    if isinstance(user, dict):
        email = user.get("email")
        return email if isinstance(email, str) and email else _completed_by(user.get("id"))
    if isinstance(user, int) and not isinstance(user, bool):
        return f"labelstudio-user-{user}"
    return None


def _spans(
    task: _Task, result: Any, source: SourceText, options: ImportOptions, report: FormatReport
) -> list[Span]:
    if not isinstance(result, dict):
        raise task.error(Problem("each result must be an object"))
    if result.get("type") != SPAN_RESULT:
        report.add(
            Issue.SKIPPED_ANNOTATION,
            f"{task.path}, {task.place(result)}: a result of type {result.get('type')!r}",
        )
        return []
    if not isinstance(result.get("value"), dict):
        raise task.error(Problem('a "labels" result needs a "value"'), result)
    value = result["value"]
    start, end, labels = value.get("start"), value.get("end"), value.get("labels")
    if not (_whole(start) and _whole(end) and _labels(labels)):
        raise task.error(
            Problem('a "labels" result needs whole-number "start" and "end" and a list of "labels"'), result
        )
    expected = value.get("text") if isinstance(value.get("text"), str) else None
    resolved = source.resolve(
        start, end, expected, ("code_point", "utf16") if expected else ("utf16",)
    )
    if resolved is None:
        raise task.error(
            Problem(
                "the span [{start}, {end}) does not cover {text!r} in the task's text, counted either in "
                "code points or in UTF-16 units",
                start=start,
                end=end,
                text=expected,
            )
            if expected is not None
            else Problem("the span [{start}, {end}) is empty or lies outside the task's text", start=start, end=end),
            result,
        )
    stored_start, stored_end, unit = resolved
    if (stored_start, stored_end) != (start, end):
        report.add(
            Issue.CONVERTED_OFFSETS,
            f"{task.path}, {task.where}: [{start}, {end}) read as {unit} offsets, "
            f"[{stored_start}, {stored_end}) in the stored text",
        )
    covered = source.text[stored_start:stored_end]
    return [
        Span(
            new_id(),
            stored_start,
            stored_end,
            entity_label(options, label, task.path, task.place(result)),
            covered,
        )
        for label in labels
    ]


def _labels(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _refuse_repeated_annotators(
    task: _Task, sets: list[AnnotationSet], options: ImportOptions
) -> None:
    seen: set[str] = set()
    for annotation_set in sets:
        if annotation_set.annotator in seen:
            advice = (
                Problem("--annotator gives them one name: import without it to keep each annotator's set")
                if options.annotator
                else Problem("keep one of them in Label Studio and export again")
            )
            raise task.error(
                Problem(
                    "two annotations of the task belong to {annotator!r}; {advice}",
                    annotator=annotation_set.annotator,
                    advice=advice,
                )
            )
        seen.add(annotation_set.annotator)
