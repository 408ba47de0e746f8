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

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..actors.places import SITES
from ..nlp import children_of, tokens_with
from .lexicon import EventLexicon

_TARGET_PREPS = {
    "CONSULT": ("with", "to"),
    "AGREE": ("with", "to"),
    "COOPERATE": ("with",),
    "SUPPORT": ("for",),
    "AID": ("to", "for"),
    "REQUEST": ("to", "from", "on"),
    "ACCUSE": ("of", "against", "at"),
    "REJECT": ("from",),
    "THREATEN": ("against",),
    "PROTEST": ("against", "outside"),
    "SANCTION": ("on", "against", "from"),
    "COERCE": ("against", "on", "from", "at"),
    "ASSAULT": ("on", "against", "at"),
    "CONCEDE": ("to",),
    "RETREAT": ("from", "of"),
    "MOBILIZE": ("to", "against", "near"),
}
# retreats that move someone else (CAMEO 084): their patient is released, it does not withdraw
_RELEASES = frozenset({"release", "free", "return", "repatriate", "hand", "give"})
_NOUN_TARGET_PREPS = ("with", "against", "on", "to", "of", "for", "from", "between")
_INTENT_HEADS = {"willing", "ready", "prepared", "committed", "set", "determined", "eager"}
# verbs whose clause complement is somebody's statement
# verbs of accusing that also report what they charge ("X armed Y, officials charged")
CHARGE_LEMMAS = frozenset({"charge", "accuse", "allege"})

REPORT_LEMMAS = {
    "say",
    "repeat",
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
    "reiterate",
    "stress",
    "emphasize",
    "conclude",
}
# heads that carry an event noun used as their modifier: "mediation efforts", "aid deliveries"
# nouns that count or group events: the event noun's arguments are theirs
_MEASURES = {"round", "series", "wave", "spate", "string", "flurry", "volley", "barrage", "rash", "package"}
_GENERIC_HEADS = {
    "effort",
    "mission",
    "process",
    "operation",
    "delivery",
    "package",
    "program",
    "programme",
    "plan",
    "campaign",
    "drive",
    "bid",
    "initiative",
    "round",
    "convoy",
    "shipment",
}
# entities whose words are names, not events: "World Relief", "the Trans-Pacific Partnership",
# "March" (a date)
_NAMES = {"DATE", "ORG", "PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "FAC", "GPE", "NORP", "TIME"}
_MEETINGS = {"trip", "visit", "meeting", "talks", "summit", "mission", "delegation", "tour", "conference"}
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
    threat: bool = False  # held over someone: "unless", "could", "prepared to"
    # a trigger declared no event ("declined to comment", "talked about"): it yields nothing but,
    # like any trigger, keeps what it governs from being read as events of their own
    silent: bool = False


def _pobjs_of(tok: Token) -> list[Token]:
    """What ``tok`` counts or holds: "hundreds [of followers]"."""
    return [o for p in children_of(tok) if p.lower_ == "of" for o in children_of(p) if o.dep_ == "pobj"]


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in children_of(tok) if c.dep_ in deps]


def _with_conjuncts(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        out.append(t)
        out.extend(c for c in t.conjuncts if c.i > t.i)
    return out


def subject_of(verb: Token) -> list[Token]:
    """The agent of ``verb``: its subject, the passive's "by" agent, or the subject it shares."""
    t = verb
    for _ in range(4):
        if t.i != verb.i and _children(t, ("nsubjpass",)):
            # "has been indicted by the court and will resign": who resigns is the one indicted
            return _with_conjuncts(_children(t, ("nsubjpass",)))
        # "approved the accord by a vote of eight to four": a manner, not an agent
        agents = [p for a in _children(t, ("agent",)) for p in _children(a, ("pobj",)) if p.lemma_ not in _MANNERS]
        if agents:
            return _with_conjuncts(agents)
        subj = _children(t, ("nsubj",))
        if subj and subj[0].lower_ in ("which", "who", "that") and t.dep_ == "relcl":
            return [t.head]  # "Israel, which accuses Lebanon of …": the head the clause is about
        if subj and not (t is verb and _children(t, ("nsubjpass",))):
            if (blamed := _blamed_on(subj[0])) and t is verb:
                return blamed  # "a car bomb blamed on Tamil rebels killed 20 people": the bombers
            return _with_conjuncts(subj)
        if t.dep_ == "xcomp" and t.head.lemma_ in _OBJECT_CONTROL and (controller := _children(t.head, ("dobj",))):
            return _with_conjuncts(controller)
        if t.dep_ in ("xcomp", "conj", "advcl", "acomp") and t.head is not t:
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep":  # "just before meeting X": the subject of the clause
            t = t.head.head
            if t.dep_ in ("advmod", "acomp") and t.head.pos_ in ("VERB", "AUX"):
                t = t.head  # "is steering clear of criticizing Trump": the one steering
            continue
        if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
            # "the decision by the European Union to suspend aid", "Iran's decision to …": who decided
            owners = [c for c in children_of(t.head) if c.dep_ == "poss"] + [
                o for p in children_of(t.head) if p.dep_ == "prep" and p.lower_ == "by" for o in _children(p, ("pobj",))
            ]
            return _with_conjuncts(owners) if owners and t.head.lemma_ in _DECISIONS else [t.head]
        break
    # the small parser reads a bare name opening the clause as a noun adverb ("Turkey massed
    # troops"): with no subject found, a named actor right before the verb is its subject
    first = next(iter(verb.lefts), None)
    if (
        first is not None
        and first.dep_ == "npadvmod"
        and first.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
        and all(t.dep_ in ("aux", "neg", "advmod") for t in verb.lefts if t.i != first.i)
    ):
        return [first]
    return []


# weapons and blasts that "kill" in a clause whose doers a participle names
_DEVICES = frozenset(
    {"bomb", "blast", "explosion", "mine", "rocket", "missile", "shell", "grenade", "attack", "bombing"}
)


def _blamed_on(subj: Token) -> list[Token]:
    """Who a weapon subject is blamed on or was set off by ("a car bomb blamed on Tamil rebels",
    "a bomb planted by the IRA")."""
    if subj.lemma_.lower() not in _DEVICES:
        return []
    for acl in _children(subj, ("acl",)):
        if acl.lemma_ in ("blame", "attribute"):
            found = [o for p in _children(acl, ("prep",)) if p.lower_ in ("on", "to") for o in _children(p, ("pobj",))]
        else:
            found = [o for a in _children(acl, ("agent",)) for o in _children(a, ("pobj",))]
        if found:
            return _with_conjuncts(found)
    return []


def _shared_agent(verb: Token) -> list[Token]:
    """The "by" agent of a passive participle coordinated with ``verb`` when ``verb`` itself has
    no object and no agent ("shot and killed by police", "beaten and arrested by soldiers")."""
    if verb.tag_ not in ("VBN", "VBD") or _children(verb, ("dobj", "agent")):
        return []
    return [
        p
        for c in _children(verb, ("conj",))
        if c.tag_ == "VBN" and not _children(c, ("nsubj", "nsubjpass"))  # one subject for both
        for a in _children(c, ("agent",))
        for p in _children(a, ("pobj",))
    ]


def _bare_participle(verb: Token, etype: str) -> bool:
    """Is ``verb`` a passive participle the parser gave no auxiliary: with a "by" agent, modifying
    its patient ("26 people killed in the shooting"), or coordinated after a passive ("are being
    killed and wounded")? A sentence's only verb read as a modifier of its subject ("Thousands of
    students protested in Buenos Aires") is passive only when it is a deed done to someone
    ("Five soldiers killed in ambush")."""
    if verb.tag_ != "VBN" or _children(verb, ("nsubj", "nsubjpass", "dobj")):
        return False
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and etype not in _DONE_TO:
        return False
    return (
        bool(_children(verb, ("agent",)))
        or verb.dep_ == "acl"
        or (verb.dep_ == "conj" and bool(_children(verb.head, ("auxpass",))))
    )


_DONE_TO = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "REQUEST"})  # "Iran urged to halt enrichment"


def _misread_passive(verb: Token) -> bool:
    """Is ``verb`` a participle with a "by" agent that the parser gave a subject of its own ("said
    the Iranians released by the United States were …")?"""
    return (
        verb.tag_ == "VBN"
        and bool(_children(verb, ("agent",)))
        and bool(_children(verb, ("nsubj",)))
        and not _children(verb, ("aux", "auxpass", "dobj"))
    )


def _passive_object(verb: Token) -> list[Token]:
    own = _children(verb, ("nsubjpass",)) or (_children(verb, ("nsubj",)) if _misread_passive(verb) else [])
    if not own and verb.dep_ == "conj" and (_shared_agent(verb.head) or _children(verb.head, ("auxpass",))):
        own = _children(verb.head, ("nsubj", "nsubjpass"))  # "people shot and killed by police"
    if not own and verb.dep_ == "acl" and verb.tag_ == "VBN":
        own = [verb.head]  # "26 people killed in the shooting": the participle's noun is its patient
    return _with_conjuncts(own)


def _verb_preps(verb: Token) -> list[Token]:
    """The verb's prepositions, with those the parser hung on its means: in "spoke by
    telephone with X", "with X" goes with "spoke", not with the telephone."""
    preps = _children(verb, ("prep",))
    for p in list(preps):
        if p.lower_ == "by":
            preps.extend(q for o in _children(p, ("pobj",)) for q in _children(o, ("prep",)))
        if p.lower_ in ("out", "away", "back") and not _children(p, ("pobj",)):
            preps.extend(_children(p, ("prep",)))  # "pulled its troops out of X": "of X" hangs on "out"
    for c in _children(verb, ("prt", "advmod")):
        preps.extend(_children(c, ("prep",)))  # "lashed out at Britain"
    return preps


# verbs that move something somewhere: what is moved (troops, food, inspectors, an envoy) is
# no target; where it goes, or to whom, or where it leaves, is ("sent 700 paratroopers to
# Sierra Leone", "withdrew its troops from Chad")
TRANSFER_LEMMAS = frozenset(
    {
        "send",
        "dispatch",
        "ship",
        "fly",
        "rush",
        "deploy",
        "deliver",
        "donate",
        "airlift",
        "airdrop",
        "move",
        "mass",
        "hand",
        "extradite",
        "transfer",
        "withdraw",
        "pull",
        "recall",
    }
)


_MOVES = ("to", "into", "from")
_RELATIVIZERS = frozenset({"who", "that", "which", "whom"})
_CHARGES = frozenset({"allegation", "accusation", "charge", "scandal"})
_PEOPLE_HEADS = frozenset({"worker", "official", "employee", "staff", "staffer", "volunteer", "personnel", "activist"})


def destinations(verb: Token) -> list[Token]:
    """Where a verb of moving moves something to or from ("sent troops to Chad", "recalled its
    ambassador from Qatar" — also when the parser hangs the phrase on what is moved)."""
    preps = _verb_preps(verb)
    preps += [p for o in _children(verb, ("dobj",)) for p in _children(o, ("prep",))]
    preps += [d for d in _children(verb, ("dative",)) if d.pos_ == "ADP"]  # "sent troops to Albania"
    return [o for p in preps if p.lower_ in _MOVES and not _up_to(p) for o in _children(p, ("pobj",))]


def _up_to(prep: Token) -> bool:
    """Is ``prep`` the "to" of "up to" ("massed up to 80,000 troops": a number, not a destination)?"""
    return prep.lower_ == "to" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "up"


_DECISIONS = {"decision", "plan", "move", "bid", "attempt", "effort", "offer", "promise", "pledge", "threat", "refusal"}
_MANNERS = {"vote", "margin", "decree", "means", "way", "consensus", "acclamation", "telephone", "phone", "law"}
# verbs whose object does what their infinitive says: "persuaded Israel to release prisoners",
# "forced the government to negotiate" (not "sent troops to fight": the sender's purpose)
_OBJECT_CONTROL = frozenset(
    {"persuade", "convince", "force", "compel", "pressure", "encourage", "allow", "permit", "enable"}
    | {"oblige", "require", "prompt", "lead", "induce", "coax", "get", "cause", "entice", "push", "press"}
)
_TOPIC_VERBS = {"discuss", "debate", "negotiate", "review", "examine"}

