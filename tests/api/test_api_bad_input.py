"""Bad input, tried on purpose: every answer is our JSON error with its code and status, never a 500.

Tried here: oversized bodies (declared and streamed), invalid JSON, SQL and FTS syntax in search
terms and filters, huge and invalid limits, invalid dates, types and cursors, unknown ids and paths,
unsupported content types, URLs instead of articles, and missing or wrong tokens.
"""

from __future__ import annotations

from newsgraph.record import PLOVER_TYPES
from newsgraph.store import Store

from .conftest import WRITER, client_for, error_of

HOSTILE_TERMS = [
    '"unbalanced',
    "NEAR(war hostages)",
    "war AND OR NOT",
    "host*",
    "body:war",
    "^war",
    "(((",
    "'; DROP TABLE articles; --",
    "1' OR '1'='1",
    "%_%",
    "\\",
    "war & !peace | <->",
    "ünïcödé 戦争",
]


def test_search_terms_with_query_syntax_are_plain_words(client, store: Store) -> None:
    # one store for all the cases (as in the tests below): a store per case is slow on PostgreSQL
    for term in HOSTILE_TERMS:
        r = client.get("/search", params={"q": term})
        assert r.status_code == 200, (term, r.text)
        assert isinstance(r.json()["items"], list)
        for url, key in (("/quotes", "about"), ("/articles", "text"), ("/actors", "name")):
            assert client.get(url, params={key: term}).status_code == 200, (term, url)
    assert store.stats()["articles"] >= 7  # nothing was dropped


def test_search_words_with_syntax_still_find_their_words(client) -> None:
    plain = {(h["article_id"], h["ref"]) for h in client.get("/search?q=hostages").json()["items"]}
    quoted = {(h["article_id"], h["ref"]) for h in client.get('/search?q="hostages').json()["items"]}
    assert plain and quoted == plain


INVALID_PARAMETERS = [
    ("/articles?limit=100000", "limit", "from 1 to 500"),
    ("/quotes?limit=0", "limit", "from 1 to 500"),
    ("/events?limit=-5", "limit", "from 1 to 500"),
    ("/actors?limit=abc", "limit", "from 1 to 500"),
    ("/search?q=war&limit=99999999999999999999", "limit", "from 1 to 500"),
    ("/quotes?since=yesterday", "since", "YYYY-MM-DD"),
    ("/events?until=2024-13-45", "until", "YYYY-MM-DD"),
    ("/articles?since=2024-02-30", "since", "YYYY-MM-DD"),
    ("/events?type=BOMBING", "type", ", ".join(PLOVER_TYPES)),
    ("/network?type=nope", "type", "ASSAULT"),
    ("/network?kind=friendly", "kind", "cooperation, conflict"),
    ("/network?min_events=0", "min_events", "1 or more"),
    ("/events?duplicates=perhaps", "duplicates", "true or false"),
    ("/actors/notanumber", "actor_id", "registry id"),
    ("/search?q=%20%20", "q", "words"),
    ("/search", "q", ""),
]


def test_invalid_parameters_name_the_valid_values(client) -> None:
    for url, name, shown in INVALID_PARAMETERS:
        status, code, message = error_of(client.get(url))
        assert (status, code) == (422, "E600"), (url, message)
        assert f"'{name}'" in message and shown in message, (url, message)


def test_a_cursor_not_made_by_the_server_is_refused(client) -> None:
    for cursor in ("garbage!!", "e30", "WzEsMl0", "W10"):
        for url in ("/articles", "/quotes", "/events"):
            assert error_of(client.get(f"{url}?cursor={cursor}"))[:2] == (400, "E606"), (url, cursor)


UNKNOWN = [
    ("/articles/ffffffffffffffff", "E302"),
    ("/actors/999999", "E400"),
    ("/actors/999999/timeline", "E400"),
    ("/network/ties/999998/999999", "E400"),
    ("/no/such/path", "E605"),
    ("/export/docx", "E401"),
    ("/quotes?speaker=Nobody%20Atall", "E400"),
]


def test_unknown_ids_and_paths_are_404(client) -> None:
    for url, code in UNKNOWN:
        assert error_of(client.get(url))[:2] == (404, code), url


def test_bodies_over_the_limit_are_refused_before_they_are_read(store: Store) -> None:
    with client_for(store, api_max_body_bytes=2000) as c:
        big = "x" * 5000
        status, code, message = error_of(c.post("/extract", content=big, headers={"content-type": "text/plain"}))
        assert (status, code) == (413, "E601") and "2000" in message
        # sent in chunks without a declared length: stopped while reading
        chunks = (b"y" * 500 for _ in range(10))
        r = c.post("/ingest", content=chunks, headers={"content-type": "text/plain", **WRITER})
        assert error_of(r)[:2] == (413, "E601")
        assert error_of(c.post("/corrections", content=big.encode(), headers=WRITER))[:2] == (413, "E601")


def test_too_many_articles_in_one_request(store: Store) -> None:
    with client_for(store, api_max_articles=3) as c:
        r = c.post("/extract", json=[{"text": f"Article {i}."} for i in range(4)])
        status, code, message = error_of(r)
        assert (status, code) == (413, "E610") and "3" in message


def test_invalid_json_is_400(client) -> None:
    for body in (b"{not json", b'{"text": "unterminated', b"[1, 2,", b"\xff\xfe\x00"):
        for url, headers in (("/extract", {}), ("/ingest", WRITER), ("/corrections", WRITER)):
            r = client.post(url, content=body, headers={"content-type": "application/json", **headers})
            assert error_of(r)[:2] == (400, "E602"), (url, body, r.text)


NO_TEXT = [
    ({"url": "https://example.org/story"}, "E608"),
    ([{"text": "A story."}, {"url": "https://example.org/other"}], "E608"),
    ({"title": "no text"}, "E106"),
    ([], "E607"),
    ([1, 2], "E607"),
    ("just a string", "E607"),
]


def test_articles_without_text_are_refused(client) -> None:
    for body, code in NO_TEXT:
        assert error_of(client.post("/extract", json=body))[:2] == (422, code), body


def test_an_empty_body_and_an_unknown_content_type(client) -> None:
    assert error_of(client.post("/extract", content=b"  ", headers={"content-type": "text/plain"}))[:2] == (
        422,
        "E607",
    )
    r = client.post("/extract", content=b"%PDF-1.4", headers={"content-type": "application/pdf"})
    status, code, message = error_of(r)
    assert (status, code) == (415, "E609") and "text/plain" in message


MALFORMED_CORRECTIONS = [
    {"article_id": "x"},
    {"article_id": "x", "kind": "quote", "item": "q1", "field": "kind", "note": "n" * 5000},
    {"article_id": "", "kind": "quote", "item": "q1", "field": "wrong"},
    ["not", "an", "object"],
]


def test_malformed_correction_bodies_are_422(client) -> None:
    for body in MALFORMED_CORRECTIONS:
        assert error_of(client.post("/corrections", json=body, headers=WRITER))[:2] == (422, "E607"), body


def test_wrong_methods_are_refused_as_json(client) -> None:
    status, code, _ = error_of(client.delete("/articles"))
    assert (status, code) == (405, "E607")
    assert error_of(client.put("/corrections", json={}))[0] == 405
