"""Find time expressions in text and resolve them against the publication date.

Pure functions over strings and dates, so they are testable without a parser.
Values are ISO 8601: ``2024-03-26`` (day), ``2024-03`` (month), ``2024``
(year), ``2024-W12`` (week). A value is ``None`` when the text gives no way to
resolve it (a weekday without a publication date, "the same day that ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": None,
    "few": None,
}

_WD = r"(?P<wd>mon|tues|wednes|thurs|fri|satur|sun)day"
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUM = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?P<unit>day|week|month|year)s?"

# Ordered: longer, more specific patterns first; matches do not overlap. Patterns are
# lower case and run on the lower-cased text: case-insensitive matching costs Python's
# ``re`` about 1.7x the time, and this stage scans every article thirteen times.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(p))
    for name, p in (
        ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
        ("numeric", r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d)\b"),
        (
            "month_day_year",
            rf"\b(?:{_WD},?\s+)?{_MON}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
        ),
        (
            "day_month_year",
            rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}"
            rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
        ),
        ("month_year", rf"\b{_MON}\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b"),
        # a month alone, after a preposition or a modifier that makes it a date ("in June", "early
        # January", "last October"); the preposition stays out of the span, the modifier stays in
        (
            "month",
            rf"\b(?:(?P<mod>early|late|mid|last|next|this)(?:\s+|-)"
            rf"|(?P<prep>in|since|by|during|until|till|through|from|before|after|between|to|of)\s+){_MON}"
            r"(?!\s*\d)(?![a-z])(?:,?\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year\b)?",
        ),
        ("rel_weekday", rf"\b(?P<rel>last|next|this(?:\s+coming)?|this\s+past)\s+{_WD}{_PART}\b"),
        ("weekday", rf"\b{_WD}{_PART}\b"),
        (
            "day_word",
            r"\b(?P<word>yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b",
        ),
        # a period anchored to the time the story is talking about, not to the publication date:
        # "the next year", "the following month", "that year", "the year before"
        (
            "anaphoric_period",
            r"\b(?:the\s+(?P<rel>next|following|previous|prior|preceding|same)\s+(?P<unit>week|month|year)"
            r"|(?P<that>that)\s+(?P<that_unit>week|month|year)"
            r"|the\s+(?P<before_unit>week|month|year)\s+(?P<side>before|after|earlier|later))\b",
        ),
        (
            "rel_period",
            r"\b(?P<rel>last|next|this|past|coming|earlier\s+this|later\s+this)\s+(?P<unit>week|month|year)\b",
        ),
        ("ago", rf"\b{_NUM}\s+{_UNIT}\s+(?P<dir>ago|earlier|later|before|from\s+now)\b"),
        ("in_n", rf"\bin\s+{_NUM}\s+{_UNIT}\b"),
        (
            "anaphoric",
            r"\b(?:the\s+same\s+day|that\s+(?:same\s+)?day|the\s+(?:next|following|previous)\s+day|"
            r"the\s+day\s+(?:before|after))\b",
        ),
        ("year", r"\b(?:in|since|by|during|until|of|early|late|mid-?)\s+(?P<y>(?:19|20)\d\d)\b"),
        # a year standing alone ("the 2016 campaign", "fiscal 2019", "(1982)"), not a count or a code
        ("bare_year", r"(?<![\w$£€#.,/-])(?P<y>(?:19|20)\d\d)(?![\w%]|[.,/:-]\d|\s*(?:percent|per\s+cent)\b)"),
    )
)


# How each pattern is scanned, for speed only (same matches): patterns that Python's ``re``
# finds faster without their leading ``\b`` have the word boundary checked by hand, and
# three patterns run only on texts where a cheap search finds what they cannot do without.
_CHECK_BOUNDARY_BY_HAND = {
    "iso",
    "month_year",
    "rel_weekday",
    "weekday",
    "day_word",
    "rel_period",
    "in_n",
    "anaphoric",
    "year",
}
_MONTH_START = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_NEEDS: dict[str, re.Pattern[str]] = {
    "month_day_year": re.compile(rf"{_MONTH_START}[a-z]*\.?\s+\d"),
    "day_month_year": re.compile(rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_START}"),
    "ago": re.compile(r"\s(?:ago|earlier|later|before|from\s+now)\b"),
    "numeric": re.compile(r"\d/\d"),
}
_SCANS: tuple[tuple[str, re.Pattern[str], bool], ...] = tuple(
    (name, re.compile(pat.pattern[2:]), True) if name in _CHECK_BOUNDARY_BY_HAND else (name, pat, False)
    for name, pat in PATTERNS
)


@dataclass(frozen=True, slots=True)
class Match:
    """A time expression found in text, with what is needed to resolve it."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None]


