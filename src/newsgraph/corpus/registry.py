"""The actor registry: one entry per real-world actor across articles.

Merging is conservative and explained. An article's actor joins an entry when
(in this order, the first rule that applies wins, and is stored as the reason):

1. a name pinned by the user (``newsgraph actors merge`` / ``split``) leads there;
2. countries: the same ISO3 code;
3. the same full name key (case, punctuation, middle initials ignored:
   "Donald J. Trump" = "Donald Trump"; suffixes kept: "Donald Trump Jr." is
   another person) with a compatible country (equal, or one unknown);
4. persons named by surname only ("Gallant"): the only registry person with
   that surname and a compatible country, or, among namesakes, the one named
   in at least three times as many articles as the next ("Trump" after
   hundreds of "Donald Trump" articles and a few "Melania Trump" ones);
5. organisations and groups: the same normalised name, or a known acronym.

Otherwise a new entry is made. Nothing merges on role or description alone: an
actor known only by descriptions ("the court", "opposition supporters") gets an
entry of its own in every article.

Linking is done a batch at a time (:class:`BatchLinker`): the entries a batch
can reach (by name key, or by a surname or first name in the indexed
``first``/``last`` columns) are read in a few queries, the batch is linked in
memory article by article — exactly as if each article were linked alone, in
order — and the new entries, names and links are written with one statement
each.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from ..errors import Errors, RegistryEditError
from ..record import Actor, Article
from .schema import event_actors, quote_speakers, registry, registry_links, registry_merges, registry_names

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "gen",
    "sen",
    "rep",
    "gov",
    "president",
    "secretary",
    "minister",
}
DOMINANCE = 3
# bound parameters per IN list (SQLite allows 32,766; smaller lists keep plans simple)
CHUNK = 500


@dataclass(frozen=True, slots=True)
class NameKey:
    full: str  # "person:donald trump" / "org:united nations" / "country:USA"
    surname: str | None  # persons only
    suffix: str | None


def name_key(actor: Actor) -> NameKey:
    """The key an actor is registered under (see the module docstring)."""
    if actor.kind == "country":
        return NameKey(f"country:{actor.country or actor.name.lower()}", None, None)
    words = [w for w in re.split(r"[\s.,'’]+", actor.name.lower()) if w]
    if actor.kind != "person":
        return NameKey(f"{actor.kind}:{' '.join(words)}", None, None)
    suffix = words[-1] if len(words) > 1 and words[-1] in _SUFFIXES else None
    if suffix:
        words = words[:-1]
    words = [w for w in words if w not in _HONORIFICS] or words
    # drop middle names and initials: first and last name identify within a country
    core = [words[0], words[-1]] if len(words) > 2 else words
    key = " ".join(core) + (f" {suffix}" if suffix else "")
    return NameKey(f"person:{key}", words[-1], suffix)


def key_words(key: str) -> tuple[str | None, str | None]:
    """The first and last word of a person's key of two words or more (the indexed columns)."""
    if not key.startswith("person:") or "@" in key:  # described-only entries are never matched by name
        return None, None
    words = key.removeprefix("person:").split(" ")
    return (words[0][:100], words[-1][:100]) if len(words) > 1 else (None, None)


