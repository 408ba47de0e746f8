"""Where a search hit stands in its article: the passage offsets a result opens at."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select

from ..store import Store
from ..store import schema as s

_MARKED = re.compile(r"\[([^\[\]]+)\]")


def locate(text: str, snippet: str) -> tuple[int, int] | None:
    """Offsets in ``text`` of the passage a search snippet shows (matches in [brackets], '…' at cuts).

    The snippet's words are found with any whitespace between them (the index joins paragraphs
    differently from the page); failing that, the first matched word alone."""
    plain = snippet.replace("…", " ")
    words = re.findall(r"\S+", _MARKED.sub(r"\1", plain))
    while len(words) >= 3:
        m = re.search(r"\s+".join(re.escape(w) for w in words), text)
        if m:
            return m.start(), m.end()
        words = words[1:-1]  # the snippet's edges may be cut inside a word
    for marked in _MARKED.findall(snippet):
        m = re.search(r"(?<!\w)" + re.escape(marked.strip()) + r"(?!\w)", text, re.IGNORECASE)
        if m:
            return m.start(), m.end()
    return None


def with_passages(store: Store, hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Search hits with ``passage`` ({start, end} in the article text, or None) and, for a quote, its id."""
    ids = sorted({h["article_id"] for h in hits})
    texts: dict[str, str] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 200):
            rows = conn.execute(select(s.articles.c.id, s.articles.c.text).where(s.articles.c.id.in_(ids[i : i + 200])))
            texts.update({r.id: r.text for r in rows})
        quote_spans = {}
        quote_refs = [(h["article_id"], h["ref"]) for h in hits if h["kind"] == "quote"]
        if quote_refs:
            q = s.quotes
            rows = conn.execute(
                select(q.c.article_id, q.c.quote_id, q.c.content_start, q.c.content_end).where(
                    q.c.article_id.in_(sorted({a for a, _ in quote_refs}))
                )
            )
            quote_spans = {(r.article_id, r.quote_id): (r.content_start, r.content_end) for r in rows}
    out = []
    for h in hits:
        d = dict(h)
        span = quote_spans.get((h["article_id"], h["ref"])) if h["kind"] == "quote" else None
        if span is None:
            span = locate(texts.get(h["article_id"], ""), h.get("snippet") or "")
        d["passage"] = {"start": span[0], "end": span[1]} if span else None
        out.append(d)
    return out
