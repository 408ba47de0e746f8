"""The newcomer's path: every command of the README runs as written on the store ``make run`` builds,
and prints something; ``make run`` itself ends with the sample's quotes and events and what to try next.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

README = ROOT / "README.md"
VENV = Path(sys.executable).parent.parent
# Lines of the README's sh blocks that this test does not run, and why. A command that needs data
# outside the repository says so in the README itself with a "# needs: ..." comment.
NOT_RUN = {
    "make run": "the quick start: test_make_run_shows_the_sample runs its recipe",
    "make test": "the quick start: the suite this test is part of",
    ". .venv/bin/activate": "the test puts the environment's bin folder on PATH itself",
}


def readme_commands() -> list[str]:
    """Every line of every ```sh block of the README, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def _command(line: str) -> str:
    """The line without its trailing comment (for matching NOT_RUN)."""
    return re.sub(r"\s+#.*$", "", line).strip()


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    return {**env, "PATH": f"{VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}", "COLUMNS": "100", "HOME": str(tmp)}


@pytest.fixture(scope="module")
def example_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder like the checkout after ``make run``: examples/ and ./newsgraph.db."""
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(EXAMPLES, folder / "examples")
    done = subprocess.run(
        ["newsgraph", "ingest", "examples/", "--quiet"], cwd=folder, env=_env(folder), capture_output=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return folder


def test_every_readme_command_is_run_or_says_why_not() -> None:
    lines = readme_commands()
    assert len(lines) >= 20
    skipped = {_command(line) for line in lines if "# needs:" not in line and not line.startswith("newsgraph")}
    assert skipped == set(NOT_RUN), skipped
    for line in lines:
        if "# needs:" in line:
            assert re.search(r"# needs: \S", line), f"say what it needs: {line}"


@pytest.mark.parametrize("line", readme_commands())
def test_readme_command_runs_as_written(line: str, request: pytest.FixtureRequest) -> None:
    if "# needs:" in line:
        pytest.skip(f"the README marks it as needing {line.split('# needs:', 1)[1].strip()}")
    if _command(line) in NOT_RUN:
        pytest.skip(NOT_RUN[_command(line)])
    example_folder: Path = request.getfixturevalue("example_folder")
    proc = subprocess.run(
        ["bash", "-c", line],
        cwd=example_folder,
        env=_env(example_folder),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, (line, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr
    # records, rows or a table on stdout; an export names the files it wrote
    printed = proc.stdout.strip() or proc.stderr.startswith("wrote ")
    assert printed, f"{line!r} printed nothing (stderr: {proc.stderr[-500:]!r})"


def test_make_run_shows_the_sample(tmp_path: Path) -> None:
    """``make run``'s recipe, in a copy of the checkout's examples, with this environment."""
    if shutil.which("make") is None:
        pytest.skip("no make on this machine")
    stamp = VENV / ".installed"
    if not stamp.exists() or stamp.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
        pytest.skip(f"{VENV} was not installed by the Makefile ('make run' would install it again)")
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")  # same time: the stamp stays newer
    proc = subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), f"VENV={VENV}", "run"],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "7 articles stored (1 near-duplicates)" in out
    sample = out[out.index("What newsgraph found in the sample article") :]
    quotes = sample[sample.index("Quotes") : sample.index("Events")]
    events = sample[sample.index("Events") : sample.index("Next, from this folder")]
    assert "Yoav Gallant" in quotes and len(quotes.splitlines()) > 3
    assert "CONSULT" in events and len(events.splitlines()) > 3
    assert "newsgraph quotes --speaker" in sample[sample.index("Next, from this folder") :]