def _described_only(actor: Actor) -> bool:
    """Is ``actor`` named nowhere, only described ("the court") or referred to ("it")?"""
    return actor.kind != "country" and all(m.kind in ("description", "pronoun") for m in actor.mentions)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def chunks(values: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    items = list(values)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def new_ids(conn: Connection, table: Any, n: int) -> list[int]:
    """``n`` fresh ids for ``table``, increasing, in one statement, so its rows go in with one executemany.

    Called under the store's write lock: on SQLite the next ids are those after the largest; on
    PostgreSQL they come from the table's sequence, which later single inserts go on using.
    """
    if n <= 0:
        return []
    if conn.dialect.name == "postgresql":
        seq = f"pg_get_serial_sequence('{table.name}', 'id')"
        got = conn.exec_driver_sql(f"SELECT nextval({seq}) FROM generate_series(1, {int(n)})").scalars().all()
        return sorted(int(i) for i in got)
    top = int(conn.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0)
    return list(range(top + 1, top + n + 1))


@dataclass(slots=True)
class _Entry:
    id: int  # the database id, or a negative number until the entry is inserted
    name: str
    kind: str
    country: str | None
    sector: str | None
    first_seen: str | None
    last_seen: str | None
    articles: int
    changed: bool = False


@dataclass(slots=True)
class BatchLinker:
    """Links the actors of a batch of articles to registry entries, in memory, then writes once."""

    conn: Connection
    entries: dict[int, _Entry] = field(default_factory=dict)
    by_key: dict[str, list[tuple[int, bool]]] = field(default_factory=lambda: defaultdict(list))
    by_first: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_last: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    names: set[tuple[int, str]] = field(default_factory=set)
    new_names: list[dict[str, Any]] = field(default_factory=list)
    new_links: list[dict[str, Any]] = field(default_factory=list)
    linked: set[tuple[int, str]] = field(default_factory=set)
    _next_new: int = -1

    # -- reading what the batch can reach ------------------------------------------------------
    def load(self, articles: list[Article]) -> None:
        keys: set[str] = set()
        words: set[str] = set()
        names: set[str] = set()
        for art in articles:
            for actor in art.actors:
                names.add(actor.name)
                if _described_only(actor):
                    continue
                key = name_key(actor)
                keys.add(key.full)
                if key.surname:
                    words.add(key.surname)
                if actor.kind == "organization":
                    words.add(actor.name.lower())
        rn = registry_names
        ids: set[int] = set()
        for part in chunks(sorted(keys | {f"word:{w}" for w in words})):
            found_keys = [k for k in part if not k.startswith("word:")]
            found_words = [k.removeprefix("word:") for k in part if k.startswith("word:")]
            cond: Any = rn.c.key.in_(found_keys)
            if found_words:
                cond = cond | rn.c.first.in_(found_words) | rn.c.last.in_(found_words)
            for rid, key, pinned in self.conn.execute(
                select(rn.c.registry_id, rn.c.key, rn.c.pinned).where(cond).order_by(rn.c.registry_id)
            ):
                self._index_name(int(rid), key, bool(pinned))
                ids.add(int(rid))
        for part in chunks(sorted(ids)):
            for row in self.conn.execute(select(registry).where(registry.c.id.in_(part))):
                self.entries[int(row.id)] = _Entry(
                    int(row.id),
                    row.name,
                    row.kind,
                    row.country,
                    row.sector,
                    row.first_seen,
                    row.last_seen,
                    int(row.articles or 0),
                )
        # the names the reachable entries hold already (a described-only actor's entry is always new)
        for part in chunks(sorted(ids)):
            for rid, name in self.conn.execute(
                select(rn.c.registry_id, rn.c.name).where(rn.c.registry_id.in_(part), rn.c.name.in_(sorted(names)))
            ):
                self.names.add((int(rid), name))

    def _index_name(self, rid: int, key: str, pinned: bool) -> None:
        if (rid, pinned) not in self.by_key[key]:
            self.by_key[key].append((rid, pinned))
        first, last = key_words(key)
        if first and last:
            self.by_first[first].add(rid)
            self.by_last[last].add(rid)

    # -- linking, article by article --------------------------------------------------------------
    def link(self, article: Article) -> dict[str, int]:
        """Link each actor of ``article``; returns {actor id: entry id (negative while new)}."""
        out: dict[str, int] = {}
        for actor in article.actors:
            key = name_key(actor)
            rid: int | None
            if _described_only(actor):
                # "the court" here and "the court" elsewhere need not be one court
                key = NameKey(f"{key.full}@{article.id}", None, None)
                rid, reason = None, "new entry: described only, not merged across articles"
            else:
                rid, reason = self._match(actor, key)
                reason = reason if rid is not None else "new entry"
            if rid is None:
                rid = self._next_new
                self._next_new -= 1
                self.entries[rid] = _Entry(
                    rid,
                    actor.name,
                    actor.kind,
                    actor.country,
                    actor.sector,
                    article.published,
                    article.published,
                    0,
                )
            else:
                self._update_entry(self.entries[rid], actor, article.published)
            if (rid, actor.name) not in self.names:
                self.names.add((rid, actor.name))
                first, last = key_words(key.full)
                self.new_names.append(
                    {"registry_id": rid, "key": key.full, "name": actor.name, "first": first, "last": last}
                )
                self._index_name(rid, key.full, False)
            if (rid, article.id) not in self.linked:
                self.linked.add((rid, article.id))
                self.entries[rid].articles += 1
                self.entries[rid].changed = True
            self.new_links.append(
                {
                    "article_id": article.id,
                    "actor_id": actor.id,
                    "registry_id": rid,
                    "name": actor.name,
                    "role": actor.roles[0] if actor.roles else None,
                    "published": article.published,
                    "reason": reason,
                }
            )
            out[actor.id] = rid
        return out

    def _match(self, actor: Actor, key: NameKey) -> tuple[int | None, str]:
        pinned = next((rid for rid, is_pinned in self.by_key.get(key.full, ()) if is_pinned), None)
        if pinned is not None:
            return pinned, f"name '{actor.name}' pinned to this entry by the user"
        if actor.kind == "organization" and re.fullmatch(r"[A-Z][A-Za-z]+", actor.name):
            # a lone surname the tagger took for an organisation ("Trump"): a person first
            found = self._by_surname(actor, actor.name.lower())
            if found[0] is not None:
                return found
        for rid in sorted({rid for rid, _ in self.by_key.get(key.full, ())}, key=_db_order):
            entry = self.entries[rid]
            if entry.kind == actor.kind and _compatible(entry.country, actor.country):
                what = "same country code" if actor.kind == "country" else f"same name as '{entry.name}'"
                country = entry.country
                return rid, what + (f", country {country}" if country and actor.kind != "country" else "")
        if actor.kind == "person" and key.surname and " " not in key.full.removeprefix("person:"):
            found = self._by_surname(actor, key.surname)
            if found[0] is None:  # a first name used alone ("Hillary"), under the same rules
                found = self._by_surname(actor, key.surname, first_name=True)
            return found
        return None, ""

    def _by_surname(self, actor: Actor, surname: str, first_name: bool = False) -> tuple[int | None, str]:
        what = "first name" if first_name else "surname"
        index = self.by_first if first_name else self.by_last
        cands = [self.entries[i] for i in index.get(surname, ()) if self.entries[i].kind == "person"]
        ids = sorted({e.id for e in cands if _compatible(e.country, actor.country)}, key=_db_order)
        if len(ids) == 1:
            return ids[0], f"{what} '{surname}' matches only '{self.entries[ids[0]].name}'"
        if len(ids) > 1:
            # several namesakes: the one named in far more articles is the one a bare surname means
            counts = sorted(((self.entries[i].articles, _db_order(i)) for i in ids), reverse=True)
            (top, order), (second, _) = counts[0], counts[1]
            rid = next(i for i in ids if _db_order(i) == order)
            if top >= DOMINANCE * max(second, 1) and top >= 3:
                return rid, (
                    f"{what} '{surname}': '{self.entries[rid].name}' is named in {top} articles, "
                    f"the next namesake in {second}"
                )
        return None, ""

    @staticmethod
    def _update_entry(entry: _Entry, actor: Actor, published: str | None) -> None:
        before = (entry.name, entry.country, entry.sector, entry.first_seen, entry.last_seen)
        if len(actor.name) > len(entry.name) and actor.kind == entry.kind:
            entry.name = actor.name  # the fullest name seen
        if entry.country is None and actor.country:
            entry.country = actor.country
        if entry.sector is None and actor.sector:
            entry.sector = actor.sector
        if published:
            if entry.first_seen is None or published < entry.first_seen:
                entry.first_seen = published
            if entry.last_seen is None or published > entry.last_seen:
                entry.last_seen = published
        if before != (entry.name, entry.country, entry.sector, entry.first_seen, entry.last_seen):
            entry.changed = True

    # -- writing ----------------------------------------------------------------------------------
    def write(self) -> dict[int, int]:
        """Insert new entries, names and links, update changed entries; returns {temporary id: id}."""
        new = [e for e in self.entries.values() if e.id < 0]
        new.sort(key=lambda e: -e.id)  # in the order they were made, so ids follow the input order
        ids: dict[int, int] = {}
        if new:
            for e, rid in zip(new, new_ids(self.conn, registry, len(new)), strict=True):
                ids[e.id] = rid
            rows = [
                {
                    "id": ids[e.id],
                    "name": e.name,
                    "kind": e.kind,
                    "country": e.country,
                    "sector": e.sector,
                    "first_seen": e.first_seen,
                    "last_seen": e.last_seen,
                    "articles": e.articles,
                }
                for e in new
            ]
            self.conn.execute(insert(registry), rows)
        changed = [e for e in self.entries.values() if e.id > 0 and e.changed]
        if changed:
            self.conn.execute(
                update(registry)
                .where(registry.c.id == bindparam("b_id"))
                .values(
                    name=bindparam("b_name"),
                    country=bindparam("b_country"),
                    sector=bindparam("b_sector"),
                    first_seen=bindparam("b_first"),
                    last_seen=bindparam("b_last"),
                    articles=bindparam("b_articles"),
                ),
                [
                    {
                        "b_id": e.id,
                        "b_name": e.name,
                        "b_country": e.country,
                        "b_sector": e.sector,
                        "b_first": e.first_seen,
                        "b_last": e.last_seen,
                        "b_articles": e.articles,
                    }
                    for e in changed
                ],
            )
        if self.new_names:
            rows = [
                {**r, "registry_id": ids.get(r["registry_id"], r["registry_id"]), "pinned": False}
                for r in self.new_names
            ]
            self.conn.execute(insert(registry_names), rows)
        if self.new_links:
            rows = [{**r, "registry_id": ids.get(r["registry_id"], r["registry_id"])} for r in self.new_links]
            self.conn.execute(insert(registry_links), rows)
        return ids


def _db_order(rid: int) -> int:
    """Entries in the order they were made: stored ones by id, then this batch's new ones."""
    return rid if rid > 0 else (1 << 62) - rid


def link_articles(conn: Connection, articles: list[Article]) -> dict[str, dict[str, int]]:
    """Link every actor of a batch; returns {article id: {actor id: registry id}}."""
    linker = BatchLinker(conn)
    linker.load(articles)
    temporary = {art.id: linker.link(art) for art in articles}
    ids = linker.write()
    return {aid: {act: ids.get(rid, rid) for act, rid in links.items()} for aid, links in temporary.items()}


def link_article(conn: Connection, article: Article) -> dict[str, int]:
    """Link each actor of one article to a registry entry; returns {actor id: registry id}."""
    return link_articles(conn, [article])[article.id]


def unlink(conn: Connection, article_ids: list[str]) -> None:
    """Drop the links of articles about to be replaced; entries left with no article and no name
    pinned by the user go too, so a re-run leaves the registry as a clean ingest would."""
    touched: dict[int, int] = {}
    for part in chunks(article_ids):
        for rid, n in conn.execute(
            select(registry_links.c.registry_id, func.count(func.distinct(registry_links.c.article_id)))
            .where(registry_links.c.article_id.in_(part))
            .group_by(registry_links.c.registry_id)
        ):
            touched[int(rid)] = touched.get(int(rid), 0) + int(n)
        conn.execute(delete(registry_links).where(registry_links.c.article_id.in_(part)))
    if not touched:
        return
    conn.execute(
        update(registry)
        .where(registry.c.id == bindparam("b_id"))
        .values(articles=registry.c.articles - bindparam("b_n")),
        [{"b_id": rid, "b_n": n} for rid, n in touched.items()],
    )
    for part in chunks(sorted(touched)):
        kept = select(registry_names.c.registry_id).where(registry_names.c.pinned)
        gone = list(
            conn.scalars(
                select(registry.c.id).where(
                    registry.c.id.in_(part), registry.c.articles <= 0, registry.c.id.not_in(kept)
                )
            )
        )
        if gone:
            conn.execute(delete(registry_names).where(registry_names.c.registry_id.in_(gone)))
            conn.execute(delete(registry).where(registry.c.id.in_(gone)))


# -- the user's corrections ---------------------------------------------------------------------
def _entry(conn: Connection, rid: int) -> Any:
    check_entry_id(rid)
    row = conn.execute(select(registry).where(registry.c.id == rid)).first()
    if row is None:
        raise RegistryEditError(Errors.E410.format(id=rid))
    return row


def check_entry_id(rid: object) -> int:
    """A registry id as the database can hold it, else [E406]."""
    if isinstance(rid, bool) or not isinstance(rid, int) or not 1 <= rid <= 2**63 - 1:
        raise RegistryEditError(Errors.E406.format(value=rid))
    return rid


def _recount(conn: Connection, ids: Iterable[int]) -> None:
    """Article count and first/last seen of entries, from their links (after a merge or split)."""
    rl = registry_links
    for rid in ids:
        n, first, last = conn.execute(
            select(
                func.count(func.distinct(rl.c.article_id)), func.min(rl.c.published), func.max(rl.c.published)
            ).where(rl.c.registry_id == rid)
        ).one()
        conn.execute(
            update(registry).where(registry.c.id == rid).values(articles=int(n or 0), first_seen=first, last_seen=last)
        )


def merge_entries(conn: Connection, keep: int, other: int, force: bool = False) -> int:
    """Merge entry ``other`` into ``keep``; its names are pinned to ``keep`` so re-ingest keeps it.

    Returns the number of article actors moved.

    Raises:
        RegistryEditError: [E410] an id names no entry; [E411] ``keep`` and ``other`` are one entry;
            [E412] their kinds or countries differ and ``force`` is not set.
    """
    a, b = _entry(conn, keep), _entry(conn, other)
    if keep == other:
        raise RegistryEditError(Errors.E411.format(id=keep))
    conflicts = []
    if a.kind != b.kind:
        conflicts.append(f"kind {a.kind} / {b.kind}")
    if a.country and b.country and a.country != b.country:
        conflicts.append(f"country {a.country} / {b.country}")
    if conflicts and not force:
        raise RegistryEditError(
            Errors.E412.format(keep=keep, keep_name=a.name, other=other, other_name=b.name, what="; ".join(conflicts))
        )
    other_names = set(conn.scalars(select(registry_names.c.name).where(registry_names.c.registry_id == other)))
    moved = conn.execute(
        update(registry_links)
        .where(registry_links.c.registry_id == other)
        .values(registry_id=keep, reason=f"merged by the user from entry {other}")
    ).rowcount
    for table in (event_actors, quote_speakers):
        conn.execute(update(table).where(table.c.registry_id == other).values(registry_id=keep))
    from .consolidate import move_speaker

    move_speaker(conn, other, keep)
    conn.execute(
        update(registry_names).where(registry_names.c.registry_id == other).values(registry_id=keep, pinned=True)
    )
    conn.execute(update(registry_names).where(registry_names.c.registry_id == keep).values(pinned=True))
    values: dict[str, Any] = {}
    if a.country is None and b.country:
        values["country"] = b.country
    if a.sector is None and b.sector:
        values["sector"] = b.sector
    if values:
        conn.execute(update(registry).where(registry.c.id == keep).values(**values))
    # what both entries were, so a split of the other's names restores them
    conn.execute(
        insert(registry_merges).values(
            keep=keep,
            other=other,
            record={"keep": _entry_record(a), "other": _entry_record(b), "names": sorted(other_names)},
        )
    )
    conn.execute(update(registry_merges).where(registry_merges.c.keep == other).values(keep=keep))
    conn.execute(registry.delete().where(registry.c.id == other))
    _recount(conn, [keep])
    return int(moved or 0)


def _entry_record(row: Any) -> dict[str, Any]:
    return {"name": row.name, "kind": row.kind, "country": row.country, "sector": row.sector}


def split_entry(conn: Connection, rid: int, name: str) -> int:
    """Move the article actors of entry ``rid`` called ``name`` to a new entry, pinned. Returns its id.

    When ``name`` came to ``rid`` by a merge, the new entry takes back the kind, country and sector
    the merged entry had, so merge then split restores what was there.

    Raises:
        RegistryEditError: [E410] no such entry; [E413] the entry holds no name ``name``.
    """
    import json

    row = _entry(conn, rid)
    held = list(
        conn.execute(
            select(registry_names.c.key, registry_names.c.name).where(
                (registry_names.c.registry_id == rid) & (registry_names.c.name == name)
            )
        )
    )
    if not held:
        raise RegistryEditError(Errors.E413.format(id=rid, name=name, entry_name=row.name))
    linked_other = conn.scalar(
        select(func.count())
        .select_from(registry_links)
        .where((registry_links.c.registry_id == rid) & (registry_links.c.name != name))
    )
    names_other = conn.scalar(
        select(func.count())
        .select_from(registry_names)
        .where((registry_names.c.registry_id == rid) & (registry_names.c.name != name))
    )
    if not linked_other and not names_other:
        raise RegistryEditError(Errors.E414.format(id=rid, name=name))
    # a name that came to this entry by a merge: the entry it came from comes back as it was
    origin: dict[str, Any] = {"name": name, "kind": row.kind, "country": row.country, "sector": row.sector}
    restored: dict[str, Any] | None = None
    for merge_id, record in conn.execute(
        select(registry_merges.c.id, registry_merges.c.record)
        .where(registry_merges.c.keep == rid)
        .order_by(registry_merges.c.id.desc())
    ):
        record = record if isinstance(record, dict) else json.loads(record)
        if name in record["names"]:
            origin, restored = record["other"], record["keep"]
            conn.execute(delete(registry_merges).where(registry_merges.c.id == merge_id))
            break
    if restored is not None and restored["kind"] == row.kind:
        # what the merge filled in from the other entry goes back with it
        conn.execute(
            update(registry).where(registry.c.id == rid).values(country=restored["country"], sector=restored["sector"])
        )
    new = int(
        conn.execute(
            insert(registry).values(
                name=origin["name"],
                kind=origin["kind"],
                country=origin["country"],
                sector=origin["sector"],
                articles=0,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
    )
    moving = select(registry_links.c.article_id, registry_links.c.actor_id).where(
        (registry_links.c.registry_id == rid) & (registry_links.c.name == name)
    )
    pairs = [(a, b) for a, b in conn.execute(moving)]
    conn.execute(
        update(registry_links)
        .where((registry_links.c.registry_id == rid) & (registry_links.c.name == name))
        .values(registry_id=new, reason="split by the user")
    )
    for article_id, actor_id in pairs:
        for table in (event_actors, quote_speakers):
            conn.execute(
                update(table)
                .where(
                    (table.c.registry_id == rid) & (table.c.article_id == article_id) & (table.c.actor_id == actor_id)
                )
                .values(registry_id=new)
            )
    conn.execute(
        update(registry_names)
        .where((registry_names.c.registry_id == rid) & (registry_names.c.name == name))
        .values(registry_id=new, pinned=True)
    )
    _recount(conn, [rid, new])
    return new


__all__ = [
    "DOMINANCE",
    "BatchLinker",
    "NameKey",
    "check_entry_id",
    "link_article",
    "link_articles",
    "merge_entries",
    "name_key",
    "split_entry",
    "unlink",
]
