"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = Path(__file__).resolve().parent / "resources"
EXAMPLES = ROOT / "examples"
# shared/ sits beside the checkout; tests that need its data skip when it is absent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def settings():
    from newsgraph.settings import Settings

    return Settings()


@pytest.fixture(scope="session")
def pipeline(settings):
    from newsgraph.pipeline import Pipeline

    return Pipeline(settings)


@pytest.fixture(scope="session")
def nlp(pipeline):
    """The loaded spaCy Language with newsgraph's components."""
    return pipeline.nlp


@pytest.fixture(scope="session")
def extract(pipeline):
    """extract(text, published=None, title=None) -> Article, with the shared pipeline."""
    from newsgraph.ingest.base import InputDocument
    from newsgraph.record import Source, check_offsets

    def run(text: str, published: str | None = None, title: str | None = None):
        art = pipeline(InputDocument(text=text, source=Source(format="text"), title=title, published=published))
        check_offsets(art)
        return art

    return run


@pytest.fixture(scope="session")
def gallant_text() -> str:
    return (EXAMPLES / "gallant-2024-03-27.txt").read_text(encoding="utf-8")


def shared_path(*parts: str) -> Path:
    """A path under shared/, or skip the test when that data is not on this machine."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not available")
    return p


# --- databases --------------------------------------------------------------------------------
# Store tests run on both backends: SQLite (a file per test) and PostgreSQL (a throwaway server
# started once per session from the installed server binaries, a fresh database per test). Without
# the binaries or psycopg the PostgreSQL cases skip, saying why; with NEWSGRAPH_REQUIRE_POSTGRES
# set (CI sets it) they fail instead, so a green CI run has really written to PostgreSQL.


def _postgres_bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    # Debian keeps the server binaries off PATH, one directory per major version
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    return versions[-1].parent if versions else None


def _no_postgres(reason: str) -> None:
    if os.environ.get("NEWSGRAPH_REQUIRE_POSTGRES"):
        pytest.fail(f"PostgreSQL is required here (NEWSGRAPH_REQUIRE_POSTGRES) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server():
    """The base URL of a PostgreSQL server of our own, on a free local port; stopped at the end."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _no_postgres("psycopg is not installed (pip install -e '.[postgres]')")
    bindir = _postgres_bindir()
    if bindir is None:
        _no_postgres("no PostgreSQL server binaries (Debian: apt-get install postgresql)")
    # the server refuses to run as root: as root, run it as the 'postgres' user the package creates
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
    data = Path(tempfile.mkdtemp(prefix="newsgraph-pg-"))
    if as_user:
        shutil.chown(data, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = functools.partial(subprocess.run, check=True, capture_output=True, text=True)
    try:
        run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "newsgraph", "--auth=trust", "-E", "UTF8"])
        options = f"-k {data} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"
        run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(data / "log"), "-o", options, "-w", "start"])
    except (OSError, subprocess.CalledProcessError) as exc:
        shutil.rmtree(data, ignore_errors=True)
        detail = getattr(exc, "stderr", "") or exc
        _no_postgres(f"the PostgreSQL server did not start: {str(detail).strip()[-300:]}")
    yield f"postgresql+psycopg://newsgraph@127.0.0.1:{port}"
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
    shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path):
    """A database URL for an empty store: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    import psycopg

    base = request.getfixturevalue("postgres_server")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = base.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"{base}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
