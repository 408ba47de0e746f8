"""spaCy component ``newsgraph_dates``: fills ``doc._.timexes``.

Time expressions come from our patterns (:mod:`newsgraph.dates.resolve`),
which cover what the small model's DATE entities miss or cut wrongly
("Tuesday afternoon"); DATE entities the patterns do not cover are kept with a
value only when it can be resolved. Weekdays read the tense of their clause:
"will meet on Friday" is the coming Friday, "met on Friday" the last one.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..nlp import children_of, doc_text
from ..record import Timex
from .resolve import find_timexes, resolve

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def _published(doc: Doc) -> date | None:
    value = doc._.published
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _is_future(span: Span) -> bool:
    """Is the clause governing ``span`` about the future? ("will meet on Friday", "is set to visit")."""
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    for t in (tok, tok.head):
        for c in children_of(t):
            if c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX:
                return True
            if c.dep_ == "aux" and c.lower_ == "to" and t.head.lemma_ in ("plan", "set", "expect", "schedule", "go"):
                return True
        if t.head is t:
            break
    return False


class DatesComponent:
    """Time expressions with resolved values, in text order."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        published = _published(doc)
        timexes: list[Timex] = []
        previous: str | None = None
        for m in find_timexes(text):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            future = _is_future(span) if span is not None and m.kind in ("weekday", "rel_weekday") else False
            value = resolve(m, text, published, future=future, previous=previous)
            timexes.append(Timex(m.start, m.end, text[m.start : m.end], value))
            if value and len(value) == 10:  # anaphors ("the next day") need a day to anchor to
                previous = value
        doc._.timexes = timexes
        return doc


@Language.factory("newsgraph_dates", assigns=["doc._.timexes"])
def make_dates_component(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)
