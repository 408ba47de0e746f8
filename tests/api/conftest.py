"""The API tests' store: the example articles (and one republished copy of the sample), extracted once
per session and written into a fresh SQLite or PostgreSQL store per test (the ``db_url`` fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.corpus.dedup import republished_variants
from newsgraph.ingest import InputDocument, iter_documents
from newsgraph.record import Article, Source
from newsgraph.settings import Settings
from newsgraph.store import Store

from ..conftest import EXAMPLES

TOKEN = "test-token-0123"
SAMPLE = "gallant-2024-03-27.txt"


@pytest.fixture(scope="session")
def example_articles(pipeline) -> list[Article]:
    # read as 'newsgraph ingest examples/' reads them from the checkout (paths relative to it when run there)
    where = EXAMPLES.relative_to(Path.cwd()) if EXAMPLES.is_relative_to(Path.cwd()) else EXAMPLES
    docs = [d for d in iter_documents([where]) if isinstance(d, InputDocument)]
    sample = next(d for d in docs if d.source.path and d.source.path.endswith(SAMPLE))
    copy = republished_variants(sample.text)["boilerplate"]
    docs.append(InputDocument(text=copy, source=Source(url="https://mirror.example.net/gallant", format="text")))
    return [a for a in pipeline.process(docs) if isinstance(a, Article)]


@pytest.fixture(scope="session")
def sample_id(example_articles: list[Article]) -> str:
    return next(a.id for a in example_articles if a.source.path and a.source.path.endswith(SAMPLE))


@pytest.fixture()
def store(db_url: str, example_articles: list[Article]):
    with Store(db_url) as opened:
        opened.write(example_articles)
        yield opened


def client_for(store: Store, token: str = TOKEN, **settings):
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app

    app = create_app(Settings(db=store.url, api_token=token, **settings), store=store)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture()
def client(store: Store):
    with client_for(store) as c:
        yield c


WRITER = {"Authorization": f"Bearer {TOKEN}", "X-Newsgraph-User": "tester"}


def error_of(response) -> tuple[int, str, str]:
    """(status, code, message) of an error answer; fails when it is not our JSON error."""
    body = response.json()["error"]
    assert body["message"].startswith(f"[{body['code']}]") and body["status"] == response.status_code
    return response.status_code, body["code"], body["message"]


def walk(client, url: str, limit: int) -> list[dict]:
    """Every item of a list endpoint, page by page (``limit`` each) following ``next``."""
    items, cursor = [], None
    for _ in range(1000):
        sep = "&" if "?" in url else "?"
        page = client.get(f"{url}{sep}limit={limit}" + (f"&cursor={cursor}" if cursor else "")).json()
        assert len(page["items"]) <= limit
        items += page["items"]
        cursor = page["next"]
        if cursor is None:
            return items
    raise AssertionError("pagination does not end")
