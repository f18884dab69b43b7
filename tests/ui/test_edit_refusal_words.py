"""An edit the store refuses, in the window's language: an annotator of an Arabic window who filled
a role twice read "the role Place of Conflict.Attack takes one filler only", and a lead whose gold
edit was refused read the command line's English too. Each refusal of an edit is made as a
``Problem``, so that the window says it in Arabic (``ui.error_words``), and the event panel names
the roles, event types and labels by the schema's Arabic names, as it names them in an event's
warnings; the command line keeps its English, word for word."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ui.event_scene import Scene, scene  # noqa: F401 (a fixture)
from tests.ui.events.test_event_controller import build_attack, create_attack, press_role
from tests.ui.test_problem_words import begins_with_an_arabic_letter, latin_words
from workbench.app import adjudication, changes
from workbench.app.packages import restore_version
from workbench.core.errors import Problem, WorkbenchError, problem_of
from workbench.core.model import AnnotatedDocument, Argument, Relation, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project
from workbench.ui import i18n
from workbench.ui.error_words import error_words
from workbench.ui.i18n import isolated

TEXT = "زار محمد بغداد أمس"
MUHAMMAD, BAGHDAD = (4, 8), (9, 14)


@dataclass
class Edits:
    """A project of one document (and another) with an annotator's spans and an attack."""

    project: Project
    document_id: str
    other_document_id: str
    path: str
    person: str
    place: str
    attack: str
    others_span: str
    others_event: str


@pytest.fixture
def edits(tmp_path: Path) -> Iterator[Edits]:
    with Project.create(tmp_path / "أخبار.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents(
            [AnnotatedDocument(make_document("خبر", TEXT)), AnnotatedDocument(make_document("آخر", "خبر آخر"))]
        )
        document_id, other_document_id = (document.id for document in project.documents())
        person = project.add_span(document_id, "amal", *MUHAMMAD, "PER").id
        place = project.add_span(document_id, "amal", *BAGHDAD, "GPE").id
        attack = project.create_event(document_id, "amal", 0, 3, "Conflict.Attack").id
        project.add_argument(attack, "Place", span_id=place)
        others_span = project.add_span(document_id, "huda", *MUHAMMAD, "PER").id
        others_event = project.create_event(document_id, "huda", 0, 3, "Conflict.Attack").id
        path = str(tmp_path / "أخبار.tawsim")
        yield Edits(project, document_id, other_document_id, path, person, place, attack, others_span, others_event)


def refusal(edit: Callable[[], object]) -> WorkbenchError:
    with pytest.raises(WorkbenchError) as refused:
        edit()
    return refused.value


def test_a_span_outside_the_document_is_refused_in_arabic(edits: Edits, arabic: None) -> None:
    error = refusal(lambda: edits.project.add_span(edits.document_id, "amal", 9, 40, "LOC"))
    assert error_words(error) == "المقطع \u2066[9, 40)\u2069 خارج الوثيقة (من 0 إلى 18)"
    moved = refusal(lambda: edits.project.set_span_range(edits.person, 4, 19))
    assert error_words(moved) == "المقطع \u2066[4, 19)\u2069 خارج الوثيقة (من 0 إلى 18)"


def test_a_label_the_schema_lacks_is_refused_in_arabic(edits: Edits, arabic: None) -> None:
    error = refusal(lambda: edits.project.update_span(edits.person, label="PERSON"))
    assert error_words(error) == (
        f"ليس الوسم «{isolated('PERSON')}» في مخطط المشروع «{isolated('conflict-news')}»"
    )


def test_a_range_the_annotator_has_with_the_label_is_refused_in_arabic(edits: Edits, arabic: None) -> None:
    twice = edits.project.add_span(edits.document_id, "amal", *MUHAMMAD, "GPE").id
    error = refusal(lambda: edits.project.update_span(twice, label="PER"))
    assert error_words(error) == (
        f"لدى المُوسِّم «{isolated('amal')}» من قبل مقطع «{isolated('PER')}» على المدى \u2066[4, 8)\u2069"
    )


