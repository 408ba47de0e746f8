"""Corpus queries: plain functions over a :class:`~newsgraph.store.Store`, returning dicts.

The CLI and any HTTP layer call these. A story told by several outlets counts
once by default (near-duplicates are skipped unless ``duplicates=True``); each
row names its sources so the evidence is one lookup away.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Text, and_, cast, func, or_, select, text, tuple_
from sqlalchemy.engine import Connection

from ..errors import Errors, QueryError
from ..store import Store
from ..store import schema as s
from .schema import registry, registry_links, registry_names

COOPERATION = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
CONFLICT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def find_actors(conn: Connection, name: str) -> list[int]:
    """Registry ids for ``name``: entries whose name or a name variant is exactly ``name`` (any case),
    else entries whose name or variants contain all its words."""
    low = " ".join(name.lower().split())
    if not low:
        return []
    exact = set(conn.scalars(select(registry.c.id).where(func.lower(registry.c.name) == low)))
    exact |= set(conn.scalars(select(registry_names.c.registry_id).where(func.lower(registry_names.c.name) == low)))
    if exact:
        return sorted(exact)
    words = low.split()
    cond_r = and_(*[func.lower(registry.c.name).like(f"%{w}%") for w in words])
    cond_n = and_(*[func.lower(registry_names.c.name).like(f"%{w}%") for w in words])
    ids = set(conn.scalars(select(registry.c.id).where(cond_r)))
    ids |= set(conn.scalars(select(registry_names.c.registry_id).where(cond_n)))
    return sorted(ids)


def _need_actors(conn: Connection, name: str | int) -> list[int]:
    """Registry ids for a name, or the one entry of a registry id (an ``int``)."""
    if isinstance(name, int):
        if conn.scalar(select(registry.c.id).where(registry.c.id == name)) is None:
            raise QueryError(Errors.E400.format(name=name))
        return [name]
    ids = find_actors(conn, name)
    if not ids:
        raise QueryError(Errors.E400.format(name=name))
    return ids


def _not_duplicate() -> Any:
    return s.articles.c.duplicate_of.is_(None)


Cursor = tuple[str, str, str]  # (sort key, article id, item id) of the last row of the previous page


def _after(key: Any, article_id: Any, item_id: Any, cursor: Cursor) -> Any:
    """Rows after ``cursor`` in the order (key descending, article id, item id): keyset pagination."""
    k, a, i = cursor
    return or_(key < k, and_(key == k, or_(article_id > a, and_(article_id == a, item_id > i))))


def quotes(
    store: Store,
    speaker: str | int | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    duplicates: bool = False,
    limit: int = 100,
    after: Cursor | None = None,
) -> list[dict[str, Any]]:
    """Quotes, newest first: speaker (registry entry), content, kind, date, article and outlet.

    ``speaker`` is a name (any variant) or a registry id; ``after`` continues from a previous page."""
    q, a, rl = s.quotes, s.articles, registry_links
    stmt = (
        select(
            q.c.article_id,
            q.c.quote_id,
            q.c.kind,
            q.c.content_text,
            q.c.speaker_text,
            q.c.cue_text,
            q.c.date,
            q.c.confidence,
            q.c.content_start,
            q.c.content_end,
            a.c.title,
            a.c.published,
            a.c.source_url,
            a.c.source_path,
            registry.c.name.label("speaker_name"),
            registry.c.id.label("speaker_id"),
        )
        .join(a, a.c.id == q.c.article_id)
        .outerjoin(rl, and_(rl.c.article_id == q.c.article_id, rl.c.actor_id == q.c.speaker_actor))
        .outerjoin(registry, registry.c.id == rl.c.registry_id)
    )
    with store.engine.connect() as conn:
        if speaker:
            stmt = stmt.where(rl.c.registry_id.in_(_need_actors(conn, speaker)))
        if about:
            stmt = stmt.where(func.lower(q.c.content_text).like(f"%{about.lower()}%"))
        if since:
            stmt = stmt.where(func.coalesce(q.c.date, a.c.published) >= since)
        if until:
            stmt = stmt.where(func.coalesce(q.c.date, a.c.published) <= until)
        if not duplicates:
            stmt = stmt.where(_not_duplicate())
        key = func.coalesce(q.c.date, a.c.published, "")  # undated last on both backends
        if after:
            stmt = stmt.where(_after(key, q.c.article_id, q.c.quote_id, after))
        stmt = stmt.order_by(key.desc(), q.c.article_id, q.c.quote_id).limit(limit)
        return [dict(r._mapping) for r in conn.execute(stmt)]


def events(
    store: Store,
    actor: str | int | None = None,
    type: str | None = None,
    since: str | None = None,  # noqa: A002
    until: str | None = None,
    duplicates: bool = False,
    limit: int = 100,
    after: Cursor | None = None,
    tie: tuple[int, int] | None = None,
) -> list[dict[str, Any]]:
    """Events, newest first, with source and target names and registry entries, trigger, date and article.

    ``actor`` is a name or a registry id; ``tie`` keeps the events with registry entry ``tie[0]``
    among the sources and ``tie[1]`` among the targets (the events behind a network tie);
    ``after`` continues from a previous page."""
    e, a = s.events, s.articles
    stmt = select(
        e.c.article_id,
        e.c.event_id,
        e.c.type,
        e.c.mode,
        e.c.source,
        e.c.target,
        e.c.trigger_text,
        e.c.date,
        e.c.date_basis,
        e.c.modality,
        e.c.negated,
        e.c.confidence,
        a.c.title,
        a.c.published,
        a.c.source_url,
        a.c.source_path,
    ).join(a, a.c.id == e.c.article_id)
    with store.engine.connect() as conn:
        ids: list[int] = []
        if tie:
            actor = actor or tie[0]
        acting: set[tuple[str, str]] | None = None  # (article, actor id) of the actor asked for
        if actor:
            ids = _need_actors(conn, actor)
            linked = select(registry_links.c.article_id).where(registry_links.c.registry_id.in_(ids))
            stmt = stmt.where(e.c.article_id.in_(linked))
            acting = {
                (r[0], r[1])
                for r in conn.execute(
                    select(registry_links.c.article_id, registry_links.c.actor_id).where(
                        registry_links.c.registry_id.in_(ids)
                    )
                )
            }
        if type:
            stmt = stmt.where(e.c.type == type.upper())
        if since:
            stmt = stmt.where(e.c.date >= since)
        if until:
            stmt = stmt.where(e.c.date <= until)
        if not duplicates:
            stmt = stmt.where(_not_duplicate())
        key = func.coalesce(e.c.date, "")  # undated last on both backends
        if after:
            stmt = stmt.where(_after(key, e.c.article_id, e.c.event_id, after))
        stmt = stmt.order_by(key.desc(), e.c.article_id, e.c.event_id)
        if acting is None:
            found = [dict(r._mapping) for r in conn.execute(stmt.limit(limit) if tie is None else stmt)]
        else:
            # the actor's events picked on their keys first, then read whole: an actor named in many
            # articles would otherwise have every event of those articles read and decoded
            # the id lists read as text, not decoded: an id stands in its list as '"a3"'
            ids_of: dict[str, list[str]] = defaultdict(list)
            for aid, act in acting:
                ids_of[aid].append(f'"{act}"')
            keys = stmt.with_only_columns(e.c.article_id, e.c.event_id, cast(e.c.source, Text), cast(e.c.target, Text))
            keep = [(r[0], r[1]) for r in conn.execute(keys) if any(i in r[2] or i in r[3] for i in ids_of[r[0]])]
            keep = keep if tie is not None else keep[:limit]
            rank = {k: n for n, k in enumerate(keep)}
            found = []
            for k in range(0, len(keep), 300):
                part = stmt.where(tuple_(e.c.article_id, e.c.event_id).in_(keep[k : k + 300]))
                found += [dict(r._mapping) for r in conn.execute(part)]
            found.sort(key=lambda d: rank[(d["article_id"], d["event_id"])])
        # the links and names of the actors these events name, read in a few queries (no query per row)
        pairs = sorted({(d["article_id"], i) for d in found for i in d["source"] + d["target"]})
        links: dict[tuple[str, str], int] = {}
        names: dict[tuple[str, str], str] = {}
        rl, ac = registry_links, s.actors
        for k in range(0, len(pairs), 300):
            chunk = pairs[k : k + 300]
            for aid, act, rid in conn.execute(
                select(rl.c.article_id, rl.c.actor_id, rl.c.registry_id).where(
                    tuple_(rl.c.article_id, rl.c.actor_id).in_(chunk)
                )
            ):
                links[(aid, act)] = rid
            for aid, act, nm in conn.execute(
                select(ac.c.article_id, ac.c.actor_id, ac.c.name).where(
                    tuple_(ac.c.article_id, ac.c.actor_id).in_(chunk)
                )
            ):
                names[(aid, act)] = nm
    wanted = set(ids) if actor else None
    rows = []
    for d in found:
        aid = d["article_id"]
        if wanted is not None and not {links.get((aid, i)) for i in d["source"] + d["target"]} & wanted:
            continue
        d["source_entries"] = [links.get((aid, i)) for i in d["source"]]
        d["target_entries"] = [links.get((aid, i)) for i in d["target"]]
        if tie and not (tie[0] in d["source_entries"] and tie[1] in d["target_entries"]):
            continue
        d["source_names"] = [names.get((aid, i), i) for i in d["source"]]
        d["target_names"] = [names.get((aid, i), i) for i in d["target"]]
        rows.append(d)
        if len(rows) >= limit:
            break
    return rows


def timeline(store: Store, name: str | int, limit: int = 500) -> list[dict[str, Any]]:
    """What an actor (a name or a registry id) said and did, in date order, each item with its article
    and the item's id in that article's record."""
    said = quotes(store, speaker=name, limit=limit)
    did = events(store, actor=name, limit=limit)
    items = [
        {
            "date": q["date"] or q["published"],
            "what": "said",
            "kind": q["kind"],
            "text": q["content_text"],
            "article_id": q["article_id"],
            "item": q["quote_id"],
            "title": q["title"],
            "source": q["source_url"] or q["source_path"],
        }
        for q in said
    ]
    items += [
        {
            "date": e["date"] or e["published"],
            "what": e["type"],
            "kind": e["modality"],
            "text": f"{', '.join(e['source_names'])} → {', '.join(e['target_names']) or '-'} ({e['trigger_text']})",
            "article_id": e["article_id"],
            "item": e["event_id"],
            "title": e["title"],
            "source": e["source_url"] or e["source_path"],
        }
        for e in did
    ]
    items.sort(key=lambda x: (x["date"] or "", x["article_id"]))
    return items


def network(
    store: Store,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,  # noqa: A002
) -> dict[str, Any]:
    """Actor-to-actor ties weighted by events, split into cooperation and conflict."""
    e, a, rl = s.events, s.articles, registry_links
    stmt = (
        select(e.c.article_id, e.c.type, e.c.source, e.c.target, e.c.date)
        .join(a, a.c.id == e.c.article_id)
        .where(_not_duplicate())
    )
    if since:
        stmt = stmt.where(e.c.date >= since)
    if until:
        stmt = stmt.where(e.c.date <= until)
    if type:
        stmt = stmt.where(e.c.type == type.upper())
    edges: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: {"cooperation": 0, "conflict": 0, "events": 0})
    nodes: dict[int, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
        article_ids = sorted({r.article_id for r in rows})
        links: dict[tuple[str, str], int] = {}
        for i in range(0, len(article_ids), 500):
            for aid, act, rid in conn.execute(
                select(rl.c.article_id, rl.c.actor_id, rl.c.registry_id).where(
                    rl.c.article_id.in_(article_ids[i : i + 500])
                )
            ):
                links[(aid, act)] = rid
        for r in rows:
            for si in r.source:
                for ti in r.target:
                    sr, tr = links.get((r.article_id, si)), links.get((r.article_id, ti))
                    if sr is None or tr is None or sr == tr:
                        continue
                    edge = edges[(sr, tr)]
                    edge["events"] += 1
                    edge["cooperation" if r.type in COOPERATION else "conflict"] += 1
        ids = sorted({i for pair in edges for i in pair})
        for rid, name, kind, country, sector in conn.execute(
            select(registry.c.id, registry.c.name, registry.c.kind, registry.c.country, registry.c.sector).where(
                registry.c.id.in_(ids)
            )
        ):
            nodes[rid] = {"id": rid, "name": name, "kind": kind, "country": country, "sector": sector}
    return {
        "nodes": list(nodes.values()),
        "edges": [{"source": a_, "target": b_, **w} for (a_, b_), w in sorted(edges.items())],
    }


def search(store: Store, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Full-text search over article bodies and quotes (FTS5 on SQLite, tsvector on PostgreSQL)."""
    with store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.execute(
                text(
                    "SELECT f.article_id, f.kind, f.ref, snippet(search_fts, 3, '[', ']', '…', 12) AS snippet, "
                    "a.title, a.published FROM search_fts f JOIN articles a ON a.id = f.article_id "
                    "WHERE search_fts MATCH :q ORDER BY rank LIMIT :n"
                ),
                {"q": _fts_query(query), "n": limit},
            )
        else:
            # ranked as FTS5 ranks them, and the snippet (the costly part) made only for the rows returned
            rows = conn.execute(
                text(
                    "WITH hits AS ("
                    " SELECT id AS article_id, 'article' AS kind, id AS ref, text AS body, title, published,"
                    "  ts_rank(search_vector, plainto_tsquery('english', :q)) AS rank"
                    " FROM articles WHERE search_vector @@ plainto_tsquery('english', :q)"
                    " UNION ALL"
                    " SELECT article_id, 'quote', quote_id, content_text, NULL, NULL,"
                    "  ts_rank(search_vector, plainto_tsquery('english', :q))"
                    " FROM quotes WHERE search_vector @@ plainto_tsquery('english', :q)"
                    " ORDER BY rank DESC LIMIT :n) "
                    "SELECT article_id, kind, ref, ts_headline('english', body, plainto_tsquery('english', :q), "
                    f"'{_PG_SNIPPET}') AS snippet, title, published FROM hits ORDER BY rank DESC"
                ),
                {"q": query, "n": limit},
            )
        return [dict(r._mapping) for r in rows]


