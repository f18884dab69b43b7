from __future__ import annotations

from workbench.core.transliteration import to_buckwalter


def test_arabic_letters_become_buckwalter_and_the_rest_passes_through() -> None:
    assert to_buckwalter("محمد") == "mHmd"
    # diacritics too, each where it stands: damma, fatha, shadda then fatha
    assert to_buckwalter("\u0645\u064f\u062d\u064e\u0645\u0651\u064e\u062f") == "muHam~ad"
    assert to_buckwalter("قال Ali 42 😀") == "qAl Ali 42 😀"
