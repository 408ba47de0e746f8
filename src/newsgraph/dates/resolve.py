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
        ("rel_weekday", rf"\b(?P<rel>last|next|this(?:\s+coming)?|this\s+past)\s+{_WD}{_PART}\b"),
        ("weekday", rf"\b{_WD}{_PART}\b"),
        (
            "day_word",
            r"\b(?P<word>yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b",
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
            taken.append((s, e))
            found.append(Match(s, e, kind, m.groupdict()))
    found.sort(key=lambda x: x.start)
    return found


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
    match: Match, text: str, published: date | None, future: bool = False, previous: str | None = None
) -> str | None:
    """The ISO value of ``match``, or None when it cannot be resolved.

    Args:
        match: What :func:`find_timexes` found.
        text: The text it was found in (to read what follows an anaphor).
        published: The publication date, the anchor of relative expressions.
        future: The governing clause is about the future ("will meet on Friday").
        previous: The value of the time expression before this one (for "the same day").
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
        if published is None:
            return None
        # No year: the occurrence nearest to the publication date.
        options = [x for x in (_safe_date(published.year + dy, month, day) for dy in (-1, 0, 1)) if x]
        if not options:
            return None
        return min(options, key=lambda x: abs((x - published).days)).isoformat()
    if k == "month_year":
        return f"{int(g['y'] or 0):04d}-{MONTHS[(g['mon'] or '').lower().rstrip('.')]:02d}"
    if k == "year":
        return g["y"]
    if published is None:
        return None
    if k in ("weekday", "rel_weekday"):
        target = WEEKDAYS.index((g["wd"] or "").lower() + "day")
        rel = (g.get("rel") or "").lower()
        delta = target - published.weekday()
        if rel == "next" or (future and rel not in ("last", "this past")) or rel in ("this coming",):
            days = delta if delta > 0 else delta + 7
            if rel == "next" and days <= 0:
                days += 7
            return (published + timedelta(days=days)).isoformat()
        if rel == "this" and not future:
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
        direction = (g.get("dir") or "later").lower()
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        unit = (g["unit"] or "").lower()
        if unit == "day":
            return (published + timedelta(days=sign * n)).isoformat()
        if unit == "week":
            return iso_week(published + timedelta(weeks=sign * n))
        if unit == "month":
            y, m = _shift_months(published, sign * n)
            return f"{y:04d}-{m:02d}"
        return f"{published.year + sign * n:04d}"
    if k == "anaphoric":
        # "the same day that X happened" is defined by its clause, not by an anchor.
        after = text[match.end : match.end + 12].lower().lstrip().lstrip(",").lstrip()
        if after.startswith(("that", "as ", "when", "on which")):
            return None
        if not previous or len(previous) != 10:
            return None
        anchor = date.fromisoformat(previous)
        phrase = text[match.start : match.end].lower()
        if "next" in phrase or "following" in phrase or "after" in phrase:
            anchor += timedelta(days=1)
        elif "previous" in phrase or "before" in phrase:
            anchor -= timedelta(days=1)
        return anchor.isoformat()
    return None