def find_timexes(text: str) -> list[Match]:
    """Non-overlapping time expressions in ``text``, in order."""
    taken: list[tuple[int, int]] = []
    found: list[Match] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two ('İ'): keep offsets exact
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for kind, pat, by_hand in _SCANS:
        need = _NEEDS.get(kind)
        if need is not None and need.search(lowered) is None:
            continue
        for m in pat.finditer(lowered):
            s, e = m.span()
            if by_hand and s > 0 and lowered[s - 1].isalnum():
                continue  # not at a word boundary
            if kind == "year":  # keep the preposition out of the span: "in 2023" -> "2023"
                s = m.start("y")
            if kind == "month":
                if m.group("prep"):
                    s = m.start("mon")  # "in June" -> "June"; "early January" keeps "early"
                if m.group("mon") in _FULL_MONTHS and not m.group("yrel"):
                    e = m.end("mon")  # "in May." -> "May": the full stop ends the sentence
                if not _month_alone(text, m):
                    continue
            if any(s < te and ts < e for ts, te in taken):
                continue
            if (
                kind in ("month_day_year", "day_month_year")
                and m.group("mon").lower().rstrip(".") == "may"
                and not m.group("y")
                and text[s : s + 3] == "may"
            ):
                continue  # modal "may"
            if kind == "weekday" and not text[s].isupper():
                continue
            if kind == "bare_year" and not _a_year(lowered, s, e):
                continue
            taken.append((s, e))
            found.append(Match(s, e, kind, m.groupdict()))
    found.sort(key=lambda x: x.start)
    return found


_FULL_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october"]
    + ["november", "december"]
)
# prepositions before which "May" is as often the British prime minister of 2016-2019 as the month
_MAY_PERSON_PREPS = frozenset({"to", "from", "by", "of", "after", "before", "between"})
_NEXT_WORD = re.compile(r"[ \t\xa0]+(\S)")


def _month_alone(text: str, m: re.Match[str]) -> bool:
    """Is a month name with no day or year a date ("in June"), not a word or a person ("to
    march", "in May's cabinet", "from June Carter")? It is written with a capital and is
    followed by neither a possessive nor a capitalised word of the same phrase."""
    ms, me = m.span("mon")
    if not text[ms].isupper():
        return False
    after = text[me : me + 3]
    if after[:2] in ("'s", "’s"):
        return False
    nxt = _NEXT_WORD.match(text, me)
    if nxt and nxt.group(1).isupper():
        return False  # "June Carter", but not "in June. Then" nor a month ending its line
    prep = (m.group("prep") or "").lower()
    return not (m.group("mon").lower() == "may" and prep in _MAY_PERSON_PREPS)


# words around a four-digit number that make it a count or a code, not a year
# fmt: off
_COUNTED = frozenset({
    "people", "persons", "votes", "voters", "troops", "soldiers", "deaths", "cases", "times", "feet", "miles",
    "kilometers", "km", "meters", "metres", "points", "words", "pages", "units", "shares", "jobs", "homes",
    "students", "residents", "members", "dollars", "euros", "pounds", "yuan", "rupees", "tons", "tonnes",
    "barrels", "acres", "calories", "hours", "minutes", "seconds",
})
_CODED = frozenset({
    "flight", "route", "section", "room", "no", "number", "model", "article", "chapter", "page", "code", "highway",
    "interstate", "version", "unit", "suite", "box", "row", "gate", "lot", "bus", "line", "channel", "station",
    "apollo", "windows", "boeing", "airbus",
})
# fmt: on
_WORD_BEFORE = re.compile(r"([a-z]+)\.?\s+\Z")
_WORD_NEXT = re.compile(r"\s+([a-z]+)")


def _a_year(lowered: str, s: int, e: int) -> bool:
    """Is the four-digit number at ``[s, e)`` a year: not a count ("2000 troops") nor a code
    ("Flight 1549", "Route 2020")?"""
    nxt = _WORD_NEXT.match(lowered, e)
    if nxt and nxt.group(1) in _COUNTED:
        return False
    before = _WORD_BEFORE.search(lowered, max(0, s - 20), s)
    return not (before and before.group(1) in _CODED)


