"""Find the actor behind a character span: what quotes and events use to link to actors."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from ..nlp import doc_text
from ..record import Actor, Mention

_INDEX_KEY = "newsgraph.mention_index"


def _mention_index(doc: Doc) -> tuple[list[int], list[tuple[int, int, Actor, Mention]], int]:
    """The doc's mentions sorted by start, with the longest mention's length. Built once per
    actor list: quotes and events look up thousands of spans per article. The actor stage
    sets a new list when it is done; later stages only read the actors' mentions."""
    actors = doc._.actors or []
    stamp = (id(actors), len(actors))
    cached = doc.user_data.get(_INDEX_KEY)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    rows = sorted(((m.start, m.end, a, m) for a in actors for m in a.mentions), key=lambda r: (r[0], r[1]))
    index = ([r[0] for r in rows], rows, max((r[1] - r[0] for r in rows), default=0))
    doc.user_data[_INDEX_KEY] = (stamp, index)
    return index


def mention_at(doc: Doc, start: int, end: int) -> tuple[Actor, Mention] | None:
    """The actor mention that best covers ``[start, end)``: an exact match first,
    else the longest mention inside the span, else one containing it."""
    best: tuple[int, Actor, Mention] | None = None
    starts, rows, longest = _mention_index(doc)
    # only mentions starting in [start - longest, end) can be inside or around the span
    for _s, _e, actor, m in rows[bisect_left(starts, start - longest) : bisect_right(starts, end)]:
        if m.start == start and m.end == end:
            return actor, m
        if start <= m.start and m.end <= end:
            score = 2 * (m.end - m.start)
        elif m.start <= start and end <= m.end:
            score = end - start
        else:
            continue
        if best is None or score > best[0]:
            best = (score, actor, m)
    return (best[1], best[2]) if best else None


def mention_of_word(doc: Doc, pos: int, start: int, end: int) -> tuple[Actor, Mention] | None:
    """The actor mention inside ``[start, end)`` that covers the character at ``pos``."""
    starts, rows, longest = _mention_index(doc)
    for _s, _e, actor, m in rows[bisect_left(starts, max(start, pos - longest)) : bisect_right(starts, pos)]:
        if start <= m.start and m.end <= end and m.start <= pos < m.end:
            return actor, m
    return None


def coordinated_in(doc: Doc, actor: Actor, mention: Mention) -> list[Actor]:
    """The other actors a coordinated mention names at its end: "Irish officials" in "British
    and Irish officials", which the actor stage keeps as a mention of its own."""
    starts, rows, _longest = _mention_index(doc)
    out: list[Actor] = []
    for _s, _e, other, m in rows[bisect_left(starts, mention.start + 1) : bisect_right(starts, mention.end)]:
        if (
            other is not actor
            and other not in out
            and m.end == mention.end
            and " and " in doc_text(doc)[mention.start : m.start + 1]
        ):
            out.append(other)
    return out


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor one of whose mentions best covers ``[start, end)``, or None."""
    found = mention_at(doc, start, end)
    return found[0] if found else None
