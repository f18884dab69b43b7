"""The inspector offers a span only its label's attributes (issue 13, point 7): "Mention level:
Name" is no longer offered on a Date span of the default schema."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.window_scene import WindowScene, scene  # noqa: F401 (fixture)

Key = Qt.Key


def test_a_date_span_is_offered_no_mention_level(scene: WindowScene) -> None:
    scene.label_word("منظمة", Key.Key_2)
    inspector = scene.window.inspector
    assert inspector.attribute_combo("mention_level").currentData() == "NAM"
    date = inspector.label_combo.findData("DATE")
    inspector.label_combo.setCurrentIndex(date)
    inspector.label_combo.activated.emit(date)
    relabelled = scene.stored_spans()[0]
    assert (relabelled.label, relabelled.attributes) == ("DATE", {})
    assert inspector.span == relabelled
    with pytest.raises(KeyError):
        inspector.attribute_combo("mention_level")
