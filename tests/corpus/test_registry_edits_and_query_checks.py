"""Registry edits that refuse what would lose or confuse, and query values checked where they enter."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from newsgraph.corpus import queries
from newsgraph.corpus.registry import merge_entries, split_entry
from newsgraph.corpus.schema import registry, registry_links
from newsgraph.errors import QueryError
from newsgraph.ingest import InputDocument
from newsgraph.record import Article, Source
from newsgraph.store import Store

TEXTS = [
    ("r1", "Israeli Prime Minister Benjamin Netanyahu said on Monday that Israel would not stop.", "2024-03-04"),
    ("r2", "Israel's army said it struck targets in Gaza. Hamas accused Israel of a massacre.", "2024-03-05"),
    (
        "r3",
        "Egyptian President Abdel Fattah al-Sisi met Jordan's King Abdullah in Cairo on Tuesday. "
        "Egypt will host the next round of talks, the Egyptian foreign ministry said.",
        "2024-03-05",
    ),
    ("r4", "Prof. Ann 50%_off Smith said the study was flawed.", "2024-03-06"),
]


@pytest.fixture()
def store(pipeline, db_url: str):
    docs = [InputDocument(text=t, source=Source(path=i), id=i, published=p) for i, t, p in TEXTS]
    with Store(db_url) as opened:
        opened.write(a for a in pipeline.process(docs) if isinstance(a, Article))
        yield opened


def _state(store: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The registry as names and codes, and which entry (by name) each article actor is linked to."""
    with store.engine.connect() as conn:
        entries = sorted(
            conn.execute(
                select(registry.c.name, registry.c.kind, registry.c.country, registry.c.sector, registry.c.articles)
            ).all()
        )
        links = sorted(
            conn.execute(
                select(registry_links.c.article_id, registry_links.c.actor_id, registry.c.name).join(
                    registry, registry.c.id == registry_links.c.registry_id
                )
            ).all()
        )
    return [tuple(e) for e in entries], [tuple(x) for x in links]


def _entry(store: Store, name: str) -> dict[str, object]:
    return next(e for e in queries.actors(store, name) if e["name"] == name)


def test_merge_refuses_an_entry_into_itself_and_conflicts_without_force(store: Store) -> None:
    netanyahu, israel = _entry(store, "Benjamin Netanyahu"), _entry(store, "Israel")
    before = _state(store)
    with store.writing() as conn, pytest.raises(QueryError, match=r"\[E411\]"):
        merge_entries(conn, int(israel["id"]), int(israel["id"]))
    with store.writing() as conn, pytest.raises(QueryError, match=r"\[E412\].*kind person / country"):
        merge_entries(conn, int(netanyahu["id"]), int(israel["id"]))
    with store.writing() as conn, pytest.raises(QueryError, match=r"\[E410\]"):
        merge_entries(conn, int(israel["id"]), 10**9)
    with store.writing() as conn, pytest.raises(QueryError, match=r"\[E406\]"):
        merge_entries(conn, int(israel["id"]), 10**30)
    assert _state(store) == before  # nothing lost: the entry and its links are all there


def test_merge_then_split_restores_what_was_there(store: Store) -> None:
    egypt, sisi = _entry(store, "Egypt"), _entry(store, "Abdel Fattah al-Sisi")
    before = _state(store)
    with store.writing() as conn:
        moved = merge_entries(conn, int(egypt["id"]), int(sisi["id"]), force=True)
    assert moved >= 1 and "Abdel Fattah al-Sisi" in _entry(store, "Egypt")["variants"]
    with store.writing() as conn, pytest.raises(QueryError, match=r"\[E413\]"):
        split_entry(conn, int(egypt["id"]), "Hosni Mubarak")
    with store.writing() as conn:
        split_entry(conn, int(egypt["id"]), "Abdel Fattah al-Sisi")
    assert _state(store) == before
    assert _entry(store, "Abdel Fattah al-Sisi")["kind"] == "person"


