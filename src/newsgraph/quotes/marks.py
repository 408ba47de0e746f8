"""Direct quotations: find quoted stretches of text from their marks, robustly.

Handles straight and curly double quotes, curly single quotes used as quote
marks (not apostrophes), guillemets, the doubled apostrophes of newswire text
(''...'' and ``...''), quotes running over several paragraphs
(an opening mark repeated at each paragraph start, the closing mark only at
the end) and unbalanced marks: an unclosed quote ends at its paragraph's end,
so one stray mark never swallows the rest of an article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

OPENERS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"'}
# two-character marks of newswire and typewriter text: ''...'', ``...'' and ‘‘...’’ (AP copy types
# its double quotation marks as two single ones, and often closes a “ with ’’)
DOUBLED = {"''": "''", "``": "''", "‘‘": "’’"}
DOUBLED_CLOSERS = ("''", "’’")
TRIPLE = "'" * 3
_CANDIDATE = re.compile("[“«„‘\"”'`]")
_PARA_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:[\"“«„‘]|''|``))")


@dataclass(slots=True)
class QuoteMarks:
    """One quotation: ``parts`` are (start, end) ranges, each including its marks."""

    parts: list[tuple[int, int]]
    closed: bool = True
    width: int = 1  # characters in the opening mark (2 for '' and ``)
    close_width: int | None = None  # characters in the closing mark, when not ``width`` (“…’’)
    ends_sentence: bool = False  # the quoted words end with . ! or ? before the closing mark
    ends_comma: bool = False  # '"…," she said': a comma before the closing mark

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def inner(self) -> tuple[int, int]:
        """The text between the outer marks."""
        return self.start + self.width, self.end - (self.closing_width if self.closed else 0)

    @property
    def closing_width(self) -> int:
        return self.width if self.close_width is None else self.close_width


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ' between letters (don’t) or after a plural s (voters’) is not a closing mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


# invisible format characters scraped pages leave before a paragraph (bidi embeddings, zero widths)
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


def _misused_opener(text: str, i: int) -> bool:
    """A ” that opens a paragraph (invisible characters aside) before a word opens a quote."""
    j = i - 1
    while j >= 0 and text[j] in _INVISIBLE:
        j -= 1
    after = text[i + 1] if i + 1 < len(text) else " "
    return (j < 0 or text[j] == "\n") and after.isalnum()


def _single_opener(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and (after.isalnum() or after in "[")


def find_quotes(text: str, max_words: int = 600) -> list[QuoteMarks]:
    """Direct quotations in ``text``, in order; nested quotes are inside their outer quote."""
    quotes: list[QuoteMarks] = []
    pending: QuoteMarks | None = None  # a quote continuing into the next paragraph
    for ps, pe in _paragraphs(text):
        i = ps
        while i < pe:
            m = _CANDIDATE.search(text, i, pe)  # jump to the next character that can open a quote
            if m is None:
                break
            i = m.start()
            ch = text[i]
            doubled = text[i : i + 2] in DOUBLED and text[i : i + 3] != TRIPLE and _doubled_opener(text, i)
            if ch == "”" and _misused_opener(text, i):
                ch = "“"  # '”This is why ...,” said X': a closing mark typed where the quote opens
            if not doubled and (ch not in OPENERS or (ch == "‘" and not _single_opener(text, i))):
                i += 1
                continue
            width = 2 if doubled else 1
            if doubled:
                close: int | None = _find_doubled_close(text, i, pe)  # last character of the closing mark
            else:
                close = _find_close(text, i, pe, ch)
            close_width = None
            if close is not None and not doubled and text[close - 1 : close + 1] in DOUBLED_CLOSERS:
                close_width = 2  # “…’’
            # a quotation never runs over another attribution: “…,’’ Smith said. “…” is two
            # quotations, and so is one whose closing mark was forgotten (“…, Smith said.)
            inner_end = close + 1 - (close_width or width) if close is not None else pe
            cut = _attribution_inside(text, i + width, inner_end, marked=close is not None)
            if cut is not None:
                close, close_width = cut
            if close is None:
                # Unclosed: may continue in the next paragraph (which then opens with a mark).
                end = pe
                while end > i and text[end - 1].isspace():
                    end -= 1
                part = (i, end)
                if pending is not None and i == _first_char(text, ps):
                    pending.parts.append(part)
                else:
                    if pending is not None:
                        pending.closed = False
                        quotes.append(pending)
                    pending = QuoteMarks([part], closed=False, width=width)
                i = pe
                break
            part = (i, close + 1)
            closed = close_width != 0
            if pending is not None and i == _first_char(text, ps):
                pending.parts.append(part)
                pending.closed = closed
                pending.close_width = close_width
                quotes.append(pending)
                pending = None
            else:
                if pending is not None:
                    quotes.append(pending)
                    pending = None
                if len(text[part[0] : part[1]].split()) <= max_words:
                    quotes.append(QuoteMarks([part], closed=closed, width=width, close_width=close_width))
            i = close + 1
        if pending is not None and not _continues(text, pe):
            quotes.append(pending)
            pending = None
    if pending is not None:
        quotes.append(pending)
    for q in quotes:
        if q.closed:
            last = text[q.end - q.closing_width - 1 : q.end - q.closing_width]
            q.ends_sentence = last in (".", "!", "?")
            q.ends_comma = last == ","
    quotes.sort(key=lambda q: q.start)
    return quotes


def _first_char(text: str, ps: int) -> int:
    i = ps
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _continues(text: str, pe: int) -> bool:
    """Does the next paragraph open with a quote mark (a multi-paragraph quote)?"""
    i = pe
    while i < len(text) and text[i].isspace():
        i += 1
    return i < len(text) and (text[i] in '“"«„' or text[i : i + 2] in DOUBLED)


def _find_doubled_close(text: str, i: int, pe: int) -> int | None:
    """The last character of the mark closing the two-character mark at ``i``: '' or ’’."""
    found = [f for f in (text.find(c, i + 2, pe) for c in DOUBLED_CLOSERS) if f >= 0]
    if not found:
        return None
    f = min(found)
    if text[f + 2 : f + 3] in ("'", "’"):
        f += 1  # "the word 'old-school,'''": a nested quote closes first
    return f + 1


# What ends a quotation's words and opens an attribution: punctuation, maybe a closing mark (of
# any shape, or none: one was forgotten), then a speaker and a speech verb (',” Smith said',
# '’’ said the minister', ', he told reporters'). The verbs are the forms news copy uses after a
# quotation (``attribution_verbs`` in data/cues.json).
_ATTRIBUTION = (
    r"[,?!](?P<marks>”|\"|’’|''|’|')?[ \xa0]+"
    r"(?:(?:he|she|they|we|I|it)[ \xa0]+(?:{verbs})\b"
    r"|(?:{verbs})[ \xa0]+(?:[A-Z]|the[ \xa0]|an?[ \xa0]|his[ \xa0]|her[ \xa0]|their[ \xa0])"
    r"|(?:[A-Z][\w.'’-]*[ \xa0]+){{1,4}}(?:{verbs})\b"
    r"|the[ \xa0]+(?:[a-z]+[ \xa0]+){{1,2}}(?:{verbs})\b)"
)


@lru_cache(maxsize=1)
def attribution_pattern() -> re.Pattern[str]:
    """:data:`_ATTRIBUTION` with the speech verbs in the forms that follow a quotation."""
    raw = json.loads(resources.files("newsgraph.data").joinpath("cues.json").read_text("utf-8"))
    verbs = "|".join(sorted(raw["attribution_verbs"], key=lambda v: (-len(v), v)))
    return re.compile(_ATTRIBUTION.format(verbs=verbs))


def _attribution_inside(text: str, start: int, end: int, marked: bool) -> tuple[int, int] | None:
    """Where a quotation's words end when an attribution stands inside ``[start, end)``: (the last
    character of the quotation, the width of its closing mark, 0 when it has none), or None.
    Inside a quotation that found its closing mark (``marked``) only an attribution after a mark
    counts ('“We came,’ he said. “We saw.”'; in '“We came, he said, and we saw”' he is quoted). A
    single mark closing a quotation nested inside ('he said ‘no,’ she recalled') is no end."""
    for m in attribution_pattern().finditer(text, start, end):
        marks = m.group("marks") or ""
        if marked and not marks:
            continue
        if marks in ("’", "'") and ("‘" in text[start : m.start()] or " '" in text[start : m.start()]):
            continue  # a nested quotation closing
        return m.start() + len(marks), len(marks)
    return None


def _doubled_opener(text: str, i: int) -> bool:
    """'' opens a quote after a space or a paragraph start, before a word (not in "voters'' ")."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 2] if i + 2 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _looks_closing(text: str, j: int) -> bool:
    """A mark right after a word or punctuation and before a space, punctuation or the end."""
    before = text[j - 1] if j > 0 else " "
    after = text[j + 1] if j + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)—–-")