# the object-type key of a named object, by its entity label
_ENTITY_KEYS = {"ORG": "organization", "GPE": "@country", "PERSON": "@person", "NORP": "@people"}

# lemmas the small model gets wrong on news verbs
_LEMMA_FIXES = {"stag": "stage", "wag": "wage", "unbanne": "unban", "teargasse": "teargas", "cordone": "cordon"}
# and forms it lemmatises to another verb: "raped" → "rap" (while "rapped", criticised, is "rap")
_FORM_FIXES = {"raped": "rape", "raping": "rape", "rapes": "rape", "unfroze": "unfreeze", "unfrozen": "unfreeze"}


def _forces_come_home(verb: Token) -> bool:
    """ "Turkish troops returned home from northern Iraq": forces that return from somewhere
    withdraw from it (CAMEO 0874), though "return" is otherwise an event only with an object."""
    return (
        verb.lemma_ == "return"
        and any(s.lemma_ in _FORCES for s in subject_of(verb))
        and any(p.lower_ == "from" and _children(p, ("pobj",)) for p in _children(verb, ("prep",)))
    )


def _fixed_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return _FORM_FIXES.get(tok.lower_) or _LEMMA_FIXES.get(lemma, lemma)


def _objects(verb: Token, etype: str) -> list[Token]:
    transfer = verb.lemma_ in TRANSFER_LEMMAS
    objs = _children(verb, ("dative",) if transfer else ("dobj", "dative"))
    if not objs and _children(verb, ("prt",)):
        # "called out Trump": the small model reads the object after a particle as a predicate
        objs = [o for o in _children(verb, ("oprd",)) if o.pos_ in ("PROPN", "NOUN", "PRON")]
    if transfer:
        objs.extend(destinations(verb))
        if not objs and etype == "RETREAT" and verb.lemma_ in ("hand", "turn"):
            # "handed over 300 U.N. peacekeepers they had held": who is handed over, when no one
            # receives them (what is handed over, weapons or a town, names no actor)
            objs = _children(verb, ("dobj",))
    for p in _verb_preps(verb):
        if etype == "RETREAT" and p.lower_ == "to" and verb.lemma_ in ("surrender", "capitulate"):
            objs.extend(_children(p, ("pobj",)))  # "surrendered to government troops": to whom they yield
        if p.lower_ in _TARGET_PREPS.get(etype, ()) and not (transfer and p.lower_ in _MOVES):
            # (not where an act on someone was done: "kidnapped two engineers at Sanaa airport")
            objs.extend(o for o in _children(p, ("pobj",)) if not (p.lower_ == "at" and objs and o.lemma_ in SITES))
    if etype in ("CONCEDE", "REJECT"):
        # "agreed to the opposition's demand", "rejected the demands of the strikers": who asked
        asked = [*_children(verb, ("dobj",)), *(o for p in _verb_preps(verb) for o in _children(p, ("pobj",)))]
        objs.extend(
            w
            for a in asked
            if a.lemma_ in _ASKED
            for w in [
                *_children(a, ("poss",)),
                *(o for p in _children(a, ("prep",)) if p.lower_ == "of" for o in _children(p, ("pobj",))),
            ]
        )
    if etype == "SUPPORT":
        # "rushed to the defence of Israel", "voted in favour of the declaration": whose side
        objs.extend(
            w
            for p in _verb_preps(verb)
            for o in _children(p, ("pobj",))
            if o.lower_ in SIDES
            for q in _children(o, ("prep",))
            if q.lower_ == "of"
            for w in _children(q, ("pobj",))
        )
    if etype == "MOBILIZE":
        # the forces mobilized are the source's own, not whom they face
        objs = [o for o in objs if o.dep_ != "dobj"] + _across_border(verb)
    if etype == "CONSULT" and verb.lemma_ == "visit":
        objs = _children(verb, ("dobj",)) or objs
    elif etype == "CONSULT" and verb.lemma_ in _TOPIC_VERBS:
        # what is discussed is the topic, whom it is discussed with the partner
        objs = [o for o in objs if o.dep_ != "dobj"]
    return _with_conjuncts(objs)


_WAR_NOUNS = {"hostility", "hostilities", "fighting", "violence", "war", "bombing", "shelling", "attack"}
# whose side one comes to: "to the defence of Israel", "in favour of the declaration"
SIDES = frozenset({"defence", "defense", "favor", "favour", "aid", "side"})
_ASKED = {"demand", "request", "call", "appeal", "condition", "proposal", "offer", "plan"}
_FRONTIERS = {"border", "frontier", "boundary"}


def _across_border(verb: Token) -> list[Token]:
    """Whom a force posture faces: "put its army on alert along the border with Pakistan",
    "massed troops on the Iraqi border"."""
    preps = _verb_preps(verb) + [p for o in _children(verb, ("dobj",)) for p in _children(o, ("prep",))]
    # "on high alert along the border": the place may hang on the state
    preps += [q for p in list(preps) for o in _children(p, ("pobj",)) for q in _children(o, ("prep",))]
    out = []
    for p in preps:
        for o in _children(p, ("pobj",)):
            if o.lemma_ in _FRONTIERS:
                out += [c for c in children_of(o) if c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP")]
                out += [w for q in _children(o, ("prep",)) if q.lower_ == "with" for w in _children(q, ("pobj",))]
    return out


def _no_event(verb: Token, lemma: str, etype: str, lex: EventLexicon) -> bool:
    """Is this use of a trigger verb no event?"""
    if lemma in lex.formula_verbs and any(c.lemma_ in lex.formula_clauses for c in _children(verb, ("xcomp",))):
        return True  # "declined to comment"
    if (
        lemma == "agree"
        and _children(verb, ("ccomp",))
        and not _children(verb, ("xcomp", "dobj"))
        and all(p.lower_ == "with" for p in _children(verb, ("prep",)))
    ):
        return True  # "experts agree (with him) that it will be difficult": an opinion shared, not an agreement
    if lemma == "arrive" and not any(
        o.ent_type_ in ("GPE", "LOC", "FAC", "ORG")
        # "arrived in the Somali capital Mogadishu"
        or (o.lemma_ in ("capital", "city", "town", "port") and any(t.ent_type_ == "GPE" for t in o.subtree))
        for p in _children(verb, ("prep",))
        for o in _children(p, ("pobj",))
    ):
        return True  # a visit arrives somewhere named: "arrived in Tokyo", not "voters arrived at 25 sites"
    if (
        lemma == "settle"
        and not _children(verb, ("dobj",))
        and any(c.lower_ in ("in", "into", "down", "back") for c in _children(verb, ("prt", "prep")))
    ):
        return True  # "Mr. Biden settled in a chair": sat down, no settlement
    if lemma == "plead" and any(c.lower_ in ("guilty", "innocent") for c in children_of(verb)):
        return True  # "pleaded guilty": a plea in court, not an appeal
    if (
        lemma == "appeal"
        and verb.tag_ == "VBG"
        and not _children(verb, ("xcomp", "ccomp"))
        and not any(p.lower_ == "for" for p in _children(verb, ("prep",)))
    ):
        return True  # "Trump is appealing to the alt-right": attracting, not requesting
    if lemma == "take" and etype == "PROTEST":
        places = [o for p in _children(verb, ("prep",)) for o in _children(p, ("pobj",))]
        return not any(o.lemma_ in ("street", "road") for o in places)  # "take to the beaches"
    if lemma in ("release", "free", "return") and etype == "RETREAT" and not _forces_come_home(verb):
        # only people, their remains, property and land are released or returned (CAMEO 084): not
        # a video, "mine" (tax returns) or donations; "freed 45 Lebanese", "released him"
        yielded = _children(verb, ("dobj",)) or _children(verb, ("nsubjpass",))
        if not yielded and verb.dep_ in ("acl", "relcl"):
            yielded = [verb.head]  # "the Iranians released by the United States"
        if not yielded and _children(verb, ("agent",)):
            yielded = _children(verb, ("nsubj",))  # the same, read as a clause of its own
        return not any(_yielded(o, lex) for o in yielded)
    objects = {o.lemma_.lower() for o in _children(verb, ("dobj",))}
    if (
        lemma == "offer"
        and etype == "AGREE"
        and not _children(verb, ("xcomp", "ccomp"))
        and not objects & lex.words["offers"]
    ):
        return True  # "offered a potent testimony", "offers messages about stability"
    if lemma == "recognize" and not any(
        o.ent_type_ in ("GPE", "ORG", "NORP") or o.lemma_.lower() in lex.words["recognized"]
        for o in _children(verb, ("dobj",))
    ):
        return True  # recognition is of a state or a government, not "did not recognize the passenger"
    if lemma == "demonstrate" and etype == "PROTEST" and _children(verb, ("dobj", "ccomp")):
        return True  # "demonstrated the temperament", "has demonstrated that…": showing, no protest
    if lemma == "rally" and etype == "PROTEST" and any(_rallied(o) for o in _children(verb, ("dobj",))):
        return True  # "rallied voters", "rallied the base": gathering support, no protest
    if lemma == "seek" and not _children(verb, ("dobj",)) and any(_to_infinitive(c) for c in children_of(verb)):
        return True  # "sought to counter", "seeking to leave": trying, not requesting
    if (
        lemma in ("ask", "press")
        and not _children(verb, ("xcomp",))
        and not any(p.lower_ == "for" for p in _children(verb, ("prep",)))
    ):
        # "asked whether he would…", "asked questions about Trump", "when asked about X": a question
        return (
            bool(_children(verb, ("ccomp",)))
            or any(o.lemma_ == "question" for o in _children(verb, ("dobj",)))
            or any(p.lower_ == "about" for p in _children(verb, ("prep",)))
        )
    # one person talking about something is no consultation
    return etype == "CONSULT" and lemma in ("talk", "discuss", "speak") and not _together(verb)


def _yielded(obj: Token, lex: EventLexicon) -> bool:
    """Is ``obj`` people, remains, property or land ("six Kuwaiti prisoners", "him", "the Golan",
    "45 Lebanese")?"""
    if obj.ent_type_ in ("PERSON", "NORP", "GPE", "LOC", "FAC") or obj.lower_ in ("him", "her", "them", "us"):
        return True
    counted = [obj, *_pobjs_of(obj), *(c for c in children_of(obj) if c.dep_ in ("amod", "compound", "nmod"))]
    return any(t.lemma_.lower() in lex.words["released"] or t.ent_type_ == "NORP" for t in counted)


def _together(verb: Token) -> bool:
    """Does ``verb`` have someone to talk with: a partner ("talked with X", "spoke to X"), or
    several subjects ("the ministers discussed", "Israel and Syria talked")?"""
    subjects = subject_of(verb)
    partners = [o for p in _verb_preps(verb) if p.lower_ in ("with", "to") for o in _children(p, ("pobj",))]
    return bool(partners) or len(subjects) > 1 or any(s.tag_ in ("NNS", "NNPS") for s in subjects)


_FORECASTS = frozenset({"predict", "forecast", "anticipate", "expect", "project"})


def _modality(trigger: Token, sent: Span, lex: EventLexicon) -> tuple[str, bool, bool, bool]:
    """(modality, negated, intent, threat) of the clause of ``trigger``."""
    negated = False
    intent = False
    hypothetical = False
    reported = False
    threat = False  # a condition or a modal on the harm ("unless", "may")
    held = False  # a word that holds it over someone ("prepared to", "vowed to")
    t = trigger
    last_dep = ""
    came_from = {trigger.i}
    for depth in range(5):
        for c in children_of(t):
            low = c.lower_
            if c.dep_ == "neg" or (low in _NEG and c.dep_ in ("det", "advmod")):
                negated = negated or depth <= 1
            if c.dep_ in ("aux", "auxpass"):
                if low in ("will", "shall", "'ll", "wo", "would") and not (hypothetical and t is not trigger):
                    # the "would" of the main clause is no intent of an act in its "if" clause:
                    # "If Nancy Davis had met Ronald Reagan earlier, he would have won an Oscar"
                    intent = True
                elif low in lex.hypothetical_words or low == "would":
                    hypothetical = True
                    threat = threat or low in lex.threat_words
            if c.dep_ == "mark" and low in ("if", "unless", "whether"):
                hypothetical = True
            if c.dep_ in ("nsubj", "nsubjpass") and depth <= 1 and any(p.lower_ == "neither" for p in children_of(c)):
                negated = True  # "neither he nor Clinton would arrive with the delegates"
            if (
                c.dep_ == "advcl"
                and c.i not in came_from  # the trigger's own "if" clause is the condition, not a threat
                and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in children_of(c))
            ):
                threat = True  # "will boycott the elections unless the president steps down"
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
            )
            and t is not trigger
            and last_dep != "conj"  # "agreed to a ceasefire and began withdrawing": not an intent
        ):
            intent = True
        if t.lemma_ == "expect" and t is not trigger and last_dep != "conj":
            hypothetical = True  # "Trump is expected to visit": others' forecast, not his stated plan
        if t.lower_ in _INTENT_HEADS and t is not trigger:
            intent = True
        if t is not trigger and (t.lower_ in lex.threat_words or t.lemma_ in lex.threat_words):
            held = True
        if t is not trigger and (t.lemma_ == "fail" or t.lower_ == "unable") and depth <= 2:
            negated = True  # "failed to reach agreement", "were unable to agree"
        if (
            t is not trigger
            and depth <= 2
            and t.lemma_ in ("have", "be")
            and any(c.lower_ == "yet" for c in children_of(t))
        ):
            negated = True  # "has yet to apologize", "is yet to respond": not done
        if t is not trigger and depth <= 3 and _avoids(t):
            negated = True  # "avoids condemning Russia", "steering clear of criticizing Trump"
        if t.dep_ == "acl" and t.head.lemma_ == "failure" and to_clause(t):
            negated = True  # "its failure to speak out on the violations"
        if t is not trigger and t.lemma_ == "hesitate" and _children(t, ("neg",)):
            # "would not hesitate to use force": will use it, a harm held over someone
            negated, intent, held = False, True, True
        if t is not trigger and t.lemma_ in REPORT_LEMMAS and t.pos_ == "VERB":
            reported = True
            break
        if t.dep_ in ("xcomp", "acomp", "ccomp", "conj", "advcl", "pcomp", "pobj", "prep", "dobj") and t.head is not t:
            if t.dep_ == "ccomp" and t.head.lemma_ in _FORECASTS:
                hypothetical = True  # "predicted that neither would arrive": a forecast, not a plan
            if t.dep_ == "ccomp" and (t.head.lemma_ in REPORT_LEMMAS or t.head.lemma_ in CHARGE_LEMMAS):
                reported = True
                break
            last_dep = t.dep_
            t = t.head
            came_from.add(t.i)
            continue
        break
    _ = sent
    # a conditional harm is a threat when someone states it: "X said it may halt aid if ...",
    # "X will boycott the vote unless ..."; "if talks fail, X could attack" stays hypothetical
    threat = held or (threat and (intent or reported))
    if hypothetical:
        return "hypothetical", negated, intent, threat
    if intent:
        return "intended", negated, True, threat
    if reported:
        return "reported", negated, False, threat
    return "asserted", negated, False, threat


