"""The body of a web page's extracted text: without its headline and its page furniture.

The main-text extractor keeps, around the article, lines a reader does not count as the story:
the headline repeated at the top ("Name: claim" headlines then read as quotations), credit lines
("Reporting by …", "Contributing: …", "Reach the reporters at …"), invitations to follow, listen
or read more, lists of links to other stories. The text is kept as extracted; these lines are
left out of the body spans, so no later stage reads them. Line patterns live in
``data/boilerplate.json`` (``line``, shared with scraped plain text).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from ..record import Offsets
from .scraped import LINE_LIMIT, boilerplate_patterns, lines_of

# how many of the first lines may be the headline (after a dateline, a kicker or a lead paragraph)
_HEADLINE_LINES = 3
_WORDS = re.compile(r"\w+")
_FINAL = '.!?:;,"”’)…'


def page_body(text: str, title: str | None = None) -> list[Offsets]:
    """Body spans of a page's extracted ``text``: every line but the headline and furniture.

    Args:
        text: The page's main text as extracted (paragraphs on lines of their own).
        title: The page's title from its metadata, when known.

    Returns:
        Ordered, non-overlapping spans; consecutive kept lines (with the line breaks between
        them) form one span. Empty only for a blank text.
    """
    pats = boilerplate_patterns()
    lines = [(s, e, text[s:e].strip()) for s, e in lines_of(text)]
    content = [(s, e, t) for s, e, t in lines if t]
    keep = [True] * len(content)
    for j, (_, _, t) in enumerate(content):
        if len(t) < LINE_LIMIT and pats.line.fullmatch(t):
            keep[j] = False
    for j in range(min(_HEADLINE_LINES, len(content))):
        if keep[j] and is_headline(content, j, title):
            keep[j] = False
            break
    if not any(keep):  # a page that is all furniture keeps its text rather than nothing
        keep = [True] * len(content)
    body: list[Offsets] = []
    for (s, e, _), k in zip(content, keep, strict=True):
        if not k:
            continue
        s += len(text[s:e]) - len(text[s:e].lstrip())
        e -= len(text[s:e]) - len(text[s:e].rstrip())
        if body and not text[body[-1].end : s].strip():
            body[-1] = Offsets(body[-1].start, e)
        else:
            body.append(Offsets(s, e))
    return body


def _words(s: str) -> list[str]:
    return _WORDS.findall(s.casefold())


def is_headline(content: list[tuple[int, int, str]], j: int, title: str | None) -> bool:
    """Is line ``j`` (one of the first) the headline: the page's title (whole, or the title
    without the site's name around it), or — the first line only — a short line that ends
    without punctuation before a longer paragraph, as headlines and subheadlines do?"""
    line = content[j][2]
    words = _words(line)
    if title:
        title_words = _words(title)
        if words == title_words:
            return True
        if len(words) >= 4 and _contains(title_words, words):
            return True  # "NASA adds five companies …" in "NASA adds five companies … - SpaceNews.com"
    if j != 0 or j + 1 >= len(content) or len(words) < 3 or len(words) > 25:
        return False
    return not line.endswith(tuple(_FINAL)) and len(content[j + 1][2]) > len(line)


def _contains(outer: list[str], inner: list[str]) -> bool:
    n = len(inner)
    return any(outer[k : k + n] == inner for k in range(len(outer) - n + 1))


@lru_cache(maxsize=1)
def _widget_classes() -> re.Pattern[str]:
    raw = json.loads(resources.files("newsgraph.data").joinpath("boilerplate.json").read_text("utf-8"))
    return re.compile("|".join(f"(?:{c})" for c in raw["inline_widget_classes"]), re.IGNORECASE)


def _is_widget(el: Any, classes: re.Pattern[str]) -> bool:
    """An element whose class names a pop-up or card and that holds a picture or several links."""
    cls = el.get("class") or ""
    if not isinstance(cls, str) or not classes.search(cls):
        return False
    return next(el.iter("img"), None) is not None or sum(1 for _ in el.iter("a")) >= 2


def prune_inline_widgets(tree: Any) -> int:
    """Remove the widgets set inside paragraphs of an lxml HTML ``tree`` (a person's hover card
    with photo and links to stories), keeping the text that follows each. The smallest such
    element goes, so a name link around a card stays. Returns how many were removed."""
    classes = _widget_classes()
    found = [el for p in tree.iter("p") for el in p.iter() if el is not p and _is_widget(el, classes)]
    inner = [el for el in found if not any(d is not el and _is_widget(d, classes) for d in el.iter())]
    for el in inner:
        if el.getparent() is not None:
            el.drop_tree()  # lxml.html keeps the element's tail text
    return len(inner)
