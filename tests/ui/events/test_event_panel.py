"""The event panel on its own: what it shows, and the requests it emits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.formats.builders import span_of
from tests.ui.window_waits import activate
from workbench.core.model import Argument, Event, Span
from workbench.core.schema import Schema
from workbench.ui.events.event_document import EventDocument
from workbench.ui.events.event_panel import EventPanel
from workbench.ui.events.event_text import Language
from workbench.ui.events.span_drag import SPAN_ID_MIME, span_id_from_mime, span_mime_data

TEXT = "استهداف غارة أمريكية لجهادي أجنبي في إدلب"


def span(span_id: str, words: str, label: str) -> Span:
    return span_of(TEXT, words, label, span_id=span_id)


@pytest.fixture
def document() -> EventDocument:
    spans = [
        span("trigger", "غارة", "Conflict.Attack"),
        span("us", "أمريكية", "GPE"),
        span("idlib", "إدلب", "GPE"),
    ]
    document = EventDocument("doc", {s.id: s for s in spans})
    arguments = (Argument("Attacker", span_id="us"), Argument("Place", span_id="idlib"))
    document.put_event(
        Event("attack", "Conflict.Attack", "trigger", arguments, {"polarity": "NEGATIVE"})
    )
    return document


@pytest.fixture
def panel(qtbot: QtBot, conflict_news: Schema, document: EventDocument) -> EventPanel:
    widget = EventPanel(conflict_news)
    widget.resize(500, 900)
    qtbot.addWidget(widget)
    widget.show_event(document.events["attack"], document)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def texts(panel: EventPanel) -> list[str]:
    return [label.text() for label in panel.findChildren(QLabel) if label.text()]


def test_the_panel_shows_type_trigger_roles_fillers_and_flags(panel: EventPanel) -> None:
    assert panel.title.text() == "Attack · هجوم"
    assert "غارة" in panel.trigger.text()
    assert panel.role_button("Attacker").text() == "Alt+1   Attacker · المهاجِم"
    assert panel.role_button("Time").text().startswith("Alt+5")
    shown = texts(panel)
    assert "required · repeatable" in shown  # Target
    assert shown.count("optional · one filler") == 2  # Place, Time
    assert "Geo-political entity: «أمريكية»" in shown
    assert "Geo-political entity: «إدلب»" in shown
    assert any(text.startswith("Fillers: Weapon, Vehicle") for text in shown)  # Instrument
    assert {"Polarity", "Attack method"} <= set(shown)  # the attributes' names


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_role_s_fillers_take_one_line_however_narrow_the_panel(
    qtbot: QtBot, panel: EventPanel, document: EventDocument, language: Language
) -> None:
    """Wrapped, a role's list of fillers took two or three lines, so the roles' height followed
    the font: with Noto Sans the last role of an attack fell below the panel beside the text.
    It is one line, ended by an ellipsis where the panel cuts it, whole in its tooltip."""
    panel.set_language(language)
    panel.show_event(document.events["attack"], document)
    panel.resize(260, 900)

    def fillers() -> list[QLabel]:  # the interface's strings are English here; the names not
        return [label for label in panel.findChildren(QLabel) if label.text().startswith("Fillers:")]

    qtbot.waitUntil(lambda: len(fillers()) == 5 and any(label.text().endswith("…") for label in fillers()))
    assert all(label.height() < 2 * label.fontMetrics().lineSpacing() for label in fillers())
    for cut in (label for label in fillers() if label.text().endswith("…")):
        shown = cut.text().removesuffix("…").removesuffix("\u200d")  # a cut Arabic letter joins on
        assert cut.toolTip().startswith(shown) and len(cut.toolTip()) > len(shown)


def test_arabic_names_in_arabic(panel: EventPanel, document: EventDocument) -> None:
    panel.set_language("ar")
    panel.show_event(document.events["attack"], document)
    assert panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "كيان جيوسياسي: «إدلب»" in texts(panel)
    assert panel.title.text() == "هجوم · Attack"
    assert panel.attribute_combo("polarity").currentText() == "منفي"
    assert {"الإثبات والنفي", "أسلوب الهجوم"} <= set(texts(panel))  # the attributes' names


def test_a_role_button_and_its_hotkey_request_an_argument(qtbot: QtBot, panel: EventPanel) -> None:
    with qtbot.waitSignal(panel.argumentRequested) as blocker:
        qtbot.mouseClick(panel.role_button("Target"), Qt.MouseButton.LeftButton)
    assert blocker.args == ["attack", "Target"]
    activate(qtbot, panel)
    with qtbot.waitSignal(panel.argumentRequested) as blocker:
        qtbot.keyClick(panel, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == ["attack", "Place"]


def test_an_armed_role_is_checked_with_its_prompt(panel: EventPanel) -> None:
    panel.set_armed_role("Target", "Click a span")
    assert panel.role_button("Target").isChecked()
    assert not panel.role_button("Place").isChecked()
    assert panel.message.text() == "Click a span"
    panel.set_armed_role(None)
    assert not panel.role_button("Target").isChecked()
    assert not panel.message.isVisible()


def test_a_remove_button_requests_the_fillers_removal(qtbot: QtBot, panel: EventPanel) -> None:
    with qtbot.waitSignal(panel.argumentRemovalRequested) as blocker:
        qtbot.mouseClick(panel.remove_button("Place", "idlib"), Qt.MouseButton.LeftButton)
    assert blocker.args == ["attack", "Place", "idlib"]


def test_a_span_dropped_on_a_role_requests_it(qtbot: QtBot, panel: EventPanel) -> None:
    box = panel.role_box_of("Target")
    mime = span_mime_data("us")
    point = QPoint(10, 10)
    enter = QDragEnterEvent(
        point, Qt.DropAction.LinkAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(box, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(point), Qt.DropAction.LinkAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    with qtbot.waitSignal(panel.argumentDropped) as blocker:
        QApplication.sendEvent(box, drop)
    assert blocker.args == ["attack", "Target", "us"]


def test_other_drags_are_refused(panel: EventPanel) -> None:
    mime = span_mime_data("us")
    mime.removeFormat(mime.formats()[0])
    mime.setText("إدلب")
    enter = QDragEnterEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    enter.ignore()
    QApplication.sendEvent(panel.role_box_of("Target"), enter)
    assert not enter.isAccepted()


def test_attributes_show_values_and_defaults_and_report_changes(
    qtbot: QtBot, panel: EventPanel
) -> None:
    assert panel.attribute_combo("polarity").currentData() == "NEGATIVE"
    tense = panel.attribute_combo("tense")
    assert tense.currentText() == "—" and tense.count() == 5  # not set on this event
    method = panel.attribute_combo("attack_method")
    assert method.itemText(0) == "—" and method.count() == 15  # no default: "unset" first
    with qtbot.waitSignal(panel.attributesEdited) as blocker:
        qtbot.keyClick(tense, Qt.Key.Key_Down)
    assert blocker.args == ["attack", {"polarity": "NEGATIVE", "tense": "PAST"}]
    assert panel.attribute_combo("polarity").count() == 2  # set: no "unset" item


def test_a_refusal_is_shown_until_cleared(panel: EventPanel, document: EventDocument) -> None:
    panel.show_refusal("the role 'Instrument' cannot be filled by 'GPE'")
    assert panel.message.isVisible() and "Instrument" in panel.message.text()
    panel.show_event(document.events["attack"], document)  # the same event again: kept
    assert panel.message.isVisible()
    panel.show_event(None, document)
    assert not panel.message.isVisible()
    assert panel.title.text() == "No event selected"


def test_the_drag_payload_is_the_span_id_under_its_own_mime_type(qapp: QApplication) -> None:
    mime = span_mime_data("0f3c-ab")
    assert mime.formats() == [SPAN_ID_MIME] and not mime.hasText()
    assert span_id_from_mime(mime) == "0f3c-ab"
    text_only = QMimeData()
    text_only.setText("0f3c-ab")
    assert span_id_from_mime(text_only) is None
