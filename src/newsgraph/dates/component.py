"""spaCy component ``newsgraph_dates``: fills ``doc._.timexes``.

Time expressions come from our patterns (:mod:`newsgraph.dates.resolve`),
which cover what the small model's DATE entities miss or cut wrongly
("Tuesday afternoon"); DATE entities the patterns do not cover are kept with a
value only when it can be resolved. Weekdays read the tense of their clause:
"will meet on Friday" is the coming Friday, "met on Friday" the last one.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..nlp import children_of, doc_text, sentence_of
from ..record import Timex
from .resolve import find_timexes, resolve

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# "is set to visit", "plans to meet": the infinitive's time is to come
_PLANNED = {"plan", "set", "expect", "schedule", "go", "due", "intend", "aim", "prepare"}


def _published(doc: Doc) -> date | None:
    value = doc._.published
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _governing_verb(span: Span) -> Token:
    """The verb the time expression hangs on (its own root when none is near)."""
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    return tok


def _is_future(verb: Token) -> bool:
    """Is the clause of ``verb`` about the future? ("will meet on Friday", "is set to visit")."""
    for t in (verb, verb.head):
        for c in children_of(t):
            if c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX:
                return True
            if c.dep_ == "aux" and c.lower_ == "to" and t.head.lemma_ in _PLANNED:
                return True
        if t.head is t:
            break
    return False


def _tense(span: Span) -> str | None:
    """ "future", "past" or "present": the time of the clause that governs ``span``, or None."""
    verb = _governing_verb(span)
    if _is_future(verb):
        return "future"
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"  # "met", "was held", "had signed", "did not say"
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return "past"  # "has signed", "an exam conducted in February"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


# the kinds whose value depends on the clause's time
_TENSED = frozenset({"weekday", "rel_weekday", "month", "month_day_year", "day_month_year"})
# kinds that carry a year of their own, which a bare month later in the sentence shares
_WITH_YEAR = frozenset({"iso", "numeric", "month_year", "year", "bare_year"})


class _Quoted:
    """Character ranges inside quotation marks: is a position someone's words?"""

    def __init__(self, text: str) -> None:
        from ..quotes.marks import find_quotes  # the quote stage's reading of marks

        self.ranges = sorted(p for q in find_quotes(text) for p in q.parts)
        self.starts = [s for s, _ in self.ranges]

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and self.ranges[k][0] < pos < self.ranges[k][1]


class DatesComponent:
    """Time expressions with resolved values, in text order."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        published = _published(doc)
        timexes: list[Timex] = []
        previous: str | None = None  # the last day named: "the next day" counts from it
        context: str | None = None  # the last time named: "the next year" counts from it
        year_at: tuple[int, int] | None = None  # (governing verb, year) of the last explicit year
        near_at: tuple[int, str] | None = None  # (sentence start, value) of the sentence's last value
        quoted = _Quoted(text)
        for m in find_timexes(text):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            tense = None
            if span is not None and (m.kind in _TENSED and not m.groups.get("y")):
                tense = _tense(span)
            sent_start = sentence_of(span).start_char if span is not None else None
            verb = _governing_verb(span).i if span is not None else None
            # a year named in the same clause ("In 2016 the plant closed in August"), not in another
            # one of the sentence ("Trump, who won in 2016, said in June")
            year = year_at[1] if year_at is not None and verb is not None and year_at[0] == verb else None
            near = near_at[1] if near_at is not None and near_at[0] == sent_start else None
            value = resolve(m, text, published, tense=tense, previous=previous, context=context, year=year, near=near)
            if m.kind == "day_word" and m.start in quoted:
                # "today" in someone's words is the day they spoke ('“Today's hearing is over,”' in a
                # statement of the day before; a tweet before election day), which we do not know
                value = None
            timexes.append(Timex(m.start, m.end, text[m.start : m.end], value))
            if value and len(value) == 10:  # anaphors ("the next day") need a day to anchor to
                previous = value
            if value:
                context = value
                if sent_start is not None:
                    near_at = (sent_start, value)
            if value and verb is not None and (m.kind in _WITH_YEAR or m.groups.get("y")):
                year_at = (verb, int(value[:4]))
        doc._.timexes = timexes
        return doc


@Language.factory("newsgraph_dates", assigns=["doc._.timexes"])
def make_dates_component(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)
