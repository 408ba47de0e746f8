"""Every bad input a user may feed, mixed with good articles, through ``extract`` and ``ingest``.

The corpus is written at test time by ``corpus.py`` (no binaries in the repository). Each run
must: exit 1; print one coded line per bad input naming it (and nothing else on stderr); show
no traceback; store every good article; stay within time and memory bounds.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.badinput.corpus import GOOD, GOOD_FILES, Case, build

# Peak memory of one CLI run over the whole corpus: the loaded pipeline (about 300 MB) and the
# largest text parsed (150 KB). A text over max_text_chars is refused before parsing.
MAX_RSS_MB = 1200
# CPU time of one run: loading the pipeline and the small inputs, plus a few seconds per 100 KB of
# text parsed (the run-on sentence and the quote marks are the large ones).
FIXED_CPU_S = 25
CPU_S_PER_100KB = 6

_RUN = """
import atexit, resource, runpy, sys
stats = sys.argv.pop(1)
def peak_mb():
    # VmHWM is this process image's own peak; ru_maxrss may carry the parent's (pytest's) over fork
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
def report():
    u = resource.getrusage(resource.RUSAGE_SELF)
    with open(stats, "w") as f:
        f.write(f"{u.ru_utime + u.ru_stime} {peak_mb()}")
atexit.register(report)
sys.argv[0] = "newsgraph"
runpy.run_module("newsgraph.cli", run_name="__main__")
"""


def run_cli(args: list[str], tmp: Path, **kw: object) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """Run the command line in a fresh process; return it with its CPU seconds and peak RSS (MB)."""
    stats = tmp / "stats.txt"
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, str(stats), *args],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=600,
        env={**os.environ, "COLUMNS": "80", "NEWSGRAPH_DEBUG": ""},
        **kw,  # type: ignore[arg-type]
    )
    cpu, rss = stats.read_text().split()
    return proc, float(cpu), int(rss)


def shown(path: Path) -> str:
    """A path as the messages print it: line breaks and non-UTF-8 bytes escaped."""
    return os.fsencode(path).decode("utf-8", "backslashreplace").replace("\n", "\\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    root = tmp_path_factory.mktemp("badinput") / "in"
    cases = build(root)
    assert len(cases) >= 40, [c.name for c in cases]
    yield root, cases
    shutil.rmtree(root, ignore_errors=True)


def _lines_about(stderr: str, root: Path, case: Case) -> list[str]:
    label = shown(root / case.name)
    return [line for line in stderr.splitlines() if f" {label}:" in line]


def _check_messages(stderr: str, root: Path, cases: list[Case]) -> None:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    # every line is coded and names an input of the corpus
    for line in lines:
        assert line.startswith(("skipped [E", "warning [W")), line
        assert f" {shown(root)}/" in line, line
    for case in cases:
        about = _lines_about(stderr, root, case)
        if case.skipped:
            assert len(about) == 1 and f"[{case.expect}]" in about[0], (case.name, about)
            assert about[0].startswith("skipped"), about
        elif case.expect.startswith("W"):
            assert about and all(line.startswith("warning") for line in about), (case.name, about)
            assert any(f"[{case.expect}]" in line for line in about), (case.name, about)
        else:
            assert about == [], (case.name, about)
    # one line per bad input and per warning: nothing said twice
    assert len(lines) == len(set(lines))


def _stored_paths(root: Path, cases: list[Case]) -> set[str]:
    kept = {shown(root / c.name) for c in cases if not c.skipped} | {shown(root / g) for g in GOOD_FILES}
    return kept | {shown(root / "cut.warc.gz")}  # the records before the damage


def _parsed_kb(root: Path, cases: list[Case]) -> float:
    sizes = [(root / c.name).stat().st_size for c in cases if not c.skipped and (root / c.name).is_file()]
    return sum(sizes) / 1024


def _check_bounds(cpu: float, rss: int, root: Path, cases: list[Case]) -> None:
    budget = FIXED_CPU_S + CPU_S_PER_100KB * _parsed_kb(root, cases) / 100
    assert cpu < budget, f"{cpu:.1f} s of CPU, over {budget:.1f} s"
    assert rss < MAX_RSS_MB, f"peak RSS {rss} MB"


def test_extract_over_every_bad_input(corpus: tuple[Path, list[Case]], tmp_path: Path) -> None:
    root, cases = corpus
    proc, cpu, rss = run_cli(["extract", str(root), "--format", "jsonl"], tmp_path)
    assert proc.returncode == 1, proc.stderr[-2000:]
    _check_messages(proc.stderr, root, cases)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    paths = {r["source"]["path"] for r in records}
    assert paths == _stored_paths(root, cases)
    by_path: dict[str, list[dict[str, object]]] = {}
    for r in records:
        by_path.setdefault(r["source"]["path"], []).append(r)
    for case in cases:
        for r in by_path.get(shown(root / case.name), []):
            if case.contains:
                assert case.contains in str(r["text"]), case.name
            if case.lacks:
                assert case.lacks not in json.dumps(r), case.name
    # the good articles are read as written
    texts = {str(r["text"]) for r in records}
    assert all(g in texts for g in GOOD)
    # published dates that are no dates are unknown, and never reach the events
    for r in records:
        if r["id"] in {"rec-nodate", "rec-year1", "rec-future", "rec-dateobj"}:
            assert r["published"] is None
            assert all(e["date"] is None or e["date"] >= "1800" for e in r["events"])  # type: ignore[index,union-attr]
    # the WARC cut short keeps the whole records before the cut, and only those
    assert len(by_path[shown(root / "cut.warc.gz")]) == 2
    _check_bounds(cpu, rss, root, cases)


def test_ingest_over_every_bad_input(corpus: tuple[Path, list[Case]], tmp_path: Path) -> None:
    root, cases = corpus
    db = f"sqlite:///{tmp_path / 'bad.db'}"
    proc, cpu, rss = run_cli(["ingest", str(root), "--db", db, "--quiet"], tmp_path)
    assert proc.returncode == 1, proc.stderr[-2000:]
    _check_messages(proc.stderr, root, cases)
    listed, _, _ = run_cli(["list", "--db", db, "--json", "--limit", "1000"], tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {r["source_path"] for r in rows} == _stored_paths(root, cases)
    ids = {r["id"] for r in rows}
    assert {"rec-title", "rec-nodate", "rec-year1", "rec-future", "rec-dateobj", "rec-ctl", "rec-twice"} <= ids
    _check_bounds(cpu, rss, root, cases)


# -- standard input ------------------------------------------------------------------------------


def test_random_bytes_on_stdin_are_refused(tmp_path: Path) -> None:
    proc, _, rss = run_cli(["extract", "-"], tmp_path, input=os.urandom(1 << 20).decode("latin-1"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("skipped [E103] <stdin>: looks binary"), proc.stderr
    assert rss < 600  # nothing of it reached the parser


def test_gzip_on_stdin_is_opened(tmp_path: Path) -> None:
    data = gzip.compress(GOOD[0].encode())
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", "extract", "-", "--format", "jsonl", "--published", "2024-05-07"],
        input=data,
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["text"] == GOOD[0] and record["published"] == "2024-05-07"


def test_closed_stdin_is_a_coded_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", "extract", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=lambda: os.close(0),
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("skipped [E113] <stdin>: standard input is closed"), proc.stderr


# -- files and folders that cannot be read -----------------------------------------------------------


# As root (CI runs as root) permission bits do not apply: the command is run with root's power to
# read anything taken away (the capabilities that override file permissions, dropped by setpriv).
_NO_OVERRIDE = ("--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search")


def _unprivileged(command: list[str]) -> list[str]:
    """``command`` run so that permission bits apply to it; the test is skipped, saying why, where
    that cannot be arranged."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv (util-linux): root reads files whatever their mode")
    return [setpriv, *_NO_OVERRIDE, "--", *command]


