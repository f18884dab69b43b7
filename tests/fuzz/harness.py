"""Running one fuzzed case through the real command line and judging it by the CLI's promises.

A case is accepted when the command exits 0 and ``workbench check`` then calls the project ok. It
is refused cleanly when the command exits 1 with exactly one line on stderr, ``workbench: error:``
and the input file's path, not the CLI's "unexpected ..." of a bug, and the project's rows are as they were (for
``new``: no file left behind). Anything else is a failure: another exit code, a traceback, several
lines, a message that names no input, a changed project, a crash, or a case that takes too long.

Cases run in-process through ``workbench.cli.main`` (fast); those that could crash the interpreter
run in a child process.
"""

from __future__ import annotations

import hashlib
import io
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO_ROOT
from tests.fuzz import seeds
from tests.fuzz.mutations import Mutated, mutate
from workbench.cli import main

CASE_SECONDS = 30
"""A case that takes longer has hung (the slowest clean refusal takes well under a second)."""

CHILD = "import sys; from workbench.cli import main; sys.exit(main(sys.argv[1:]))"


@dataclass(frozen=True)
class Area:
    name: str
    seed: Callable[[], seeds.Files]
    target: str
    """The file or folder of the seed given to the command."""
    format: str | None
    """The import format; None for a schema given to ``workbench new``."""


AREAS = [
    Area("txt", seeds.txt_seed, "news", "txt"),
    Area("jsonl", seeds.jsonl_seed, "in.jsonl", "jsonl"),
    Area("conll", seeds.conll_seed, "in.conll", "conll"),
    Area("brat", seeds.brat_seed, "brat", "brat"),
    Area("doccano", seeds.doccano_seed, "in.jsonl", "doccano"),
    Area("labelstudio", seeds.labelstudio_seed, "tasks.json", "labelstudio"),
    Area("schema-yaml", seeds.schema_yaml_seed, "schema.yaml", None),
    Area("schema-json", seeds.schema_json_seed, "schema.json", None),
]


@dataclass(frozen=True)
class Result:
    area: str
    case: int
    mutation: str
    outcome: str
    """accepted, refused or failed"""
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.area} case {self.case}: {self.mutation}: {self.outcome} {self.detail}"


class Fuzzer:
    """Runs cases in ``workdir``, each on a fresh copy of one empty project."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.template = workdir / "template.tawsim"
        if not self.template.exists():
            code, _, err = run_in_process(["new", str(self.template)])
            assert code == 0, err

    def run_area(self, area: Area, cases: Sequence[int]) -> list[Result]:
        return [self.run_case(area, case) for case in cases]

    def run_case(self, area: Area, case: int) -> Result:
        return self.run(area, case, mutate(area.seed(), random.Random(f"{area.name}:{case}")))

    def run(self, area: Area, case: int, mutated: Mutated) -> Result:
        folder = self.workdir / f"{area.name}-{case}"
        shutil.rmtree(folder, ignore_errors=True)
        try:
            outcome, detail = self._judge(area, mutated, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return Result(area.name, case, mutated.mutation, outcome, detail)

    def _judge(self, area: Area, mutated: Mutated, folder: Path) -> tuple[str, str]:
        inputs = folder / "input"
        for name, data in mutated.files.items():
            (inputs / name).parent.mkdir(parents=True, exist_ok=True)
            (inputs / name).write_bytes(data)
        project = folder / "p.tawsim"
        target = str(inputs / area.target)
        if area.format is None:
            argv = ["new", str(project), "--schema", target]
        else:
            shutil.copyfile(self.template, project)
            argv = ["import", str(project), target, "--format", area.format]
        before = rows_digest(project)
        run = run_in_child if mutated.in_child else run_in_process
        code, _, err = run(argv)
        if code == 0:
            check_code, _, check_err = run_in_process(["check", str(project)])
            return ("accepted", "") if check_code == 0 else ("failed", f"check: {check_err.strip()}")
        problem = refusal_problem(code, err, str(inputs))
        if problem is None and rows_digest(project) != before:
            problem = "the project changed although the command was refused"
        if problem is None and area.format is None and any(folder.glob("*.tawsim*")) | any(folder.glob(".p.*")):
            problem = "a refused new left a file behind"
        return ("refused", "") if problem is None else ("failed", problem)


def refusal_problem(code: int, err: str, input_path: str) -> str | None:
    """What breaks the promise of a refusal; None when it is kept."""
    lines = err.splitlines()
    if code != 1:
        return f"exit {code}: {err[-300:]!r}"
    if len(lines) != 1:
        return f"{len(lines)} lines on stderr: {err[:300]!r}"
    line = lines[0]
    if not line.startswith("workbench: error: ") or "WORKBENCH_DEBUG=1 shows where" in line:
        return f"not a clean refusal: {line[:300]!r}"
    if input_path not in line:
        return f"names no input file: {line[:300]!r}"
    return None


def rows_digest(project: Path) -> str | None:
    """A digest of every row of every table; None when there is no project file."""
    if not project.exists():
        return None
    digest = hashlib.sha256()
    conn = sqlite3.connect(project)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode("utf-8", "surrogatepass"))
    finally:
        conn.close()
    return digest.hexdigest()


class _TooLong(BaseException):
    """Raised in a case that runs past ``CASE_SECONDS`` (a BaseException: main must not catch it)."""


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    if not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _TooLong

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err), _time_limit(CASE_SECONDS):
            code = main(argv)
    except _TooLong:
        return -1, out.getvalue(), f"took over {CASE_SECONDS} s"
    except SystemExit as exit_info:
        code = exit_info.code if isinstance(exit_info.code, int) else 2
    except BaseException as error:  # noqa: BLE001 (a failure to report, not to hide)
        return -2, out.getvalue(), f"escaped main: {type(error).__name__}: {error}"
    return code, out.getvalue(), err.getvalue()


def run_in_child(argv: list[str]) -> tuple[int, str, str]:
    try:
        child = subprocess.run(
            [sys.executable, "-c", CHILD, *argv], capture_output=True, timeout=CASE_SECONDS * 3,
            cwd=REPO_ROOT,
        )
    except subprocess.TimeoutExpired:
        return -1, "", f"took over {CASE_SECONDS * 3} s"
    out, err = (data.decode("utf-8", "backslashreplace") for data in (child.stdout, child.stderr))
    return child.returncode, out, err


def table(results: Sequence[Result]) -> str:
    """area, tried, accepted, refused cleanly, failed: one row per area and a total."""
    rows: list[tuple[str, ...]] = [("area", "tried", "accepted", "refused cleanly", "failed")]
    areas = list(dict.fromkeys(result.area for result in results))
    for area in [*areas, "total"]:
        outcomes = [r.outcome for r in results if area in (r.area, "total")]
        counts = [outcomes.count(outcome) for outcome in ("accepted", "refused", "failed")]
        rows.append((area, str(len(outcomes)), *map(str, counts)))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows)
