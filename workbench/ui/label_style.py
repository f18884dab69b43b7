"""How a label looks in the text views: its colour (``core.schema.colours``' for the current theme,
light or dark; grey for a label the schema does not know) and its kind (a trigger when the label
is an event type, else an entity), and the one conversion of a span into the view's ``ViewSpan``.
The annotator's window, the event controller and the adjudication window all draw spans through
here.

Colours are read at the moment of drawing: whoever draws them draws again when the theme changes
(``guide_controller`` for the annotator's window). A label is never both an entity label and an
event type (the schema loader refuses it), so the order of the two lookups does not matter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from PySide6.QtGui import QColor

from workbench.core.schema import Schema
from workbench.core.schema.colours import Theme
from workbench.core.schema.colours import label_colours as themed_label_colours
from workbench.ui import i18n
from workbench.ui.annotate.view_span import SpanKind, ViewSpan
from workbench.ui.i18n import Language
from workbench.ui.theme import palette_is_dark

UNKNOWN_LABEL_COLOUR = "#9e9e9e"


class LabelledRange(Protocol):
    """What a span needs to be drawn: a ``Span`` or a ``SpanEntry``."""

    @property
    def id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...


_COLOURS: dict[tuple[int, Theme], tuple[Schema, dict[str, str]]] = {}
"""``label_colours`` by schema (its id, and the schema, so that a new one with the same id is not
taken for it) and theme: a dark schema colour of the schema's own costs CIEDE2000 steps."""


def current_theme() -> Theme:
    """The theme the application's palette is in now (View > Theme)."""
    return "dark" if palette_is_dark() else "light"


def label_colours(schema: Schema) -> dict[str, str]:
    """The colour of every label the schema knows (entity labels and event types) in the
    current theme."""
    key = (id(schema), current_theme())
    cached = _COLOURS.get(key)
    if cached is None or cached[0] is not schema:
        cached = _COLOURS[key] = (schema, themed_label_colours(schema, key[1]))
    return cached[1]


def label_colour(schema: Schema, label: str) -> str:
    return label_colours(schema).get(label, UNKNOWN_LABEL_COLOUR)


def tag_name(schema: Schema, label: str) -> str:
    """A label's short name on its tag, in the interface language: its Arabic name in an Arabic
    interface; else its id (PER, GPE), an event type's without its family (Attack)."""
    if i18n.current_language() is Language.ARABIC:
        if schema.has_entity(label):
            return schema.entity(label).ar
        if schema.has_event(label):
            return schema.event(label).ar
    return label.rsplit(".", 1)[-1]


def label_kind(schema: Schema, label: str) -> SpanKind:
    return "trigger" if schema.has_event(label) else "entity"


def label_style(
    schema: Schema, label: str, colours: Mapping[str, str] | None = None
) -> tuple[str, SpanKind]:
    """A label's colour (in ``colours`` when given, else in the theme of now) and kind in the view."""
    colour = label_colour(schema, label) if colours is None else colours.get(label, UNKNOWN_LABEL_COLOUR)
    return colour, label_kind(schema, label)


def label_display_name(schema: Schema, label: str) -> str:
    """An entity label's or event type's name in the interface language; else its id."""
    if schema.has_entity(label):
        return i18n.display_name(schema.entity(label))
    if schema.has_event(label):
        return i18n.display_name(schema.event(label))
    return label


def lighter(colour: str, share: float = 0.55) -> str:
    """``colour`` mixed with ``share`` of white."""
    base = QColor(colour)
    mixed = [round(c + (255 - c) * share) for c in (base.red(), base.green(), base.blue())]
    return QColor(*mixed).name()


def view_span(span: LabelledRange, schema: Schema) -> ViewSpan:
    """How the view draws a span: a trigger (its label is an event type) framed in the type's
    colour, an entity in its label's colour."""
    return _drawn(span, label_style(schema, span.label))


def view_spans(
    spans: Iterable[LabelledRange], schema: Schema, colours: Mapping[str, str] | None = None
) -> list[ViewSpan]:
    """``view_span`` of many spans (or span entries), looking each label's style up once; in
    ``colours`` (``label_colours`` of the theme, taken on the GUI thread) when given, so that
    a worker thread may run it (the theme is asked of the application's palette)."""
    styles: dict[str, tuple[str, SpanKind]] = {}
    shown = []
    for span in spans:
        style = styles.get(span.label)
        if style is None:
            style = styles[span.label] = label_style(schema, span.label, colours)
        shown.append(_drawn(span, style))
    return shown


def _drawn(span: LabelledRange, style: tuple[str, SpanKind]) -> ViewSpan:
    color, kind = style
    return ViewSpan(span.id, span.start, span.end, color, span.label, kind)