def test_unreadable_files_and_folders_are_named(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "closed").mkdir(parents=True)
    (root / "good.txt").write_text(GOOD[0])
    (root / "secret.txt").write_text(GOOD[1])
    (root / "closed" / "inside.txt").write_text(GOOD[2])
    (root / "secret.txt").chmod(0)
    (root / "closed").chmod(0)
    command = _unprivileged([sys.executable, "-m", "newsgraph.cli", "extract", str(root), "--format", "jsonl"])
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=300)
    finally:
        (root / "closed").chmod(0o755)
        (root / "secret.txt").chmod(0o644)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    lines = sorted(proc.stderr.splitlines())
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"skipped [E111] {root / 'closed'}: Permission denied")
    assert lines[1].startswith(f"skipped [E111] {root / 'secret.txt'}: Permission denied")
    assert [json.loads(line)["text"] for line in proc.stdout.splitlines()] == [GOOD[0]]


def test_the_reliability_page_lists_every_case(tmp_path: Path) -> None:
    """docs/reliability.md states the count of cases and a row for each."""
    from tests.conftest import ROOT

    page = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    cases = build(tmp_path / "in")
    assert f"## The bad-input corpus: {len(cases)} cases" in page
    for case in cases:
        name = shown(Path(case.name)).replace("|", "\\|")
        assert f"| `{name}` | {case.expect} | {case.checks} |" in page, case.name