Refused = Callable[[Edits], object]
"""An edit the store refuses."""
REFUSALS: dict[str, tuple[Refused, str]] = {
    "an empty annotator": (
        lambda e: e.project.add_span(e.document_id, " ", *MUHAMMAD, "PER"),
        "an annotator's name cannot be empty",
    ),
    "a set that is not there": (
        lambda e: e.project.set_id(e.other_document_id, "amal", create=False),
        "amal has no annotations on document {other}",
    ),
    "a range and label the annotator has": (
        lambda e: e.project.add_span(e.document_id, "amal", *MUHAMMAD, "PER"),
        "the annotator already has a span with the same range and label",
    ),
    "a move onto a span of the same label": (
        lambda e: e.project.set_span_range(e.project.add_span(e.document_id, "amal", 9, 13, "PER").id, *MUHAMMAD),
        "amal already has a PER span on [4, 8)",
    ),
    "a document that is not there": (
        lambda e: e.project.add_span("no-such-document", "amal", *MUHAMMAD, "PER"),
        "{path}: no document no-such-document",
    ),
    "a document read that is not there": (
        lambda e: e.project.annotated_document("no-such-document"),
        "{path}: no document no-such-document",
    ),
    "a span that is not there": (
        lambda e: e.project.update_span("no-such-span", note="؟"),
        "no span no-such-span in {path}",
    ),
    "an event that is not there": (
        lambda e: e.project.event("no-such-event"),
        "no event no-such-event in {path}",
    ),
    "no span to delete": (lambda e: e.project.delete_spans([]), "no span to delete"),
    "spans of two sets deleted together": (
        lambda e: e.project.delete_spans([e.person, e.others_span]),
        "spans deleted together must belong to one annotation set",
    ),
    "an argument the event does not have": (
        lambda e: e.project.remove_argument(e.attack, Argument("Target", span_id=e.person)),
        "event {attack} has no such Target argument",
    ),
    "the same argument twice": (
        lambda e: e.project.add_argument(e.attack, "Place", span_id=e.place),
        "that Place argument is there already",
    ),
    "a second filler of a role that takes one": (
        lambda e: e.project.add_argument(e.attack, "Place", span_id=e.project.add_span(
            e.document_id, "amal", *MUHAMMAD, "GPE").id),
        "the role Place of Conflict.Attack takes one filler only",
    ),
    "a filler of another annotator's set": (
        lambda e: e.project.add_argument(e.attack, "Target", span_id=e.others_span),
        "an argument's span must belong to the event's annotation set",
    ),
    "an event of another annotator's set": (
        lambda e: e.project.add_argument(e.attack, "Target", filler_event_id=e.others_event),
        "an argument's event must belong to the event's annotation set",
    ),
    "an event filling its own role": (
        lambda e: e.project.add_argument(e.attack, "Target", filler_event_id=e.attack),
        "an argument is filled by a span or by another event",
    ),
    "a relation of a span to itself": (
        lambda e: e.project.add_relation(e.document_id, "amal", Relation("", "located-in", e.person, e.person)),
        "a relation links two different spans",
    ),
    "a relation to another annotator's span": (
        lambda e: e.project.add_relation(e.document_id, "amal", Relation("", "located-in", e.others_span, e.place)),
        "span {others_span} is not in amal's set on document {document}",
    ),
    "a relation that is not there": (
        lambda e: e.project.delete_relation("no-such-relation"),
        "no relation no-such-relation in {path}",
    ),
    "a replaced version that is not there": (
        lambda e: restore_version(e.project, "no-such-version"),
        "no replaced version 'no-such-version' in the project",
    ),
    "a span of another document": (
        lambda e: changes.require_in_document(e.project, e.person, e.other_document_id),
        "span {person} is in document {document}, not in {other}",
    ),
    "the version of an annotator who has not finished": (
        lambda e: adjudication.accept_version(e.project, e.document_id, "huda"),
        "huda has not finished document {document}",
    ),
    "a gold edit of a span not gold's": (
        lambda e: adjudication.delete_gold_span(e.project, e.document_id, e.person),
        "span {person} is not a gold span of document {document}",
    ),
}


def english(edits: Edits, sentence: str) -> str:
    return sentence.format(
        path=edits.path, other=edits.other_document_id, document=edits.document_id, attack=edits.attack,
        person=edits.person, others_span=edits.others_span,
    )


