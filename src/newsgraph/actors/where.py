"""Where an actor is: the country of the place a group is in or from, of the nationality or
body words of a phrase, of the places a sentence names."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..nlp import children_of, entities_in, entity_at
from .lexicon import ActorLexicon

LOCATIVE_PREPS = {
    "in",
    "at",
    "near",
    "across",
    "inside",
    "throughout",
    "around",
    "outside",
    "within",
    "into",
    "through",
    "along",
    "via",
    "toward",
    "towards",
}


def place_codes(sent: Span, lex: ActorLexicon) -> set[str]:
    """The countries of the places named in ``sent``."""
    return {
        code
        for e in entities_in(sent)
        # "marched through Dhaka": a known place the model read as an organisation still counts
        if (e.label_ in ("GPE", "LOC") or (e.label_ == "ORG" and _norm(e.text) in lex.cities))
        and (code := lex.place_code(e.text))
    }


def only_country(codes: Iterable[str | None]) -> str | None:
    """The one country among ``codes``, or None when there are several, none, or an IGO."""
    named = {c for c in codes if c}
    return next(iter(named)) if len(named) == 1 and "IGO" not in named else None


_PLACE_NOUNS = {"town", "city", "village", "province", "region", "capital", "district", "port", "area", "state"}


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def located_in(noun: Token, lex: ActorLexicon, context: frozenset[str] = frozenset()) -> str | None:
    """The country of the place a group is in or from: "rebels in the Ivory Coast",
    "a newspaper based in east Beirut", "students from Lagos"."""
    found = place_of(noun, lex, context)
    return found[0] if found else None


def place_of(noun: Token, lex: ActorLexicon, context: frozenset[str] = frozenset()) -> tuple[str, Token] | None:
    """The country of the place a group is in or from (see :func:`located_in`) and the last
    token of the place's name, for the mention to reach it: "demonstrators in Baghdad"."""
    preps = [c for c in children_of(noun) if c.dep_ == "prep" and c.lower_ in ("in", "from", "of")]
    preps += [
        p
        for a in children_of(noun)
        if a.dep_ == "acl" and a.lemma_ in ("base", "locate")
        for p in children_of(a)
        if p.dep_ == "prep" and p.lower_ in ("in", "at")
    ]
    for p in preps:
        for o in children_of(p):
            region = None
            if o.dep_ == "pobj" and o.ent_type_ not in ("GPE", "LOC", "FAC"):
                # "in Nigeria's oil-rich delta": the place the region belongs to
                owner = next((c for c in children_of(o) if c.dep_ == "poss" and c.ent_type_ in ("GPE", "LOC")), None)
                region, o = (o, owner) if owner is not None else (None, o)
            if o.dep_ in ("pobj", "poss") and o.ent_type_ in ("GPE", "LOC", "FAC"):
                ent = entity_at(o)
                code = lex.place_code(ent.text if ent is not None else o.text, context)
                if code:
                    return code, region or (ent[-1] if ent is not None else o)
            elif o.dep_ == "pobj" and o.ent_type_ == "ORG" and p.lower_ == "of":
                # "workers of the United Bus Company of Tehran": the organisation's country
                ent = entity_at(o)
                code = country_in(list(ent), lex) if ent is not None else None
                if code and code != "IGO" and ent is not None:
                    return code, ent[-1]
    return None


def prefixed(tok: Token) -> bool:
    """Is ``tok`` the second half of "pro-Iranian", "anti-American": a stance, not a nationality?"""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in _STANCE_PREFIXES


_STANCE_PREFIXES = {"pro", "anti", "non"}


def country_in(tokens: list[Token], lex: ActorLexicon) -> str | None:
    """The first country, nationality or body named among ``tokens`` (three words, then two, then one)."""
    words = [t.text if not prefixed(t) else "" for t in tokens]
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            # a longer place name wins over a word inside it: "New Jersey" is no "Jersey"
            code = lex.code_of_word(phrase) or (lex.place_code(phrase) if n > 1 and phrase.istitle() else None)
            if code:
                return code
    return None
