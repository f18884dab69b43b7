from __future__ import annotations

import copy
import pickle
from pathlib import Path

from workbench.core.errors import InputError, Place, Problem, SchemaError, WorkbenchError, one_line, problem_of


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


def test_a_problem_is_its_english_sentence_and_keeps_what_it_was_made_of() -> None:
    template = "the label {label!r} is mapped twice (first on line {line})"
    problem = Problem(template, label="PER", line=3)
    assert problem == "the label 'PER' is mapped twice (first on line 3)"
    assert (problem.template, problem.values) == (template, {"label": "PER", "line": 3})
    assert str(InputError("map.tsv", problem)) == "map.tsv: the label 'PER' is mapped twice (first on line 3)"


def test_a_copied_problem_is_made_again_of_its_template_not_of_its_sentence() -> None:
    """The sentence may hold braces of the file's own ({"text": ...}), which are no template."""
    problem = Problem("{owner!r} has no attribute {name!r}", owner="{x}", name="n")
    for copied in (copy.deepcopy(problem), pickle.loads(pickle.dumps(problem))):
        assert (copied, copied.template, copied.values) == (problem, problem.template, problem.values)
        assert type(copied) is Problem


def test_the_problem_of_an_error_is_the_problem_it_was_made_of() -> None:
    problem = Problem("the annotator's name is blank")
    assert problem_of(SchemaError(problem)) is problem
    assert problem_of(ValueError("not a tag")) == "not a tag"
    assert problem_of(SchemaError("several", "arguments")) == "('several', 'arguments')"