def test_split_refuses_the_only_name_of_an_entry(store: Store) -> None:
    gaza = next(e for e in queries.actors(store, limit=500) if len(e["variants"]) == 1 and e["articles"] == 1)
    with store.writing() as conn, pytest.raises(QueryError, match=r"\[E414\]"):
        split_entry(conn, int(gaza["id"]), gaza["variants"][0])


def test_actor_queries_by_country_find_actors_coded_with_it(store: Store) -> None:
    plain = {e["article_id"] for e in queries.events(store, actor="Israel")}
    by_country = queries.events(store, actor="Israel", country=True)
    said = queries.quotes(store, speaker="Israel", country=True)
    assert plain <= {e["article_id"] for e in by_country}
    assert any(q["speaker_name"] == "Benjamin Netanyahu" for q in said)  # a person coded ISR
    assert not any(q["speaker_name"] == "Benjamin Netanyahu" for q in queries.quotes(store, speaker="Israel"))
    with store.engine.connect() as conn:
        assert set(queries.find_actors(conn, "ISR", country=True)) >= set(queries.find_actors(conn, "Israel"))


def test_wildcards_in_names_are_plain_characters(store: Store) -> None:
    with pytest.raises(QueryError, match=r"\[E400\]"):
        queries.timeline(store, "x%")
    with pytest.raises(QueryError, match=r"\[E400\]"):
        queries.quotes(store, speaker="Isr_el")
    assert queries.quotes(store, about="%") == []
    with store.engine.connect() as conn:
        literal = queries.find_actors(conn, "Ann 50%_off")
        assert literal and queries.find_actors(conn, "%") == queries.find_actors(conn, "_") == literal


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda st: queries.quotes(st, speaker=""), "E402"),
        (lambda st: queries.events(st, actor="   "), "E402"),
        (lambda st: queries.quotes(st, speaker="x" * 100_000), "E407"),
        (lambda st: queries.events(st, limit=0), "E403"),
        (lambda st: queries.quotes(st, limit=-1), "E403"),
        (lambda st: queries.search(st, "Gaza", limit=10**30), "E403"),
        (lambda st: st.list(limit=2**64), "E403"),
        (lambda st: st.list(offset=-5), "E403"),
        (lambda st: queries.events(st, since="2019-13-45"), "E404"),
        (lambda st: queries.network(st, since="garbage"), "E404"),
        (lambda st: queries.events(st, type="FOO"), "E405"),
        (lambda st: queries.actor_detail(st, 2**70), "E406"),
        (lambda st: queries.actor_detail(st, 10**9), "E410"),
    ],
)
def test_bad_query_values_get_their_coded_error(store: Store, call, code: str) -> None:
    with pytest.raises(QueryError, match=rf"\[{code}\]"):
        call(store)


def test_good_query_values_still_answer(store: Store) -> None:
    assert queries.events(store, type="assault", since="2024", until="2024-03") is not None
    assert len(queries.events(store, limit=1)) == 1
    assert queries.network(store, since="2024-03-01")["edges"] is not None


@pytest.mark.parametrize("limit", [1, 3, 50])
def test_an_actor_of_a_few_entries_reads_the_same_rows_as_one_index_scan(
    store: Store, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each entry's newest rows, then the newest of those, are the newest rows of all the entries."""
    with store.engine.connect() as conn:
        entries = queries.find_actors(conn, "ISR", country=True)
    assert 1 < len(entries) <= queries.FEW_ENTRIES  # the path of a few entries is taken

    def read() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        said = queries.quotes(store, speaker="Israel", country=True, limit=limit)
        done = queries.events(store, actor="Israel", country=True, limit=limit)
        return [(q["article_id"], q["quote_id"]) for q in said], [(e["article_id"], e["event_id"]) for e in done]

    few = read()
    monkeypatch.setattr(queries, "FEW_ENTRIES", 0)  # one scan of every entry's rows, sorted
    assert few == read()
    assert len(few[0]) == min(limit, len(queries.quotes(store, speaker="Israel", country=True, limit=500)))