_RESTRICTIONS = frozenset(
    {"ban", "restriction", "curb", "control", "limit", "embargo", "barrier", "quota", "sanction", "moratorium"}
)


def _on_commerce(restriction: Token, lex: EventLexicon) -> bool:
    """Does ``restriction`` restrict trade ("a ban on food sales", "export curbs")?"""
    words = lex.words["commerce"]
    if restriction.lemma_.lower() not in _RESTRICTIONS:
        return False  # "legalised the Solidarity trade union": a union, no restriction on trade
    # "lifted its ban on flights to Iraq": the parser may hang "on" on the verb
    holders = (restriction, restriction.head) if restriction.dep_ == "dobj" else (restriction,)
    on = [o for h in holders for p in children_of(h) if p.lower_ == "on" for o in children_of(p) if o.dep_ == "pobj"]
    return any(w.lemma_.lower() in words for w in (*on, *(c for c in children_of(restriction) if c.dep_ == "compound")))


def verb_type(tok: Token, lex: EventLexicon) -> tuple[str | None, int]:
    """The event type of a verb and the end of its trigger phrase: a phrasal verb ("call for",
    "pushing hard for"), a verb typed by its object ("lift the blockade"), or the verb itself."""
    lemma = _fixed_lemma(tok)
    # a phrasal verb that is another verb: "kicked out two diplomats" expels, "set him free" frees
    if lemma in _PHRASAL_HEADS and (
        lemma not in _PHRASAL_OBJECTS
        # (or what the object counts: "locked up hundreds of Falun Gong followers")
        or any(o.lemma_ in _PHRASAL_OBJECTS[lemma] for d in _children(tok, ("dobj",)) for o in (d, *_pobjs_of(d)))
    ):
        # (what is taken away must be what a state seizes: "took weapons away from militant
        # groups", not "took my attention away")
        lemma = next(
            (v for c in children_of(tok) if (v := _PHRASAL_SYNONYMS.get((lemma, c.lower_))) and c.i > tok.i), lemma
        )
    if (
        lemma in ("stop", "prevent")
        and any(o.lemma_ in _INVOLVED for o in _children(tok, ("dobj",)))
        and any(p.lower_ == "from" and _children(p, ("pcomp",)) for p in _children(tok, ("prep",)))
    ):
        return "REJECT", tok.i + 1  # "stopped U.N. inspectors from entering a site": kept out (CAMEO 1246)
    if (
        lemma == "open"
        and any(o.lemma_ in ("border", "frontier", "door") for o in _children(tok, ("dobj",)))
        and any(o.lemma_ in _SHELTERED for p in _children(tok, ("prep",)) if p.lower_ == "to" for o in children_of(p))
    ):
        return "AID", tok.i + 1  # "opened its border to 50,000 Cambodian refugees": shelter given (CAMEO 075)
    if lemma == "call" and any(
        w.lemma_.lower() in lex.words["insults"] for o in _children(tok, ("oprd",)) for w in (o, *o.conjuncts)
    ):
        return "ACCUSE", tok.i + 1  # "called President Bush a liar", "called the tests a threat" (CAMEO 111)
    if lemma in ("arrive", "reach") and any(noun_type(s, lex) == "AID" for s in _children(tok, ("nsubj",))):
        return "AID", tok.i + 1  # "food aid from the United States arrived in Ethiopia": aid delivered
    if lemma == "burn" and any(p.lower_ == "through" for p in _children(tok, ("prep",))):
        return None, tok.i + 1  # "burning through cash": spending, nothing set on fire
    if lemma == "break" and any(
        o.lemma_ in _FRONT_LINES for p in _children(tok, ("prep",)) if p.lower_ == "through" for o in children_of(p)
    ):
        return "ASSAULT", tok.i + 1  # "Iraqi troops broke through Kuwaiti defences"
    if (
        lemma == "say"
        and any(c.lower_ == "no" for c in children_of(tok))
        and any(p.lower_ == "to" for p in _children(tok, ("prep",)))
    ):
        return "REJECT", tok.i + 1  # "said no to Kofi Annan's call for reforms"
    if lemma in lex.words["halting"] and any(
        c.dep_ == "xcomp" and c.tag_ == "VBG" and verb_type(c, lex)[0] in ("AID", "COOPERATE") for c in children_of(tok)
    ):
        return "SANCTION", tok.i + 1  # "stopped delivering aid in Baghdad" (CAMEO 162)
    lemmas = [lemma]
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].head.i == tok.i:
        lemmas.insert(0, f"{tok.doc[tok.i - 2].lower_}-{lemma}")  # "test-fired", split by the tokenizer
    if (
        lemma == "give"
        and any(c.dep_ == "prt" and c.lower_ == "up" for c in children_of(tok))
        and any(c.dep_ == "dobj" and c.lower_ in ("themselves", "himself", "itself") for c in children_of(tok))
    ):
        return "RETREAT", tok.i + 2  # "2,000 rebels gave themselves up": a surrender (CAMEO 0874)
    if lemma == "take" and any(o.lower_ == "task" for p in _children(tok, ("prep",)) for o in _children(p, ("pobj",))):
        return "ACCUSE", tok.i + 1  # "took China to task for its rights record": a rebuke (CAMEO 111)
    if lemma in ("rush", "come", "leap", "leapt", "spring", "sprang", "jump") and any(
        o.lower_ in (*SIDES, "support")
        for p in _children(tok, ("prep",))
        if p.lower_ == "to"
        for o in _children(p, ("pobj",))
    ):
        return "SUPPORT", tok.i + 1  # "rushed to the defence of Israel", "came to the aid of Jordan" (CAMEO 052)
    if lemma == "give" and _ultimatum(tok):
        return "THREATEN", tok.i + 1  # "gave Baghdad until January 15 to withdraw": an ultimatum (CAMEO 139)
    if lemma in ("mass", "concentrate", "gather", "assemble") and any(
        s.lemma_ in _FORCES for s in _with_conjuncts(subject_of(tok))
    ):
        return "MOBILIZE", tok.i + 1  # "Russian troops and tanks were massing near the Chechen border"
    if lemma in lex.words["gatherings"] and any(
        c.dep_ in ("advcl", "xcomp") and to_clause(c) and lex.verbs.get(c.lemma_.lower()) in _CROWD_AIMS
        for c in children_of(tok)
    ):
        return "PROTEST", tok.i + 1  # "thousands of Czechs filled Wenceslas Square to demand free elections"
    if lemma in lex.words["gatherings"] and any(
        s.lemma_ in _PROTESTERS or (s.lower_ in _CROWD_WORDS and _of_protesters(s))
        for s in _with_conjuncts(subject_of(tok))
    ):
        return "PROTEST", tok.i + 1  # "demonstrators gathered outside the presidential palace"
    if (
        lemma == "call"
        and any(c.dep_ == "prt" and c.lower_ == "off" for c in children_of(tok))
        and any(noun_type(o, lex) == "PROTEST" for o in _children(tok, ("dobj",)))
    ):
        return "CONCEDE", tok.i + 2  # "called off a general strike": dissent eased (CAMEO 082)
    if lemma in ("take", "put") and any(
        o.lemma_ in ("custody", "detention")
        for p in _children(tok, ("prep",))
        if p.lower_ == "into"
        for o in children_of(p)
    ):
        return "COERCE", tok.i + 1  # "took three journalists into custody" (CAMEO 173)
    if (
        lemma == "put"
        and any(c.dep_ == "prt" and c.lower_ == "down" for c in children_of(tok))
        and any(noun_type(o, lex) == "PROTEST" or o.lemma_ in _REVOLTS for o in _children(tok, ("dobj",)))
    ):
        return "COERCE", tok.i + 2  # "put down a riot by prisoners" (CAMEO 175)
    if lemma in _STANCE_VERBS and (supported := _stood_for(tok, lemma)) is not None:
        return supported
    forces = lemma in ("land", "cross") and any(
        s.lemma_.lower().removesuffix("s") in _LANDING for s in _children(tok, ("nsubj",))
    )
    if lemma == "land" and forces:
        return "MOBILIZE", tok.i + 1  # "French troops landed in southern Lebanon" (not a plane, or a candidate)
    if lemma == "cross" and forces and any(p.lower_ == "into" for p in _children(tok, ("prep",))):
        return "ASSAULT", tok.i + 1  # "South African troops crossed into southern Angola": an incursion
    if lemma == "reserve" and any(
        o.lemma_ == "right" and any(a.dep_ == "acl" and to_clause(a) and _harsh(a, lex) for a in children_of(o))
        for o in _children(tok, ("dobj",))
    ):
        return "THREATEN", tok.i + 1  # "reserved the right to strike at rebel bases": a harm held in reserve
    ordered = [c for c in _children(tok, ("xcomp", "ccomp")) if to_clause(c)] if lemma == "order" else []
    if any(c.lemma_ in _STOPPING and verb_type(c, lex)[0] != "RETREAT" for c in ordered):
        # "ordered the opposition daily La Prensa to stop publishing": silencing by order (CAMEO 172)
        return "COERCE", tok.i + 1
    if any(c.lemma_ in ("leave", "quit", "depart") for c in ordered):
        return "SANCTION", tok.i + 1  # "ordered the U.N. peacekeeping force to leave": an expulsion (CAMEO 166)
    if lemma in ("drive", "force", "chase", "expel", "evict") and any(
        o.lemma_ in _HOMES for p in _children(tok, ("prep",)) if p.lower_ in ("from", "out") for o in p.subtree
    ):
        return "ASSAULT", tok.i + 1  # "drove tens of thousands of Albanians from their homes" (CAMEO 201)
    if lemma == "help" and not _helps_a_state(tok):
        return None, tok.i + 1  # "Germany helped Russia dismantle its submarines" aids; "helped Clinton win" campaigns
    if lemma in ("hand", "give") and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in children_of(tok)):
        return "RETREAT", tok.i + 1  # "handed back to Kuwait the equipment it seized": returning property (CAMEO 084)
    # the object first: "handed over their weapons" disarms, "handed over the prisoners" yields
    objects = list(_typing_objects(tok)) if any(v in lex.object_verbs for v in lemmas) else []
    if lemma in lex.transitive_only:
        # a bare gerund the parser reads as a verb is the object of a verb that needs one:
        # "contributed reporting" (not "will not stop talking", which has its own verb)
        objects += [
            c
            for c in children_of(tok)
            if c.dep_ == "xcomp"
            and c.i == tok.i + 1
            and c.tag_ == "VBG"
            and all(g.dep_ == "prep" for g in children_of(c))
        ]
    for obj in objects:
        # a modifier and its noun first: "poison gas" (an attack) before "gas" (tear gas on a crowd)
        words = [f"{m.lower_} {obj.lemma_.lower()}" for m in obj.lefts if m.dep_ in ("compound", "amod")]
        words += [obj.lemma_.lower(), obj.lower_]
        # "banned the Muslim Brotherhood" bans an organisation, "promised Israel" promises a country;
        # a person only as the object itself ("welcomed the release of Nelson Mandela" hosts no one)
        # a nationality only as the people themselves ("expelled hundreds of Georgians"), not as a
        # modifier ("two Georgian diplomats")
        if (
            obj.ent_type_ in _ENTITY_KEYS
            and (obj.ent_type_ != "PERSON" or obj.head.i == tok.i)
            and (obj.ent_type_ != "NORP" or (obj.pos_ in ("NOUN", "PROPN") and obj.lower_.endswith("s")))
        ):
            words.append(_ENTITY_KEYS[obj.ent_type_])
        if lemma in _RELEASES and obj.dep_ == "compound" and obj.head.lemma_.lower() in _PEOPLE_HEADS:
            continue  # "released 12 aid workers": people freed, not aid released
        if lemma in lex.words["halting"] and noun_type(obj, lex) == "ASSAULT":
            return "RETREAT", tok.i + 1  # "suspended its air strikes": halting an attack de-escalates (CAMEO 087)
        if lex.object_types.get((lemma, obj.lemma_.lower())) == "CONCEDE" and _on_commerce(obj, lex):
            return "RETREAT", tok.i + 1  # "lifted its ban on food sales": an economic sanction eased (CAMEO 085)
        for key in ((v, w) for v in lemmas for w in words):
            if key in lex.object_types:  # "": no event ("suspended his campaign")
                if not lex.object_types[key] and noun_type(obj, lex):
                    # the verb is none, its object an event of its own: "launched a joint campaign"
                    return None, tok.i + 1
                return lex.object_types[key], tok.i + 1
    particles: list[Token] = []
    if lemma in lex.phrasal_verbs:
        particles = list(children_of(tok))
        # "found six militants guilty": the parser may hang the adjective on the object
        particles += [a for o in _children(tok, ("dobj",)) for a in o.rights if a.dep_ == "amod"]
        # "called for Serbian forces to pull out": the parser hangs "for" on the clause it opens
        particles += [
            m
            for c in children_of(tok)
            if c.dep_ in ("advcl", "ccomp")
            for m in children_of(c)
            if m.dep_ == "mark" and m.i == tok.i + 1
        ]
    for c in particles:
        # a particle the parser took for an adverb counts when it follows the verb: "stepped down"
        if (
            (
                c.dep_ in ("prt", "prep", "dobj", "mark")
                and tok.i < c.i <= tok.i + 3
                # "called Clinton on Saturday": a preposition of time is no particle
                and not any(o.ent_type_ in ("DATE", "TIME") for o in children_of(c))
            )
            or (c.dep_ == "advmod" and c.i == tok.i + 1)
            # after its object: "pulled their heavy weapons back"
            or (
                c.dep_ == "advmod"
                and c.lower_ in ("back", "out")
                and any(o.right_edge.i + 1 == c.i for o in _children(tok, ("dobj",)))
            )
            # "found X guilty" (the small parser may take the adjective for the object)
            or (c.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "dobj", "amod") and c.i > tok.i and c.pos_ == "ADJ")
        ):
            phrase = f"{lemma} {c.lower_}"
            if phrase in lex.phrasal:  # null: the phrasal verb is no event ("fired off questions")
                return lex.phrasal[phrase], c.i + 1
    labelled_as = (
        lemma in lex.words["labelling"]
        and any(p.lower_ == "as" for p in _children(tok, ("prep",)))
        and any(
            o.tag_ in ("NNS", "NNPS") or o.ent_type_ in ("PERSON", "NORP", "GPE", "ORG")
            for o in _children(tok, ("dobj",))
        )
    )  # "branded the U.N. inspectors as spies" (not "branded the program as a success")
    if (
        lemma in lex.words["labelling"]
        and not labelled_as
        and not _children(tok, ("oprd", "npadvmod", "attr", "xcomp", "dative"))
    ):
        return None, tok.i + 1  # "branded the United States a warmonger" accuses; "brand a program as" names
    if lemma in ("send", "dispatch") and lemma not in lex.verbs and _sent_to_relieve(tok, lex):
        return "AID", tok.i + 1  # "dispatched rescue teams to help earthquake victims" (CAMEO 073)
    return lex.verbs.get(lemma), tok.i + 1


