"""Seeded fuzzing of `workbench merge` with crafted and mutated packages (issue 10, point 8).

Each trial takes a genuine package (a span, an event and its argument on a newer set), mutates it
(byte flips, truncation, swapped columns, values of another type, huge numbers, surrogates and
invalid UTF-8 in text, deleted rows, views and triggers) and merges it into a fresh copy of the
lead's project. The promises: exit 0 or 1; a refusal is exactly one line on stderr naming the
package and leaves every row of the project as it was; an acceptance prints nothing on stderr;
`workbench check` finds the project sound either way.

The bounded run is part of the normal suite; ``-m fuzz`` runs a long one and prints the counts.
"""

from __future__ import annotations

import contextlib
import io
import random
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.store.package_files import annotated_package, edit, lead_project, rows_digest
from workbench.cli import main
from workbench.store.project import Project

TABLES = ("meta", "documents", "annotators", "annotation_sets", "spans", "events", "arguments")

ODD_VALUES = (
    "'x'", "3.5", "X'00ff'", "NULL", "0", "-1", "9223372036854775807", "-9223372036854775808",
    "1e308", "CAST(X'EDA080' AS TEXT)", "CAST(X'FF' AS TEXT)", "'gold'", "'badr'", "'{}'", "'[]'",
    "'{\"mention_level\": \"NAM\"}'", "'{\"mention_level\": 5}'", "'" + "[" * 5000 + "'",
    "'محمد'", "'PER'", "'Conflict.Attack'", "'Attacker'", "'done'", "'\u202e'",
)


@dataclass
class Tally:
    tried: int = 0
    accepted: int = 0
    refused: int = 0
    failures: list[str] = field(default_factory=list)


Mutation = Callable[[random.Random, Path], None]


def flip_bytes(rng: random.Random, path: Path) -> None:
    data = bytearray(path.read_bytes())
    for _ in range(rng.randint(1, 16)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


def truncate(rng: random.Random, path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: rng.randrange(len(data))])


def swap_columns(rng: random.Random, path: Path) -> None:
    table = rng.choice(TABLES)
    first, second = rng.sample(_columns(path, table), 2)
    edit(path, f'UPDATE "{table}" SET "{first}" = "{second}", "{second}" = "{first}"')


def odd_value(rng: random.Random, path: Path) -> None:
    table = rng.choice(TABLES)
    column = rng.choice(_columns(path, table))
    edit(path, f'UPDATE "{table}" SET "{column}" = {rng.choice(ODD_VALUES)} '
               f"WHERE rowid = (SELECT rowid FROM \"{table}\" LIMIT 1 OFFSET {rng.randrange(3)})")


def delete_rows(rng: random.Random, path: Path) -> None:
    edit(path, f'DELETE FROM "{rng.choice(TABLES)}" WHERE rowid % {rng.randint(1, 3)} = 0')


def add_code(rng: random.Random, path: Path) -> None:
    edit(path, rng.choice([
        "CREATE VIEW v AS SELECT * FROM spans",
        "CREATE TRIGGER t AFTER UPDATE ON meta BEGIN SELECT 1; END",
        "CREATE VIRTUAL TABLE f USING fts5(x)",
        "PRAGMA foreign_keys = OFF; DROP TABLE events; CREATE VIEW events AS SELECT * FROM spans",
        "ALTER TABLE annotation_sets ADD COLUMN extra TEXT",
        "ALTER TABLE spans RENAME COLUMN note TO remark",
    ]))


SQL_MUTATIONS: tuple[Mutation, ...] = (swap_columns, odd_value, odd_value, delete_rows, add_code)


def _columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    finally:
        conn.close()


def mutate(rng: random.Random, path: Path) -> None:
    """One to three SQL edits, then now and then damage to the bytes of the file."""
    for mutation in rng.choices(SQL_MUTATIONS, k=rng.randint(1, 3)):
        with suppress(sqlite3.Error):  # an edit the file's own constraints refuse: no change
            mutation(rng, path)
    if rng.random() < 0.3:
        rng.choice((flip_bytes, truncate))(rng, path)


def run_trials(originals: tuple[Path, Path], folder: Path, trials: int, seed: int) -> Tally:
    lead_original, package_original = originals
    lead, package = folder / "lead.tawsim", folder / "amal.tawsim"
    tally = Tally()
    for trial in range(trials):
        for copy in folder.iterdir():
            copy.unlink()
        shutil.copy(lead_original, lead)
        shutil.copy(package_original, package)
        rng = random.Random(seed * 1_000_003 + trial)
        mutate(rng, package)
        failure = _merge_trial(lead, package, tally)
        if failure:
            tally.failures.append(f"seed {seed} trial {trial}: {failure}")
        tally.tried += 1
    return tally


def _merge_trial(lead: Path, package: Path, tally: Tally) -> str | None:
    """The failure of one trial's promises, or None when they were kept."""
    before = _digest(lead)
    code, err = _cli(["merge", str(lead), str(package)])
    lines = err.splitlines()
    if code == 0 and not lines:
        tally.accepted += 1
    elif code == 1 and len(lines) == 1 and str(package) in lines[0] and "unexpected" not in lines[0]:
        if _digest(lead) != before:
            return f"refused but the project changed: {lines[0]}"
        tally.refused += 1
    else:
        return f"exit {code}, stderr {err!r}"
    code, err = _cli(["check", str(lead)])
    return None if code == 0 else f"check after the merge: {err!r}"


def _cli(argv: list[str]) -> tuple[int, str]:
    """Run the command line in this process; returns (exit code, stderr)."""
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(argv)
    return code, err.getvalue()


def _digest(path: Path) -> str:
    with Project.open(path, readonly=True) as project:
        return rows_digest(project)


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("originals")
    with lead_project(folder) as lead:
        package = annotated_package(lead, "amal", folder)
        lead_path = lead.path
    return lead_path, package


def test_merging_mutated_packages_keeps_the_promises(
    originals: tuple[Path, Path], tmp_path: Path
) -> None:
    tally = run_trials(originals, tmp_path, trials=200, seed=1)
    assert tally.failures == []
    assert tally.refused > tally.tried // 2 and tally.accepted > 0  # the mutations reach both ends


@pytest.mark.fuzz
def test_merging_mutated_packages_long_run(originals: tuple[Path, Path], tmp_path: Path) -> None:
    tally = Tally()
    for seed in range(2, 12):
        found = run_trials(originals, tmp_path, trials=300, seed=seed)
        tally.tried += found.tried
        tally.accepted += found.accepted
        tally.refused += found.refused
        tally.failures += found.failures
    print(
        f"\nmerge fuzz: tried {tally.tried}, accepted {tally.accepted}, "
        f"refused cleanly {tally.refused}, failed {len(tally.failures)}"
    )
    for failure in tally.failures[:20]:
        print(f"  {failure}")
    assert tally.failures == []
