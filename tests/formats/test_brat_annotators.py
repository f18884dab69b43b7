"""Annotators' names in brat file names (NAME@ANNOTATOR), and the files of one document grouped."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.errors import InputError
from workbench.core.model import AnnotationSet
from workbench.formats.brat_annotators import annotator_of, annotator_part, by_document, joined_document


@pytest.mark.parametrize(
    ("annotator", "part"),
    [
        ("amal", "amal"),
        ("أمل", "أمل"),
        ("amal@example.org", "amal%40example.org"),
        ("50%", "50%25"),
        ("a/b", "a%2Fb"),
    ],
)
def test_every_annotator_name_comes_back_from_its_file_name(annotator: str, part: str) -> None:
    assert annotator_part(annotator) == part
    assert annotator_of(Path(f"news@{part}.ann")) == annotator


def test_the_files_of_one_name_in_one_folder_are_one_group(tmp_path: Path) -> None:
    files = [
        tmp_path / "a" / "news@amal.ann",
        tmp_path / "a" / "other.ann",
        tmp_path / "a" / "news@badr.ann",
        tmp_path / "b" / "news@amal.ann",  # another folder: another document
        tmp_path / "a" / "@lone.ann",  # no name before the @: a file of its own
    ]
    assert by_document(files) == [[files[0], files[2]], [files[1]], [files[3]], [files[4]]]


def test_joined_sets_refuse_one_annotator_name_for_all(tmp_path: Path) -> None:
    files = [tmp_path / "news@amal.ann", tmp_path / "news@badr.ann"]
    sets = [AnnotationSet("amal"), AnnotationSet("badr")]
    joined = joined_document(files, "نص", sets, None)
    assert (joined.document.name, [s.annotator for s in joined.sets]) == ("news", ["amal", "badr"])
    with pytest.raises(InputError, match="2 annotators of one document"):
        joined_document(files, "نص", sets, "lead")