# the only characters the search for a closing mark stops at, by opening mark: every other
# character is passed over in one regex step instead of one loop turn
_STOPS = {
    o: re.compile("[" + re.escape("".join(sorted({o, c, '"', "”", "“"} | ({"’", "'"} if o == "“" else set())))) + "]")
    for o, c in OPENERS.items()
}


def _find_close(text: str, i: int, pe: int, opener: str) -> int | None:
    closer = OPENERS[opener]
    stops = _STOPS[opener]
    j = i + 1
    depth = 0
    while j < pe:
        m = stops.search(text, j, pe)
        if m is None:
            return None
        j = m.start()
        c = text[j]
        if opener == '"' and c in ('"', "”"):
            return j  # scraped text mixes straight and curly marks: "...”
        if opener == "“" and c == "“" and _looks_closing(text, j):
            if depth == 0:
                return j  # a closing mark typed as an opening one: “...,“
            depth -= 1
            j += 1
            continue
        if opener != '"' and c == closer and not (closer == "’" and _is_apostrophe(text, j)):
            if depth == 0:
                return j
            depth -= 1
        elif c == opener and opener not in ('"', "‘") and closer != opener:
            depth += 1
        elif opener == "“" and c == '"':
            return j  # mixed marks in scraped text: “...\"
        elif opener == "“" and text[j : j + 2] in DOUBLED_CLOSERS and _looks_closing(text, j + 1):
            if depth == 0:
                return j + 1  # “…’’: AP copy closes with two single marks
            depth -= 1
            j += 1
        j += 1
    return None