def the_file_values(edits: Edits) -> tuple[str, ...]:
    """What a refusal names of the project: its path, ids, the annotators, the schema's ids."""
    return (
        edits.path, edits.document_id, edits.other_document_id, edits.attack, edits.person, edits.others_span,
        "no-such-document", "no-such-span", "no-such-event", "no-such-relation", "no-such-version",
        "amal", "huda", "Conflict.Attack", "Target", "Place", "PER",
    )


@pytest.mark.parametrize("name", REFUSALS)
def test_every_refused_edit_is_said_in_arabic(edits: Edits, arabic: None, name: str) -> None:
    edit = REFUSALS[name][0]
    error = refusal(lambda: edit(edits))
    words = error_words(error)
    assert begins_with_an_arabic_letter(words), words
    assert latin_words(words, *the_file_values(edits)) == [], words


@pytest.mark.parametrize("name", REFUSALS)
def test_and_the_command_line_keeps_its_english(edits: Edits, name: str) -> None:
    edit, sentence = REFUSALS[name]
    error = refusal(lambda: edit(edits))
    assert isinstance(problem_of(error), Problem)
    assert str(error) == english(edits, sentence)
    assert error_words(error) == english(edits, sentence)


def test_a_version_not_finished_is_refused_to_the_lead_in_arabic(edits: Edits, arabic: None) -> None:
    """The refusal of an annotator's version, whose set is in progress, to gold."""
    error = refusal(lambda: adjudication.accept_version(edits.project, edits.document_id, "huda"))
    assert error_words(error) == f"لم يُكمل المُوسِّم «{isolated('huda')}» الوثيقة {isolated(edits.document_id)}"


# -- in the event panel ------------------------------------------------------------------------------


def panel_says(scene: Scene) -> str:
    message = scene.controller.panel.message
    assert message.isVisible()
    return message.text()


def test_the_event_panel_refuses_the_same_argument_twice_in_arabic(scene: Scene, arabic: None) -> None:
    scene.controller.set_language("ar")
    event_id = create_attack(scene)
    for _ in range(2):
        scene.click_span("أمريكية")
        press_role(scene, 1)  # Attacker, which takes several fillers
    assert panel_says(scene) == f"المعامل نفسه في الدور «{isolated('المهاجِم')}» موجود من قبل"
    assert len(scene.project.event(event_id).arguments) == 1


def test_the_event_panel_refuses_a_second_filler_in_arabic(scene: Scene, arabic: None) -> None:
    scene.controller.set_language("ar")
    event_id = build_attack(scene)
    scene.click_span("أمريكية")
    press_role(scene, 4)  # Place already holds Idlib
    assert panel_says(scene) == (
        f"لا يقبل الدور «{isolated('المكان')}» من «{isolated('هجوم')}» إلا مُعبِّئًا واحدًا"
    )
    assert len(scene.project.event(event_id).arguments) == 3


def test_the_event_panel_names_a_refused_filler_by_the_schemas_names(scene: Scene, arabic: None) -> None:
    scene.controller.set_language("ar")
    create_attack(scene)
    scene.click_span("إدلب")
    press_role(scene, 3)  # Instrument takes weapons and vehicles, not a GPE
    assert panel_says(scene) == (
        f"لا يُعبَّأ الدور «{isolated('الأداة / السلاح')}» من «{isolated('هجوم')}» "
        f"بـ«{isolated('كيان جيوسياسي')}»؛ المسموح: {isolated('سلاح، مركبة')}"
    )


def test_the_panel_says_a_refusal_in_english_then_in_arabic_after_a_switch(scene: Scene) -> None:
    """The English window says the command line's sentence, schema ids and all."""
    build_attack(scene)
    scene.click_span("أمريكية")
    press_role(scene, 4)
    assert panel_says(scene) == "the role Place of Conflict.Attack takes one filler only"
    scene.click_span("أمريكية")
    press_role(scene, 1)
    assert panel_says(scene) == "that Attacker argument is there already"
    i18n.set_language(i18n.Language.ARABIC)
    try:
        scene.controller.set_language("ar")
        scene.click_span("أمريكية")
        press_role(scene, 4)
        assert panel_says(scene).startswith(f"لا يقبل الدور «{isolated('المكان')}»")
    finally:
        i18n.set_language(i18n.Language.ENGLISH)