# the snippet as FTS5's snippet() makes it: matches in [brackets], about a dozen words, one fragment
_PG_SNIPPET = 'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=" … "'


def _fts_query(query: str) -> str:
    """User words as an FTS5 query: each word quoted (no syntax errors), all required."""
    words = [w.replace('"', "") for w in query.split() if w.replace('"', "")]
    return " ".join(f'"{w}"' for w in words) or '""'


def actors(store: Store, name: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Registry entries with their article counts, variants, first/last seen."""
    with store.engine.connect() as conn:
        stmt = (
            select(registry, func.count(func.distinct(registry_links.c.article_id)).label("articles"))
            .outerjoin(registry_links, registry_links.c.registry_id == registry.c.id)
            .group_by(registry.c.id)
        )
        if name:
            stmt = stmt.where(registry.c.id.in_(find_actors(conn, name) or [-1]))
        stmt = stmt.order_by(text("articles DESC"), registry.c.name).limit(limit)
        out = []
        for r in conn.execute(stmt):
            d = dict(r._mapping)
            d["variants"] = sorted(
                set(conn.scalars(select(registry_names.c.name).where(registry_names.c.registry_id == d["id"])))
            )
            out.append(d)
        return out


def actor_detail(store: Store, rid: int) -> dict[str, Any]:
    """One registry entry: variants, roles over time, and why each article actor was linked."""
    with store.engine.connect() as conn:
        row = conn.execute(select(registry).where(registry.c.id == rid)).first()
        if row is None:
            raise QueryError(Errors.E400.format(name=rid))
        links = [
            dict(r._mapping)
            for r in conn.execute(
                select(
                    registry_links.c.article_id,
                    registry_links.c.actor_id,
                    registry_links.c.name,
                    registry_links.c.role,
                    registry_links.c.published,
                    registry_links.c.reason,
                )
                .where(registry_links.c.registry_id == rid)
                .order_by(registry_links.c.published)
            )
        ]
    roles = [{"role": lk["role"], "published": lk["published"]} for lk in links if lk["role"]]
    return {**dict(row._mapping), "roles": roles, "links": links}


def duplicates(store: Store) -> list[dict[str, Any]]:
    """Clusters of near-duplicate articles: the first-seen article and every outlet that ran it."""
    a = s.articles
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(a.c.id, a.c.duplicate_of, a.c.title, a.c.published, a.c.source_url, a.c.source_path).where(
                or_(
                    a.c.duplicate_of.is_not(None),
                    a.c.id.in_(select(a.c.duplicate_of).where(a.c.duplicate_of.is_not(None))),
                )
            )
        ).all()
    clusters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        clusters[r.duplicate_of or r.id].append(dict(r._mapping))
    return [
        {"original": k, "copies": sorted(v, key=lambda x: (x["duplicate_of"] is not None, x["id"]))}
        for k, v in sorted(clusters.items())
    ]


def articles(
    store: Store,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    actor: str | int | None = None,
    text_query: str | None = None,
    duplicates: bool = True,
    limit: int = 50,
    after: tuple[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Article summaries, newest first (undated last), with their counts, as ``Store.list`` gives them.

    Args:
        outlet: Part of the source URL or path (``nytimes.com``, ``breitbart``), any case.
        actor: Articles naming this actor (a name, any variant, or a registry id).
        text_query: Words the article contains (the full-text index, as :func:`search`).
        duplicates: Also list near-duplicate copies (``newsgraph list`` does).
        after: ``(published or "", id)`` of the last row of the previous page.
    """
    a = s.articles
    counts = {
        name: select(func.count()).select_from(t).where(t.c.article_id == a.c.id).scalar_subquery().label(name)
        for name, t in (("actors", s.actors), ("quotes", s.quotes), ("events", s.events))
    }
    stmt = select(a.c.id, a.c.title, a.c.published, a.c.source_path, a.c.source_url, a.c.duplicate_of, *counts.values())
    key = func.coalesce(a.c.published, "")
    if since:
        stmt = stmt.where(a.c.published >= since)
    if until:
        stmt = stmt.where(a.c.published <= until)
    if outlet:
        where = func.lower(func.coalesce(a.c.source_url, "") + " " + func.coalesce(a.c.source_path, ""))
        stmt = stmt.where(where.contains(outlet.lower(), autoescape=True))
    if not duplicates:
        stmt = stmt.where(_not_duplicate())
    if after:
        stmt = stmt.where(or_(key < after[0], and_(key == after[0], a.c.id > after[1])))
    with store.engine.connect() as conn:
        if actor is not None:
            ids = _need_actors(conn, actor)
            stmt = stmt.where(
                a.c.id.in_(select(registry_links.c.article_id).where(registry_links.c.registry_id.in_(ids)))
            )
        if text_query:
            if conn.dialect.name == "sqlite":
                hits = text("SELECT article_id FROM search_fts WHERE search_fts MATCH :q AND kind = 'article'")
                stmt = stmt.where(
                    a.c.id.in_(hits.bindparams(q=_fts_query(text_query)).columns(article_id=s.articles.c.id.type))
                )
            else:
                stmt = stmt.where(
                    text("articles.search_vector @@ plainto_tsquery('english', :tq)").bindparams(tq=text_query)
                )
        stmt = stmt.order_by(key.desc(), a.c.id).limit(limit)
        return [dict(r._mapping) for r in conn.execute(stmt)]


def article_links(store: Store, article_id: str) -> dict[str, dict[str, Any]]:
    """``{actor id: {"entry": registry id, "reason": why linked}}`` for the actors of one article."""
    rl = registry_links
    with store.engine.connect() as conn:
        rows = conn.execute(select(rl.c.actor_id, rl.c.registry_id, rl.c.reason).where(rl.c.article_id == article_id))
        return {r.actor_id: {"entry": int(r.registry_id), "reason": r.reason} for r in rows}
