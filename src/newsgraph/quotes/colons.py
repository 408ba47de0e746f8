"""Attributions without a cue word: a colon introducing a quotation ('She went on: "…"'), a
headline's "Name: claim", and the speaker labels of transcripts and interviews ("Lopez: Well, …")."""

from __future__ import annotations

import re
from collections.abc import Container

from spacy.tokens import Doc

from ..nlp import doc_text, entities_in, sentence_of, tokens_with
from .attribute import Attribution, in_quotation, quotes_within, source_of, source_span, trim_edges
from .marks import QuoteMarks


def colon_introductions(
    doc: Doc, quotes: list[QuoteMarks], found: list[Attribution], quoted: Container[int]
) -> list[Attribution]:
    """A clause ending in a colon right before a quotation introduces it, whatever its verb
    ('She went on: "…"', 'he returned to his familiar lines: "…"', 'Clinton's response was:
    "…"'). The clause's subject is the source; quotations another rule attributed are left."""
    text = doc_text(doc)
    claimed = {id(q) for a in found for q in a.quotes}
    covered = [p for a in found for p in a.content]
    out: list[Attribution] = []
    for q in quotes:
        if id(q) in claimed or any(s <= q.start < e for s, e in covered):
            continue
        window = max(0, q.start - 6)
        gap_start = window + len(text[window : q.start].rstrip())  # after the last non-space before the quote
        if (
            gap_start == window
            or text[gap_start - 1] != ":"
            or "\n" in text[window:gap_start]
            or text.count("\n", gap_start, q.start) > 2
        ):
            continue
        colon = doc.char_span(gap_start - 1, gap_start)
        if colon is None or colon[0].i == sentence_of(colon[0]).start:
            continue
        verb = colon[0].head
        if verb.pos_ not in ("VERB", "AUX") or verb.i > colon[0].i:
            continue
        subj = source_of(verb, quoted)
        if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON") or subj.lower_ in ("it", "this", "there"):
            continue
        sent = sentence_of(colon[0])
        out.append(
            Attribution(
                list(q.parts),
                (verb.idx, verb.idx + len(verb)),
                source_span(subj),
                subj,
                "direct",
                "colon_intro",
                (sent.start_char, sent.end_char),
                [q],
            )
        )
    return out


_COLON = frozenset({":"})


def colon_headlines(doc: Doc, quotes: list[QuoteMarks] | None = None) -> list[Attribution]:
    """`Ben Carson: Clinton 'Not Fit To Serve'` — a name, a colon, then what they said (headlines,
    ledes). A colon inside a quotation is someone's words ('“South Dakota: if we were any higher,
    we'd be North Dakota,” one user quipped'), not a headline."""
    out = []
    done: set[int] = set()
    for i in tokens_with(doc, _COLON):  # few sentences hold a colon: visit only those
        sent = sentence_of(doc[i])
        if sent.start in done:
            continue
        done.add(sent.start)
        colon = next((t for t in sent[:8] if t.text == ":"), None)
        if colon is None or colon.i == sent.start or colon.i + 2 >= sent.end:
            continue
        if quotes and in_quotation(quotes, colon.idx):
            continue
        head = doc[sent.start : colon.i]
        ents = [e for e in entities_in(head) if e.label_ in ("PERSON", "ORG", "NORP", "GPE")]
        if not ents or ents[-1].end != colon.i:
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in head):
            continue
        s, e = trim_edges(doc_text(doc), colon.idx + 1, sent.end_char)
        if e - s < 8:
            continue
        src = trim_edges(doc_text(doc), head.start_char, head.end_char)
        out.append(
            Attribution(
                [(s, e)],
                (colon.idx, colon.idx + 1),
                src,
                ents[-1].root,
                "direct" if any(c in doc_text(doc)[s:e] for c in ("“", "”", '"', "‘", "’", "''")) else "indirect",
                "colon",
                (sent.start_char, sent.end_char),
            )
        )
    return out


# "Lopez: Well, no one is like ...", "Q: ...", "CLINTON: Honestly, ...", "Rubio: I Still Believe ...":
# a paragraph opening with a speaker label (one to three capitalised words) and a colon
_TURN = re.compile(r"^(?P<label>[A-Z][\w.'’-]*(?:[ \xa0][A-Z][\w.'’-]*){0,2}):[ \xa0]+(?P<said>\S[^\n]*)", re.M)
_NOT_SPEAKERS = {
    "update", "updated", "note", "editor's note", "editor’s note", "related", "photo", "photos", "video",
    "source", "sources", "read", "read more", "watch", "click", "follow", "correction", "disclosure",
    "caption", "credit", "contact", "email", "tags", "topics", "posted", "published", "filed", "location",
    "date", "time", "where", "when", "what", "why", "how", "who", "warning", "spoiler", "advertisement",
    "subscribe", "share", "more", "also", "plus", "bonus", "quotable", "quote", "breaking", "exclusive",
    "the latest", "latest", "live", "live updates", "analysis", "opinion", "editorial", "review", "poll",
    "fact check", "explainer", "timeline", "background", "context", "the bottom line", "bottom line",
}  # fmt: skip
_FURNITURE_END = ("email", "newsletter", "briefing", "digest", "roundup")  # "Tuesday's Morning Email:"


def transcript_turns(doc: Doc, quotes: list[QuoteMarks]) -> list[Attribution]:
    """Turns of an interview or transcript, and headlines in the same form: the label is the
    source, the colon the cue, the rest of the paragraph what was said. Labels of page furniture
    ("Update:", "Photo:") are not speakers; a colon inside a quotation is not a turn."""
    text = doc_text(doc)
    out = []
    for m in _TURN.finditer(text):
        label, (s, e) = m.group("label"), m.span("said")
        low = label.lower()
        if low in _NOT_SPEAKERS or low.endswith(_FURNITURE_END) or len(text[s:e].split()) < 3:
            continue
        colon = m.end("label")
        if quotes_within(quotes, m.start(), colon) or any(q.start < colon < q.end for q in quotes):
            continue
        span = doc.char_span(m.start("label"), colon, alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue  # "He said: ..." is a cue's clause, found by the cue rules
        s, e = trim_edges(text, s, e)
        out.append(
            Attribution(
                [(s, e)], (colon, colon + 1), (m.start("label"), colon), span.root, "direct", "turn", (m.start(), e)
            )
        )
    return out
