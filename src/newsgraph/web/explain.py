"""What the article page says about each item: its fields and the evidence that produced it.

The record keeps the evidence of every item (cue, trigger, dates with their basis, the
registry's reason for linking an actor), not the name of the rule that fired; these
sentences say which evidence the reading rests on.
"""

from __future__ import annotations

from typing import Any

from ..record import Actor, Article, Event, Quote

QUOTE_KINDS = {
    "direct": "the content stands inside quotation marks",
    "indirect": "reported speech: the content is the cue's clause, with no quotation marks",
    "mixed": "reported speech with a quoted fragment inside it",
}
DATE_BASIS = {
    "clause": "a time expression in the trigger's own clause",
    "sentence": "a time expression elsewhere in the sentence",
    "published": "no date in the text: the publication date stands in",
}


def _names(article: Article, ids: list[str]) -> list[Actor]:
    return [a for a in (article.actor(i) for i in ids) if a is not None]


def quote_reason(article: Article, q: Quote) -> str:
    parts = []
    if q.cue:
        parts.append(f"cue «{q.cue.text}» introduces the content")
    else:
        parts.append("no cue word: the attribution is read from the quotation's position")
    if q.speaker:
        who = article.actor(q.speaker.actor)
        link = f", linked to the actor {who.name}" if who else ", matching no actor of the article"
        parts.append(f"the speaker phrase is «{q.speaker.text}»{link}")
    else:
        parts.append("no speaker was found")
    parts.append(QUOTE_KINDS.get(q.kind, q.kind))
    return "; ".join(parts) + "."


def event_reason(article: Article, e: Event) -> str:
    parts = [f"trigger «{e.trigger.text}» is a PLOVER {e.type} trigger of the event lexicon"]
    if e.mode:
        parts[0] += f" (mode {e.mode})"
    src, tgt = _names(article, e.source), _names(article, e.target)
    parts.append("acted by " + (", ".join(a.name for a in src) if src else "no actor found"))
    if tgt:
        parts.append("acting on " + ", ".join(a.name for a in tgt))
    if e.date:
        parts.append(f"dated {e.date} from {DATE_BASIS.get(e.date_basis or '', 'the text')}")
    if e.negated:
        parts.append("negated: the text says it did not happen")
    if e.modality != "asserted":
        parts.append(f"modality {e.modality}")
    return "; ".join(parts) + "."


def actor_reason(a: Actor, link: dict[str, Any] | None) -> str:
    codes = "/".join(c for c in (a.country, a.sector) if c) or "no country or sector code"
    parts = [f"{a.kind} named {len(a.mentions)} time{'s' if len(a.mentions) != 1 else ''} in the text", codes]
    if a.roles:
        parts.append("roles: " + ", ".join(a.roles))
    if link:
        parts.append(f"registry: {link['reason']}")
    return "; ".join(parts) + "."
