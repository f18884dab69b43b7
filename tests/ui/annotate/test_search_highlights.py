"""Search matches: highlighted only while the search panel is open, in a colour no label uses
(issue 12, point 8)."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton

from tests.ui.annotate.test_main_window import commit_text
from tests.ui.annotate.test_text_view import background_point, rendered, tint_at
from tests.ui.window_scene import WindowScene, scene  # noqa: F401 (fixture)
from workbench.core.schema import BUILTIN_SCHEMAS, builtin_schema
from workbench.ui.annotate.span_painting import BACKGROUND_ALPHA, MATCH_ALPHA, SELECTED_BACKGROUND_ALPHA
from workbench.ui.annotate.view_span import HIGHLIGHT_COLORS

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
QUERY = "الرئيس"
MIN_DISTANCE = 40.0
"""CIE76 colour difference: about 2 is just noticeable, over 40 reads as another colour."""


def label_colors() -> set[str]:
    """Every entity and event type colour of every built-in schema."""
    colors = set()
    for name in BUILTIN_SCHEMAS:
        schema = builtin_schema(name)
        colors |= {entity.color.lower() for entity in schema.entity_types}
        colors |= {event.color.lower() for event in schema.event_types}
    return colors


def on_white(color: str, alpha: int) -> QColor:
    """``color`` painted with ``alpha`` over the view's white page."""
    opaque = QColor(color)
    mix = alpha / 255
    channels = (opaque.red(), opaque.green(), opaque.blue())
    return QColor(*(round(channel * mix + 255 * (1 - mix)) for channel in channels))


def lab(color: QColor) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (color.redF(), color.greenF(), color.blueF()))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def distance(first: QColor, second: QColor) -> float:
    return math.dist(lab(first), lab(second))


def test_the_match_colour_is_far_from_every_label_colour_as_drawn() -> None:
    match = HIGHLIGHT_COLORS["match"]
    colors = label_colors()
    assert len(colors) > 40
    nearest = min(distance(QColor(match), QColor(color)) for color in colors)
    assert nearest >= MIN_DISTANCE
    drawn = on_white(match, MATCH_ALPHA)
    label_backgrounds = [
        on_white(color, alpha) for color in colors for alpha in (BACKGROUND_ALPHA, SELECTED_BACKGROUND_ALPHA)
    ]
    assert min(distance(drawn, background) for background in label_backgrounds) >= MIN_DISTANCE


def tint_at_query(window_scene: WindowScene) -> QColor:
    view = window_scene.view
    return tint_at(rendered(view), background_point(view, view.text.index(QUERY)))


def test_closing_the_search_panel_takes_the_highlights_from_every_document(
    scene: WindowScene,
) -> None:
    window, panel = scene.window, scene.window.search_panel
    scene.open("third")
    plain_third = tint_at_query(scene)
    scene.open("mixed")
    plain_mixed = tint_at_query(scene)

    scene.press(Key.Key_F, CTRL)
    panel.scope.setCurrentIndex(1)  # all documents
    commit_text(panel.field, QUERY)
    scene.qtbot.keyClick(panel.field, Key.Key_Return)
    assert {match.document_id for match in panel.matches()} == {
        scene.document_id(name) for name in ("mixed", "harakat", "third")
    }
    scene.open("third")  # shown afresh: the match is highlighted, not selected
    assert tint_at_query(scene) != plain_third

    close = window.docks["search"].findChild(QAbstractButton, "qt_dockwidget_closebutton")
    scene.qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert window.docks["search"].isHidden()
    assert tint_at_query(scene) == plain_third
    scene.open("mixed")
    assert tint_at_query(scene) == plain_mixed

    scene.press(Key.Key_F, CTRL)  # the panel, its matches and their highlights come back
    assert tint_at_query(scene) != plain_mixed
