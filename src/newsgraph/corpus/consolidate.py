"""Story-level events and quotes: the same thing reported by several articles is one item with all its sources.

Events are the same when type, source and target registry entries agree and
their dates lie within ``EVENT_WINDOW_DAYS``. Quotes are the same when the
speaker's registry entry agrees and the normalised content is equal or one
contains the other (outlets trim quotes).

Candidates come from indexes, a batch at a time: story events by their
(source, type, target) key, quotes by the hash of their normalised content
and, for trimmed copies, by *winnowed fingerprints* (Schleimer et al., 2003:
the smallest hash of every window of ``WINDOW`` character ``GRAM``-grams).
Any two texts sharing a substring of ``GRAM + WINDOW - 1`` characters share a
fingerprint, and a trimmed copy is at least ``MIN_CONTAINED`` characters long,
so every quote one contains the other is found without re-reading a speaker's
history; candidates are then checked as before. A batch is consolidated in
memory article by article, exactly as if each were written alone.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, bindparam, delete, insert, or_, select, update
from sqlalchemy.engine import Connection

from ..record import Article
from .registry import chunks, new_ids
from .schema import (
    event_actors,
    quote_speakers,
    story_event_sources,
    story_events,
    story_quote_marks,
    story_quote_sources,
    story_quotes,
)

EVENT_WINDOW_DAYS = 3
MIN_CONTAINED = 40  # a trimmed copy this long (normalised) or longer is the same quote
GRAM = 10
WINDOW = MIN_CONTAINED - GRAM  # so GRAM + WINDOW - 1 < MIN_CONTAINED
_NORM = re.compile(r"[^\w]+")


def _days(a: str | None, b: str | None) -> int:
    try:
        return abs((date.fromisoformat(str(a)[:10]) - date.fromisoformat(str(b)[:10])).days)
    except (TypeError, ValueError):
        return 0 if a == b else 10_000


def normalise_quote(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def fingerprints(norm: str) -> set[int]:
    """Winnowed fingerprints of a normalised text (the smallest hash when it is shorter than one window).

    Each ``GRAM``-character gram is hashed as a polynomial over its UTF-32 code points (the same
    value in every process, unlike ``hash``), all grams at once with numpy; a fingerprint is kept
    as a signed 63-bit number so every database stores it as an ordinary integer.
    """
    import numpy as np
    from numpy.lib.stride_tricks import sliding_window_view

    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < GRAM:
        codes = np.concatenate([codes, np.zeros(GRAM - len(codes), dtype=np.uint64)])
    powers, mix = _powers()
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        hashes = (sliding_window_view(codes, GRAM) * powers).sum(axis=1, dtype=np.uint64) * mix
    hashes >>= np.uint64(1)
    if len(hashes) <= WINDOW:
        return {int(hashes.min())}
    return {int(x) for x in sliding_window_view(hashes, WINDOW).min(axis=1)}


@lru_cache(maxsize=1)
def _powers() -> tuple[Any, Any]:
    import numpy as np

    base = np.uint64(1_000_003)
    powers = np.ones(GRAM, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(GRAM - 2, -1, -1):
            powers[i] = powers[i + 1] * base
    return powers, np.uint64(0x9E3779B97F4A7C15)


def _contains(a: str, b: str) -> bool:
    return len(min(a, b, key=len)) >= MIN_CONTAINED and (a in b or b in a)


@dataclass(slots=True)
class _Story:
    id: int  # negative until inserted
    first_date: str | None
    last_date: str | None
    changed: bool = False


def consolidate_batch(
    conn: Connection, articles: list[Article], links: dict[str, dict[str, int]], duplicates: dict[str, str]
) -> None:
    """Consolidate the events and quotes of a batch (``links``: article id -> actor id -> registry id)."""
    _events(conn, articles, links, duplicates)
    _quotes(conn, articles, links)
    speakers = [
        {
            "registry_id": links[art.id][q.speaker.actor],
            "article_id": art.id,
            "quote_id": q.id,
            "actor_id": q.speaker.actor,
            "date": q.date or art.published,
            "duplicate": art.id in duplicates,
        }
        for art in articles
        for q in art.quotes
        if q.speaker and q.speaker.actor in links[art.id]
    ]
    if speakers:
        conn.execute(insert(quote_speakers), speakers)


def _ids(ids: list[str], links: dict[str, int]) -> str:
    return ",".join(str(x) for x in sorted({links[i] for i in ids if i in links}))


def _events(
    conn: Connection, articles: list[Article], links: dict[str, dict[str, int]], duplicates: dict[str, str]
) -> None:
    keys: dict[tuple[str, str, str], list[_Story]] = defaultdict(list)
    wanted = {
        (_ids(ev.source, links[a.id]), ev.type, _ids(ev.target, links[a.id])) for a in articles for ev in a.events
    }
    wanted = {k for k in wanted if k[0]}
    se = story_events
    # one index look-up per key: an OR of equalities (a row-value IN is a scan on SQLite)
    for part in chunks(sorted(wanted), 200):
        match_any = or_(*(and_(se.c.source == a, se.c.type == b, se.c.target == c) for a, b, c in part))
        for row in conn.execute(
            select(se.c.id, se.c.source, se.c.type, se.c.target, se.c.first_date, se.c.last_date)
            .where(match_any)
            .order_by(se.c.id)
        ):
            keys[(row.source, row.type, row.target)].append(_Story(int(row.id), row.first_date, row.last_date))
    new: list[tuple[tuple[str, str, str], _Story]] = []
    sources: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    next_new = -1
    for art in articles:
        art_links = links[art.id]
        for ev in art.events:
            for role, actor_ids in (("s", ev.source), ("t", ev.target)):
                actors.extend(
                    {
                        "registry_id": art_links[i],
                        "role": role,
                        "article_id": art.id,
                        "event_id": ev.id,
                        "actor_id": i,
                        "type": ev.type,
                        "date": ev.date,
                        "duplicate": art.id in duplicates,
                    }
                    for i in actor_ids
                    if i in art_links
                )
            key = (_ids(ev.source, art_links), ev.type, _ids(ev.target, art_links))
            if not key[0]:
                continue
            match = next(
                (
                    r
                    for r in keys[key]
                    if _days(r.first_date, ev.date) <= EVENT_WINDOW_DAYS
                    or _days(r.last_date, ev.date) <= EVENT_WINDOW_DAYS
                ),
                None,
            )
            if match is None:
                match = _Story(next_new, ev.date, ev.date)
                next_new -= 1
                keys[key].append(match)
                new.append((key, match))
            elif ev.date:
                first = min(x for x in (match.first_date, ev.date) if x)
                last = max(x for x in (match.last_date, ev.date) if x)
                if (first, last) != (match.first_date, match.last_date):
                    match.first_date, match.last_date, match.changed = first, last, True
            sources.append({"story_event_id": match.id, "article_id": art.id, "event_id": ev.id})
    ids: dict[int, int] = {}
    if new:
        ids = {s.id: rid for (_, s), rid in zip(new, new_ids(conn, se, len(new)), strict=True)}
        conn.execute(
            insert(se),
            [
                {
                    "id": ids[s.id],
                    "source": k[0],
                    "type": k[1],
                    "target": k[2],
                    "first_date": s.first_date,
                    "last_date": s.last_date,
                }
                for k, s in new
            ],
        )
    changed = [s for stories in keys.values() for s in stories if s.id > 0 and s.changed]
    if changed:
        conn.execute(
            update(se)
            .where(se.c.id == bindparam("b_id"))
            .values(first_date=bindparam("b_first"), last_date=bindparam("b_last")),
            [{"b_id": s.id, "b_first": s.first_date, "b_last": s.last_date} for s in changed],
        )
    if sources:
        conn.execute(
            insert(story_event_sources),
            [{**r, "story_event_id": ids.get(r["story_event_id"], r["story_event_id"])} for r in sources],
        )
    if actors:
        conn.execute(insert(event_actors), actors)


def _quotes(conn: Connection, articles: list[Article], links: dict[str, dict[str, int]]) -> None:
    # what each quote of the batch is: (article, quote id, speaker, normalised text, key, fingerprints)
    items: list[tuple[str, str, int | None, str, str, str, set[int]]] = []
    for art in articles:
        for q in art.quotes:
            speaker = links[art.id].get(q.speaker.actor) if q.speaker and q.speaker.actor else None
            norm = normalise_quote(q.content.text)
            if len(norm) < 12:
                continue
            key = hashlib.sha1(norm.encode()).hexdigest()
            marks = fingerprints(norm) if speaker is not None and len(norm) >= MIN_CONTAINED else set()
            items.append((art.id, q.id, speaker, q.content.text, norm, key, marks))
    if not items:
        return
    sq, sm = story_quotes, story_quote_marks
    by_key: dict[tuple[str, int | None], int] = {}
    known: dict[int, tuple[int | None, str]] = {}  # story quote id -> (speaker, normalised text)
    by_mark: dict[int, set[int]] = defaultdict(set)
    for part in chunks(sorted({it[5] for it in items})):
        for rid, speaker, key in conn.execute(
            select(sq.c.id, sq.c.speaker, sq.c.key).where(sq.c.key.in_(part)).order_by(sq.c.id)
        ):
            by_key.setdefault((key, speaker), int(rid))
    all_marks = sorted({m for it in items for m in it[6]})
    speakers = {it[2] for it in items if it[6]}
    for part in chunks(all_marks):
        for rid, speaker, text, mark in conn.execute(
            select(sq.c.id, sq.c.speaker, sq.c.text, sm.c.mark)
            .join(sm, sm.c.story_quote_id == sq.c.id)
            .where(sm.c.mark.in_(part))
        ):
            if speaker in speakers:
                known[int(rid)] = (speaker, normalise_quote(text))
                by_mark[int(mark)].add(int(rid))
    new: list[dict[str, Any]] = []
    new_marks: list[tuple[int, set[int]]] = []
    sources: list[dict[str, Any]] = []
    next_new = -1
    for article_id, quote_id, speaker, text, norm, key, qmarks in items:
        qid = by_key.get((key, speaker))
        if qid is None and speaker is not None:
            cands = {c for m in qmarks for c in by_mark.get(m, ())}
            found = sorted(
                (c for c in cands if known[c][0] == speaker and _contains(known[c][1], norm)),
                key=lambda c: c if c > 0 else (1 << 62) - c,
            )
            qid = found[0] if found else None  # an outlet trimmed or extended the same quote
        if qid is None:
            qid = next_new
            next_new -= 1
            new.append({"speaker": speaker, "key": key, "text": text})
            by_key.setdefault((key, speaker), qid)
            if qmarks:
                known[qid] = (speaker, norm)
                for m in qmarks:
                    by_mark[m].add(qid)
                new_marks.append((qid, qmarks))
        sources.append({"story_quote_id": qid, "article_id": article_id, "quote_id": quote_id})
    ids: dict[int, int] = {}
    if new:
        ids = {-(i + 1): rid for i, rid in enumerate(new_ids(conn, sq, len(new)))}
        conn.execute(insert(sq), [{**row, "id": ids[-(i + 1)]} for i, row in enumerate(new)])
    if new_marks:
        conn.execute(insert(sm), [{"mark": m, "story_quote_id": ids[qid]} for qid, ms in new_marks for m in sorted(ms)])
    conn.execute(
        insert(story_quote_sources),
        [{**r, "story_quote_id": ids.get(r["story_quote_id"], r["story_quote_id"])} for r in sources],
    )


def forget_stories(conn: Connection, article_ids: list[str]) -> None:
    """Drop the story rows of articles about to be replaced, and stories left with no source."""
    gone_events: set[int] = set()
    gone_quotes: set[int] = set()
    for part in chunks(article_ids):
        gone_events |= set(
            conn.scalars(select(story_event_sources.c.story_event_id).where(story_event_sources.c.article_id.in_(part)))
        )
        gone_quotes |= set(
            conn.scalars(select(story_quote_sources.c.story_quote_id).where(story_quote_sources.c.article_id.in_(part)))
        )
        for t in (story_event_sources, story_quote_sources, event_actors, quote_speakers):
            conn.execute(delete(t).where(t.c.article_id.in_(part)))
    for part in chunks(sorted(gone_events)):
        still = select(story_event_sources.c.story_event_id).where(story_event_sources.c.story_event_id.in_(part))
        conn.execute(delete(story_events).where(story_events.c.id.in_(part), story_events.c.id.not_in(still)))
    for part in chunks(sorted(gone_quotes)):
        still = select(story_quote_sources.c.story_quote_id).where(story_quote_sources.c.story_quote_id.in_(part))
        orphans = list(
            conn.scalars(select(story_quotes.c.id).where(story_quotes.c.id.in_(part), story_quotes.c.id.not_in(still)))
        )
        if orphans:
            conn.execute(delete(story_quote_marks).where(story_quote_marks.c.story_quote_id.in_(orphans)))
            conn.execute(delete(story_quotes).where(story_quotes.c.id.in_(orphans)))


def move_speaker(conn: Connection, old: int, new: int) -> None:
    """Story quotes of registry entry ``old`` now belong to ``new`` (a user's merge)."""
    conn.execute(update(story_quotes).where(story_quotes.c.speaker == old).values(speaker=new))


__all__ = ["EVENT_WINDOW_DAYS", "consolidate_batch", "fingerprints", "forget_stories", "normalise_quote"]