def _n(value: str | None) -> int | None:
    if value is None:
        return None
    v = value.lower()
    return int(v) if v.isdigit() else NUMBERS.get(v)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _shift_months(d: date, months: int) -> tuple[int, int]:
    idx = d.year * 12 + d.month - 1 + months
    return idx // 12, idx % 12 + 1


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def resolve(
    match: Match,
    text: str,
    published: date | None,
    tense: str | None = None,
    previous: str | None = None,
    context: str | None = None,
    year: int | None = None,
    near: str | None = None,
) -> str | None:
    """The ISO value of ``match``, or None when it cannot be resolved.

    Args:
        match: What :func:`find_timexes` found.
        text: The text it was found in (to read what follows an anaphor).
        published: The publication date, the anchor of relative expressions.
        tense: The governing clause's time: ``"future"`` ("will meet on Friday"), ``"past"``
            ("met on March 21"), ``"present"`` or None when unknown.
        previous: The last day value before this expression (for "the same day").
        context: The last value of any precision before this expression: what the story is
            talking about, the anchor of "the next year" and "two months later".
        year: A year its own sentence gives before it ("in 2016 ... in June"), for a month or a
            day named without one.
        near: The last value of its own sentence before it ("in October … a year ago").
    """
    g = match.groups
    k = match.kind
    if k in ("iso", "numeric"):
        d = _safe_date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0))
        return d.isoformat() if d else None
    if k in ("month_day_year", "day_month_year"):
        month = MONTHS[(g["mon"] or "").lower().rstrip(".")]
        day = int(g["d"] or 0)
        if g["y"]:
            d = _safe_date(int(g["y"]), month, day)
            return d.isoformat() if d else None
        if year is not None:  # "the 2016 campaign … a September 11 commemoration"
            d = _safe_date(year, month, day)
            return d.isoformat() if d else None
        if published is None:
            return None
        options = [x for x in (_safe_date(published.year + dy, month, day) for dy in (-1, 0, 1)) if x]
        # No year: a past clause means the last such day, a future one the next ("met on March 21"
        # in a November story is that year's March), else the one nearest to the publication date.
        if tense == "past":
            options = [x for x in options if x <= published] or options
        elif tense == "future":
            options = [x for x in options if x >= published] or options
        if not options:
            return None
        return min(options, key=lambda x: abs((x - published).days)).isoformat()
    if k == "month_year":
        return f"{int(g['y'] or 0):04d}-{MONTHS[(g['mon'] or '').lower().rstrip('.')]:02d}"
    if k in ("year", "bare_year"):
        return g["y"]
    if k == "month":
        return _month_alone_value(MONTHS[(g["mon"] or "").lower().rstrip(".")], g, published, tense, year)
    if k == "anaphoric_period":
        return _anaphoric_period(g, published, context)
    if published is None:
        return None
    if k in ("weekday", "rel_weekday"):
        target = WEEKDAYS.index((g["wd"] or "").lower() + "day")
        rel = (g.get("rel") or "").lower()
        delta = target - published.weekday()
        if delta == 0 and rel in ("", "this"):
            # the publication day's own weekday is that day ("Esper on Wednesday accused ...",
            # "will announce later on Wednesday" in a Wednesday story), not a week away
            return published.isoformat()
        if rel == "next" or (tense == "future" and rel not in ("last", "this past")) or rel in ("this coming",):
            days = delta if delta > 0 else delta + 7
            if rel == "next" and days <= 0:
                days += 7
            return (published + timedelta(days=days)).isoformat()
        if rel == "this" and tense != "future":
            # "this Tuesday" in past narrative: the one of the current week.
            return (published + timedelta(days=delta)).isoformat()
        # A bare weekday in news is the most recent one before publication.
        days = delta if delta < 0 else delta - 7
        if rel == "last" and days > -2:
            days -= 7
        return (published + timedelta(days=days)).isoformat()
    if k == "day_word":
        w = (g["word"] or "").lower()
        offset = -1 if w in ("yesterday", "last night") else 1 if w == "tomorrow" else 0
        return (published + timedelta(days=offset)).isoformat()
    if k == "rel_period":
        rel = " ".join((g["rel"] or "").lower().split())
        unit = (g["unit"] or "").lower()
        step = -1 if rel in ("last", "past") else 1 if rel in ("next", "coming") else 0
        if unit == "week":
            return iso_week(published + timedelta(weeks=step))
        if unit == "month":
            y, m = _shift_months(published, step)
            return f"{y:04d}-{m:02d}"
        return f"{published.year + step:04d}"
    if k in ("ago", "in_n"):
        n = _n(g["n"])
        if n is None:
            return None
        direction = " ".join((g.get("dir") or "later").lower().split())
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        unit = (g["unit"] or "").lower()
        anchor: date | str = published
        if k == "ago" and direction == "ago" and near is not None and unit == "year" and len(near) == 7:
            # "sales in October … down from a year ago": the same month a year before
            anchor = near
        if k == "ago" and direction in ("earlier", "later", "before"):
            # "two months later", "a year earlier": counted from the time the story is at; "nine
            # days before the announcement" from an event the text names, which we cannot date
            if direction == "before" and _WORD_AFTER.match(text, match.end):
                return None
            if context is not None:
                anchor = context
        return _shifted(anchor, unit, sign * n)
    if k == "anaphoric":
        # "the same day that X happened" is defined by its clause, not by an anchor.
        after = text[match.end : match.end + 12].lower().lstrip().lstrip(",").lstrip()
        if after.startswith(("that", "as ", "when", "on which")):
            return None
        if not previous or len(previous) != 10:
            return None
        anchor_day = date.fromisoformat(previous)
        phrase = text[match.start : match.end].lower()
        if "next" in phrase or "following" in phrase or "after" in phrase:
            anchor_day += timedelta(days=1)
        elif "previous" in phrase or "before" in phrase:
            anchor_day -= timedelta(days=1)
        return anchor_day.isoformat()
    return None


