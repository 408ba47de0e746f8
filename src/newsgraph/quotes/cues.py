"""Cues: the words that introduce an attribution ("said", "told", "according to")."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..nlp import children_of


@dataclass(frozen=True, slots=True)
class CueLexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    nouns: frozenset[str]
    prepositional: dict[str, frozenset[str]]  # "accuse" -> {"of"}: the content is that preposition's object
    # every word that can start a cue, "according" included: the stage visits only these tokens
    first_words: frozenset[str] = frozenset()
    # verbs whose object or infinitive is a deed, not words ("continued to pour fuel on the fire",
    # "found no evidence"): they attribute a clause or a quotation only
    acts: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    raw = json.loads(resources.files("newsgraph.data").joinpath("cues.json").read_text("utf-8"))
    preps = {k: frozenset(v) for k, v in raw.get("prepositional", {}).items() if not k.startswith("_")}
    speech, belief = frozenset(raw["speech"]), frozenset(raw["belief"])
    first = speech | belief | frozenset(preps) | {"according"}
    return CueLexicon(speech, belief, frozenset(raw["nouns"]), preps, first, frozenset(raw.get("acts", ())))


def cue_kind(tok: Token, lex: CueLexicon) -> str | None:
    """ "speech" or "belief" when ``tok`` is a cue verb, else None."""
    if tok.pos_ == "ADJ":  # "critical of the deal": a position, held by the copula's subject
        return "belief" if prepositional_object(tok, lex) is not None else None
    if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.tag_ == "VBZ"):
        return None
    lemma = tok.lemma_.lower()
    if lemma in lex.speech:
        return "speech"
    if lemma in lex.belief:
        return "belief"
    if prepositional_object(tok, lex) is not None:
        return "speech"
    return None


def prepositional_object(tok: Token, lex: CueLexicon) -> Token | None:
    """The object of the preposition that carries a cue's content ("spoke about the economy")."""
    preps = lex.prepositional.get(tok.lemma_.lower())
    if not preps:
        return None
    # the parser hangs "of …" after a passive's agent on the agent ("was accused by rights
    # groups of ordering …"): look there too
    heads = [tok, *(o for a in children_of(tok) if a.dep_ == "agent" for o in children_of(a) if o.dep_ == "pobj")]
    for h in heads:
        for p in children_of(h):
            if p.dep_ == "prep" and p.lower_ in preps and p.i > tok.i:
                for o in children_of(p):
                    if o.dep_ in ("pobj", "pcomp"):
                        return o
    return None


def cue_span(tok: Token) -> tuple[int, int]:
    """Character range of a cue: the verb, with a particle ("pointed out", "called for")."""
    start, end = tok.idx, tok.idx + len(tok)
    for c in children_of(tok):
        if c.dep_ == "prt" and c.i == tok.i + 1:
            end = c.idx + len(c)
    return start, end
