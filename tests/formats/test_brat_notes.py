"""brat notes of every type in a span's note, and back."""

from __future__ import annotations

from workbench.formats.brat_notes import DEFAULT_NOTE_TYPE, brat_notes, stored_note


def test_typed_notes_become_lines_of_the_span_note_and_come_back() -> None:
    lines = [stored_note(DEFAULT_NOTE_TYPE, "تحقق من الاسم"), stored_note("Reviewer", "ok")]
    assert lines == ["تحقق من الاسم", "[Reviewer] ok"]
    notes, flattened = brat_notes("\n".join(lines))
    assert notes == [(DEFAULT_NOTE_TYPE, "تحقق من الاسم"), ("Reviewer", "ok")]
    assert not flattened


def test_plain_lines_are_one_annotator_note_with_their_breaks_flattened() -> None:
    notes, flattened = brat_notes("first\nsecond\u2028third\n[AnnotatorNotes] fourth")
    assert notes == [(DEFAULT_NOTE_TYPE, "first second third [AnnotatorNotes] fourth")]
    assert flattened


def test_no_note_is_no_brat_note() -> None:
    assert brat_notes("") == ([], False)
    assert brat_notes("[Bad type] text") == ([(DEFAULT_NOTE_TYPE, "[Bad type] text")], False)
