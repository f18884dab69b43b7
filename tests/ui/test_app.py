"""Starting the GUI: the annotator's name and where it comes from."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QInputDialog, QStyledItemDelegate, QTableView

from tests.ui.window_scene import ini_settings
from workbench.ui.app import ANNOTATOR_ENV, application, resolve_annotator
from workbench.ui.settings import WorkbenchSettings


@pytest.fixture
def settings(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WorkbenchSettings:
    monkeypatch.delenv(ANNOTATOR_ENV, raising=False)
    return ini_settings(tmp_path / "settings.ini")


def answer_name(monkeypatch: pytest.MonkeyPatch, name: str, accepted: bool = True) -> list[str]:
    """Answer the name dialog with ``name``; the returned list records each time it was asked."""
    asked: list[str] = []

    def get_text(*args: object) -> tuple[str, bool]:
        asked.append(str(args[2]))
        return name, accepted

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return asked


def test_the_name_is_asked_once_and_then_remembered(
    settings: WorkbenchSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_name(monkeypatch, "  salma ")
    assert resolve_annotator(None, settings) == "salma"
    assert resolve_annotator(None, settings) == "salma"
    assert len(asked) == 1
    assert settings.annotator() == "salma"


def test_a_cancelled_question_gives_no_name(settings: WorkbenchSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    answer_name(monkeypatch, "salma", accepted=False)
    assert resolve_annotator(None, settings) is None
    assert settings.annotator() is None


def test_package_then_given_then_environment_then_remembered(
    settings: WorkbenchSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_name(monkeypatch, "never")
    settings.set_annotator("remembered")
    assert resolve_annotator(None, settings, package_owner="amal") == "amal"
    assert resolve_annotator(None, settings) == "amal"  # the package's name is remembered now
    monkeypatch.setenv(ANNOTATOR_ENV, "from-env")
    assert resolve_annotator(None, settings) == "from-env"
    assert resolve_annotator("given", settings) == "given"
    assert asked == []


def test_a_package_opens_as_its_annotator_whatever_name_is_given(
    settings: WorkbenchSettings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Work done in amal's package under another name could never be merged back (merge refuses
    a package holding anyone else's sets), so neither the environment nor --annotator renames it."""
    monkeypatch.setenv(ANNOTATOR_ENV, "from-env")
    assert resolve_annotator(None, settings, package_owner="amal") == "amal"
    assert resolve_annotator("given", settings, package_owner="amal") == "amal"
    assert capsys.readouterr().err.splitlines() == [
        "a package written for 'amal' opens as 'amal', not as 'from-env'",
        "a package written for 'amal' opens as 'amal', not as 'given'",
    ]


def test_settings_made_without_a_store_stay_in_the_tests_folder(tmp_path: Path, qapp: QApplication) -> None:
    settings = WorkbenchSettings()
    settings.set_annotator("somebody")
    settings.sync()
    assert Path(settings.store.fileName()).is_relative_to(tmp_path)
    assert QSettings().value("annotator") == "somebody"


def shown_in_a_table(number: int) -> str:
    """How a new table writes an integer cell."""
    model = QStandardItemModel(1, 1)
    model.setData(model.index(0, 0), number)
    table = QTableView()
    table.setModel(model)
    delegate = table.itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)
    return delegate.displayText(model.index(0, 0).data(), table.locale())


@pytest.mark.parametrize(("system", "written_by_qt"), [("ar_EG", "١٬١٧٦"), ("en_US", "1,176")])
def test_tables_write_numbers_as_the_program_does_whatever_the_system_locale(
    qapp: QApplication, system: str, written_by_qt: str
) -> None:
    """A span's start in the span list reads as in the inspector, the exports and the command
    line: 1176."""
    before = QLocale()
    QLocale.setDefault(QLocale(system))  # the system's, which Qt's default is
    try:
        assert shown_in_a_table(1176) == written_by_qt
        assert application() is qapp
        assert shown_in_a_table(1176) == "1176"
        assert shown_in_a_table(2_000_000) == "2000000"
    finally:
        QLocale.setDefault(before)
