"""``newsgraph serve`` starts uvicorn (one process or several workers) over the store it is given,
read-only without a token."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from newsgraph.store import Store


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310  (our own loopback server)
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_on_the_port_it_was_given(tmp_path: Path, extract, workers: int) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    with Store(db) as store:
        store.write(
            [extract("Kenyan President William Ruto met Haitian officials in Nairobi.", published="2024-03-14")]
        )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_API_TOKEN"}
    cmd = [sys.executable, "-m", "newsgraph.cli", "serve", "--db", db, "--port", str(port), "--log-level", "warning"]
    cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            try:
                status, health = _get(f"http://127.0.0.1:{port}/health")
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None:
                    pytest.fail(f"newsgraph serve exited: {proc.stderr.read() if proc.stderr else ''}")
                time.sleep(0.1)
        else:
            pytest.fail("newsgraph serve did not answer")
        assert status == 200 and health["articles"] == 1 and health["writable"] is False
        status, body = _get(f"http://127.0.0.1:{port}/actors?name=Ruto")
        assert status == 200 and body["items"][0]["name"] == "William Ruto"
        req = urllib.request.Request(f"http://127.0.0.1:{port}/ingest", data=b"{}", method="POST")
        try:
            urllib.request.urlopen(req, timeout=5)  # noqa: S310
            pytest.fail("a write was accepted by a server without a token")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403 and json.loads(exc.read())["error"]["code"] == "E604"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if proc.stderr:
            proc.stderr.close()


def test_serve_refuses_a_database_it_cannot_open(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{tmp_path}/no/such/dir/x.db", "--port", "1"])
    assert result.exit_code == 2 and "[E300]" in result.output
