"""The spaCy side: load one English pipeline (once per process) with newsgraph's components."""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import cast

import numpy as np
import spacy
from spacy.attrs import IDX, IS_SPACE, LEMMA, LOWER, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex
from thinc.types import Ints2d

from ..errors import ConfigError, Errors
from ..registry import COMPONENTS, register
from .attribute_ruler import index_attribute_ruler

# spaCy components newsgraph does not use: the lemmatizer is kept (cue lexicons
# match lemmas), nothing else is switched off by default.
DISABLED: tuple[str, ...] = ()

# Scraped news drops spaces around quotation marks ('Ryan said,“Look, ...'): split curly
# double quotes inside a token, and a comma or colon right before any quote mark, so the
# cue and the quotation become separate tokens.
QUOTE_INFIXES: tuple[str, ...] = (r"[,;:!?](?=[“\"‘])", r'(?<=[,;:])"', r"[“”]")


# A wire dateline opening a paragraph: "JERUSALEM, March 3 (AP) -", "CAMBRIDGE, Mass., Dec. 11
# (UPI) —", "BRUSSELS -". The city in capitals (no dots: "U.S. - China talks" is no dateline), an
# optional state or country, date and agency, then a dash.
DATELINE = re.compile(
    r"(?:ST\.\s)?[A-Z][A-Z'’\-]{2,}(?:\s[A-Z][A-Z'’\-]+)*"
    r"(?:,\s[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?:,?\s[A-Z][a-z]{2,}\.?\s\d{1,2})?"
    r"(?:\s\([A-Za-z][A-Za-z .&\-]{0,30}\))?"
    r"\s*(?:--|—|–|-)\s+"
)


@Language.component("newsgraph_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence. The parser otherwise joins a paragraph's last
    sentence with the next paragraph's first (a newswire quote opening with '' after a blank
    line becomes part of the sentence before). A wire dateline is a sentence of its own:
    parsed with the sentence after it, "JERUSALEM" became the subject of "Israeli troops shot"
    and "BRUSSELS - European leaders" one group. Runs before the parser, which keeps these starts."""
    if not len(doc):
        return doc
    # decisions first, written once at the end: spaCy's ``is_sent_start`` setter scans the whole
    # Doc for a parse on every call (a third of a second over the 840 PolNeAR texts)
    starts: dict[int, int] = {}  # token index -> 1 (starts a sentence) or -1 (does not)
    opening = [t for t in doc[:1] if not t.is_space]  # the first word of each paragraph
    # only whitespace tokens can hold a line break: find them on the Doc's array, not word by word
    for i in np.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        tok = doc[i]
        if i + 1 < len(doc) and "\n" in tok.text:
            nxt = doc[i + 1]
            opening.append(nxt)
            prev = doc[i - 1] if i > 0 else None
            if "\n\n" in tok.text or prev is None or prev.text[-1:] in ".!?:\"”’'" or nxt.is_quote:
                starts[nxt.i] = 1
                if nxt.is_quote and nxt.i + 1 < len(doc):
                    starts[nxt.i + 1] = -1  # the opening mark belongs to its sentence
    text = doc_text(doc)
    for tok in opening:
        found = DATELINE.match(text, tok.idx, tok.idx + 120) if tok.is_upper else None
        body = next((t for t in doc[tok.i :] if t.idx >= found.end()), None) if found else None
        if body is not None and (body.is_title or body.is_quote):
            starts[body.i] = 1
    if starts:
        values = doc.to_array(SENT_START).astype("int64")
        for i, value in starts.items():
            values[i] = value
        doc.from_array([SENT_START], cast(Ints2d, values.reshape(-1, 1).astype("uint64")))
    return doc


def split_glued_quotes(nlp: Language) -> None:
    """Add :data:`QUOTE_INFIXES` to the tokenizer's infix rules."""
    infixes = [*(nlp.Defaults.infixes or ()), *QUOTE_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    # AP copy types double quotation marks as two single ones (‘‘…’’): one quote token each,
    # which the tagger reads as it reads the typewriter's ``…'' (it took ’’ for a noun)
    for mark, norm in (("’’", "''"), ("‘‘", "``")):
        nlp.tokenizer.add_special_case(mark, [{ORTH: mark, NORM: norm}])  # type: ignore[union-attr]
        nlp.vocab[mark].is_quote = True


@lru_cache(maxsize=4)
def load_language(model: str, components: tuple[str, ...] = COMPONENTS) -> Language:
    """Load the installed spaCy pipeline ``model`` and add newsgraph's components.

    The result is cached per process: worker processes call this once each.

    Args:
        model: Package name of an installed spaCy English pipeline.
        components: newsgraph component factories to add, in order.

    Returns:
        The ready ``Language`` object.
    """
    register()
    try:
        nlp = spacy.load(model, disable=list(DISABLED))
    except OSError as exc:
        raise ConfigError(Errors.E004.format(model=model)) from exc
    split_glued_quotes(nlp)
    index_attribute_ruler(nlp)  # same output as spaCy's, without its sixth of the parse time
    nlp.add_pipe("newsgraph_paragraphs", first=True)
    for name in components:
        nlp.add_pipe(name)
    # The model, the lexicons and the place gazetteer live as long as the process: move them
    # out of the garbage collector's sight, or every full collection walks them again
    # (measured: about 3% of the run on the 840 PolNeAR texts).
    from ..actors.lexicon import gazetteer

    gazetteer()
    gc.freeze()
    return nlp


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}@{nlp.meta.get('version', '?')}"