def _stood_for(tok: Token, lemma: str) -> tuple[str | None, int] | None:
    """Support stood by in words: "stood firmly behind its ally Serbia" (not "stood behind Trump on
    stage"), "stood up for North Korea" (a named actor, not "our values"), "expressed confidence in
    the Indonesian government" (not "confidence that the party would unite"); "came to terms on
    the handover of Hebron" (not "come to terms with it")."""
    preps = _children(tok, ("prep",))
    if lemma == "stand":
        behind = [p for p in preps if p.lower_ == "behind"]
        # the parser hangs "firmly" on the verb or on the preposition
        if behind and any(a.dep_ == "advmod" and a.lower_ in _FIRMLY for x in (tok, *behind) for a in children_of(x)):
            return "SUPPORT", tok.i + 1
        named = ("GPE", "NORP", "PERSON", "ORG")
        if any(c.dep_ == "prt" and c.lower_ == "up" for c in children_of(tok)) and any(
            p.lower_ == "for" and any(o.ent_type_ in named for o in children_of(p)) for p in preps
        ):
            return "SUPPORT", tok.i + 2
        if any(
            p.lower_ in ("with", "by") and any(o.ent_type_ in ("GPE", "NORP") for o in children_of(p)) for p in preps
        ):
            return (
                "SUPPORT",
                tok.i + 1,
            )  # "we stand with Israel", "stood by its ally Serbia" (not "stood by his remarks")
    if lemma in ("express", "voice", "reaffirm") and any(
        # (the parser may hang "in" on the verb: "voiced confidence on Thursday in Yeltsin's reforms")
        o.lemma_ in ("confidence", "trust", "faith") and any(p.lower_ == "in" for p in (*children_of(o), *preps))
        for o in _children(tok, ("dobj",))
    ):
        return "SUPPORT", tok.i + 1
    terms = [o for p in preps if p.lower_ == "to" for o in children_of(p) if o.lower_ == "terms"]
    if lemma == "come" and terms and not any(p.lower_ == "with" for x in (tok, *terms) for p in children_of(x)):
        return "AGREE", tok.i + 3
    return None


_LANDING = frozenset({"troop", "marine", "paratrooper", "commando", "soldier", "force", "peacekeeper"})
_STANCE_VERBS = frozenset({"stand", "express", "voice", "reaffirm", "come"})
_FIRMLY = frozenset({"firmly", "fully", "squarely", "solidly", "strongly", "resolutely", "wholeheartedly"})
_REVOLTS = frozenset({"uprising", "revolt", "rebellion", "mutiny", "insurrection", "unrest"})
_STOPPING = frozenset({"stop", "cease", "suspend", "close", "shut", "halt", "disband", "dissolve"})
_FORCES = frozenset({"troop", "force", "soldier", "tank", "army", "unit", "division", "warship", "armour", "armor"})
_HOMES = frozenset({"home", "house", "village", "land", "town", "homeland"})
_CROWD_AIMS = frozenset({"REQUEST", "PROTEST", "ACCUSE", "REJECT"})


def _helps_a_state(help_: Token) -> bool:
    """Is whom ``help_`` helps a country or a people ("helped Russia dismantle its warheads",
    "help the Kurds"), not a person or a cause?"""
    helped = [*_children(help_, ("dobj", "nsubjpass"))]
    helped += [s for c in _children(help_, ("ccomp", "xcomp")) for s in _children(c, ("nsubj",))]
    return any(o.ent_type_ in ("GPE", "NORP") for o in helped)


def _sent_to_relieve(send: Token, lex: EventLexicon) -> bool:
    """Is what is sent sent to help someone ("to help earthquake victims", "to rescue survivors"),
    not to help do something else ("to help mediate")?"""
    return any(
        c.dep_ in ("advcl", "xcomp")
        and c.lemma_ in lex.words["relief"]
        and to_clause(c)
        and _children(c, ("dobj",))
        and not _children(c, ("xcomp", "ccomp"))
        for c in children_of(send)
    )


def _phoned(call: Token) -> bool:
    """Is this "call" a telephone call: "called back", or someone called and nothing more said of
    them ("Yeltsin called Clinton on Saturday", not "called Clinton a liar")?"""
    if any(c.dep_ == "prt" for c in children_of(call)):
        return True
    objs = [c for c in children_of(call) if c.dep_ == "dobj"]
    return (
        len(objs) == 1
        and objs[0].ent_type_ in ("PERSON", "GPE")
        and not any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr", "dative") for c in children_of(call))
        and not any(c.dep_ in ("appos", "amod", "acl", "relcl") for c in children_of(objs[0]))
        and not any(c.is_quote for c in call.doc[call.i : min(len(call.doc), call.i + 8)])
    )


def to_clause(verb: Token) -> bool:
    """Is ``verb`` an infinitive clause ("to help", "to investigate"): a purpose or a plan?"""
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in children_of(verb))


