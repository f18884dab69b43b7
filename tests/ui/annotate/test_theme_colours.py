"""Label colours follow the theme (issue 13, point 1): the palette of ``core.schema.colours`` for
light or dark, chosen in View > Theme, and every place a label's colour shows takes it at once: the
text view's spans and triggers, the label and event palettes, the span list, the event panel, the
adjudication views. Label tags carry black or white text, whichever reads on their colour. Before,
the window drew the schema's (light) colours whatever the theme."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from tests.ui.lead.test_adjudication_view import view  # noqa: F401 (fixture)
from tests.ui.lead_scene import lead_project, lead_project_file  # noqa: F401 (fixtures)
from tests.ui.menu_clicks import choose_from_menu
from tests.ui.window_scene import WindowScene, scene  # noqa: F401 (fixture)
from workbench.core.schema import Schema
from workbench.core.schema.colours import label_colours
from workbench.core.suggestions import Suggestion, TakenSpans
from workbench.ui.annotate.tag_painting import DrawnTag, paint_tags
from workbench.ui.lead.adjudication_view import AdjudicationView
from workbench.ui.theme import Theme, theme_switch

Key = Qt.Key


@pytest.fixture(autouse=True)
def light_again(qapp: QApplication) -> Iterator[None]:
    yield
    theme_switch().set_theme(Theme.SYSTEM)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)


def shown_colours(scene: WindowScene, span_id: str, trigger_id: str) -> dict[str, str]:
    """A label's colour (ORG) and an event type's (Conflict.Attack) where the window shows them."""
    window = scene.window
    palette = window.label_palette.label_model
    organisation = next(row for row in range(palette.rowCount()) if palette.label_at(row).id == "ORG")
    spans = window.span_model
    span_row = next(row for row in range(spans.rowCount()) if spans.entry_at(row).id == span_id)
    attack_item = window.events.palette.list.item(0)
    return {
        "view": scene.view.span(span_id).color,  # type: ignore[union-attr]
        "label palette": palette.index(organisation, 0).data(Qt.ItemDataRole.DecorationRole).name(),
        "span list": spans.index(span_row, spans.LABEL).data(Qt.ItemDataRole.DecorationRole).name(),
        "trigger": scene.view.span(trigger_id).color,  # type: ignore[union-attr]
        "event palette": attack_item.icon().pixmap(8, 8).toImage().pixelColor(4, 4).name(),
        "event panel": window.events.panel.title.styleSheet().split("solid ")[1].split(";")[0],
    }


def expected(schema: Schema, theme: str) -> dict[str, str]:
    colours = label_colours(schema, theme)  # type: ignore[arg-type]
    organisation, attack = colours["ORG"], colours["Conflict.Attack"]
    return {
        "view": organisation, "label palette": organisation, "span list": organisation,
        "trigger": attack, "event palette": attack, "event panel": attack,
    }  # fmt: skip


def test_choosing_dark_and_light_recolours_every_view(scene: WindowScene) -> None:
    window, qtbot = scene.window, scene.qtbot
    span = scene.label_word("منظمة", Key.Key_2)
    start = scene.view.text.index("الضربة")
    scene.view.select_range(start, start + len("الضربة"))
    qtbot.keyClick(scene.view, Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    [trigger] = [s for s in scene.stored_spans() if s.label == "Conflict.Attack"]
    schema = window.schema
    assert label_colours(schema, "dark")["ORG"] != label_colours(schema, "light")["ORG"]
    assert shown_colours(scene, span.id, trigger.id) == expected(schema, "light")
    actions = window.menu_actions
    for theme in (Theme.DARK, Theme.LIGHT):
        choose_from_menu(qtbot, window, actions.menus["view"], actions.menus["theme"], actions.themes[theme])
        assert shown_colours(scene, span.id, trigger.id) == expected(schema, theme.value)


def test_the_adjudication_views_take_the_dark_colours(view: AdjudicationView) -> None:
    schema = view.project.schema
    theme_switch().set_theme(Theme.DARK)
    dark = label_colours(schema, "dark")
    gold_and_merged = [*view.gold_view.all_spans(), *view.merged_view.all_spans()]
    assert gold_and_merged
    assert {span.color for span in view.gold_view.all_spans()} <= set(dark.values())
    combo = view.label_combo
    person = combo.findData("PER")
    assert combo.itemIcon(person).pixmap(8, 8).toImage().pixelColor(4, 4).name() == dark["PER"]


@pytest.mark.parametrize(("colour", "text"), [("#7711ff", "#ffffff"), ("#ffcc00", "#000000")])
def test_a_tags_text_is_black_or_white_whichever_reads_on_its_colour(colour: str, text: str) -> None:
    image = QImage(60, 24, QImage.Format.Format_RGB32)
    image.fill(QColor("#808080"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(16)
    paint_tags(painter, [DrawnTag("s", QRectF(0, 0, 60, 24), "PER", colour, False)], font)
    painter.end()
    seen = {image.pixelColor(x, y).name() for x in range(60) for y in range(24)}
    assert text in seen
    assert ({"#000000", "#ffffff"} - {text}) & seen == set()


def test_the_suggestions_take_the_themes_colours_too(scene: WindowScene) -> None:
    window, qtbot = scene.window, scene.qtbot
    start = scene.view.text.index("منظمة")
    suggestion = Suggestion(start, start + len("منظمة"), "ORG")
    document = window.current_document_id or ""
    window.labelling.suggestions[document].offer([suggestion[:2]], "ORG", TakenSpans([]))
    window.labelling.show_suggestions()
    drawn = f"suggestion:{suggestion.start}:{suggestion.end}:ORG"
    actions = window.menu_actions
    for theme in (Theme.DARK, Theme.LIGHT):
        choose_from_menu(qtbot, window, actions.menus["view"], actions.menus["theme"], actions.themes[theme])
        shown = scene.view.suggestion(drawn)
        assert shown is not None and shown.color == label_colours(window.schema, theme.value)["ORG"]  # type: ignore[arg-type]
