"""Who a speaker pronoun stands for: "he" and "she" in an attribution.

The actor stage resolves a pronoun to the latest person subject before it, which for a speaker
is often wrong in one way: in '“Ambassador Volker confirmed that …,” she said' the latest subject
is the man the quotation is about, named inside it. A speaker is someone named outside the
quotations: the latest person subject (else the only person) named outside them in the
attribution's sentence or the one before, and failing that the previous quotation's speaker.
A speaker that cannot be told stays unknown rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc

from ..actors.lexicon import actor_lexicon
from ..nlp import doc_text, sentence_of
from ..record import Actor, Quote

SPEAKER_PRONOUNS = {"he": "m", "she": "f"}
# how far back (in paragraphs) the previous quotation's speaker still speaks
_PREVIOUS_SPEAKER_PARAGRAPHS = 2
Range = tuple[int, int]


def gender_of(actor: Actor) -> str | None:
    """ "f" or "m" when a title, role or first name tells it ("Mrs.", "spokeswoman", "Maria")."""
    if actor.kind != "person":
        return None
    genders = actor_lexicon().genders
    words = {m.text.split()[0].lower() for m in actor.mentions if m.kind != "pronoun" and m.text.strip()}
    words |= {w for r in actor.roles for w in r.lower().split()}
    if actor.name.strip():
        words.add(actor.name.split()[0].lower())
    found = {g for w in words if (g := genders.get(w)) is not None}
    return next(iter(found)) if len(found) == 1 else None


class _Quoted:
    """The character ranges inside quotation marks, for "is this mention inside a quotation?"."""

    def __init__(self, ranges: Sequence[Range]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and self.ranges[k][0] <= pos < self.ranges[k][1]


def pronoun_speaker(
    doc: Doc,
    source: Range,
    current: Actor | None,
    quoted: Sequence[Range],
    earlier: Sequence[Quote],
    actors: dict[str, Actor],
) -> Actor | None:
    """The actor a speaker pronoun at ``source`` stands for.

    Args:
        doc: The parsed document (actors set).
        source: The speaker span, one pronoun.
        current: The actor the actor stage resolved the pronoun to, or None.
        quoted: Every quotation's character ranges in the document.
        earlier: The quotes already built, in text order, before this one.
        actors: The document's actors by id.

    Returns:
        ``current`` when it is named outside the quotations nearby and fits the pronoun; else the
        speaker read as above, or None.
    """
    s, e = source
    text = doc_text(doc)
    gender = SPEAKER_PRONOUNS.get(text[s:e].lower())
    span = doc.char_span(s, e, alignment_mode="expand")
    if gender is None or span is None:
        return current
    inside = _Quoted(quoted)
    sent = sentence_of(span)
    window_start = sentence_of(doc[sent.start - 1]).start_char if sent.start > 0 else sent.start_char

    def fits(actor: Actor) -> bool:
        return actor.kind == "person" and gender_of(actor) in (None, gender)

    def named_outside(actor: Actor) -> list[Range]:
        """The actor's names outside quotations in the window before the pronoun."""
        return [
            (m.start, m.end)
            for m in actor.mentions
            if m.kind != "pronoun" and window_start <= m.start < s and m.start not in inside
        ]

    if current is not None and fits(current) and named_outside(current):
        return current
    named = [(span, a) for a in actors.values() if fits(a) for span in named_outside(a)]
    if named:
        subjects = [(span, a) for span, a in named if _is_subject(doc, span)]
        if subjects:
            return max(subjects, key=lambda x: x[0])[1]
        if len({a.id for _, a in named}) == 1:
            return named[0][1]
        return None
    # nobody named outside the quotations nearby: the one quoted last goes on speaking
    previous = next((q for q in reversed(earlier) if q.speaker is not None and q.speaker.actor), None)
    if previous is None or previous.speaker is None or previous.speaker.actor is None:
        return None
    actor = actors.get(previous.speaker.actor)
    if actor is None or not fits(actor) or not _near(text, previous.content.start, s):
        return None
    return actor


def _is_subject(doc: Doc, mention: Range) -> bool:
    """Is the mention a clause's subject (its head word, or the name it is a title of)?"""
    span = doc.char_span(*mention, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    subject = ("nsubj", "nsubjpass")
    return tok.dep_ in subject or (tok.dep_ in ("compound", "appos") and tok.head.dep_ in subject)


_BREAK = re.compile(r"\n\s*")


def _near(text: str, before: int, pos: int) -> bool:
    """Are at most ``_PREVIOUS_SPEAKER_PARAGRAPHS`` paragraph breaks between the two positions?"""
    return len(_BREAK.findall(text, before, pos)) <= _PREVIOUS_SPEAKER_PARAGRAPHS