def set_doc_text(doc: Doc, text: str) -> None:
    """Record the text ``doc`` was made from (equal to ``doc.text``) for :func:`doc_text`."""
    doc.user_data["newsgraph.text"] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy joins every token on each access, which is
    far too slow inside per-token loops."""
    text = doc.user_data.get("newsgraph.text")
    if text is None:
        text = doc.user_data["newsgraph.text"] = doc.text
    return str(text)


_CHILDREN_KEY = "newsgraph.children"
_SENTENCE_STARTS_KEY = "newsgraph.sents"  # plain ints: kept with the Doc
_SENTENCE_SPANS_KEY = "newsgraph.sentences"  # Spans: dropped by release()


@lru_cache(maxsize=32)
def _word_hashes(words: frozenset[str]) -> np.ndarray:
    return np.array(sorted(get_string_id(w) for w in words), dtype="uint64")


def tokens_with(doc: Doc, words: frozenset[str], attrs: tuple[int, ...] = (LEMMA, LOWER)) -> list[int]:
    """Indices of the tokens whose lemma or lower-case form (or other ``attrs``: ``(ORTH,)`` for
    the exact text) is one of ``words``, found on the Doc's arrays in one vectorised pass.
    Stages use it to visit only the few tokens that can start a cue, a trigger or a mention
    instead of creating a Python ``Token`` for every word."""
    if not len(doc) or not words:
        return []
    hashes = _word_hashes(words)
    # the stages ask for the same few attributes many times per Doc: read each array once
    key = f"newsgraph.array.{attrs}"
    values = doc.user_data.get(key)
    if values is None:
        values = doc.user_data[key] = doc.to_array(list(attrs))
    # membership by binary search in the sorted hashes: faster than np.isin for these sizes
    at = np.minimum(np.searchsorted(hashes, values), len(hashes) - 1)
    found = hashes[at] == values
    return np.flatnonzero(found.any(axis=1) if found.ndim > 1 else found).tolist()


def _entity_bounds(doc: Doc) -> list[tuple[int, int, int]]:
    # spaCy rebuilds ``doc.ents`` (every Span) on each access, ``Span.ents`` included, and stages
    # ask per sentence or per token: keep the bounds once per Doc, as plain ints
    bounds: list[tuple[int, int, int]] | None = doc.user_data.get("newsgraph.ents")
    if bounds is None:
        bounds = doc.user_data["newsgraph.ents"] = [(e.start, e.end, e.label) for e in doc.ents]
    return bounds


def entities_in(span: Span) -> list[Span]:
    """The named entities inside ``span`` (as ``span.ents``), without rebuilding the Doc's."""
    bounds = _entity_bounds(span.doc)
    out: list[Span] = []
    for k in range(bisect_left(bounds, (span.start,)), len(bounds)):
        start, end, label = bounds[k]
        if end > span.end:
            break
        out.append(Span(span.doc, start, end, label=label))
    return out


