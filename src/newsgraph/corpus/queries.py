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

Actor filters go through indexes: names by ``lower(name)``, quotes by the
``quote_speakers`` table and events by the ``event_actors`` table (registry
entry, date), the network by the same table, so each answers in time that
grows with the rows it returns, not the corpus. An actor filter is a name (any
variant) or a registry id (an ``int``). Rows come newest first, undated last on
every backend; ``after`` (the sort key of the last row of a page) continues a
listing where the previous page ended (keyset pagination).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import and_, func, or_, select, text, union_all
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
    code = low.upper() if len(low) == 3 and low.isalpha() else None
    return _with_country(conn, ids, code) if country else sorted(ids)


def _with_country(conn: Connection, ids: set[int], code: str | None = None) -> list[int]:
    """``ids`` and every entry coded with the country of those of them that are countries (or ``code``)."""
    codes = {code} if code else set()
    for part in chunks(sorted(ids)):
        codes |= set(
            conn.scalars(select(registry.c.country).where(registry.c.id.in_(part), registry.c.kind == "country"))
        )
    codes.discard(None)
    if codes:
        ids = ids | set(conn.scalars(select(registry.c.id).where(registry.c.country.in_(sorted(codes)))))
    return sorted(ids)


ActorRef = str | int  # a name (any variant) or a registry id


def _check_ref(value: ActorRef | None) -> ActorRef | None:
    """An actor filter as it enters: a registry id [E406] or a name [E402]/[E407]."""
    if isinstance(value, int):
        return check_entry_id(value)  # refuses True/False, negative and too large ids
    return check_name(value)


def _need_actors(conn: Connection, ref: ActorRef, country: bool = False) -> list[int]:
    """Registry ids for a name ([E400] when none), or the entry of a registry id ([E410] when none)."""
    if isinstance(ref, int):
        _need_entry(conn, ref)
        return _with_country(conn, {ref}) if country else [ref]
    ids = find_actors(conn, ref, country)
    if not ids:
        raise QueryError(Errors.E400.format(name=ref))
    return ids


def _need_entry(conn: Connection, rid: int) -> None:
    if conn.scalar(select(registry.c.id).where(registry.c.id == rid)) is None:
        raise QueryError(Errors.E410.format(id=rid))


def _not_duplicate() -> Any:
    return s.articles.c.duplicate_of.is_(None)


def _ids_in(column: Any, ids: list[int]) -> Any:
    return or_(*(column.in_(part) for part in chunks(ids, 900)))


# with this many registry entries or fewer, each entry's newest rows are read from its own index
FEW_ENTRIES = 16


def _newest(rows: Select[Any], entry: Any, ids: list[int], item: str, limit: int) -> Select[Any]:
    """The newest ``limit`` of ``rows`` (columns article_id, ``item``, date; undated last). For an
    actor with a few registry entries ("Donald Trump" and "Trump"), the newest ``limit`` of each
    entry are taken from the (entry, date) index and the newest of those kept: SQLite reads
    ``entry IN (a, b) ORDER BY date`` by sorting every row of both entries (270 ms for a speaker
    of 131,000 quotes), the per-entry reads stop after ``limit`` rows each."""

    def order(cols: Any) -> tuple[Any, ...]:
        return (cols.date.desc().nulls_last(), cols.article_id, cols[item])

    if not 1 < len(ids) <= FEW_ENTRIES:
        return rows.order_by(*order(rows.selected_columns)).limit(limit)
    each = [rows.where(entry == i).order_by(*order(rows.selected_columns)).limit(limit).subquery() for i in ids]
    union = union_all(*(select(part) for part in each)).subquery()
    return select(union).distinct().order_by(*order(union.c)).limit(limit)


Cursor = tuple[str, str, str]  # (sort key, article id, item id) of the last row of the previous page


def _after(key: Any, article_id: Any, item_id: Any, cursor: Cursor) -> Any:
    """Rows after ``cursor`` in the order (key descending, article id, item id): keyset pagination."""
    k, a, i = cursor
    return or_(key < k, and_(key == k, or_(article_id > a, and_(article_id == a, item_id > i))))


