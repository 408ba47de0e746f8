"""Corpus queries: plain functions over a :class:`~newsgraph.store.Store`, returning dicts.

The CLI and the HTTP layer call these. A story told by several outlets counts
once by default (near-duplicates are skipped unless ``duplicates=True``); each
row names its sources so the evidence is one lookup away.

Every value is checked where it enters (:mod:`newsgraph.corpus.checks`): an
empty or over-long name [E402]/[E407], a limit out of 1..1,000,000 [E403], a
date that is none [E404], an unknown event type [E405]. ``%`` and ``_`` in a
name are plain characters. With ``country=True`` an actor filter that names a
country ("Israel", or its code "ISR") also matches every registry entry coded
with that country (its government, ministers, army...).

Actor filters go through indexes: names by ``lower(name)``, events by the
``event_actors`` table (registry entry, date), the network by the same table,
so each answers in time that grows with the rows it returns, not the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import and_, func, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from ..errors import Errors, QueryError
from ..store import Store
from ..store import schema as s
from .checks import check_count, check_date, check_name, check_type, like_escape
from .registry import check_entry_id, chunks
from .schema import event_actors, quote_speakers, registry, registry_links, registry_names

COOPERATION = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
CONFLICT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def find_actors(conn: Connection, name: str, country: bool = False) -> list[int]:
    """Registry ids for ``name``: entries whose name or a name variant is exactly ``name`` (any case),
    else entries whose name or variants contain all its words. With ``country``, a name that is a
    country's (or its ISO3 code) also gives every entry coded with that country.

    Raises:
        QueryError: [E402] an empty name, [E407] a name over 300 characters.
    """
    low = (check_name(name) or "").lower()
    exact = set(conn.scalars(select(registry.c.id).where(func.lower(registry.c.name) == low)))
    exact |= set(conn.scalars(select(registry_names.c.registry_id).where(func.lower(registry_names.c.name) == low)))
    ids = exact
    if not ids:
        words = [like_escape(w) for w in low.split()]
        cond_r = and_(*[func.lower(registry.c.name).like(f"%{w}%", escape="\\") for w in words])
        cond_n = and_(*[func.lower(registry_names.c.name).like(f"%{w}%", escape="\\") for w in words])
        ids = set(conn.scalars(select(registry.c.id).where(cond_r)))
        ids |= set(conn.scalars(select(registry_names.c.registry_id).where(cond_n)))
    if country:
        codes = set()
        for part in chunks(sorted(ids)):
            codes |= set(
                conn.scalars(select(registry.c.country).where(registry.c.id.in_(part), registry.c.kind == "country"))
            )
        if len(low) == 3 and low.isalpha():
            codes.add(low.upper())
        codes.discard(None)
        if codes:
            ids |= set(conn.scalars(select(registry.c.id).where(registry.c.country.in_(sorted(codes)))))
    return sorted(ids)


def _need_actors(conn: Connection, name: str, country: bool = False) -> list[int]:
    ids = find_actors(conn, name, country)
    if not ids:
        raise QueryError(Errors.E400.format(name=name))
    return ids


def _not_duplicate() -> Any:
    return s.articles.c.duplicate_of.is_(None)


def _ids_in(column: Any, ids: list[int]) -> Any:
    return or_(*(column.in_(part) for part in chunks(ids, 900)))


def quotes(
    store: Store,
    speaker: str | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    duplicates: bool = False,
    limit: int = 100,
    country: bool = False,
) -> list[dict[str, Any]]:
    """Quotes, newest first: speaker (registry entry), content, kind, date, article and outlet.

    Raises:
        QueryError: [E400] no actor matches ``speaker``; [E402]-[E404], [E407] bad values.
    """
    speaker = check_name(speaker)
    limit = check_count("limit", limit)
    since, until = check_date(since), check_date(until)
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
            # the speaker's quotes newest first from the (registry_id, date) index; only the rows returned
            # are joined (unless words are asked for, which the index cannot see)
            qs = quote_speakers
            said = select(qs.c.article_id, qs.c.quote_id).where(
                _ids_in(qs.c.registry_id, _need_actors(conn, speaker, country))
            )
            if since:
                said = said.where(qs.c.date >= since)
            if until:
                said = said.where(qs.c.date <= until)
            if not duplicates:
                said = said.where(qs.c.duplicate.is_(False))
            if not about:
                said = said.order_by(qs.c.date.desc(), qs.c.article_id, qs.c.quote_id).limit(limit)
            sub = said.subquery()
            stmt = stmt.join(sub, and_(sub.c.article_id == q.c.article_id, sub.c.quote_id == q.c.quote_id))
        if about:
            stmt = stmt.where(func.lower(q.c.content_text).like(f"%{like_escape(about.lower())}%", escape="\\"))
        if since:
            stmt = stmt.where(func.coalesce(q.c.date, a.c.published) >= since)
        if until:
            stmt = stmt.where(func.coalesce(q.c.date, a.c.published) <= until)
        if not duplicates:
            stmt = stmt.where(_not_duplicate())
        stmt = stmt.order_by(func.coalesce(q.c.date, a.c.published).desc(), q.c.article_id, q.c.quote_id).limit(limit)
        return [dict(r._mapping) for r in conn.execute(stmt)]


def events(
    store: Store,
    actor: str | None = None,
    type: str | None = None,  # noqa: A002
    since: str | None = None,
    until: str | None = None,
    duplicates: bool = False,
    limit: int = 100,
    country: bool = False,
) -> list[dict[str, Any]]:
    """Events, newest first, with source and target names, trigger, date and article.

    ``actor`` matches events whose source or target is linked to that registry entry.

    Raises:
        QueryError: [E400] no actor matches ``actor``; [E402]-[E405], [E407] bad values.
    """
    actor = check_name(actor)
    type = check_type(type)  # noqa: A001
    limit = check_count("limit", limit)
    since, until = check_date(since), check_date(until)
    e, a, ea = s.events, s.articles, event_actors
    stmt: Select[Any] = select(
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
        if actor:
            ids = _need_actors(conn, actor, country)
            # every filter is on event_actors: the newest ``limit`` events are found there, by index,
            # and only they are joined
            involved = select(ea.c.article_id, ea.c.event_id, ea.c.date).where(_ids_in(ea.c.registry_id, ids))
            if type:
                involved = involved.where(ea.c.type == type)
            if since:
                involved = involved.where(ea.c.date >= since)
            if until:
                involved = involved.where(ea.c.date <= until)
            if not duplicates:
                involved = involved.where(ea.c.duplicate.is_(False))
            sub = involved.distinct().order_by(ea.c.date.desc(), ea.c.article_id, ea.c.event_id).limit(limit).subquery()
            stmt = stmt.join(sub, and_(sub.c.article_id == e.c.article_id, sub.c.event_id == e.c.event_id))
        if type:
            stmt = stmt.where(e.c.type == type)
        if since:
            stmt = stmt.where(e.c.date >= since)
        if until:
            stmt = stmt.where(e.c.date <= until)
        if not duplicates:
            stmt = stmt.where(_not_duplicate())
        stmt = stmt.order_by(e.c.date.desc(), e.c.article_id, e.c.event_id).limit(limit)
        rows = [dict(r._mapping) for r in conn.execute(stmt)]
        names: dict[tuple[str, str], str] = {}
        for part in chunks(sorted({d["article_id"] for d in rows})):
            for aid, act, nm in conn.execute(
                select(s.actors.c.article_id, s.actors.c.actor_id, s.actors.c.name).where(
                    s.actors.c.article_id.in_(part)
                )
            ):
                names[(aid, act)] = nm
    for d in rows:
        aid = d["article_id"]
        d["source_names"] = [names.get((aid, i), i) for i in d["source"]]
        d["target_names"] = [names.get((aid, i), i) for i in d["target"]]
    return rows


def timeline(store: Store, name: str, limit: int = 500, country: bool = False) -> list[dict[str, Any]]:
    """What an actor said and did, in date order, each item with its article (at most ``limit`` of each)."""
    said = quotes(store, speaker=name, limit=limit, country=country)
    did = events(store, actor=name, limit=limit, country=country)
    items = [
        {
            "date": q["date"] or q["published"],
            "what": "said",
            "kind": q["kind"],
            "text": q["content_text"],
            "article_id": q["article_id"],
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
    """Actor-to-actor ties weighted by events, split into cooperation and conflict.

    Counted in the database from ``event_actors``: each event gives one tie per source and target
    actor linked to different registry entries; near-duplicate articles are left out.
    """
    since, until = check_date(since), check_date(until)
    type = check_type(type)  # noqa: A001
    src, tgt = event_actors.alias("src"), event_actors.alias("tgt")
    stmt = (
        select(src.c.registry_id, tgt.c.registry_id, src.c.type, func.count())
        .join(
            tgt,
            and_(tgt.c.article_id == src.c.article_id, tgt.c.event_id == src.c.event_id, tgt.c.role == "t"),
        )
        .where(src.c.role == "s", src.c.duplicate.is_(False), src.c.registry_id != tgt.c.registry_id)
        .group_by(src.c.registry_id, tgt.c.registry_id, src.c.type)
    )
    if since:
        stmt = stmt.where(src.c.date >= since)
    if until:
        stmt = stmt.where(src.c.date <= until)
    if type:
        stmt = stmt.where(src.c.type == type)
    edges: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: {"cooperation": 0, "conflict": 0, "events": 0})
    nodes: dict[int, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for sr, tr, etype, n in conn.execute(stmt):
            edge = edges[(int(sr), int(tr))]
            edge["events"] += int(n)
            edge["cooperation" if etype in COOPERATION else "conflict"] += int(n)
        ids = sorted({i for pair in edges for i in pair})
        for part in chunks(ids):
            for rid, name, kind, ccode, sector in conn.execute(
                select(registry.c.id, registry.c.name, registry.c.kind, registry.c.country, registry.c.sector).where(
                    registry.c.id.in_(part)
                )
            ):
                nodes[rid] = {"id": rid, "name": name, "kind": kind, "country": ccode, "sector": sector}
    return {
        "nodes": [nodes[i] for i in ids if i in nodes],
        "edges": [{"source": a_, "target": b_, **w} for (a_, b_), w in sorted(edges.items())],
    }


def search(store: Store, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Full-text search over article bodies and quotes (FTS5 on SQLite, tsvector on PostgreSQL)."""
    limit = check_count("limit", limit)
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
    """Registry entries with their article counts, variants, first/last seen, most articles first."""
    name = check_name(name)
    limit = check_count("limit", limit)
    with store.engine.connect() as conn:
        stmt = select(registry)
        if name:
            ids = find_actors(conn, name)
            if not ids:
                return []
            stmt = stmt.where(_ids_in(registry.c.id, ids))
        stmt = stmt.order_by(registry.c.articles.desc(), registry.c.name, registry.c.id).limit(limit)
        out = [dict(r._mapping) for r in conn.execute(stmt)]
        variants: dict[int, set[str]] = defaultdict(set)
        for part in chunks([d["id"] for d in out]):
            for rid, nm in conn.execute(
                select(registry_names.c.registry_id, registry_names.c.name).where(
                    registry_names.c.registry_id.in_(part)
                )
            ):
                variants[rid].add(nm)
        for d in out:
            d["variants"] = sorted(variants[d["id"]])
        return out


def actor_detail(store: Store, rid: int) -> dict[str, Any]:
    """One registry entry: variants, roles over time, and why each article actor was linked.

    Raises:
        QueryError: [E406] not a registry id, [E410] no such entry.
    """
    check_entry_id(rid)
    with store.engine.connect() as conn:
        row = conn.execute(select(registry).where(registry.c.id == rid)).first()
        if row is None:
            raise QueryError(Errors.E410.format(id=rid))
        variants = sorted(set(conn.scalars(select(registry_names.c.name).where(registry_names.c.registry_id == rid))))
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
                .order_by(registry_links.c.published, registry_links.c.article_id, registry_links.c.actor_id)
            )
        ]
    roles = [{"role": lk["role"], "published": lk["published"]} for lk in links if lk["role"]]
    return {**dict(row._mapping), "variants": variants, "roles": roles, "links": links}


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