def _typing_objects(verb: Token) -> Iterator[Token]:
    """The nouns that can type a verb: its object ("lift the blockade"), the noun inside a
    measure or state ("a state of emergency", "thousands of reservists"), and what it puts
    something on ("put troops on high alert")."""
    objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
    subjects = [c for c in children_of(verb) if c.dep_ == "nsubj"]
    if (verb.dep_ == "acl" and verb.tag_ == "VBN") or (
        verb.dep_ == "relcl"
        and all(c.lower_ in ("that", "which") for c in objects)
        # "the fighters who train there": the head is the subject, not what is trained
        and (objects or any(s.lower_ not in _RELATIVIZERS for s in subjects))
    ):
        yield verb.head  # "a poll released this week", "the ad that Trump released": what is released
    for c in children_of(verb):
        if c.dep_ in ("dobj", "nsubjpass"):
            yield c
            # "raised its alert level": the noun modifier says what is raised
            # "raised its alert level"; a title says who is received: "received Chinese Premier Li Peng"
            # ("staged a sit-in outside parliament": the split "sit" may hang on the wrong object)
            yield from (
                m
                for m in c.lefts
                if m.dep_ in ("compound", "amod", "nmod")
                and (m.pos_ in ("NOUN", "ADJ") or (m.pos_ == "PROPN" and not m.ent_type_))
                # "handed over two suspected Mafia members": a participle says who they are
                or (m.dep_ == "amod" and m.pos_ == "VERB" and m.lemma_ in ("suspect", "want", "accuse"))
            )
            # "thousands of reservists"; "$500 million in food aid": what the sum is given as
            amount = c.pos_ == "NUM" or c.ent_type_ == "MONEY"
            for p in children_of(c):
                # "equipped the rebels with missiles": the parser may hang "with" on the receiver
                if p.dep_ == "prep" and (p.lower_ in ("of", "with") or (p.lower_ == "in" and amount)):
                    yield from (o for o in children_of(p) if o.dep_ == "pobj")
        elif c.dep_ == "prep" and _up_to(c):
            yield from (o for o in children_of(c) if o.dep_ == "pobj")  # "massed up to 80,000 troops"
        elif c.dep_ == "agent":
            yield from (o for o in children_of(c) if o.dep_ == "pobj")  # "was hit by new sanctions"
        elif c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and to_clause(c):
            yield from (s for s in children_of(c) if s.dep_ == "nsubj")  # "allowed an aid convoy to pass"
        elif c.dep_ == "ccomp" and c.i > verb.i and c.pos_ == "ADV" and c.lower_ in ("back", "in"):
            yield from (s for s in children_of(c) if s.dep_ == "nsubj")  # "allowed inspectors back into"
        elif (
            c.dep_ == "prep"
            and c.i > verb.i
            and (
                c.lower_ in ("on", "under", "with", "by")
                # (not what something ended in: "ended in a virtual tie")
                or (
                    c.i == verb.i + 1
                    and c.lower_ != "at"  # "suggested at the meeting": where, not what
                    and not (c.lower_ == "in" and verb.lemma_ in ("end", "result"))
                )
                # "voted overwhelmingly in favour of"
                or (c.lower_ == "in" and any(o.lower_ in ("favor", "favour") for o in children_of(c)))
                # "pulled out of the talks": the particle in between
                or (c.lower_ in ("of", "from") and c.i == verb.i + 2 and verb.doc[c.i - 1].dep_ == "prt")
            )
        ):
            # "put on high alert", "provided the Kurds with weapons", "spoke by telephone",
            # "handed over a suspect" (the particle read as a preposition); "on a state of alert"
            for o in children_of(c):
                if o.dep_ == "pobj":
                    yield o
                    if o.lemma_ in ("state", "series", "set", "package", "raft", "number"):  # "a series of reforms"
                        yield from (
                            x for p in children_of(o) if p.lower_ == "of" for x in children_of(p) if x.dep_ == "pobj"
                        )
                elif o.dep_ == "prep" and o.lower_ in ("of", "from") and c.i == verb.i + 1:
                    yield from (x for x in children_of(o) if x.dep_ == "pobj")  # "pulled [out] of the talks"


def _types_its_verb(noun: Token, lex: EventLexicon) -> bool:
    """Is ``noun`` the object that types its verb ("lodged a strong protest": the verb is the event)?"""
    if noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = noun.head.lemma_.lower()
    for key in ((verb, noun.lemma_.lower()), (verb, noun.lower_)):
        if key in lex.object_types:
            # a verb declared no event with this object leaves an event phrase its own: "launched a joint campaign"
            return bool(lex.object_types[key]) or not noun_type(noun, lex)
    return False


def _for_phrase(tok: Token) -> bool:
    """Is ``tok`` a "for" phrase or a "for"/"that" clause ("for reforms", "for X to accept")?"""
    return (tok.dep_ == "prep" and tok.lower_ == "for") or (
        # "for X to accept", "his call that the billionaire share the recording"
        tok.dep_ in ("advcl", "acl", "ccomp")
        and any(m.dep_ == "mark" and m.lower_ in ("for", "that") for m in children_of(tok))
    )


# what workers strike against: a labour strike, not an air strike on it
_STRIKE_AIMS = frozenset(
    {
        "law",
        "policy",
        "decision",
        "reform",
        "plan",
        "cut",
        "price",
        "wage",
        "pay",
        "privatization",
        "privatisation",
        "government",
        "regime",
        "rule",
        "tax",
        "measure",
        "bill",
        "austerity",
        "layoff",
    }
)


def hyphen_head(tok: Token) -> Token | None:
    """The first part of the hyphenated word ``tok`` ends ("[build]-up", "[cease]-fire"), which the
    tokenizer splits in three."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 1].whitespace_ or doc[tok.i - 2].whitespace_:
        return None
    return doc[tok.i - 2]


def noun_type(tok: Token, lex: EventLexicon) -> str | None:
    low, lemma = tok.lower_, tok.lemma_.lower()
    if (first := hyphen_head(tok)) is not None:
        # "the build-up of Iraqi troops", "a pull-out": the whole word, not "up" or "out"
        for word in (f"{first.lower_}-{low}", f"{first.lower_}-{lemma}"):
            if (joined := lex.nouns.get(word)) is not None:
                return joined
    for c in tok.lefts:  # any modifier: "joint military exercises", "a massive air strike"
        if c.dep_ in ("amod", "compound", "nmod"):
            phrase = f"{c.lower_} {low}"
            if phrase in lex.noun_phrases:
                return lex.noun_phrases[phrase] or None  # "" : "a great deal of respect" is no deal
    etype = lex.nouns.get(low) or lex.nouns.get(lemma)
    if (
        lemma == "opposition"
        and any(c.lower_ == "the" for c in children_of(tok))
        and not any(
            c.lower_ in ("to", "from", "by") or c.dep_ == "poss" for c in (*children_of(tok), *children_of(tok.head))
        )
    ):
        return None  # "then in the opposition": the benches or the parties, not a stand against
    if lemma == "execution":
        # "the execution of the plan", "Mr. Kim's execution has been challenged": carried out,
        # as the verb with that object; the executed are named
        executed = [o for p in children_of(tok) if p.lower_ == "of" for o in children_of(p)]
        if not executed or any(lex.object_types.get(("execute", o.lemma_.lower())) == "" for o in executed):
            return None
    if lemma in ("inquiry", "enquiry") and tok.dep_ == "dobj" and tok.head.lemma_ == "make":
        return None  # "made inquiries with other data vendors": questions asked, no one investigated
    if etype == "CONSULT" and lemma == "call" and tok.dep_ == "dobj" and tok.head.lemma_ == "answer":
        return None  # "answering the call to energize his wife's campaign": a duty taken up, no phone call
    if (
        etype == "CONSULT"
        and lemma == "call"
        and any(_for_phrase(c) or (c.dep_ == "acl" and to_clause(c)) for c in children_of(tok))
    ):
        # "U.S. calls for democratic reforms", "sounded a call for the United States to accept
        # more refugees", "his call to deport 11 million people": a demand, not a phone call
        return "REQUEST"
    if (
        etype == "PROTEST"
        and lemma == "strike"
        and not (tok.dep_ == "dobj" and tok.head.lemma_ in ("stage", "call", "hold", "organise", "organize"))
        and any(
            c.lower_ in ("on", "against")
            and not any(o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in _STRIKE_AIMS for o in children_of(c))
            for c in children_of(tok)
        )
    ):
        # "strikes on rebel positions" (not "staged a strike against a new labour law")
        return "ASSAULT"
    if (
        etype == "REQUEST"
        and lemma == "appeal"
        and (
            not any(c.lower_ in ("for", "to") or c.dep_ in ("acl", "relcl") for c in children_of(tok))
            or (tok.dep_ == "dobj" and tok.head.lemma_ in ("have", "hold", "lack", "broaden", "widen"))
        )
    ):
        # "the appeal of the race", "holds obvious appeal", "had only one appeal for the Whigs":
        # attraction, not a plea
        return None
    if etype == "AID" and lemma == "relief" and tok.dep_ == "pobj" and tok.head.lower_ in ("into", "in"):
        return None  # "brought aspects of it into vivid relief": contrast, not aid
    if (
        etype == "SUPPORT"
        and lemma == "support"
        and (
            not (
                any(c.lower_ == "for" for c in children_of(tok))
                or tok.head.lemma_ in lex.words["support_verbs"]
                # "came out in support of Iraq's demand"
                or (tok.head.lower_ == "in" and any(c.lower_ == "of" for c in children_of(tok)))
            )
            or any(c.lower_ in ("percent", "%") or c.dep_ == "nummod" for c in tok.subtree if c.i < tok.i)
            # "Clinton support 27 percent", "garners 41 percent support": a poll figure
            or any(c.lower_ in ("percent", "%") for c in tok.head.subtree if abs(c.i - tok.i) <= 3)
        )
    ):
        return None  # "Clinton's support comes from women", "90 percent support": standing in polls
    if (
        etype == "REQUEST"
        and lemma == "request"
        and any(
            c.lower_ in ("for", "seeking") and any(o.lemma_ == "comment" for o in children_of(c))
            for c in children_of(tok)
        )
    ):
        return None  # "referred requests for comment", "return a request seeking comment": a reporter's formula
    if (
        etype == "RETREAT"
        and lemma == "release"
        and (
            any(c.dep_ == "compound" for c in children_of(tok))  # "a press release", "an earnings release"
            or not any(
                c.dep_ == "poss"
                or (
                    c.lower_ == "of"
                    and not any(lex.object_types.get(("release", o.lemma_)) == "" for o in children_of(c))
                )
                for c in children_of(tok)
            )
        )
    ):
        return None  # "a press release", "the release of the emails": words made public, no one released
    if lemma == "appeal" and any(
        lex.object_types.get(("appeal", o.lemma_.lower())) == ""
        for p in children_of(tok)
        if p.lower_ == "to"
        for o in children_of(p)
    ):
        return None  # "its potential appeal to Millennials": courting, as the verb ("appeal to voters")
    if etype == "PROTEST" and lemma == "demonstration" and any(c.lower_ == "of" for c in children_of(tok)):
        return None  # "another demonstration of how difficult it is": a show, not a protest
    if (
        etype == "PROTEST"
        and lemma == "march"
        and any(
            o.lower_ in lex.words["competition"] or o.lemma_ in ("victory", "presidency", "power", "win")
            for p in children_of(tok)
            if p.lower_ == "to"
            for o in children_of(p)
        )
    ):
        return None  # "Trump's march to the nomination": a campaign's progress, not a protest
    if (
        etype == "REJECT"
        and lemma == "opposition"
        and not any(c.lower_ in ("to", "against") or c.dep_ == "acl" for c in children_of(tok))
        and (
            tok.dep_ == "compound"
            or any(c.ent_type_ in ("NORP", "GPE") and c.dep_ in ("amod", "compound") for c in tok.lefts)
        )
    ):
        return None  # "the Russian opposition", "opposition leaders": the parties, not a refusal
    if (
        etype == "SUPPORT"
        and tok.pos_ == "NOUN"
        and any(t.lower_ in ("percent", "%", "points") for t in tok.doc[max(tok.i - 3, 0) : tok.i + 4])
    ):
        return None  # "garners 41 percent support", "Clinton support 27 percent": a poll's share
    if etype == "PROTEST" and lemma == "rally" and _campaign_rally(tok):
        return None  # "his rallies", "a Trump rally", "attended the rally": a campaign event
    return etype


def _demands(tok: Token) -> list[tuple[Found, Token]]:
    """A statement that someone must act is a request of them: "Straw said the rebels must reach
    an agreement", "the forum concluded that the US must allocate more", "insisted that
    Milosevic step down" (a subjunctive). Each with the clause demanded."""
    out: list[tuple[Found, Token]] = []
    for c in children_of(tok):
        if c.dep_ != "ccomp":
            continue
        must = next((a for a in children_of(c) if a.dep_ == "aux" and a.lower_ in ("must", "should")), None)
        if must is not None and any(s.i > must.i for s in _children(c, ("nsubj", "nsubjpass"))):
            must = None  # "Should Rubio win Florida, …": a condition, not a demand
        if must is not None and (c.lemma_ == "be" or any(a.lower_ == "have" and a.i > must.i for a in children_of(c))):
            must = None  # "must not have done much good", "must be tired": a guess, not a demand
        if must is None and tok.lemma_ == "insist" and (_subjunctive(c) or _present_after_past(tok, c)):
            must = tok
        subj = _children(c, ("nsubj", "nsubjpass"))
        if must is None or not subj or subj[0].lower_ in _NOT_ADDRESSED:
            continue
        out.append((Found("REQUEST", must, must.i + 1, subject_of(tok), _with_conjuncts(subj)), c))
    return out


