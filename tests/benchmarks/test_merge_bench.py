"""Merging 10 annotators' packages of 1,000 documents each (30 spans a document).

Run with: uv run pytest tests/benchmarks/test_merge_bench.py -m benchmark -s
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.benchmarks.conftest import article_of
from workbench.core.model import AnnotatedDocument, AnnotationSet, Span, Status, make_document, new_id
from workbench.core.schema import builtin_schema
from workbench.store.packages import assign, merge_packages, write_package
from workbench.store.project import Project

PACKAGES = 10
DOCUMENTS_EACH = 1_000
SPANS_EACH = 30


def annotate(package_path: Path, annotator: str) -> None:
    """Give every document of the package 30 spans at a newer revision, as an annotator would."""
    with Project.open(package_path) as package:
        documents = [package.document(d.id) for d in package.documents()]
        package.conn.execute("DELETE FROM annotation_sets")
        step = len(documents[0].text) // SPANS_EACH
        package.add_documents(
            AnnotatedDocument(
                document,
                (AnnotationSet(
                    annotator,
                    tuple(
                        Span(new_id(), i * step, i * step + 5, "PER", document.text[i * step : i * step + 5])
                        for i in range(SPANS_EACH)
                    ),
                    status=Status.DONE,
                    revision=7,
                ),),
            )
            for document in documents
        )


@pytest.mark.benchmark
def test_merge_ten_packages(tmp_path: Path) -> None:
    lead_path = tmp_path / "lead.tawsim"
    with Project.create(lead_path, builtin_schema("generic")) as lead:
        lead.add_documents(
            AnnotatedDocument(make_document(f"d{n}", article_of(3_000, n)))
            for n in range(PACKAGES * DOCUMENTS_EACH)
        )
        ids = [d.id for d in lead.documents()]
        packages = []
        for number in range(PACKAGES):
            annotator = f"annotator{number}"
            assign(lead, annotator, ids[number * DOCUMENTS_EACH : (number + 1) * DOCUMENTS_EACH])
            path = tmp_path / f"{annotator}.tawsim"
            write_package(lead, annotator, path)
            annotate(path, annotator)
            packages.append(path)

        start, cpu_start = time.perf_counter(), time.process_time()
        summary = merge_packages(lead, packages)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        assert summary.replaced == PACKAGES * DOCUMENTS_EACH
        spans = lead.conn.execute("SELECT count(*) FROM spans").fetchone()[0]
        assert spans == PACKAGES * DOCUMENTS_EACH * SPANS_EACH

        start = time.perf_counter()
        again = merge_packages(lead, packages)
        repeat = time.perf_counter() - start
        assert again.replaced == 0
    print(
        f"\nmerge {PACKAGES} packages x {DOCUMENTS_EACH} documents x {SPANS_EACH} spans: "
        f"{elapsed:.2f} s wall, {cpu:.2f} s CPU (target < 10); "
        f"merging them again (no change): {repeat:.2f} s"
    )
