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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from ..record import Actor, Article
from .schema import registry, registry_links, registry_names

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


def _described_only(actor: Actor) -> bool:
    """Is ``actor`` named nowhere, only described ("the court") or referred to ("it")?"""
    return actor.kind != "country" and all(m.kind in ("description", "pronoun") for m in actor.mentions)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def link_article(conn: Connection, article: Article) -> dict[str, int]:
    """Link each actor of ``article`` to a registry entry; returns {actor id: registry id}."""
    out: dict[str, int] = {}
    for actor in article.actors:
        key = name_key(actor)
        if _described_only(actor):
            # "the court" here and "the court" elsewhere need not be one court
            key = NameKey(f"{key.full}@{article.id}", None, None)
            rid, reason = None, "new entry: described only, not merged across articles"
        else:
            rid, reason = _match(conn, actor, key)
            reason = reason if rid is not None else "new entry"
        if rid is None:
            rid = int(
                conn.execute(
                    insert(registry).values(
                        name=actor.name,
                        kind=actor.kind,
                        country=actor.country,
                        sector=actor.sector,
                        first_seen=article.published,
                        last_seen=article.published,
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
            )
        else:
            _update_entry(conn, rid, actor, article.published)
        if (
            conn.scalar(
                select(func.count())
                .select_from(registry_names)
                .where((registry_names.c.registry_id == rid) & (registry_names.c.name == actor.name))
            )
            == 0
        ):
            conn.execute(insert(registry_names).values(registry_id=rid, key=key.full, name=actor.name, pinned=False))
        conn.execute(
            insert(registry_links).values(
                article_id=article.id,
                actor_id=actor.id,
                registry_id=rid,
                name=actor.name,
                role=actor.roles[0] if actor.roles else None,
                published=article.published,
                reason=reason,
            )
        )
        out[actor.id] = rid
    return out


def _match(conn: Connection, actor: Actor, key: NameKey) -> tuple[int | None, str]:
    rn, r = registry_names, registry
    pinned = conn.execute(select(rn.c.registry_id).where((rn.c.key == key.full) & rn.c.pinned)).first()
    if pinned:
        return int(pinned[0]), f"name '{actor.name}' pinned to this entry by the user"
    if actor.kind == "organization" and re.fullmatch(r"[A-Z][A-Za-z]+", actor.name):
        # a lone surname the tagger took for an organisation ("Trump"): a person first
        found = _by_surname(conn, actor, actor.name.lower())
        if found[0] is not None:
            return found
    rows = conn.execute(
        select(r.c.id, r.c.country, r.c.name)
        .join(rn, rn.c.registry_id == r.c.id)
        .where(rn.c.key == key.full)
        .where(r.c.kind == actor.kind)
    ).all()
    for rid, country, name in rows:
        if _compatible(country, actor.country):
            what = "same country code" if actor.kind == "country" else f"same name as '{name}'"
            return int(rid), what + (f", country {country}" if country and actor.kind != "country" else "")
    if actor.kind == "person" and key.surname and " " not in key.full.removeprefix("person:"):
        found = _by_surname(conn, actor, key.surname)
        if found[0] is None:  # a first name used alone ("Hillary"), under the same rules
            found = _by_surname(conn, actor, key.surname, first_name=True)
        return found
    return None, ""


def _by_surname(conn: Connection, actor: Actor, surname: str, first_name: bool = False) -> tuple[int | None, str]:
    rn, r = registry_names, registry
    what = "first name" if first_name else "surname"
    pattern = f"person:{surname} %" if first_name else f"person:% {surname}"
    cands = conn.execute(
        select(r.c.id, r.c.country, r.c.name)
        .join(rn, rn.c.registry_id == r.c.id)
        .where(r.c.kind == "person")
        .where(rn.c.key.like(pattern))
    ).all()
    ids = sorted({int(i) for i, c, _ in cands if _compatible(c, actor.country)})
    names = {int(i): n for i, _, n in cands}
    if len(ids) == 1:
        return ids[0], f"{what} '{surname}' matches only '{names[ids[0]]}'"
    if len(ids) > 1:
        # several namesakes: the one named in far more articles is the one a bare surname means
        counts = sorted(((_articles(conn, i), i) for i in ids), reverse=True)
        (top, rid), (second, _) = counts[0], counts[1]
        if top >= DOMINANCE * max(second, 1) and top >= 3:
            return rid, (
                f"{what} '{surname}': '{names[rid]}' is named in {top} articles, the next namesake in {second}"
            )
    return None, ""


DOMINANCE = 3


def _articles(conn: Connection, rid: int) -> int:
    return int(
        conn.scalar(
            select(func.count(func.distinct(registry_links.c.article_id))).where(registry_links.c.registry_id == rid)
        )
        or 0
    )


def _update_entry(conn: Connection, rid: int, actor: Actor, published: str | None) -> None:
    row = conn.execute(select(registry).where(registry.c.id == rid)).one()
    values: dict[str, object] = {}
    if len(actor.name) > len(row.name) and actor.kind == row.kind:
        values["name"] = actor.name  # the fullest name seen
    if row.country is None and actor.country:
        values["country"] = actor.country
    if row.sector is None and actor.sector:
        values["sector"] = actor.sector
    if published:
        if row.first_seen is None or published < row.first_seen:
            values["first_seen"] = published
        if row.last_seen is None or published > row.last_seen:
            values["last_seen"] = published
    if values:
        conn.execute(update(registry).where(registry.c.id == rid).values(**values))


def merge_entries(conn: Connection, keep: int, other: int) -> int:
    """Merge entry ``other`` into ``keep``; its names are pinned to ``keep`` so re-ingest keeps it.
    Returns the number of article actors moved."""
    moved = conn.execute(
        update(registry_links)
        .where(registry_links.c.registry_id == other)
        .values(registry_id=keep, reason=f"merged by the user from entry {other}")
    ).rowcount
    conn.execute(
        update(registry_names).where(registry_names.c.registry_id == other).values(registry_id=keep, pinned=True)
    )
    conn.execute(update(registry_names).where(registry_names.c.registry_id == keep).values(pinned=True))
    conn.execute(registry.delete().where(registry.c.id == other))
    return int(moved or 0)


def split_entry(conn: Connection, rid: int, name: str) -> int:
    """Move the article actors of entry ``rid`` called ``name`` to a new entry, pinned. Returns its id."""
    row = conn.execute(select(registry).where(registry.c.id == rid)).one()
    new = int(
        conn.execute(
            insert(registry).values(name=name, kind=row.kind, country=row.country, sector=row.sector)
        ).inserted_primary_key[0]  # type: ignore[index]
    )
    conn.execute(
        update(registry_links)
        .where((registry_links.c.registry_id == rid) & (registry_links.c.name == name))
        .values(registry_id=new, reason="split by the user")
    )
    keys = (
        conn.execute(
            select(registry_names.c.key).where((registry_names.c.registry_id == rid) & (registry_names.c.name == name))
        )
        .scalars()
        .all()
    )
    if keys:
        conn.execute(
            update(registry_names)
            .where((registry_names.c.registry_id == rid) & (registry_names.c.name == name))
            .values(registry_id=new, pinned=True)
        )
    else:
        conn.execute(
            insert(registry_names).values(registry_id=new, key=f"{row.kind}:{name.lower()}", name=name, pinned=True)
        )
    return new
