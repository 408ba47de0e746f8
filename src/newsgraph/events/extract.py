"""Find PLOVER events in a parsed sentence: trigger, type, arguments, modality.

A trigger is a verb from the lexicon (or a phrasal verb, "call for"), or an
event noun ("talks", "cancellation") governed by a light verb ("hold talks"),
by a possessor ("Netanyahu's cancellation") or standing as an argument. The
source is the verb's subject (the "by" agent in the passive, the possessor or
the light verb's subject for a noun); the target its object, or the object of
"with", "to", "against", "on" according to the type. Statements of intent to
cooperate are AGREE and of intent to harm THREATEN, as PLOVER codes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexicon import EventLexicon

_TARGET_PREPS = {
    "CONSULT": ("with", "to"),
    "AGREE": ("with",),
    "COOPERATE": ("with",),
    "SUPPORT": ("for",),
    "AID": ("to", "for"),
    "REQUEST": ("to", "from", "on"),
    "ACCUSE": ("of", "against"),
    "REJECT": ("from",),
    "THREATEN": ("against",),
    "PROTEST": ("against", "outside"),
    "SANCTION": ("on", "against", "from"),
    "COERCE": ("against", "on"),
    "ASSAULT": ("on", "against"),
    "CONCEDE": ("to",),
    "RETREAT": ("from",),
    "MOBILIZE": ("to", "against", "near"),
}
_NOUN_TARGET_PREPS = ("with", "against", "on", "to", "of", "for", "from", "between")
_INTENT_HEADS = {"willing", "ready", "prepared", "committed", "set", "determined", "eager"}
_REPORT_LEMMAS = {
    "say",
    "tell",
    "announce",
    "state",
    "report",
    "claim",
    "add",
    "note",
    "insist",
    "quote",
    "write",
    "confirm",
    "declare",
}
_NEG = {"not", "n't", "never", "no"}


@dataclass(slots=True)
class Found:
    """An event before actors are resolved to ids."""

    type: str
    trigger: Token
    trigger_end: int  # token index (exclusive) of the trigger phrase
    source_tokens: list[Token] = field(default_factory=list)
    target_tokens: list[Token] = field(default_factory=list)
    mode: str | None = None
    negated: bool = False
    modality: str = "asserted"
    nominal: bool = False
    intent: bool = False


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _with_conjuncts(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        out.append(t)
        out.extend(c for c in t.conjuncts if c.i > t.i)
    return out


def _subject(verb: Token) -> list[Token]:
    """The agent of ``verb``: its subject, the passive's "by" agent, or the subject it shares."""
    t = verb
    for _ in range(4):
        agents = [p for a in _children(t, ("agent",)) for p in _children(a, ("pobj",))]
        if agents:
            return _with_conjuncts(agents)
        subj = _children(t, ("nsubj",))
        if subj and not (t is verb and _children(t, ("nsubjpass",))):
            return _with_conjuncts(subj)
        if t.dep_ in ("xcomp", "conj", "advcl", "acomp") and t.head is not t:
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep":  # "just before meeting X": the subject of the clause
            t = t.head.head
            continue
        if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
            return [t.head]
        break
    return []


def _passive_object(verb: Token) -> list[Token]:
    return _with_conjuncts(_children(verb, ("nsubjpass",)))


def _objects(verb: Token, etype: str) -> list[Token]:
    objs = _children(verb, ("dobj", "dative"))
    for p in _children(verb, ("prep",)):
        if p.lower_ in _TARGET_PREPS.get(etype, ()):
            objs.extend(_children(p, ("pobj",)))
    if etype == "CONSULT" and verb.lemma_ == "visit":
        objs = _children(verb, ("dobj",)) or objs
    return _with_conjuncts(objs)


