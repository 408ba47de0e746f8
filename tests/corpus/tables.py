"""Every table of a store as comparable data: what two ingests that should agree are compared by.

Ids made by the database (registry entries, story events and quotes) are replaced by their rank,
so two stores that made the same entries in the same order compare equal even when a rolled-back
transaction used up some numbers (PostgreSQL sequences); the time of ingest is left out.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import create_engine, inspect, text

_MADE_IDS = {"registry": "id", "story_events": "id", "story_quotes": "id", "registry_merges": "id"}
# column -> the table whose made ids it holds
_REFERENCES = {
    ("registry_names", "registry_id"): "registry",
    ("registry_links", "registry_id"): "registry",
    ("event_actors", "registry_id"): "registry",
    ("registry_merges", "keep"): "registry",
    ("story_quotes", "speaker"): "registry",
    ("story_event_sources", "story_event_id"): "story_events",
    ("story_quote_sources", "story_quote_id"): "story_quotes",
    ("story_quote_marks", "story_quote_id"): "story_quotes",
}
_IGNORED = {("articles", "ingested_at"), ("articles", "search_vector"), ("quotes", "search_vector")}


def _plain(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.dumps(json.loads(value), sort_keys=True)
        except ValueError:
            return value
    return value


def dump_tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """{table: sorted rows} for every table of the store at ``url`` (and the SQLite search index)."""
    engine = create_engine(url)
    try:
        names = sorted(n for n in inspect(engine).get_table_names() if not n.startswith("search_fts"))
        raw: dict[str, list[dict[str, Any]]] = {}
        with engine.connect() as conn:
            for name in names:
                raw[name] = [dict(r._mapping) for r in conn.execute(text(f'SELECT * FROM "{name}"'))]
            if engine.dialect.name == "sqlite":
                raw["search_fts"] = [
                    dict(r._mapping) for r in conn.execute(text("SELECT article_id, kind, ref, body FROM search_fts"))
                ]
    finally:
        engine.dispose()
    rank = {t: {old: i for i, old in enumerate(sorted(r[col] for r in raw.get(t, [])))} for t, col in _MADE_IDS.items()}
    out: dict[str, list[tuple[Any, ...]]] = {}
    for name, rows in raw.items():
        fixed = []
        for row in rows:
            for (table, column), target in _REFERENCES.items():
                if table == name and row.get(column) is not None:
                    row[column] = rank[target].get(row[column], f"gone:{row[column]}")
            if name in _MADE_IDS:
                row[_MADE_IDS[name]] = rank[name][row[_MADE_IDS[name]]]
            if name == "story_events":
                for column in ("source", "target"):
                    row[column] = ",".join(
                        str(rank["registry"].get(int(x), f"gone:{x}")) for x in row[column].split(",") if x
                    )
            fixed.append(tuple(_plain(v) for k, v in sorted(row.items()) if (name, k) not in _IGNORED))
        out[name] = sorted(fixed, key=repr)
    return out


def differences(a: dict[str, list[tuple[Any, ...]]], b: dict[str, list[tuple[Any, ...]]]) -> list[str]:
    """Which tables differ, and how much (empty when the stores agree)."""
    out = []
    for name in sorted(set(a) | set(b)):
        ra, rb = a.get(name, []), b.get(name, [])
        if ra != rb:
            only_a = len(set(map(repr, ra)) - set(map(repr, rb)))
            only_b = len(set(map(repr, rb)) - set(map(repr, ra)))
            out.append(f"{name}: {len(ra)} vs {len(rb)} rows, {only_a} only in the first, {only_b} only in the second")
    return out
