"""The web UI tests drive Debian's Chromium (``/usr/bin/chromium``) with Playwright for Python against a real
uvicorn server on a free loopback port, started here over a SQLite store of the example articles.

Playwright's own browser downloads are never used. Without Chromium or Playwright the tests skip,
saying why; with ``NEWSGRAPH_REQUIRE_BROWSER`` set (CI sets it) they fail instead, so a green CI run
has really clicked through the pages. ``NEWSGRAPH_SCREENSHOTS=docs`` also writes the screenshots the
README shows into ``docs/``.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.settings import Settings
from newsgraph.store import Store

from ..api.conftest import TOKEN, example_articles, sample_id  # noqa: F401  (shared fixtures)
from ..conftest import ROOT

CHROMIUM = Path(os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _no_browser(reason: str) -> None:
    if os.environ.get("NEWSGRAPH_REQUIRE_BROWSER"):
        pytest.fail(f"the web UI tests must run here (NEWSGRAPH_REQUIRE_BROWSER) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server(example_articles, tmp_path_factory) -> Iterator[str]:  # noqa: F811
    """The base URL of a uvicorn server running the app over a fresh store; stopped at the end."""
    import uvicorn

    from newsgraph.api import create_app

    db = f"sqlite:///{tmp_path_factory.mktemp('web') / 'store.db'}"
    store = Store(db)
    store.write(example_articles)
    app = create_app(Settings(db=db, api_token=TOKEN), store=store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser_context() -> Iterator[object]:
    """A Chromium context with a fresh profile of its own."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _no_browser("Playwright for Python is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        _no_browser(f"{CHROMIUM} is missing (Debian: apt-get install chromium)")
    profile = tempfile.mkdtemp(prefix="newsgraph-chromium-")
    with sync_playwright() as p:
        try:
            context = p.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                args=CHROMIUM_ARGS,
                headless=True,
                viewport={"width": 1400, "height": 900},
            )
        except Error as exc:
            _no_browser(f"Chromium did not start: {str(exc).splitlines()[0]}")
        yield context
        context.close()


@pytest.fixture()
def page(browser_context, server):
    pg = browser_context.new_page()  # type: ignore[attr-defined]
    pg.set_default_timeout(15_000)
    yield pg
    pg.close()


@pytest.fixture()
def screenshot(tmp_path: Path):
    """save(page, name): a full-size screenshot, also into docs/ when NEWSGRAPH_SCREENSHOTS=docs."""

    def save(pg, name: str) -> Path:
        path = tmp_path / name
        pg.screenshot(path=str(path))
        assert path.stat().st_size > 10_000  # a drawn page, not a blank one
        if os.environ.get("NEWSGRAPH_SCREENSHOTS") == "docs":
            pg.screenshot(path=str(ROOT / "docs" / name))
        return path

    return save