# what someone "would face" or "pay" when a statement holds it over them
PENALTIES = frozenset(
    {
        "consequence",
        "sanction",
        "action",
        "retaliation",
        "punishment",
        "reprisal",
        "isolation",
        "price",
        "war",
        "response",
    }
)


def penalised(clause: Token) -> bool:
    """Does ``clause`` say its subject will suffer for something: "would face serious
    consequences", "would pay a heavy price", "would pay dearly", "would regret it"?"""
    if clause.lemma_ == "regret" or (
        clause.lemma_ == "pay" and any(a.lower_ == "dearly" for a in _children(clause, ("advmod",)))
    ):
        return True
    return clause.lemma_ in ("face", "pay", "suffer", "incur") and any(
        o.lemma_ in PENALTIES for o in _children(clause, ("dobj",))
    )


def _warnings(tok: Token) -> list[Found]:
    """A statement that someone would suffer a penalty is a threat to them: "the Council said
    Iraq would face serious consequences if it continued…", "said Syria would pay a heavy price"."""
    out: list[Found] = []
    for c in _children(tok, ("ccomp",)):
        modal = next(
            (a for a in children_of(c) if a.dep_ == "aux" and a.lower_ in ("would", "will", "could", "'ll")), None
        )
        subj = _children(c, ("nsubj",))
        if modal is None or not subj or subj[0].lower_ in _NOT_ADDRESSED or not penalised(c):
            continue
        out.append(Found("THREATEN", c, c.i + 1, subject_of(tok), _with_conjuncts(subj)))
    return out


def _subjunctive(verb: Token) -> bool:
    """Is ``verb`` a subjunctive: "insisted that Milosevic step down", "that NATO expansion be halted"?"""
    if verb.tag_ == "VB":
        return not _children(verb, ("aux",))
    return verb.tag_ == "VBN" and [a.lower_ for a in _children(verb, ("aux", "auxpass"))] == ["be"]


def _present_after_past(said: Token, verb: Token) -> bool:
    """Is ``verb`` a plain present under a past statement ("insisted that Serbian troops leave
    Bosnia"), which only a subjunctive can be: a fact would have followed the tense ("left")?"""
    return (
        said.tag_ == "VBD"
        and verb.tag_ == "VBP"
        and not _children(verb, ("aux", "auxpass"))
        and verb.lemma_ not in ("be", "have", "want", "need", "know", "remain", "exist", "say")
    )


# subjects a demand is not addressed to ("we must act") or no blame can name
_NOT_ADDRESSED = frozenset({"i", "we", "you", "it", "there", "this", "that"})
_NOT_BLAMED = _NOT_ADDRESSED | {"he", "she", "who", "what"}


def _to_blame(tok: Token) -> bool:
    """Is ``tok`` the "to blame" of "X were to blame for …" (X is blamed, not blaming)?"""
    return tok.lemma_ == "blame" and tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and to_clause(tok)


def _harsh(act: Token, lex: EventLexicon) -> bool:
    """Is ``act`` a use of force or pressure ("to strike at rebel bases", "to respond"), not
    "to reconsider"?"""
    harsh = ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE")
    return act.lemma_ in ("respond", "act", "retaliate", "defend", "use", "take") or verb_type(act, lex)[0] in harsh


_MILITARY_PRESENCE = frozenset(
    {"troop", "force", "soldier", "presence", "exercise", "manoeuvre", "maneuver", "patrol", "deployment"}
    | {"garrison", "contingent", "operation", "military", "army", "navy", "fleet", "offensive"}
)
_PHRASAL_SYNONYMS = {
    ("kick", "out"): "expel",
    ("set", "free"): "free",
    ("take", "away"): "confiscate",
    ("lock", "up"): "jail",
    ("wipe", "out"): "massacre",
    ("mow", "down"): "kill",
    ("lay", "siege"): "besiege",
    # forces and their exercises scaled back, drawn down, wound down: a de-escalation (CAMEO 087)
    ("scale", "back"): "withdraw",
    ("draw", "down"): "withdraw",
    ("wind", "down"): "withdraw",
}
_PHRASAL_HEADS = frozenset(v for v, _ in _PHRASAL_SYNONYMS)
_PHRASAL_OBJECTS = {
    "take": frozenset({"weapon", "arm", "gun", "rifle", "ammunition", "explosive", "passport", "land", "property"}),
    # people are locked up, not nominations or endorsements
    "lock": frozenset(
        {
            "dissident",
            "activist",
            "opponent",
            "people",
            "follower",
            "protester",
            "demonstrator",
            "supporter",
            "journalist",
            "prisoner",
            "suspect",
            "critic",
            "student",
            "worker",
            "monk",
            "priest",
            "refugee",
        }
    ),
    # villages and units are wiped out, not market value or savings
    "wipe": frozenset({"village", "town", "unit", "battalion", "family", "population", "community", "camp", "base"}),
    # military presence is scaled back, not spending or expectations
    **dict.fromkeys(("scale", "draw", "wind"), _MILITARY_PRESENCE),
}
# verbs the typing rules of :func:`verb_type` read though the lexicon lists them nowhere
_RULE_VERBS = frozenset(
    {
        "reserve",
        "order",
        "drive",
        "force",
        "chase",
        "evict",
        "stand",
        "come",
        "express",
        "voice",
        "kick",
        "throw",
        "set",
        "take",
        "prevent",
        "land",
        "cross",
    }
    | {"say"}
)
# wrongs a statement can lay at another's door, which are no events of their own
_MISDEEDS = frozenset({"harbour", "harbor", "steal", "smuggle", "sponsor", "rig", "plot", "conspire", "spy"})
_BREACHES = frozenset({"violate", "break", "breach"})
_PACTS = frozenset({"ceasefire", "cease-fire", "truce", "agreement", "accord", "armistice", "pact"})


_CRIMES = frozenset({"genocide", "crime", "atrocity", "massacre", "aggression", "violation", "terrorism", "murder"})
_ARMED_BANDS = frozenset({"fighter", "militant", "guerrilla", "terrorist", "rebel", "insurgent", "infiltrator"})


def _misdeed(verb: Token) -> bool:
    """Is ``verb`` a wrong a statement lays at another's door: "was harbouring guerrillas", "had
    broken the ceasefire" (said by one side of a truce, a charge against the other, not a fact),
    "was allowing foreign fighters to cross into Iraq"?"""
    objects = {o.lemma_ for o in _children(verb, ("dobj",))}
    # "allowing foreign fighters to cross": the parser makes them the subject of the clause let happen
    objects |= {s.lemma_ for c in _children(verb, ("ccomp", "xcomp")) for s in _children(c, ("nsubj",))}
    return (
        verb.lemma_ in _MISDEEDS
        or (verb.lemma_ in _BREACHES and bool(objects & _PACTS))
        or (verb.lemma_ in ("allow", "let", "permit") and bool(objects & _ARMED_BANDS))
        # "said NATO was committing genocide against the Serbian people"
        or (verb.lemma_ in ("commit", "perpetrate") and bool(objects & _CRIMES))
    )


def _blames(tok: Token) -> list[Found]:
    """A statement that someone is to blame is an accusation of them: "the ministry said
    Georgia was responsible for the violence", "said Syria was behind the attack"."""
    out: list[Found] = []
    clauses = _children(tok, ("ccomp",))
    for c in [*clauses, *(x for k in clauses for x in _children(k, ("conj",)))]:  # "that …, and that X was to blame"
        subj = _children(c, ("nsubj",))
        # (the statement told first: "Indian troops violated the ceasefire …, Pakistan said" is the
        # violation, its source named after it)
        if (
            _misdeed(c)
            and (tok.i < c.i or c.lemma_ in _MISDEEDS)
            and subj
            and subj[0].lower_ not in _NOT_BLAMED
            and subj[0].pos_ != "PRON"
        ):
            # "Turkey said Greece was harbouring Kurdish guerrillas", "said Kuwait was stealing its oil"
            out.append(Found("ACCUSE", c, c.i + 1, subject_of(tok), _with_conjuncts(subj)))
            continue
        if c.lemma_ != "be":
            continue
        blamed = next(
            (
                a
                for a in children_of(c)
                if (a.dep_ == "acomp" and a.lower_ == "responsible")
                or (a.dep_ == "prep" and a.lower_ == "behind")
                or _to_blame(a)
            ),
            None,
        )
        subj = _children(c, ("nsubj",))
        if blamed is not None and subj and subj[0].lower_ not in _NOT_BLAMED:
            out.append(Found("ACCUSE", blamed, blamed.i + 1, subject_of(tok), _with_conjuncts(subj)))
    return out


