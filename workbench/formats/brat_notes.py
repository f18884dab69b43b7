"""brat's ``#`` lines (notes) and the workbench's span notes, with the type of each note kept.

brat's own interface writes notes of the type ``AnnotatorNotes``; other tools write other types.
A span's note is free text, so the import keeps a note of another type as one line ``[TYPE] text``
of the span's note (several notes of a span are its lines), and the export writes each such line
back as a note of that type. The other lines are one ``AnnotatorNotes`` note: brat notes are one
line, so line breaks become spaces there, counted in the report.
"""

from __future__ import annotations

import re

from workbench.core.tokens import LINE_BREAKS

DEFAULT_NOTE_TYPE = "AnnotatorNotes"
_TYPED_NOTE = re.compile(r"\[([A-Za-z][A-Za-z0-9_-]*)\] (.*)")
LINE_BREAK = re.compile(f"[{re.escape(LINE_BREAKS)}]+")
"""A run of line breaks, which a brat note or a piece of a span cannot hold."""


def stored_note(note_type: str, note: str) -> str:
    """A brat note as a line of a span's note."""
    return note if note_type == DEFAULT_NOTE_TYPE else f"[{note_type}] {note}"


def brat_notes(note: str) -> tuple[list[tuple[str, str]], bool]:
    """A span's note as brat notes (type, one-line text), and whether line breaks were flattened."""
    typed: list[tuple[str, str]] = []
    plain: list[str] = []
    for line in note.split("\n") if note else []:
        found = _TYPED_NOTE.fullmatch(line)
        if found and found[1] != DEFAULT_NOTE_TYPE:
            typed.append((found[1], found[2]))
        else:
            plain.append(line)
    joined = "\n".join(plain)
    flat = LINE_BREAK.sub(" ", joined)
    return ([(DEFAULT_NOTE_TYPE, flat)] if plain else []) + typed, flat != joined
