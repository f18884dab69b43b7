"""Numbers in the agreement dashboard's cells read left to right in the mirrored (Arabic) tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from tests.ui.bidi_layout import reads_left_to_right
from workbench.core.schema import builtin_schema
from workbench.ui.i18n import Language, set_language
from workbench.ui.lead.agreement_cells import score_cell
from workbench.ui.lead.agreement_tables import AgreementTables


def test_a_negative_score_has_its_minus_sign_on_the_left(qapp: QApplication) -> None:
    text = score_cell({"kappa": -0.25, "undefined": {}}, ("kappa",)).text
    assert reads_left_to_right(text, "-", "0")


def test_unmatched_over_annotations_reads_left_to_right(qapp: QApplication) -> None:
    report: dict[str, Any] = {
        "undefined": {},
        "per_document": [
            {"document_id": "d1", "name": "d1.txt", "disagreement": 0.5, "unmatched": 3,
             "annotations": 10, "alpha_u": 0.5, "finished": ["amal", "badr"]},
        ],
    }
    tables = AgreementTables(builtin_schema("conflict-news"))
    text = tables.documents(report, report["per_document"], {}).rows[0][2].text
    assert reads_left_to_right(text, "3", "10")


def test_an_undefined_score_reads_in_the_interfaces_language(qapp: QApplication) -> None:
    undefined = {"kappa": None, "undefined": {"/kappa": "no variation"}}
    assert score_cell(undefined, ("kappa",)).text == "n/a"
    set_language(Language.ARABIC)
    try:
        cell = score_cell(undefined, ("kappa",))
    finally:
        set_language(Language.ENGLISH)
    assert (cell.text, cell.tooltip) == ("غير معرَّف", "no variation")
