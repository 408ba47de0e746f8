"""A second empty store beside ``db_url``, on the same backend, for tests that compare two stores."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest


@pytest.fixture()
def other_db_url(db_url: str, tmp_path: Path):
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'other.db'}"
        return
    import psycopg

    base = db_url.rsplit("/", 1)[0]
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = base.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"{base}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