def entity_at(tok: Token) -> Span | None:
    """The named entity ``tok`` is part of, if any."""
    if not tok.ent_type:
        return None
    bounds = _entity_bounds(tok.doc)
    k = bisect_right(bounds, (tok.i, len(tok.doc) + 1)) - 1
    if k >= 0 and bounds[k][0] <= tok.i < bounds[k][1]:
        start, end, label = bounds[k]
        return Span(tok.doc, start, end, label=label)
    return None


def tokens_starting_at(doc: Doc, offsets: set[int]) -> list[int]:
    """Indices of the tokens that start at one of the character ``offsets``."""
    if not len(doc) or not offsets:
        return []
    return [i for i, start in enumerate(doc.to_array(IDX).tolist()) if start in offsets]


def children_of(tok: Token) -> tuple[Token, ...]:
    """``tok.children``, made once per token per Doc: the stages walk the same heads' children
    many times over, and spaCy makes new ``Token`` objects on every walk. The cache lives in
    ``doc.user_data`` until :func:`release` drops it."""
    doc = tok.doc
    cache: dict[int, tuple[Token, ...]] | None = doc.user_data.get(_CHILDREN_KEY)
    if cache is None:
        cache = doc.user_data[_CHILDREN_KEY] = {}
    kids = cache.get(tok.i)
    if kids is None:
        kids = cache[tok.i] = tuple(tok.children)
    return kids


def release(doc: Doc) -> None:
    """Drop the per-Doc caches that hold ``Token`` or ``Span`` objects: they point back at the
    Doc, and without this the Doc would wait for the cycle collector to be freed."""
    doc.user_data.pop(_CHILDREN_KEY, None)
    doc.user_data.pop(_SENTENCE_SPANS_KEY, None)


def sentence_of(item: Token | Span) -> Span:
    """The sentence a token (or a span, by its first token) is in: ``Token.sent`` found by
    bisection in the Doc's sentence starts, read once per Doc. ``Token.sent`` walks back token by
    token, and the stages ask it for every mention and cue."""
    doc = item.doc
    starts: list[int] | None = doc.user_data.get(_SENTENCE_STARTS_KEY)
    if starts is None:
        found = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        starts = doc.user_data[_SENTENCE_STARTS_KEY] = [*found, len(doc)]
    k = bisect_right(starts, item.i if isinstance(item, Token) else item.start) - 1
    spans: dict[int, Span] | None = doc.user_data.get(_SENTENCE_SPANS_KEY)
    if spans is None:
        spans = doc.user_data[_SENTENCE_SPANS_KEY] = {}
    sent = spans.get(k)
    if sent is None:
        sent = spans[k] = doc[starts[k] : starts[k + 1]]
    return sent


def by_sentence(doc: Doc, indices: list[int]) -> Iterator[tuple[Span, list[Token]]]:
    """Every sentence of ``doc`` with the tokens at ``indices`` (sorted) that fall in it."""
    k = 0
    for sent in doc.sents:
        here: list[Token] = []
        while k < len(indices) and indices[k] < sent.end:
            if indices[k] >= sent.start:
                here.append(doc[indices[k]])
            k += 1
        yield sent, here