# a word right after "nine days before": the event it counts from ("before the vote")
_WORD_AFTER = re.compile(r"[ \t\xa0]+[\w“\"‘']")


def _month_alone_value(
    month: int, g: dict[str, str | None], published: date | None, tense: str | None, year: int | None
) -> str | None:
    """A month named without a year: in the year its sentence gives, else the one nearest to
    the publication date in the direction the clause looks (past: the last such month, this one
    included; future: the next one; unknown: the nearest), or the one "last"/"next"/"this" picks."""
    mod = (g.get("mod") or "").lower()
    yrel = (g.get("yrel") or "").lower()
    if yrel and published is not None:  # "May this year", "in June of last year"
        return f"{published.year + {'last': -1, 'next': 1}.get(yrel, 0):04d}-{month:02d}"
    if year is not None and mod not in ("last", "next", "this"):
        return f"{year:04d}-{month:02d}"
    if published is None:
        return None
    y, now = published.year, published.month
    if mod == "this":
        pass
    elif mod == "last":
        y -= month >= now
    elif mod == "next":
        y += month <= now
    elif tense == "future":
        y += month < now
    elif tense == "past":
        y -= month > now
    elif month - now > 6:
        y -= 1  # nearest: eight months ahead is four months back
    elif now - month > 6:
        y += 1
    return f"{y:04d}-{month:02d}"


_FORWARD = frozenset({"next", "following", "after", "later"})
_BACKWARD = frozenset({"previous", "prior", "preceding", "before", "earlier"})


def _anaphoric_period(g: dict[str, str | None], published: date | None, context: str | None) -> str | None:
    """ "the next year", "the following month", "that year", "the year before": one step from the
    time the story is talking about (the last time expression before), or from the publication
    date when the text named no time before."""
    unit = (g.get("unit") or g.get("that_unit") or g.get("before_unit") or "").lower()
    rel = (g.get("rel") or g.get("side") or "").lower()
    step = 1 if rel in _FORWARD else -1 if rel in _BACKWARD else 0
    if context is None:
        if published is None:
            return None
        return _shifted(published, unit, step)
    return _shifted(context, unit, step)


def _shifted(anchor: date | str, unit: str, n: int) -> str | None:
    """``anchor`` (a date or an ISO value) moved by ``n`` units, at the unit's precision; None when
    the anchor is less precise than the unit ("two days later" after "in 2016")."""
    if isinstance(anchor, str):
        parsed = _parse_value(anchor)
        if parsed is None:
            return None
        anchor_day, precision = parsed
    else:
        anchor_day, precision = anchor, "day"
    rank = {"year": 0, "month": 1, "week": 2, "day": 3}
    if unit not in rank or rank[precision] < rank[unit] or (precision == "week" and unit == "month"):
        return None
    if unit == "day":
        return (anchor_day + timedelta(days=n)).isoformat()
    if unit == "week":
        return iso_week(anchor_day + timedelta(weeks=n))
    if unit == "month":
        y, m = _shift_months(anchor_day, n)
        return f"{y:04d}-{m:02d}"
    if precision == "month":  # "in October … a year earlier": that month of the year before
        return f"{anchor_day.year + n:04d}-{anchor_day.month:02d}"
    return f"{anchor_day.year + n:04d}"


_VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?\Z")


def _parse_value(value: str) -> tuple[date, str] | None:
    """An ISO value as (its first day, its precision: year, month, week or day)."""
    m = _VALUE.match(value)
    if m is None:
        return None
    y = int(m.group(1))
    try:
        if m.group(4):
            return date.fromisocalendar(y, int(m.group(4)), 1), "week"
        if m.group(3):
            return date(y, int(m.group(2)), int(m.group(3))), "day"
        if m.group(2):
            return date(y, int(m.group(2)), 1), "month"
        return date(y, 1, 1), "year"
    except ValueError:
        return None
