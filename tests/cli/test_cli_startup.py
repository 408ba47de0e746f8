"""Instant start-up: ``--help`` and the query commands load neither spaCy nor scipy nor datasketch.

Each command runs in a fresh interpreter; at exit it writes the modules it imported. Speed itself is
measured in docs/benchmarks.md (hyperfine), not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("spacy", "thinc", "scipy", "datasketch", "torch", "pyarrow", "trafilatura")

_RUN = """
import atexit, json, runpy, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write(json.dumps(sorted({m.split(".")[0] for m in sys.modules}))))
sys.argv[0] = "newsgraph"
runpy.run_module("newsgraph.cli", run_name="__main__")
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An empty newsgraph database (the commands' imports do not depend on what it holds)."""
    from newsgraph.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('startup') / 'news.db'}"
    Store(url).close()
    return url


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["list"],
        ["show", "some-id"],
        ["quotes", "--speaker", "Gallant"],
        ["events", "--type", "CONSULT"],
        ["timeline", "Gallant"],
        ["search", "ceasefire"],
        ["stats"],
        ["actors", "list"],
        ["network"],
    ],
    ids=lambda a: " ".join(a),
)
def test_command_imports_nothing_heavy(args: list[str], store: str, tmp_path: Path) -> None:
    modules = tmp_path / "modules.json"
    db = [] if args == ["--help"] else ["--db", store]
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, str(modules), *args, *db], capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in (0, 1), proc.stderr  # show of an unknown id is a coded error (1)
    loaded = set(json.loads(modules.read_text()))
    assert "typer" in loaded  # the check itself works
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
