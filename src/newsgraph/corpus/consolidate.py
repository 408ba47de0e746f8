"""Story-level events and quotes: the same thing reported by several articles is one item with all its sources.

Events are the same when type, source and target registry entries agree and
their dates lie within ``EVENT_WINDOW_DAYS``. Quotes are the same when the
speaker's registry entry agrees and the normalised content is equal or one
contains the other (outlets trim quotes).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from ..record import Article
from .schema import story_event_sources, story_events, story_quote_sources, story_quotes

EVENT_WINDOW_DAYS = 3
_NORM = re.compile(r"[^\w]+")


def _days(a: str | None, b: str | None) -> int:
    try:
        return abs((date.fromisoformat(str(a)[:10]) - date.fromisoformat(str(b)[:10])).days)
    except (TypeError, ValueError):
        return 0 if a == b else 10_000


def normalise_quote(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def consolidate(conn: Connection, article: Article, links: dict[str, int]) -> None:
    for ev in article.events:
        src = ",".join(str(x) for x in sorted({links[i] for i in ev.source if i in links}))
        tgt = ",".join(str(x) for x in sorted({links[i] for i in ev.target if i in links}))
        if not src:
            continue
        rows = conn.execute(
            select(story_events).where(
                (story_events.c.type == ev.type) & (story_events.c.source == src) & (story_events.c.target == tgt)
            )
        ).all()
        match = next(
            (
                r
                for r in rows
                if _days(r.first_date, ev.date) <= EVENT_WINDOW_DAYS or _days(r.last_date, ev.date) <= EVENT_WINDOW_DAYS
            ),
            None,
        )
        if match is None:
            sid = int(
                conn.execute(
                    insert(story_events).values(
                        type=ev.type, source=src, target=tgt, first_date=ev.date, last_date=ev.date
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
            )
        else:
            sid = int(match.id)
            if ev.date:
                first = min(x for x in (match.first_date, ev.date) if x)
                last = max(x for x in (match.last_date, ev.date) if x)
                conn.execute(
                    update(story_events).where(story_events.c.id == sid).values(first_date=first, last_date=last)
                )
        conn.execute(insert(story_event_sources).values(story_event_id=sid, article_id=article.id, event_id=ev.id))
    for q in article.quotes:
        speaker = links.get(q.speaker.actor) if q.speaker and q.speaker.actor else None
        norm = normalise_quote(q.content.text)
        if len(norm) < 12:
            continue
        key = hashlib.sha1(norm.encode()).hexdigest()
        same_speaker = story_quotes.c.speaker.is_(None) if speaker is None else story_quotes.c.speaker == speaker
        qid: int | None = conn.scalar(select(story_quotes.c.id).where((story_quotes.c.key == key) & same_speaker))
        if qid is None and speaker is not None:
            for sid_, text in conn.execute(select(story_quotes.c.id, story_quotes.c.text).where(same_speaker)):
                other = normalise_quote(text)
                if len(min(other, norm, key=len)) >= 40 and (other in norm or norm in other):
                    qid = int(sid_)  # an outlet trimmed or extended the same quote
                    break
        if qid is None:
            result = conn.execute(insert(story_quotes).values(speaker=speaker, key=key, text=q.content.text))
            qid = int(result.inserted_primary_key[0])  # type: ignore[index]
        conn.execute(insert(story_quote_sources).values(story_quote_id=qid, article_id=article.id, quote_id=q.id))
