"""Dates: time expressions resolved against the publication date, and the date of a span.

Other stages ask for dates through two functions:

* :func:`timexes_in` — the time expressions inside a character range;
* :func:`date_of` — the date of a clause or sentence, with where it came from:
  ``"clause"`` (a time expression inside the given range), ``"sentence"`` (one
  elsewhere in the sentence), ``"published"`` (none in the text: the
  publication date stands in, marked as such), or ``(None, None)``.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from ..record import Offsets, Timex


def timexes_in(doc: Doc, start: int, end: int) -> list[Timex]:
    """Time expressions lying inside ``[start, end)``, in order."""
    tx: list[Timex] = doc._.timexes or []
    i = bisect_left([t.start for t in tx], start)
    out = []
    while i < len(tx) and tx[i].start < end:
        if tx[i].end <= end:
            out.append(tx[i])
        i += 1
    return out


def _day_value(tx: list[Timex]) -> str | None:
    """The most precise value among ``tx`` (a day beats a month beats a year)."""
    values = [t.value for t in tx if t.value]
    return max(values, key=len) if values else None


def date_of(
    doc: Doc,
    start: int,
    end: int,
    sentence: Offsets | tuple[int, int] | None = None,
) -> tuple[str | None, str | None]:
    """The date of what ``[start, end)`` says, and its basis ("clause", "sentence", "published")."""
    value = _day_value(timexes_in(doc, start, end))
    if value:
        return value, "clause"
    if sentence is not None:
        s, e = (sentence.start, sentence.end) if isinstance(sentence, Offsets) else sentence
        value = _day_value(timexes_in(doc, s, e))
        if value:
            return value, "sentence"
    if doc._.published:
        return str(doc._.published)[:10], "published"
    return None, None


__all__ = ["date_of", "timexes_in"]
