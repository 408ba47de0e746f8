"""Clean scraped plain text: title, publication date, byline and body spans.

Scraped articles carry leftovers from the page they came from: a date header,
the title repeated, "Posted by ..." and "Labels: ..." lines, share buttons, a
"No comments:" footer. Cleaning never rewrites ``text``: it decides which line
ranges are the article body (``Offsets``) and fills metadata. Patterns live in
``data/boilerplate.json`` so they can be extended without touching code.

The rules are conservative on purpose: an ordinary article with no leftovers
keeps one body span covering all of it, and a line is dropped only when it
matches a boilerplate pattern as a whole.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from dateutil import parser as dateparser

from ..record import Offsets


@dataclass(slots=True)
class CleanResult:
    """What cleaning found. ``body`` spans are ordered and do not overlap."""

    body: list[Offsets]
    title: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Patterns:
    footer: re.Pattern[str]
    line: re.Pattern[str]
    byline: re.Pattern[str]


def _union(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\Z", flags)


@lru_cache(maxsize=1)
def boilerplate_patterns() -> _Patterns:
    """The compiled boilerplate patterns from the package data file."""
    raw = json.loads(resources.files("newsgraph.data").joinpath("boilerplate.json").read_text("utf-8"))
    return _Patterns(_union(raw["footer"]), _union(raw["line"]), _union(raw["byline"], 0))


# A line that is only a date: "Wednesday, March 27, 2024", "27 March 2024", "2024-03-27".
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    rf"(?:(?:{_WEEKDAY}),?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?",
    re.IGNORECASE,
)
_LINE = re.compile(r"[^\n]*\n?")
# a boilerplate line is shorter than this (credit lines run long: "Reporting by …; additional
# reporting by …; Editing by …"); a paragraph of the article is never dropped by a line pattern
LINE_LIMIT = 300


def _parse_date(s: str) -> str | None:
    try:
        d = dateparser.parse(s)
    except (ValueError, OverflowError):
        return None
    if d is None or not (1900 <= d.year <= date.today().year + 1):
        return None
    return d.date().isoformat()


def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    out = []
    for m in _LINE.finditer(text):
        if m.start() == len(text):
            break
        end = m.end() - 1 if m.group().endswith("\n") else m.end()
        if end > m.start() and text[end - 1] == "\r":
            end -= 1
        out.append((m.start(), end))
    return out


def clean_text(text: str) -> CleanResult:
    """Find the body spans (boilerplate excluded), title, date and byline of ``text``.

    Args:
        text: The article as read, never modified.

    Returns:
        A :class:`CleanResult`; ``body`` is empty only for a blank text.
    """
    pats = boilerplate_patterns()
    lines = [(s, e, text[s:e].strip()) for s, e in lines_of(text)]
    content = [(s, e, t) for s, e, t in lines if t]
    if not content:
        return CleanResult(body=[])
    meta: dict[str, Any] = {}
    keep = [True] * len(content)
    title: str | None = None
    published: str | None = None

    # Header: up to the first few non-blank lines may be a date line, a title
    # (repeated or not) and a byline, before the first long paragraph.
    i = 0
    while i < min(len(content), 6):
        t = content[i][2]
        if published is None and len(t) <= 60 and _DATE_LINE.fullmatch(t):
            published = _parse_date(t)
            keep[i] = False
        elif i + 1 < len(content) and t == content[i + 1][2] and len(t) < 300:
            title = title or t  # the title repeated: a page title and a post title
            keep[i] = keep[i + 1] = False
            i += 1
        elif (byline := pats.byline.fullmatch(t)) and len(t) < 120:
            meta["byline"] = t
            meta.setdefault("author", byline.group(1))
            keep[i] = False
        elif title is None and _looks_like_title(t, content, i):
            # A headline seen once is read as the title but stays in the body:
            # headlines carry claims and quotes of their own.
            title = t
        else:
            break
        i += 1

    # Footer: a footer marker in the last third ends the article.
    n = len(content)
    for j in range(n - 1, max(i, n - 1 - max(3, n // 3)) - 1, -1):
        if pats.footer.fullmatch(content[j][2]):
            for k in range(j, n):
                keep[k] = False
    for j, (_, _, t) in enumerate(content):
        if keep[j] and len(t) < LINE_LIMIT and pats.line.fullmatch(t):
            keep[j] = False

    # Merge kept lines into spans, one per run of consecutive kept lines
    # (blank lines between kept lines stay inside the span).
    body: list[Offsets] = []
    for (s, e, _), k in zip(content, keep, strict=True):
        if not k:
            continue
        s = s + (len(text[s:e]) - len(text[s:e].lstrip()))
        e = e - (len(text[s:e]) - len(text[s:e].rstrip()))
        if body and not text[body[-1].end : s].strip():
            body[-1] = Offsets(body[-1].start, e)
        else:
            body.append(Offsets(s, e))
    return CleanResult(body=body, title=title, published=published, meta=meta)


def _looks_like_title(t: str, content: list[tuple[int, int, str]], i: int) -> bool:
    """A short first line without final punctuation, followed by a longer paragraph."""
    if i > 1 or len(content) < 3 or len(t) > 250 or t.endswith((":", ";", ",")):
        return False
    following = next((c[2] for c in content[i + 1 : i + 3] if not boilerplate_patterns().byline.fullmatch(c[2])), "")
    return len(following) > len(t) and len(t.split()) >= 3