def _modality(trigger: Token, sent: Span, lex: EventLexicon) -> tuple[str, bool, bool]:
    """(modality, negated, intent) of the clause of ``trigger``."""
    negated = False
    intent = False
    hypothetical = False
    reported = False
    t = trigger
    for depth in range(5):
        for c in t.children:
            low = c.lower_
            if c.dep_ == "neg" or (low in _NEG and c.dep_ in ("det", "advmod")):
                negated = negated or depth <= 1
            if c.dep_ in ("aux", "auxpass"):
                if low in ("will", "shall", "'ll", "wo", "would"):
                    intent = True
                elif low in lex.hypothetical_words or low == "would":
                    hypothetical = True
            if c.dep_ == "mark" and low in ("if", "unless", "whether"):
                hypothetical = True
        if (
            t.lemma_
            in (
                "plan",
                "intend",
                "pledge",
                "promise",
                "vow",
                "offer",
                "agree",
                "decide",
                "aim",
                "want",
                "hope",
                "seek",
                "prepare",
                "expect",
            )
            and t is not trigger
        ):
            intent = True
        if t.lower_ in _INTENT_HEADS and t is not trigger:
            intent = True
        if t is not trigger and t.lemma_ in _REPORT_LEMMAS and t.pos_ == "VERB":
            reported = True
            break
        if t.dep_ in ("xcomp", "acomp", "ccomp", "conj", "advcl", "pcomp", "pobj", "prep", "dobj") and t.head is not t:
            if t.dep_ == "ccomp" and t.head.lemma_ in _REPORT_LEMMAS:
                reported = True
                break
            t = t.head
            continue
        break
    _ = sent
    if hypothetical:
        return "hypothetical", negated, intent
    if intent:
        return "intended", negated, True
    if reported:
        return "reported", negated, False
    return "asserted", negated, False


def find_events(sent: Span, lex: EventLexicon) -> list[Found]:
    """Every trigger in ``sent`` with its raw arguments and modality."""
    out: list[Found] = []
    doc = sent.doc
    for tok in sent:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and lemma in lex.verbs):
            prt = next((c for c in tok.children if c.dep_ in ("prt", "prep") and c.i == tok.i + 1), None)
            etype = lex.phrasal.get(f"{lemma} {prt.lower_}") if prt is not None else None
            end = (prt.i + 1) if etype and prt is not None else tok.i + 1
            etype = etype or lex.verbs.get(lemma)
            if etype is None or (lemma in lex.light_verbs and _event_object(tok, lex)):
                continue
            if lemma in ("call",) and not any(c.dep_ in ("prt",) for c in tok.children) and etype == "CONSULT":
                continue
            passive = bool(_children(tok, ("nsubjpass", "auxpass")))
            src = _subject(tok)
            tgt = _passive_object(tok) if passive else _objects(tok, etype)
            if passive and not _children(tok, ("agent",)):
                src = []
            f = Found(etype, tok, end, src, tgt, lex.modes.get(lemma))
        elif tok.pos_ == "NOUN" and (low in lex.nouns or lemma in lex.nouns):
            etype = lex.nouns.get(low) or lex.nouns[lemma]
            src, tgt = _noun_arguments(tok, etype)
            if not src:
                continue
            f = Found(etype, tok, tok.i + 1, src, tgt, lex.modes.get(low) or lex.modes.get(lemma), nominal=True)
        else:
            continue
        f.modality, f.negated, f.intent = _modality(tok, sent, lex)
        out.append(f)
    _ = doc
    return out


def _event_object(verb: Token, lex: EventLexicon) -> bool:
    """Does this light verb take an event noun object ("held talks")?"""
    return any(c.lower_ in lex.nouns or c.lemma_ in lex.nouns for c in verb.children if c.dep_ in ("dobj",))


def _noun_arguments(noun: Token, etype: str) -> tuple[list[Token], list[Token]]:
    """Source and target of an event noun: possessor / "by" / light verb subject; "with/against/of" objects."""
    src: list[Token] = []
    tgt: list[Token] = []
    for c in noun.children:
        if c.dep_ == "poss" or c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            src.append(c)
        elif c.dep_ == "prep":
            objs = _children(c, ("pobj",))
            if c.lower_ == "by":
                src.extend(objs)
            elif c.lower_ in _NOUN_TARGET_PREPS:
                tgt.extend(objs)
        elif c.dep_ == "acl":
            tgt.extend(_children(c, ("dobj",)))
    if not src and noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB":
        src = _subject(noun.head)
    if not tgt and noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB":
        # "completed a meeting with X", "held talks with X": the light verb carries the target
        for p in _children(noun.head, ("prep",)):
            if p.lower_ in ("with", "against") or (etype == "CONSULT" and p.lower_ == "at"):
                tgt.extend(_children(p, ("pobj",)))
    if (
        not src
        and noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.head.pos_ == "VERB"
        and noun.head.lower_ in ("in", "for", "after", "during")
    ):
        src = []
    return _with_conjuncts(src), _with_conjuncts(tgt)