def find_events(sent: Span, lex: EventLexicon, candidates: list[Token] | None = None) -> list[Found]:
    """Every trigger in ``sent`` with its raw arguments and modality. ``candidates``, when
    given, are the sentence's tokens that can start a trigger (see :func:`trigger_candidates`)."""
    out: list[Found] = []
    demands: list[Found] = []
    demanded: list[Token] = []  # clauses already read as the content of a demand
    verb_words, noun_words, _, only_hyphenated = _trigger_words(lex)
    for tok in sent if candidates is None else candidates:
        low, lemma = tok.lower_, _fixed_lemma(tok)
        if lemma not in verb_words and low not in noun_words and lemma not in noun_words:
            continue  # most tokens: nothing to look at
        if low in only_hyphenated and hyphen_head(tok) is None:
            continue  # "in", "up", "out" not ending "sit-in", "build-up", "pull-out"
        if tok.pos_ == "VERB" and lemma in REPORT_LEMMAS:
            for b in (*_blames(tok), *_warnings(tok)):
                b.modality, b.negated, b.intent, b.threat = _modality(tok, sent, lex)
                b.modality = "asserted"  # the accusation or threat is the statement itself
                out.append(b)
            for d, clause in _demands(tok):
                d.modality, d.negated, d.intent, d.threat = _modality(d.trigger, sent, lex)
                d.modality = "asserted" if d.modality == "hypothetical" else d.modality
                out.append(d)
                demands.append(d)
                demanded.append(clause)
        if tok.pos_ == "VERB" and _to_blame(tok):
            continue  # read with the statement that holds it (see _blames)
        if tok.i > 0 and f"{tok.doc[tok.i - 1].lower_} {tok.lower_}" in lex.words["idioms"]:
            continue  # "took black voters for granted"
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and lemma in lex.verbs):
            etype, end = verb_type(tok, lex)
            if etype is None or (
                # "held talks": the noun is the event, unless its object types the verb ("lodged a protest")
                lemma in lex.light_verbs
                and end == tok.i + 1
                and etype == lex.verbs.get(lemma)
                and _event_object(tok, lex)
            ):
                continue
            if lemma in ("call",) and etype == "CONSULT" and not _phoned(tok):
                continue  # "called him a liar", "called the plan a disaster"
            if (
                etype
                and lemma in lex.transitive_only
                # a prepositional verb has what it needs in its object: "asked for help"
                and not (end > tok.i + 1 and _children(tok.doc[end - 1], ("pobj",)))
                and not _children(tok, ("dobj", "xcomp", "nsubjpass", "dative"))
                and not _forces_come_home(tok)
            ):
                # "sales declined", "ready to return to the talks", "'Why?' he asks": no event word here at all
                continue
            if not etype or _no_event(tok, lemma, etype, lex):
                out.append(Found(etype or "", tok, end, silent=True))
                continue
            # a participle with a "by" agent is passive though the parser found no auxiliary
            passive = (
                bool(_children(tok, ("nsubjpass", "auxpass"))) or _bare_participle(tok, etype) or _misread_passive(tok)
            )
            shared = _shared_agent(tok)
            if shared:
                # "people shot and killed by police": the agent of the last verb is the first's too
                src, tgt = shared, _with_conjuncts(_children(tok, ("nsubj", "nsubjpass")))
            else:
                src = subject_of(tok)
                # "the deal brokered by Merkel with the Turkish government": a participle's own objects
                tgt = (
                    [*_passive_object(tok), *_objects(tok, etype)]
                    if _bare_participle(tok, etype)
                    else _passive_object(tok)
                    if passive
                    else _objects(tok, etype)
                )
            if passive and not shared and not _children(tok, ("agent",)):
                # "guerrillas have been demobilized", "troops were deployed along the border": forces
                # that withdraw or deploy are the patient; who released "the sailors were released",
                # like any other passive without an agent, is unknown
                moved = etype == "MOBILIZE" or (etype == "RETREAT" and lemma not in _RELEASES)
                src, tgt = (tgt, []) if moved else ([], tgt)
                nouns = [n for n in _children(tok, ("nsubjpass",)) if noun_type(n, lex) == etype]
                if nouns and lemma in lex.light_verbs:
                    # "the Israeli-Jordanian peace treaty was signed": the treaty's parties made it
                    src, tgt = _noun_arguments(nouns[0], etype, lex)
                if not src and etype in ("AGREE", "CONSULT", "COOPERATE"):
                    # "a peace treaty was signed between Israel and Jordan": the two sides made it
                    src = _with_conjuncts(
                        [o for p in _children(tok, ("prep",)) if p.lower_ == "between" for o in _children(p, ("pobj",))]
                    )
                # "was placed under house arrest by Malaysian police": the agent hung on the state
                src = src or [
                    a
                    for p in _children(tok, ("prep",))
                    for o in _children(p, ("pobj",))
                    for b in _children(o, ("prep",))
                    if b.lower_ == "by"
                    for a in _children(b, ("pobj",))
                ]
            if etype == "AID" and lemma in ("arrive", "reach"):
                # the aid's own giver, and where it arrives: "relief supplies from the U.N. reached Mogadishu"
                given = [n for n in _children(tok, ("nsubj",)) if noun_type(n, lex) == "AID"]
                src, tgt = _noun_arguments(given[0], etype, lex)
                src = src or [o for p in _children(given[0], ("prep",)) if p.lower_ == "from" for o in children_of(p)]
                reached = [o for p in _verb_preps(tok) for o in _children(p, ("pobj",))]
                tgt = tgt or [*_children(tok, ("dobj",)), *reached]
            # the mode is the verb's own only in its own type: "called for dialogue" is no phone call
            mode = lex.modes.get(lemma) if lex.verbs.get(lemma) == etype else None
            f = Found(etype, tok, end, src, tgt, mode)
        elif (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.ent_type_ not in _NAMES  # "World Relief", "Trans-Pacific Partnership": names
            and not _types_its_verb(tok, lex)
            and (etype := noun_type(tok, lex))
        ):
            if tok.dep_ == "pobj" and tok.head.lower_ == "despite":
                defied = _defiance(tok, etype, lex)
                if defied is not None:
                    out.append(defied)
                continue  # "despite calls for a ceasefire": calls made by others, no event of the subject's
            head = tok
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in _GENERIC_HEADS:
                head = tok.head  # "aid deliveries"
            elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _MEASURES:
                head = tok.head.head  # "held a fresh round of talks", "a wave of arrests"
            src, tgt = _noun_arguments(head, etype, lex)
            if not src and not (tgt and head.dep_ == "pobj" and head.head.lower_ == "under"):
                continue
            mode = lex.modes.get(f"{_word_before(tok)} {low}") or lex.modes.get(low) or lex.modes.get(lemma)
            f = Found(etype, tok, tok.i + 1, src, tgt, mode, nominal=True)
        else:
            continue
        f.modality, f.negated, f.intent, f.threat = _modality(tok, sent, lex)
        out.append(f)
    # "said Greece was harbouring guerrillas and allowing them to train": the wrongs told together
    # are one accusation
    charges = [f for f in out if f.type == "ACCUSE" and _misdeed(f.trigger)]
    alleged = {x.i for f in charges for x in (f.trigger, *f.trigger.conjuncts)}
    if alleged:  # (the breach charged is no attack of its own: "said the rebels had broken the truce")
        out = [f for f in out if f.trigger.i not in alleged or any(f is c for c in charges)]
    if demanded:
        # what is demanded is not done: "said Iran must release them" is a request, not a release
        held = {d.i for d in demanded}
        out = [
            f
            for f in out
            if any(f is d for d in demands) or not ({f.trigger.i} | {a.i for a in f.trigger.ancestors}) & held
        ]
    return out


# what is defied: calls, protests, warnings, objections, sanctions (not criticism: "won despite
# criticism from party leaders" defies no one)
_DEFIED = frozenset({"REQUEST", "PROTEST", "THREATEN", "REJECT", "SANCTION"})


def _defiance(objection: Token, etype: str, lex: EventLexicon) -> Found | None:
    """An act done "despite" others' calls, protests, objections or sanctions defies them
    (CAMEO 128): "went ahead with its nuclear test despite worldwide protests", "pressed on
    with the offensive despite U.S. objections". The objectors, when named, are its target."""
    verb = adjunct_verb(objection)
    if etype not in _DEFIED or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children_of(objection)):
        return None  # "despite his own opposition", "despite her protests": their own words, not defied
    objectors, _ = _noun_arguments(objection, etype, lex)
    f = Found("REJECT", verb, verb.i + 1, subject_of(verb), objectors)
    f.modality, f.negated, f.intent, f.threat = _modality(verb, verb.sent, lex)
    return f


_TRIGGER_WORDS: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]] = {}


def trigger_candidates(doc: Doc, lex: EventLexicon) -> list[int]:
    """Indices of the tokens that can start a trigger, in one vectorised pass over the Doc."""
    return tokens_with(doc, _trigger_words(lex)[2])


