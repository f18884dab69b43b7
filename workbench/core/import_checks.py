"""What an import refuses in one annotator's annotations on one document.

The annotation window cannot make these: a span whose offsets do not give its text, an id used
twice, an attribute its label does not have or a value outside the attribute's list, a role the
event type lacks, a filler the role does not allow, an argument or trigger that is not in the set,
events filling each other's roles in a cycle (an event that, through its arguments, contains
itself), and what ``relation_checks`` refuses in relations and document labels. A file that
holds one is refused with the first problem, so that everything imported can
be exported again in every format and read back.

A required role left empty is not refused: it is work still to do, shown beside the event. Nor
is an attribute the schema gives other labels but not this one (a mention level on a date, from a
file made before the schema said which labels have it): it is kept, with a warning
(``misplaced_attribute_warnings``).

A set is often checked twice on its way in: by its reader, which can name the file and the line,
and by the store, which must refuse it whoever hands it over. The sets that passed most recently
are remembered (the very objects, with the text and schema they passed against), so that the
second check of the same set is a lookup, not a second walk over its spans.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workbench.core.errors import Problem, SchemaError, problem_of
from workbench.core.event_checks import argument_problem
from workbench.core.model import AnnotationSet, Event, PlainSpans, Span
from workbench.core.nested_data import size_problem
from workbench.core.relation_checks import document_labels_problem, relations_problem
from workbench.core.schema import Schema
from workbench.core.schema.label_attributes import misplaced_attributes
from workbench.core.schema.model import listing

_REMEMBERED = 64
"""How many sets that passed are remembered: the store reads a few documents from a reader
(``store.bulk_import.CHUNK``) before it checks their sets, so a few dozen do (each holds its
document's text in memory)."""
_passed: OrderedDict[int, tuple[AnnotationSet | PlainSpans, str, Schema]] = OrderedDict()
"""The sets that passed most recently, by ``id``; holding the objects keeps their ids unique."""


def annotation_set_problem(
    text: str, annotations: AnnotationSet | PlainSpans, schema: Schema
) -> str | None:
    """The first thing an import must refuse in ``annotations`` on the document ``text``, as a
    sentence naming the span or event; None when there is none."""
    passed = _passed.get(id(annotations))
    if passed is not None and passed[0] is annotations and passed[1] is text and passed[2] is schema:
        return None
    if isinstance(annotations, PlainSpans):
        problem = _plain_spans_problem(text, annotations, schema)
    else:
        problem = _first_problem(text, annotations, schema)
    if problem is None:
        _passed[id(annotations)] = (annotations, text, schema)
        while len(_passed) > _REMEMBERED:
            _passed.popitem(last=False)
    return problem


def _plain_spans_problem(text: str, spans: PlainSpans, schema: Schema) -> str | None:
    """``_first_problem`` of the same annotations as an ``AnnotationSet``. Plain spans that pass
    the checks such spans can fail, each made over a whole column at once, have none; those
    that do not are checked span by span, which names the first problem."""
    if (
        spans.annotator.strip()
        and len(set(spans.ids)) == len(spans.ids)
        and _known_labels(set(spans.labels), schema)
        and spans.match(text)
    ):
        return None
    return _first_problem(text, spans.annotation_set(), schema)


def _known_labels(labels: set[str], schema: Schema) -> bool:
    """Whether each label is an entity label or an event type (a trigger's) of the schema."""
    return all(map(schema.has_entity, labels)) or all(
        schema.has_entity(label) or schema.has_event(label) for label in labels
    )


def _first_problem(text: str, annotations: AnnotationSet, schema: Schema) -> str | None:
    if not annotations.annotator.strip():
        return Problem("the annotator's name is blank")
    spans = {span.id: span for span in annotations.spans}
    events = {event.id: event for event in annotations.events}
    return (
        _repeated_span_id(annotations.spans, spans)
        or _repeated_id("event", (event.id for event in annotations.events))
        or _spans_problem(annotations.spans, text, schema)
        or _first(_event_problem(event, spans, events, schema) for event in annotations.events)
        or _event_cycle(annotations.events)
        or relations_problem(annotations.relations, spans, schema)
        or document_labels_problem(annotations.document_labels, schema)
    )


def _first(problems: Iterable[str | None]) -> str | None:
    return next((problem for problem in problems if problem), None)


def _repeated_span_id(spans: Sequence[Span], by_id: Mapping[str, Span]) -> str | None:
    """``_repeated_id`` of the spans, walked only when ``by_id`` (the spans by id) is shorter."""
    if len(by_id) == len(spans):
        return None
    return _repeated_id("span", (span.id for span in spans))


_USED_TWICE = {"span": "the span id {id!r} is used twice", "event": "the event id {id!r} is used twice"}


def _repeated_id(what: str, ids: Iterable[str]) -> Problem | None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            return Problem(_USED_TWICE[what], id=item_id)
        seen.add(item_id)
    return None


def _spans_problem(spans: Iterable[Span], text: str, schema: Schema) -> str | None:
    """The first span's problem (``_span_problem``). A span of a label the schema has, with no
    attributes and the text at its offsets, has none: that is checked here in the loop, without
    the calls that would cost more than the check for hundreds of thousands of spans."""
    length = len(text)
    has_entity = schema.has_entity
    for span in spans:
        start, end = span.start, span.end
        if (
            span.attributes
            or not has_entity(span.label)
            or not 0 <= start < end <= length
            or text[start:end] != span.text
        ):
            problem = _span_problem(span, text, schema)
            if problem:
                return problem
    return None


def _span_problem(span: Span, text: str, schema: Schema) -> str | None:
    if not span.matches(text):
        where = {"id": span.id, "start": span.start, "end": span.end, "text": span.text}
        if 0 <= span.start < span.end <= len(text):
            return Problem(
                "span {id} [{start}, {end}) says {text!r} but the text there is {found!r}",
                **where,
                found=text[span.start : span.end],
            )
        return Problem(
            "span {id} [{start}, {end}) says {text!r} but that is not a range of the text (0 to {length})",
            **where,
            length=len(text),
        )
    return _attributes_problem("span", span.id, span.label, span.attributes, schema)


def _event_problem(
    event: Event, spans: Mapping[str, Span], events: Mapping[str, Event], schema: Schema
) -> str | None:
    if not schema.has_event(event.type):
        return Problem(
            "event {id}: the schema {schema!r} has no event type {type!r}",
            id=event.id,
            schema=schema.id,
            type=event.type,
        )
    if event.trigger_span_id not in spans:
        return Problem(
            "event {id}: its trigger {trigger!r} is not a span of the set", id=event.id, trigger=event.trigger_span_id
        )
    event_type = schema.event(event.type)
    roles = [role.id for role in event_type.roles]
    for argument in event.arguments:
        if argument.role not in roles:
            return Problem(
                "event {id}: the type {type} has no role {role!r}; its roles: {roles}",
                id=event.id,
                type=event.type,
                role=argument.role,
                roles=listing(roles),
            )
        problem = argument_problem(argument, event_type, spans, events)
        if problem:
            return Problem("event {id}: {problem}", id=event.id, problem=problem)
    return _attributes_problem("event", event.id, event.type, event.attributes, schema)


_ITEMS = {"span": "span {id}", "event": "event {id}"}


def _attributes_problem(
    kind: str, item_id: str, owner: str, attributes: Mapping[str, Any], schema: Schema
) -> Problem | None:
    """What is wrong with the attributes of the span or event (``kind``) ``item_id`` of the label
    or type ``owner``; its name is made only then (most spans pass: a check of every span)."""
    if not attributes and (schema.has_entity(owner) or schema.has_event(owner)):
        return None  # what most spans are: nothing else to check, and two lookups, not a walk
    too_big = size_problem(attributes, max_nodes=None)
    if too_big:
        return Problem("{what}: the attributes are {size}", what=Problem(_ITEMS[kind], id=item_id), size=too_big)
    misplaced = misplaced_attributes(schema, owner, attributes)
    try:
        schema.check_attributes(owner, {k: v for k, v in attributes.items() if k not in misplaced})
    except SchemaError as error:
        return Problem("{what}: {problem}", what=Problem(_ITEMS[kind], id=item_id), problem=problem_of(error))
    return None


def misplaced_attribute_warnings(annotations: AnnotationSet, schema: Schema) -> list[Problem]:
    """One line for each span or event holding an attribute its label does not have but other
    labels do; the attribute is kept."""
    owners = [(Problem("span {id}", id=s.id), s.label, s.attributes) for s in annotations.spans if s.attributes]
    owners += [(Problem("event {id}", id=e.id), e.type, e.attributes) for e in annotations.events if e.attributes]
    return [
        Problem(
            "{what}: {owner!r} has no attribute {name!r} in the schema {schema!r}; kept as it was",
            what=what, owner=owner, name=name, schema=schema.id,
        )
        for what, owner, attributes in owners
        for name in misplaced_attributes(schema, owner, attributes)
    ]


def _event_cycle(events: Iterable[Event]) -> str | None:
    """The first event found that contains itself through events filling its roles."""
    fillers = {e.id: [a.event_id for a in e.arguments if a.event_id is not None] for e in events}
    done: set[str] = set()
    for root in fillers:
        if root in done:
            continue
        path, on_path = [(root, iter(fillers[root]))], {root}
        while path:
            event_id, pending = path[-1]
            filler = next((f for f in pending if f in fillers and f not in done), None)
            if filler is None:
                done.add(event_id)
                on_path.discard(event_id)
                path.pop()
            elif filler in on_path:
                return Problem("event {id} contains itself: events fill each other's roles in a cycle", id=filler)
            else:
                on_path.add(filler)
                path.append((filler, iter(fillers[filler])))
    return None
