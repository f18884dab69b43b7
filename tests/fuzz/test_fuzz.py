"""Fuzzing every importer and the schema loader through the command line (see harness.py).

The bounded run is part of the normal suite: a few seeded cases per area, the same every time.
``pytest -m fuzz`` runs many more (``FUZZ_CASES`` per area, default 300) and prints the table of
tried, accepted, refused cleanly and failed cases per area.
"""

from __future__ import annotations

import os

import pytest

from tests.fuzz.harness import AREAS, Area, Fuzzer, Result, table
from tests.fuzz.mutations import Mutated

BOUNDED_CASES = 25


@pytest.fixture(scope="module")
def fuzzer(tmp_path_factory: pytest.TempPathFactory) -> Fuzzer:
    return Fuzzer(tmp_path_factory.mktemp("fuzz"))


def failures(results: list[Result]) -> str:
    return "\n".join(str(r) for r in results if r.outcome == "failed")


@pytest.mark.parametrize("area", AREAS, ids=lambda area: area.name)
def test_bounded_fuzz_keeps_every_promise(fuzzer: Fuzzer, area: Area) -> None:
    results = fuzzer.run_area(area, range(BOUNDED_CASES))
    assert not failures(results), failures(results)


@pytest.mark.fuzz
def test_long_fuzz_run(fuzzer: Fuzzer) -> None:
    cases = int(os.environ.get("FUZZ_CASES", "300"))
    results = [r for area in AREAS for r in fuzzer.run_area(area, range(cases))]
    print("\n" + table(results))
    failed = failures(results)
    if failed:
        print("\nfailures:\n" + failed)
    assert not failed


@pytest.mark.parametrize("area", AREAS, ids=lambda area: area.name)
def test_the_seeds_are_accepted(fuzzer: Fuzzer, area: Area) -> None:
    """Without a mutation every seed imports (or builds a project) and checks ok."""
    result = fuzzer.run(area, -1, Mutated(area.seed(), "none", in_child=False))
    assert result.outcome == "accepted", result
