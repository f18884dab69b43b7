"""``--format auto``: the format told by name and content, and refusals that name the format the
file looks like and the flag to give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run
from workbench.cli import main
from workbench.core.errors import WorkbenchError
from workbench.formats.detection import detect_format

CONLL = "زار O\nمحمد B-PER\nبغداد B-LOC\n\nوصل O\n"


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "p.tawsim"
    assert run(capsys, "new", path, "--schema", "generic")[0] == 0
    return path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_conll_file_named_txt_is_imported_as_conll(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "import", project, write(tmp_path / "valid.txt", CONLL))
    assert code == 0
    assert "imported 1 new document, 2 spans" in out


def test_plain_text_named_txt_stays_plain_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "article.txt", "هاجم مسلحون قرية قرب الموصل.\nوقال محمد إن الهجوم أسفر."
    )
    assert detect_format([path]) == "txt"


@pytest.mark.parametrize("suffix", [".conll", ".tsv", ".txt", ".bio", ".iob"])
def test_a_folder_of_conll_files_is_conll(tmp_path: Path, suffix: str) -> None:
    folder = tmp_path / "corpus"
    for name in ("train", "test"):
        write(folder / f"{name}{suffix}", CONLL)
    assert detect_format([folder]) == "conll"


def test_a_folder_of_conll_files_imports(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "corpus"
    write(folder / "train.conll", CONLL)
    write(folder / "test.conll", CONLL.replace("محمد", "علي"))
    code, out, err = run(capsys, "import", project, folder)
    assert (code, err) == (0, "")
    assert "imported 2 new documents, 4 spans" in out


def test_a_doccano_file_with_auto_says_use_format_doccano(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {"id": 1, "text": "زار محمد بغداد", "label": [[4, 8, "PER"]], "Comments": []}
    path = write(tmp_path / "admin.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    code, _, err = run(capsys, "import", project, path)
    assert code == 1
    assert err.count("\n") == 1
    assert "looks like doccano JSONL" in err and "use --format doccano" in err
    code, out, _ = run(capsys, "import", project, path, "--format", "doccano")
    assert code == 0 and ", 1 span, " in out


def test_a_tsv_that_is_not_conll_is_refused_with_the_formats_to_give(tmp_path: Path) -> None:
    path = write(tmp_path / "table.tsv", "name\tcity\nمحمد\tبغداد\n")
    with pytest.raises(WorkbenchError, match=r"table\.tsv: .*not a token and tag.*--format txt"):
        detect_format([path])


def test_an_unknown_suffix_with_conll_lines_says_give_format_conll(tmp_path: Path) -> None:
    path = write(tmp_path / "train.ner", CONLL)
    with pytest.raises(WorkbenchError, match=r"looks like CoNLL.*give --format conll"):
        detect_format([path])


def test_files_of_two_formats_are_refused_naming_each(tmp_path: Path) -> None:
    conll_file = write(tmp_path / "a.conll", CONLL)
    text_file = write(tmp_path / "b.txt", "نص عادي بلا وسوم.")
    with pytest.raises(WorkbenchError, match=r"a\.conll looks like conll, .*b\.txt looks like txt"):
        detect_format([conll_file, text_file])


def test_a_line_of_only_a_tag_names_the_line_and_the_missing_token(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "test.txt", "محمد B-PER\n O\nبغداد B-LOC\n")
    code, _, err = run(capsys, "import", project, path)
    assert code == 1
    assert "test.txt, line 2: the line holds only 'O', a tag without its token" in err


def test_a_json_that_is_not_a_label_studio_export_says_what_it_looks_like(tmp_path: Path) -> None:
    doccano = write(tmp_path / "doccano.json", json.dumps([{"id": 1, "text": "x", "label": []}]))
    json_min = write(tmp_path / "min.json", json.dumps([{"text": "x", "label": [{"start": 0}]}]))
    with pytest.raises(WorkbenchError, match=r"looks like doccano's JSON export.*--format doccano"):
        detect_format([doccano])
    with pytest.raises(
        WorkbenchError, match=r"looks like Label Studio's JSON_MIN.*--format labelstudio"
    ):
        detect_format([json_min])
    studio = write(tmp_path / "ls.json", json.dumps([{"id": 1, "data": {"text": "x"}}]))
    assert detect_format([studio]) == "labelstudio"


def test_tag_columns_with_another_format_is_a_usage_error(tmp_path: Path, project: Path) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["import", str(project), str(tmp_path), "--format", "brat", "--tag-columns", "last"])
    assert usage.value.code == 2


def test_a_brat_folder_without_documents_is_named_brat_not_conll(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A brat export of an empty project holds brat's configuration and the file names' list
    (names.tsv), no .ann file: it is brat, and the import says there is no .ann file, not that a
    .tsv is not CoNLL."""
    empty = tmp_path / "empty.tawsim"
    assert run(capsys, "new", empty, "--schema", "generic")[0] == 0
    exported = tmp_path / "exported"
    assert run(capsys, "export", "--format", "brat", empty, exported)[0] == 0
    assert detect_format([exported]) == "brat"
    code, _, err = run(capsys, "import", project, exported)
    assert code == 1
    assert f"{exported}: the folder holds no .ann file" in err


def test_texts_beside_a_brat_configuration_without_ann_files_stay_plain_text(tmp_path: Path) -> None:
    folder = tmp_path / "collection"
    write(folder / "annotation.conf", "[entities]\nPER\n")
    write(folder / "article.txt", "هاجم مسلحون قرية قرب الموصل.")
    assert detect_format([folder]) == "txt"