def quotes(
    store: Store,
    speaker: ActorRef | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    duplicates: bool = False,
    limit: int = 100,
    after: Cursor | None = None,
    country: bool = False,
) -> list[dict[str, Any]]:
    """Quotes, newest first (undated last): speaker (registry entry), content, kind, date, article and outlet.

    ``speaker`` is a name (any variant) or a registry id; ``after`` continues from a previous page
    (its key is the quote's date, else the article's, else "").

    Raises:
        QueryError: [E400] no actor matches ``speaker``, [E410] no entry has its id; [E402]-[E404],
            [E406], [E407] bad values.
    """
    speaker = _check_ref(speaker)
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
        if speaker is not None:
            # the speaker's quotes newest first from the (registry_id, date) index; only the rows returned
            # are joined (unless words are asked for, which the index cannot see)
            qs = quote_speakers
            ids = _need_actors(conn, speaker, country)
            said = select(qs.c.article_id, qs.c.quote_id, qs.c.date).where(_ids_in(qs.c.registry_id, ids))
            if since:
                said = said.where(qs.c.date >= since)
            if until:
                said = said.where(qs.c.date <= until)
            if not duplicates:
                said = said.where(qs.c.duplicate.is_(False))
            if after:  # the speaker table's date is the quote's, else the article's: the key below
                said = said.where(_after(func.coalesce(qs.c.date, ""), qs.c.article_id, qs.c.quote_id, after))
            sub = (said if about else _newest(said, qs.c.registry_id, ids, "quote_id", limit)).subquery()
            stmt = stmt.join(sub, and_(sub.c.article_id == q.c.article_id, sub.c.quote_id == q.c.quote_id))
        if about:
            stmt = stmt.where(func.lower(q.c.content_text).like(f"%{like_escape(about.lower())}%", escape="\\"))
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


def _pairs(conn: Connection, table: Any, column: str, pairs: list[tuple[str, str]]) -> list[Any]:
    """(article_id, actor_id, ``column``) of the rows of ``table`` with one of these (article_id,
    actor_id) pairs. Written as ORs of equalities, which SQLite answers from the primary key one pair
    at a time (a row-value ``IN (VALUES …)`` it answers by scanning the table: 80 ms at 20,000
    articles), and as SQL text: built as SQLAlchemy expressions, 2,000 pairs cost 0.1 s of Python."""
    where = " OR ".join(f"(article_id = :a{i} AND actor_id = :b{i})" for i in range(len(pairs)))
    params = {k: v for i, (a, b) in enumerate(pairs) for k, v in ((f"a{i}", a), (f"b{i}", b))}
    sql = f"SELECT article_id, actor_id, {column} FROM {table.name} WHERE {where}"  # noqa: S608 (names are ours)
    return list(conn.execute(text(sql), params))


def events(
    store: Store,
    actor: ActorRef | None = None,
    type: str | None = None,  # noqa: A002
    since: str | None = None,
    until: str | None = None,
    duplicates: bool = False,
    limit: int = 100,
    after: Cursor | None = None,
    tie: tuple[int, int] | None = None,
    country: bool = False,
) -> list[dict[str, Any]]:
    """Events, newest first (undated last), with source and target names and registry entries,
    trigger, date and article.

    ``actor`` (a name or a registry id) matches events whose source or target is linked to that
    registry entry; ``tie`` keeps the events with entry ``tie[0]`` among the sources and ``tie[1]``
    among the targets (the events behind a network tie); ``after`` continues from a previous page.

    Raises:
        QueryError: [E400] no actor matches ``actor``, [E410] no entry has an id given; [E402]-[E407]
            bad values.
    """
    actor = _check_ref(actor)
    if tie is not None:
        tie = (check_entry_id(tie[0]), check_entry_id(tie[1]))
    type = check_type(type)  # noqa: A001
    limit = check_count("limit", limit)
    since, until = check_date(since), check_date(until)
    e, a = s.events, s.articles
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
        if actor is not None or tie is not None:
            # every filter is on event_actors: the newest ``limit`` events are found there, by index,
            # and only they are joined
            involved, by, ids = _involved(conn, actor, tie, country)
            if type:
                involved = involved.where(by.c.type == type)
            if since:
                involved = involved.where(by.c.date >= since)
            if until:
                involved = involved.where(by.c.date <= until)
            if not duplicates:
                involved = involved.where(by.c.duplicate.is_(False))
            if after:
                involved = involved.where(_after(func.coalesce(by.c.date, ""), by.c.article_id, by.c.event_id, after))
            sub = _newest(involved.distinct(), by.c.registry_id, ids, "event_id", limit).subquery()
            stmt = stmt.join(sub, and_(sub.c.article_id == e.c.article_id, sub.c.event_id == e.c.event_id))
        if type:
            stmt = stmt.where(e.c.type == type)
        if since:
            stmt = stmt.where(e.c.date >= since)
        if until:
            stmt = stmt.where(e.c.date <= until)
        if not duplicates:
            stmt = stmt.where(_not_duplicate())
        key = func.coalesce(e.c.date, "")  # undated last on both backends
        if after:
            stmt = stmt.where(_after(key, e.c.article_id, e.c.event_id, after))
        stmt = stmt.order_by(key.desc(), e.c.article_id, e.c.event_id).limit(limit)
        rows = [dict(r._mapping) for r in conn.execute(stmt)]
        # the names and registry entries of these events' actors only (not every actor of their
        # articles: a busy actor's 500 events name a tenth of the actors of their articles)
        names: dict[tuple[str, str], str] = {}
        links: dict[tuple[str, str], int] = {}
        rl, ac = registry_links, s.actors
        wanted = sorted({(d["article_id"], i) for d in rows for i in (*d["source"], *d["target"])})
        for part in chunks(wanted):
            for aid, act, nm in _pairs(conn, ac, "name", part):
                names[(aid, act)] = nm
            for aid, act, rid in _pairs(conn, rl, "registry_id", part):
                links[(aid, act)] = int(rid)
    for d in rows:
        aid = d["article_id"]
        d["source_entries"] = [links.get((aid, i)) for i in d["source"]]
        d["target_entries"] = [links.get((aid, i)) for i in d["target"]]
        d["source_names"] = [names.get((aid, i), i) for i in d["source"]]
        d["target_names"] = [names.get((aid, i), i) for i in d["target"]]
    return rows