def _trigger_words(lex: EventLexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Every verb lemma and noun form that can start a trigger, both together, for a fast first
    check, and the words that start one only as the end of a hyphenated noun ("up" of "build-up")."""
    words = _TRIGGER_WORDS.get(id(lex))
    if words is None:
        verbs = frozenset(
            set(lex.verbs)
            | lex.phrasal_verbs
            | lex.object_verbs
            | set(_LEMMA_FIXES)
            | set(_FORM_FIXES)
            | lex.words["gatherings"]
            | _RULE_VERBS
            | _PHRASAL_HEADS
        )
        # (and the last parts of hyphenated nouns, which the tokenizer splits off: "build-up")
        tails = {n.rsplit("-", 1)[-1] for n in lex.nouns if "-" in n}
        nouns = frozenset(set(lex.nouns) | {p.split()[-1] for p in lex.noun_phrases} | tails)
        only_hyphenated = frozenset(tails - set(lex.nouns) - verbs - REPORT_LEMMAS)
        words = _TRIGGER_WORDS[id(lex)] = (
            verbs | REPORT_LEMMAS,
            nouns,
            verbs | REPORT_LEMMAS | nouns,
            only_hyphenated,
        )
    return words


def _word_before(tok: Token) -> str:
    """The word before ``tok`` (lower case), or ""."""
    return tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""


def _event_object(verb: Token, lex: EventLexicon) -> bool:
    """Does this light verb take an event noun object ("held talks")?"""
    return any(c.lower_ in lex.nouns or c.lemma_ in lex.nouns for c in children_of(verb) if c.dep_ in ("dobj",))


def _noun_arguments(noun: Token, etype: str, lex: EventLexicon) -> tuple[list[Token], list[Token]]:
    """Source and target of an event noun: possessor / "by" / light verb subject; "with/against/of" objects."""
    src: list[Token] = []
    tgt: list[Token] = []
    for c in children_of(noun):
        if c.dep_ == "poss" and c.pos_ == "PRON" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            src.extend(subject_of(noun.head))  # "Israeli forces completed their pullout": the subject's own
        elif c.dep_ == "compound" and c.ent_type_ in ("GPE", "ORG") and noun.lemma_ in _CHARGES:
            tgt.append(c)  # "the Trump University allegations": what is alleged against, not who alleges
        elif (
            c.dep_ == "compound"
            and c.ent_type_ == "GPE"
            and etype == "RETREAT"
            and noun.lemma_ not in _RELEASES
            and not any(p.lower_ == "from" for p in children_of(noun))
        ):
            tgt.append(c)  # "a speedy Iraq withdrawal": the country left ("a U.S. withdrawal from the region")
        elif c.dep_ == "poss" or c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            src.append(c)
        elif c.dep_ == "prep":
            objs = _children(c, ("pobj",))
            if c.lower_ == "by" or (
                c.lower_ == "between"
                and etype in ("CONSULT", "AGREE", "COOPERATE")
                and "mediation" not in {noun.lemma_, *(m.lemma_ for m in noun.lefts)}
                # "Egypt hosted talks between rival factions": the host mediates between them
                and not (noun.dep_ == "dobj" and noun.head.lemma_ in lex.words["hosting_verbs"])
            ):
                src.extend(
                    objs
                )  # "the meeting between U.S. and Chinese officials": both meet (a mediator between them does not)
            elif c.lower_ == "of" and etype == "RETREAT" and noun.lemma_ in _RELEASES and agent_named(noun):
                tgt.extend(objs)  # "the release of six Kuwaiti prisoners by Iraq": who is released
            elif c.lower_ == "of" and etype == "MOBILIZE":
                src.extend(objs)  # "the build-up of Iraqi troops": who is deployed deploys
            elif c.lower_ == "of" and etype == "RETREAT":
                # "the withdrawal of Russian troops": who withdraws ("a cessation of hostilities": what
                # stops); "the evacuation of the settlements by Israel": what is left, by whom
                agents = [
                    a
                    for o in objs
                    for b in _children(o, ("prep",))
                    if b.lower_ == "by"
                    for a in _children(b, ("pobj",))
                ]
                if agents:
                    src.extend(agents)
                    tgt.extend(objs)
                else:
                    src.extend(o for o in objs if o.lemma_ not in _WAR_NOUNS)
            elif c.lower_ in _NOUN_TARGET_PREPS:
                for o in objs:
                    if o.ent_type_ in ("DATE", "TIME"):
                        continue  # "talks on Sunday": a time, not a partner
                    if c.lower_ == "of":
                        # "the arrest of the leader by Zimbabwean police": the agent hung on the patient
                        agents = [b for b in _children(o, ("prep",)) if b.lower_ == "by"]
                        src.extend(p for b in agents for p in _children(b, ("pobj",)))
                    if c.lower_ == "of" and o.lower_ in _MEETINGS:
                        # "the cancellation of the delegation's trip to Washington": the trip's target
                        for p in _children(o, ("prep",)):
                            if p.lower_ in ("to", "with"):
                                tgt.extend(_children(p, ("pobj",)))
                    else:
                        tgt.append(o)
        elif c.dep_ == "acl":
            tgt.extend(_children(c, ("dobj",)))
    if noun.dep_ == "nsubjpass" and noun.head.lemma_ in lex.light_verbs and noun.head.lemma_ != "pay":
        # "a threat to break relations was made by the Azerbaijani parliament": the agent made it
        # ("the call is being paid for by a PAC" pays for it)
        src.extend(o for a in _children(noun.head, ("agent",)) for o in _children(a, ("pobj",)))
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.lemma_ == "come":
        tgt.extend(subject_of(noun.head.head))  # "Iranian posts came under Iraqi artillery fire"
    givers = [
        o
        for p in (*_children(noun, ("prep",)), *_children(noun.head, ("prep",)))
        # "the backing of the Arab League" names the giver; "the threat of terrorism" only what it is
        if (p.lower_ == "from" or (p.lower_ == "of" and etype == "SUPPORT")) and p.i > noun.i
        for o in _children(p, ("pobj",))
    ]
    if noun.dep_ == "dobj" and noun.head.lemma_ in lex.words["receiving_verbs"]:
        # "won praise from the United States", "received the backing of the Arab League"; with no
        # giver named ("Trump is drawing criticism") the subject is only the target
        return _with_conjuncts(givers), _with_conjuncts(subject_of(noun.head))
    taker = _sum_taker(noun)
    if taker is not None and taker.lemma_ in lex.words["receiving_verbs"]:
        # "received $2 billion in aid from the United States", "receives $3 billion in U.S. aid"
        givers = [o for p in _children(taker, ("prep",)) if p.lower_ == "from" for o in _children(p, ("pobj",))]
        return _with_conjuncts(givers or src), _with_conjuncts(subject_of(taker))
    own = [
        o
        for p in _children(noun, ("prep",))
        if p.lower_ == "from"
        for o in _children(p, ("pobj",))
        if o.ent_type_ in ("GPE", "LOC", "FAC")
    ]
    if not src and etype == "ASSAULT" and own:
        src = own  # "rocket attacks from Lebanon", "shelling from Serb positions": where the attack comes from
    state = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("under", "on", "in") else None
    if state is not None and state.lemma_ in ("come", "be", "fall"):
        if noun.head.lower_ == "under" and givers:
            # "came under attack from Iranian artillery": the attacker acts on the subject
            return _with_conjuncts(givers), _with_conjuncts(subject_of(state))
        if noun.head.lower_ == "under" and state.lemma_ == "be" and etype in ("ACCUSE", "COERCE") and not src:
            # "an American woman is under investigation in Italy": who is investigated, by a state
            # the place names (see the events component)
            return [], _with_conjuncts(subject_of(state))
        if noun.head.lower_ != "under" and not src and noun.lemma_ != "demand":  # "in demand" is sought after
            src = subject_of(state)  # "oil workers are on strike", "troops were engaged in fighting"
    if (
        not src
        and noun.dep_ in ("dobj", "attr")
        and noun.head.pos_ == "VERB"
        and noun.head.lemma_ not in lex.words["topic_verbs"]
        and not _children(noun.head, ("oprd",))  # "called the assault an attack on our country": naming it
    ):
        # "held talks", "launched an offensive": the subject acts; "confront threats", "discussed
        # the attack": the noun is only a topic of the verb
        src = subject_of(noun.head)
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB":
        tgt[:0] = _children(noun.head, ("dative",))  # "give Tanzania a grant"
    if not tgt and noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB":
        # "completed a meeting with X", "held talks with X": the light verb carries the target
        for p in _children(noun.head, ("prep",)):
            if (
                p.lower_ in ("with", "against")
                or (etype == "CONSULT" and p.lower_ == "at")
                or (etype in ("AID", "AGREE", "CONCEDE") and p.lower_ == "to")
            ):
                tgt.extend(_children(p, ("pobj",)))
    if (
        not src
        and noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and (
            noun.head.lower_ in ("in", "for", "into")
            or (noun.head.lower_ == "under" and etype == "AGREE")  # "will sell jets under a deal"
            or (noun.head.lower_ == "on" and etype == "PROTEST")
            or (noun.head.lower_ == "as" and adjunct_verb(noun).lemma_ == "use")  # "used hostages as human shields"
            # "ready to return to the talks"
            or (noun.head.lower_ == "to" and adjunct_verb(noun).lemma_ in ("return", "come", "go", "head"))
        )
        and (adjunct_verb(noun).pos_ in ("VERB", "ADJ") or _due(adjunct_verb(noun)))
        # "opened an inquiry into the bombing" (the parser hangs "into" on the verb): the topic
        # of the inquiry, not the inquirer's deed
        and not (noun.head.lower_ == "into" and _objects_are_events(adjunct_verb(noun), lex))
    ):
        # "converging for a rally", "were engaged in ethnic cleansing", "went on strike", "will
        # sell jets under a deal": the verb's subject acts
        verb = adjunct_verb(noun)
        src = subject_of(verb) or (_children(verb, ("nsubjpass",)) if verb.lemma_ in ("engage", "involve") else [])
    return _with_conjuncts(src), _with_conjuncts(tgt)


def agent_named(noun: Token) -> bool:
    """Does an event noun name its agent ("Iraq's release of …", "the release of … by Iraq")?"""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in children_of(noun))


def _sum_taker(noun: Token) -> Token | None:
    """The verb whose object is a sum given as ``noun`` ("received $2 billion in aid"), the parser
    hanging "in" on the sum or on the verb."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    held = noun.head.head
    if held.dep_ == "dobj" and (held.pos_ == "NUM" or held.ent_type_ == "MONEY"):
        return held.head
    if held.pos_ == "VERB" and any(
        c.dep_ == "dobj" and (c.pos_ == "NUM" or c.ent_type_ == "MONEY") for c in children_of(held)
    ):
        return held
    return None


def _objects_are_events(verb: Token, lex: EventLexicon) -> bool:
    return any(noun_type(o, lex) for o in _children(verb, ("dobj",)))


_SHELTERED = frozenset({"refugee", "asylum-seeker", "exile", "evacuee"})
# who comes in to watch or help (CAMEO 086), kept out by a refusal
_INVOLVED = frozenset({"inspector", "investigator", "monitor", "observer", "peacekeeper", "mission"})
_FRONT_LINES = frozenset({"defence", "defense", "line", "position", "cordon", "barricade", "encirclement"})
_SPANS_OF_TIME = frozenset({"minute", "hour", "day", "week", "month", "year"})


def _ultimatum(give: Token) -> bool:
    """Does ``give`` give someone a time to act: "gave Baghdad until January 15 to withdraw",
    "gave Iraq a week to allow inspectors back or face military strikes"?"""
    times = [d for p in _children(give, ("prep",)) if p.lower_ == "until" for d in children_of(p)]
    # a time to act is a span ("a week", "48 hours"), not when it was given ("gave his campaign Thursday")
    times += [d for d in children_of(give) if d.dep_ in ("npadvmod", "dobj") and d.lemma_ in _SPANS_OF_TIME]
    times = [d for d in times if d.ent_type_ in ("DATE", "TIME")]
    clauses = [*children_of(give), *(c for d in times for c in children_of(d))]
    return bool(times) and any(c.dep_ in ("advcl", "xcomp", "relcl", "acl") and to_clause(c) for c in clauses)


_PROTESTERS = frozenset({"demonstrator", "protester", "protestor", "marcher", "rioter", "striker"})
_CROWD_WORDS = frozenset({"thousands", "hundreds", "dozens", "crowd", "crowds", "tens"})


def _of_protesters(crowd: Token) -> bool:
    """Is ``crowd`` a number or crowd of protesters ("thousands of demonstrators")?"""
    return any(o.lemma_ in _PROTESTERS for p in _children(crowd, ("prep",)) if p.lower_ == "of" for o in children_of(p))


def _due(aux: Token) -> bool:
    """Is ``aux`` a "be" that says someone is due somewhere ("is due in Algiers for talks")?"""
    return aux.pos_ == "AUX" and any(c.dep_ == "acomp" and c.lower_ == "due" for c in children_of(aux))


def adjunct_verb(noun: Token) -> Token:
    """The word a prepositional phrase holding ``noun`` modifies, through an object the parser
    hung it on: "blocked fuel depots in protest" is blocking in protest."""
    head = noun.head.head
    if noun.head.lower_ == "in" and head.dep_ == "dobj" and head.head.pos_ == "VERB":
        return head.head
    return head


def _to_infinitive(tok: Token) -> bool:
    """Is ``tok`` a "to" infinitive clause ("sought to ease", parsed as xcomp or advcl)?"""
    return (
        tok.dep_ in ("xcomp", "advcl")
        and tok.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok))
    )


_PLACE_LABELS = ("GPE", "NORP", "LOC", "FAC")
_ATTENDING = {"attend", "address", "headline", "host", "cancel", "skip", "crash"}


_AVOIDING = {"steer": "clear", "keep": "clear", "stop": "short", "shy": "away", "stay": "away"}


def _avoids(verb: Token) -> bool:
    """Is ``verb`` one of avoiding what it governs: "avoid", "refrain from", "abstain from",
    "steer clear of", "stop short of", "shy away from"? The parser may hang "of"/"from" on the
    particle, so the particle counts too ("steering clear of criticizing")."""
    lemma = verb.lemma_.lower()
    if lemma in ("avoid", "refrain", "abstain"):
        return True
    if _AVOIDING.get(verb.head.lemma_.lower()) == verb.lower_:
        return True
    return _AVOIDING.get(lemma) in {c.lower_ for c in children_of(verb)}


def _campaign_rally(rally: Token) -> bool:
    """Is ``rally`` a candidate's rally rather than a demonstration: owned by someone ("his
    rallies", "a Trump rally", "campaign rallies") or attended, addressed or hosted — unless it
    says what it is against ("an anti-war rally", "a rally against the ban")?"""
    if any(c.lower_.startswith(("anti", "pro-")) or c.lower_ in ("protest", "opposition") for c in rally.lefts):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in children_of(rally)):
        return False
    owned = any(
        c.dep_ == "poss"
        or (
            c.dep_ == "compound"
            and (c.lower_ == "campaign" or (c.pos_ == "PROPN" and c.ent_type_ not in _PLACE_LABELS))
        )
        for c in children_of(rally)
    )
    attended = rally.dep_ == "dobj" and rally.head.lemma_ in _ATTENDING
    # "He has a rally planned in Washington", "Sanders held a rally Saturday": one person's rally
    # is a campaign's
    had = (
        rally.dep_ == "dobj"
        and rally.head.lemma_ in ("have", "hold")
        and any(s.ent_type_ == "PERSON" or s.lower_ in ("he", "she") for s in subject_of(rally.head))
    )
    return owned or attended or had


def _rallied(obj: Token) -> bool:
    """Is ``obj`` people or support one rallies ("voters", "the party"), not a place the parser
    took for the object ("rallied outside parliament")?"""
    return (
        obj.tag_ in ("NNS", "NNPS")
        or obj.ent_type_ in ("PERSON", "NORP", "ORG")
        or obj.lemma_.lower()
        in ("support", "base", "party", "public", "country", "nation", "troop", "crowd", "coalition", "electorate")
        or obj.lower_ in ("them", "him", "her", "us", "everyone", "everybody")
    )
