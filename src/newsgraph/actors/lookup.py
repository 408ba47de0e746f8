"""Find the actor behind a character span: what quotes and events use to link to actors."""

from __future__ import annotations

from spacy.tokens import Doc

from ..record import Actor, Mention


def mention_at(doc: Doc, start: int, end: int) -> tuple[Actor, Mention] | None:
    """The actor mention that best covers ``[start, end)``: an exact match first,
    else the longest mention inside the span, else one containing it."""
    best: tuple[int, Actor, Mention] | None = None
    for actor in doc._.actors or []:
        for m in actor.mentions:
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


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor one of whose mentions best covers ``[start, end)``, or None."""
    found = mention_at(doc, start, end)
    return found[0] if found else None
