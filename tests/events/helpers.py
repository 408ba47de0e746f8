"""What the event tests read off an extracted article."""

from __future__ import annotations

from newsgraph.record import Article, Event


def events_of(art: Article) -> list[tuple[str, list[str], list[str]]]:
    """Each event as (type, source countries, target countries); "?" for an uncoded actor."""

    def codes(ids: list[str]) -> list[str]:
        return sorted({(art.actor(i).country or "?") for i in ids if art.actor(i)})

    return [(e.type, codes(e.source), codes(e.target)) for e in art.events]


def only(art: Article, etype: str) -> Event:
    """The first event of ``etype`` (failing with all events shown if there is none)."""
    found = [e for e in art.events if e.type == etype]
    assert found, events_of(art)
    return found[0]
