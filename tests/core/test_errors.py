from __future__ import annotations

from pathlib import Path

from workbench.core.errors import InputError, Place, WorkbenchError, one_line


def test_an_input_error_names_the_file_and_the_place() -> None:
    error = InputError(Path("in") / "news.jsonl", "not JSON", where=Place(line=3))
    assert str(error) == f"{Path('in') / 'news.jsonl'}, line 3: not JSON"
    assert (error.path, error.problem, error.where) == (Path("in/news.jsonl"), "not JSON", Place(line=3))
    assert str(InputError("news.txt", "empty")) == "news.txt: empty"
    assert isinstance(error, WorkbenchError)


def test_a_report_over_several_lines_becomes_one() -> None:
    assert one_line("*** in database main ***\n  Page 5: never used\n\n") == (
        "*** in database main *** Page 5: never used"
    )


def test_a_place_is_named_in_the_command_lines_words() -> None:
    assert str(Place(line=3, column=7)) == "line 3, column 7"
    assert str(Place(byte=11)) == "byte 11"
    assert str(Place(task=2)) == "task 2"
    assert str(Place(line=4, task=2, task_id=7, result_id="r1")) == "task 2 (id 7), line 4, result 'r1'"
