"""The web UI's pages answer bad input with an error page (coded, with the right status), escape what
users type, and show corrections only to signed-in users."""

from __future__ import annotations

import pytest

from newsgraph.settings import Settings
from newsgraph.store import Store

from .conftest import TOKEN


@pytest.fixture()
def ui(tmp_path, example_articles):
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app

    db = f"sqlite:///{tmp_path / 'store.db'}"
    with Store(db) as store:
        store.write(example_articles)
        with TestClient(create_app(Settings(db=db, api_token=TOKEN), store=store)) as client:
            yield client


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/ui/articles/no-such-article", 404, "[E302]"),
        ("/ui/actors/999999", 404, "[E400]"),
        ("/ui/network?type=BOMBING", 422, "[E600]"),
        ("/ui/network?tie=x-y", 422, "[E600]"),
        ("/ui/?since=someday", 422, "[E600]"),
        ("/ui/?cursor=notacursor", 400, "[E606]"),
        ("/ui/nothing-here", 404, "[E605]"),
    ],
)
def test_bad_input_gets_an_error_page(ui, url: str, status: int, code: str) -> None:
    r = ui.get(url)
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")
    assert code in r.text and '<p class="error" id="error-message">' in r.text


def test_what_users_type_is_escaped(ui, sample_id: str) -> None:
    r = ui.get("/ui/search", params={"q": "<script>alert(1)</script> hostages"})
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text and "&lt;script&gt;" in r.text
    bad = ui.get(f"/ui/articles/{sample_id}", params={"hl": "<b>"})
    assert bad.status_code == 422 and "<b>" not in bad.text.split("<main>")[1]


def test_a_source_url_is_a_link_only_when_it_is_a_web_address(ui) -> None:
    token = {"Authorization": f"Bearer {TOKEN}"}
    doc = {"id": "js-url", "text": "Officials met in Oslo on Monday.", "url": "javascript:alert(1)"}
    assert ui.post("/ingest", json=doc, headers=token).status_code == 200
    page = ui.get("/ui/articles/js-url").text
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page


def test_the_correction_form_needs_a_signed_in_user(ui, sample_id: str) -> None:
    assert 'form class="correct"' not in ui.get(f"/ui/articles/{sample_id}").text
    refused = ui.post("/ui/signin", data={"name": "Ada", "token": "wrong"}, follow_redirects=False)
    assert refused.status_code == 403 and "[E603]" in refused.text
    ok = ui.post(
        "/ui/signin", data={"name": "Ada", "token": TOKEN, "next": "//elsewhere.example"}, follow_redirects=False
    )
    assert ok.status_code == 303 and ok.headers["location"] == "/ui/"  # never sent off the site
    page = ui.get(f"/ui/articles/{sample_id}").text
    assert 'form class="correct"' in page and ">Ada<" in page
    ui.post("/ui/signout")
    assert 'form class="correct"' not in ui.get(f"/ui/articles/{sample_id}").text
