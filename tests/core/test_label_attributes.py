"""Attributes belong to labels (issue 13, point 7): ``applies_to`` limits an attribute every label
would have; the built-in schemas ask no mention level of dates, times, numbers or money; imports
keep an attribute its label does not have, with a one-line warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.errors import SchemaError
from workbench.core.model import AnnotatedDocument, AnnotationSet, Span, make_document
from workbench.core.schema import BUILTIN_SCHEMAS, Schema, builtin_schema, load_schema
from workbench.core.schema.label_attributes import attributes_for, misplaced_attributes
from workbench.store.project import Project

SCHEMA = """\
schema:
  id: owned
  version: 1
  name: {en: Owned, ar: مملوكة}
  mention_attributes:
    mention_level: {values: [NAM, NOM, PRO], default: NAM, applies_to: [PER]}
    confidence: [high, low]
  entity_types:
    - {id: PER, en: Person, ar: شخص}
    - {id: DATE, en: Date, ar: تاريخ}
  event_types:
    - {id: Meet, en: Meet, ar: لقاء, attributes: {polarity: [POSITIVE, NEGATIVE]}}
"""


def load(tmp_path: Path, text: str = SCHEMA) -> Schema:
    path = tmp_path / "owned.yaml"
    path.write_text(text, encoding="utf-8")
    return load_schema(path)


def names(schema: Schema, label: str) -> list[str]:
    return [attribute.name for attribute in attributes_for(schema, label)]


def test_applies_to_limits_an_attribute_and_its_default(tmp_path: Path) -> None:
    schema = load(tmp_path)
    assert names(schema, "PER") == ["mention_level", "confidence"]
    assert names(schema, "DATE") == ["confidence"]  # no applies_to: every label's, as before
    assert names(schema, "Meet") == ["polarity"]
    assert names(schema, "unknown") == []
    assert schema.default_attributes_for_entity("DATE") == {}
    assert schema.default_attributes_for_entity("PER") == {"mention_level": "NAM"}
    with pytest.raises(SchemaError, match="'DATE' has no attribute 'mention_level'"):
        schema.check_attributes("DATE", {"mention_level": "NAM"})
    assert Schema.from_json(schema.to_json()) == schema


def test_applies_to_limits_an_event_attribute_too(tmp_path: Path) -> None:
    text = SCHEMA.replace(
        "  entity_types:\n",
        "  event_attributes:\n    tense: {values: [PAST, FUTURE], applies_to: [Meet]}\n"
        "  entity_types:\n",
    ).replace("    - {id: Meet,", "    - {id: Die, en: Die, ar: وفاة}\n    - {id: Meet,")
    schema = load(tmp_path, text)
    assert names(schema, "Meet") == ["tense", "polarity"]
    assert names(schema, "Die") == []
    with pytest.raises(SchemaError) as caught:
        load(tmp_path, text.replace("applies_to: [Meet]", "applies_to: [PER]"))
    assert (
        "owned.yaml, line 9, schema.event_attributes.tense.applies_to[0]: 'PER' is not an event "
        "type of this schema" in str(caught.value)
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("applies_to: [PER]", "applies_to: [PERS]",
         "owned.yaml, line 6, schema.mention_attributes.mention_level.applies_to[0]: 'PERS' is "
         "not an entity label of this schema (did you mean 'PER'?)"),
        ("applies_to: [PER]", "applies_to: []",
         "owned.yaml, line 6, schema.mention_attributes.mention_level.applies_to: applies_to "
         "names at least one label"),
        ("polarity: [POSITIVE, NEGATIVE]", "polarity: {values: [POSITIVE], applies_to: [Meet]}",
         "owned.yaml, line 12, schema.event_types[0].attributes.polarity.applies_to: applies_to "
         "is for mention_attributes and event_attributes"),
    ],
    ids=["unknown label", "empty", "on a label's own attribute"],
)
def test_a_wrong_applies_to_is_named_with_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(SchemaError) as caught:
        load(tmp_path, SCHEMA.replace(old, new))
    assert message in str(caught.value)


VALUE_LABELS = {"DATE", "TIME", "CARDINAL", "MONEY", "TIMEX2", "PERCENT", "ORDINAL", "QUANTITY"}


@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_builtin_schemas_ask_no_mention_level_of_dates_times_numbers_or_money(name: str) -> None:
    schema = builtin_schema(name)
    for entity in schema.entity_types:
        if entity.id in VALUE_LABELS:
            assert "mention_level" not in names(schema, entity.id), (name, entity.id)
    if name in ("conflict-news", "ace2005"):
        assert "mention_level" in names(schema, "PER")


TEXT = "التقى الوزير أمس"


def date_with_mention_level() -> AnnotatedDocument:
    span = Span("s1", 13, 16, "DATE", "أمس", {"mention_level": "NAM"})
    return AnnotatedDocument(make_document("old", TEXT), (AnnotationSet("amal", (span,)),))


def test_an_import_keeps_an_attribute_its_label_lacks_and_warns_in_one_line(
    tmp_path: Path,
) -> None:
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as project:
        summary = project.add_documents([date_with_mention_level()])
        assert summary.messages == [
            "document 'old': span s1: 'DATE' has no attribute 'mention_level' in the schema "
            "'conflict-news'; kept as it was"
        ]
        [document] = project.documents()
        annotation_set = project.annotation_set(document.id, "amal")
        assert annotation_set is not None
        [stored] = annotation_set.spans
        assert stored.attributes == {"mention_level": "NAM"}


def test_an_attribute_no_label_has_is_still_refused(tmp_path: Path) -> None:
    schema = builtin_schema("conflict-news")
    assert misplaced_attributes(schema, "DATE", {"colour": "red"}) == []
    typo = Span("s1", 13, 16, "DATE", "أمس", {"colour": "red"})
    document = AnnotatedDocument(make_document("typo", TEXT), (AnnotationSet("amal", (typo,)),))
    with Project.create(tmp_path / "p.tawsim", schema) as project:
        with pytest.raises(SchemaError, match="'DATE' has no attribute 'colour'"):
            project.add_documents([document])
        assert project.documents() == []
