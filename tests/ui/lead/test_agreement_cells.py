"""Numbers in the agreement dashboard's cells read left to right in the mirrored (Arabic) tables."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from workbench.core.schema import builtin_schema
from workbench.ui.lead.agreement_cells import score_cell
from workbench.ui.lead.agreement_tables import AgreementTables


def left_edge_in_right_to_left(text: str, position: int) -> float:
    """Where the character at ``position`` of ``text`` is drawn, laid out on one line of a
    right-to-left table cell."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(1000)
    layout.endLayout()
    [run] = layout.glyphRuns(position, 1)
    return run.boundingRect().left()


def test_a_negative_score_has_its_minus_sign_on_the_left(qapp: QApplication) -> None:
    text = score_cell({"kappa": -0.25, "undefined": {}}, ("kappa",)).text
    minus, digit = text.index("-"), text.index("0")
    assert left_edge_in_right_to_left(text, minus) < left_edge_in_right_to_left(text, digit)


def test_unmatched_over_annotations_reads_left_to_right(qapp: QApplication) -> None:
    report = {
        "undefined": {},
        "per_document": [
            {"document_id": "d1", "name": "d1.txt", "disagreement": 0.5, "unmatched": 3,
             "annotations": 10, "alpha_u": 0.5, "finished": ["amal", "badr"]},
        ],
    }
    tables = AgreementTables(builtin_schema("conflict-news"))
    text = tables.documents(report, report["per_document"], {}).rows[0][2].text
    three, ten = text.index("3"), text.index("10")
    assert left_edge_in_right_to_left(text, three) < left_edge_in_right_to_left(text, ten)