def _involved(
    conn: Connection, actor: ActorRef | None, tie: tuple[int, int] | None, country: bool
) -> tuple[Select[Any], Any, list[int]]:
    """The (article, event, date) rows of ``event_actors`` naming ``actor`` or making ``tie``, the
    table alias the filters apply to, and the registry ids the rows are read by (none for a tie)."""
    ea = event_actors
    if tie is None:
        assert actor is not None
        ids = _need_actors(conn, actor, country)
        return select(ea.c.article_id, ea.c.event_id, ea.c.date).where(_ids_in(ea.c.registry_id, ids)), ea, ids
    for rid in tie:
        _need_entry(conn, rid)
    src, tgt = ea.alias("src"), ea.alias("tgt")
    involved = (
        select(src.c.article_id, src.c.event_id, src.c.date)
        .join(
            tgt,
            and_(
                tgt.c.article_id == src.c.article_id,
                tgt.c.event_id == src.c.event_id,
                tgt.c.role == "t",
                tgt.c.registry_id == tie[1],
            ),
        )
        .where(src.c.registry_id == tie[0], src.c.role == "s")
    )
    if actor is not None:
        ids = _need_actors(conn, actor, country)
        named = (
            select(ea.c.event_id)
            .where(ea.c.article_id == src.c.article_id, ea.c.event_id == src.c.event_id)
            .where(_ids_in(ea.c.registry_id, ids))
        )
        involved = involved.where(named.exists())
    return involved, src, []


def timeline(store: Store, name: ActorRef, limit: int = 500, country: bool = False) -> list[dict[str, Any]]:
    """What an actor (a name or a registry id) said and did, in date order, each item with its article
    and the item's id in that article's record (at most ``limit`` quotes and ``limit`` events)."""
    said = quotes(store, speaker=name, limit=limit, country=country)
    did = events(store, actor=name, limit=limit, country=country)
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


def articles(
    store: Store,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    actor: ActorRef | None = None,
    text_query: str | None = None,
    duplicates: bool = True,
    limit: int = 50,
    after: tuple[str, str] | None = None,
    country: bool = False,
) -> list[dict[str, Any]]:
    """Article summaries, newest first (undated last), with their counts, as ``Store.list`` gives them.

    Args:
        outlet: Part of the source URL or path (``nytimes.com``, ``breitbart``), any case.
        actor: Articles naming this actor (a name, any variant, or a registry id).
        text_query: Words the article contains (the full-text index, as :func:`search`).
        duplicates: Also list near-duplicate copies (``newsgraph list`` does).
        after: ``(published or "", id)`` of the last row of the previous page.
        country: As for :func:`events`.

    Raises:
        QueryError: [E400] no actor matches ``actor``, [E410] no entry has its id; [E402]-[E407] bad values.
    """
    actor = _check_ref(actor)
    limit = check_count("limit", limit)
    since, until = check_date(since), check_date(until)
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
            ids = _need_actors(conn, actor, country)
            stmt = stmt.where(
                a.c.id.in_(select(registry_links.c.article_id).where(_ids_in(registry_links.c.registry_id, ids)))
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
