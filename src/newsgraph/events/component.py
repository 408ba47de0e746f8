"""spaCy component ``newsgraph_events``: fills ``doc._.events`` with PLOVER events.

Precision first: an event needs a trigger from the lexicon and a source that
is one of the article's actors; a sentence that only mentions a topic ("the
war in Gaza") has no agent and yields nothing. Each event keeps its trigger
and sentence offsets, modality and negation, its date (clause, else sentence,
else the publication date marked as such) and a stated location.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..actors.component import SECEDED_KEY, US_STATES_KEY
from ..actors.lexicon import actor_lexicon, named_abroad
from ..actors.lookup import coordinated_in, mention_at
from ..actors.mentions import LOCAL_SECTORS
from ..actors.places import PLACE_NOUNS, SITES
from ..dates import date_of
from ..nlp import by_sentence, children_of, doc_text, entity_at, sentence_of
from ..record import Actor, Event, Location, Mention, Offsets, Quote, Span
from .extract import (
    CHARGE_LEMMAS,
    PENALTIES,
    REPORT_LEMMAS,
    SIDES,
    TRANSFER_LEMMAS,
    Found,
    adjunct_verb,
    agent_named,
    destinations,
    find_events,
    hyphen_head,
    noun_type,
    penalised,
    subject_of,
    to_clause,
    trigger_candidates,
    verb_type,
)
from .lexicon import event_lexicon

_BUILDINGS = frozenset(
    {"church", "mosque", "synagogue", "temple", "school", "hospital", "hotel", "mall", "nightclub", "club"}
)
_ASKING = {"REQUEST", "THREATEN", "AGREE", "SUPPORT"}  # asking, promising, backing: plans, not acts
_VERBAL = {"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "SANCTION"}
_COOPERATIVE = {"AID", "COOPERATE", "CONCEDE", "RETREAT", "SUPPORT", "CONSULT"}
_HARMFUL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
# occasions held somewhere, which a state may boycott; where one is held names no target
_OCCASIONS = {"conference", "summit", "meeting", "session", "election", "elections", "vote", "ceremony", "games"}
_REFUSABLE = {"AGREE", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
_HARMS = {"force", "intervention", "action", "strike", "retaliation", "sanction", "option"}
_LOCATIVE = {"in", "at", "near", "outside", "into", "inside", "through", "across", "throughout", "around"}
# PLOVER codes the place acted on as the target when no actor is named ("exploded bombs in the
# capital Kabul", "protested in Serbia", "suspended aid deliveries in Baghdad"): for these types
# the country of the event's location becomes its target, an actor named by the place
_VENGEANCE = frozenset({"revenge", "retaliation", "reprisal", "vengeance", "retribution"})
_UNNAMED_STATE = {"government", "authorities", "regime", "cabinet", "parliament", "state", "president", "ministry"}
# a protest or a concession naming no other party is addressed to the state at home
_DOMESTIC_TYPES = frozenset({"CONCEDE", "PROTEST"})
_AT_HOME_TYPES = frozenset({"COERCE", "PROTEST"})  # acts a state or its people do at home
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "SANCTION", "MOBILIZE", "AID", "RETREAT"})


def _np_range(tok: Token, with_right: bool = False) -> tuple[int, int]:
    """Character range of the noun phrase headed by ``tok`` (its right modifiers only when asked)."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    if with_right:
        # its phrases ("a spokesman for the Iraqi government"), not a clause about it ("police, who …")
        right = max([tok.i, *(c.right_edge.i for c in tok.rights if c.dep_ not in ("relcl", "acl", "advcl", "punct"))])
    else:
        for c in tok.rights:
            if c.dep_ in ("compound", "flat", "appos", "nummod") or (c.dep_ == "case"):
                right = max(right, c.right_edge.i)
    return doc[left].idx, doc[right].idx + len(doc[right])


_QUANTITIES = {
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "millions",
    "tens",
    "members",
    "group",
    "crowd",
    "number",
    "some",
    "many",
    "most",
    "all",
    "third",
    "half",
    "quarter",
    "rest",
    "patch",
    "contingent",
    "unit",
    "detachment",
    "team",
}
# what speaks for those who issued it: "a joint statement by the foreign ministers of Egypt and Jordan"
_ISSUED = {"statement", "communique", "declaration", "letter", "report", "resolution", "editorial", "commentary"}
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}


def _quote_at(doc: Doc, pos: int) -> Quote | None:
    for q in doc._.quotes or []:
        if any(s <= pos < e for s, e in q.content.parts()):
            return q
    return None


_ROLES_KEY = "newsgraph.role_words"  # the role lexicon in use, set by the component per doc


def _coded(found: tuple[Actor, Mention] | None) -> tuple[Actor, Mention] | None:
    return found if found is not None and found[0].country else None


def _actors_of(doc: Doc, toks: list[Token]) -> list[Actor]:
    out: list[Actor] = []
    for t in toks:
        found = None
        if t.lower_ in _FIRST_PERSON and t.pos_ == "PRON":
            # "I"/"we" inside a quotation is its speaker
            q = _quote_at(doc, t.idx)
            speaker = q.speaker.actor if q is not None and q.speaker is not None else None
            actor = next((a for a in doc._.actors or [] if a.id == speaker), None)
            if actor is not None and actor not in out:
                out.append(actor)
            continue
        # "Doctors from two American aid groups": look right only from people nouns
        wider = t.pos_ in ("NOUN", "NUM") and (
            t.lower_ in _QUANTITIES or t.lower_ in _ISSUED or t.lemma_.lower() in doc.user_data[_ROLES_KEY]
        )
        found = mention_at(doc, t.idx, t.idx + len(t))  # a mention holding the head word
        if found is None and t.pos_ == "NOUN":
            # "Basque separatist group ETA killed": the name in apposition, not the nationality before
            # (if it is coded: "a member of the Syrian parliament, Mohammed Mamoun" is Syria's)
            names = [c for c in children_of(t) if c.dep_ == "appos" and c.pos_ == "PROPN"]
            found = next((m for c in names if (m := mention_at(doc, c.idx, c.idx + len(c))) and m[0].country), None)
        if found is None and t.lemma_ in PLACE_NOUNS:
            # "overran the U.N. safe area of Srebrenica": the place, not who guards it
            named_of = [o for p in children_of(t) if p.lower_ == "of" for o in children_of(p)]
            found = next(
                (m for o in named_of if (m := mention_at(doc, o.idx, o.idx + len(o))) and m[0].kind == "country"), None
            )
        if found is None and t.lower_ in ("remains", "bodies"):
            # "handed over the remains of 12 American soldiers": whose remains
            of = [o for p in children_of(t) if p.lower_ == "of" for o in children_of(p)]
            found = next((m for o in of if (m := mention_at(doc, o.idx, o.idx + len(o)))), None)
        possessors = [c for c in children_of(t) if c.dep_ == "poss"]
        if found is None and t.lemma_.lower() in _KIN and possessors:
            # "Scott's wife pleads": the wife, whom no actor names, not Scott ("his wife, Jane": Jane)
            s, e = _np_range(t)
            named = mention_at(doc, s, e)
            owned_end = possessors[-1].right_edge.idx + len(possessors[-1].right_edge)
            if named is None or named[1].end <= owned_end:
                continue
            found = named
        if found is None and t.pos_ == "PRON" and t.lower_ in _THIRD_PERSON:
            # "it" is no person: "'…, and so it requested a diagnosis,' said Donald Tusk" is not
            # Tusk's request
            person = False if t.lower_ == "it" else None  # "he" may be a state's unnamed leader
            out.extend(
                a
                for a in _actors_of(doc, _reporter(t))
                if a not in out and (person is None or (a.kind == "person") == person)
            )
            continue
        if found is None and _own_state(t) and (speakers := _actors_of(doc, _reporter(t))):
            out.extend(a for a in speakers if a not in out)
            continue
        for with_right in (False, True) if wider else (False,):
            if found and (found[0].country or not wider):
                break
            s, e = _np_range(t, with_right)
            # "a spokesman for the Iraqi government": an uncoded speaker speaks for the body named
            found = (_coded(mention_at(doc, s, e)) if with_right else None) or found or mention_at(doc, s, e)
        if (found is None or found[0].country is None) and t.pos_ == "NOUN":
            # "Iraq said its warplanes hit an oil platform": uncoded forces act for their owner
            owner = [c for c in children_of(t) if c.dep_ == "poss" and c.lower_ in ("its", "their")]
            owners = [a for a in _actors_of(doc, owner) if a.country] if owner else []
            if owners:
                out.extend(a for a in owners if a not in out)
                continue
        if found:
            out.extend(a for a in (found[0], *coordinated_in(doc, *found)) if a not in out)
        if t.pos_ in ("NOUN", "PROPN"):
            # "American and Russian scientists", "North and South Korea": each of a coordinated pair acts
            firsts = [c for c in children_of(t) if c.dep_ in ("amod", "nmod", "compound") and c.conjuncts]
            peers = [m[0] for c in firsts for x in (c, *c.conjuncts) if (m := mention_at(doc, x.idx, x.idx + len(x)))]
            out.extend(a for a in peers if a not in out and a.country)
    return out


_THIRD_PERSON = {"he", "she", "it", "they", "him", "her", "them"}
# relatives act for themselves, not for the one they are named by ("Scott's family called on police")
_KIN = frozenset(
    {"wife", "husband", "family", "son", "daughter", "mother", "father", "brother", "sister", "widow", "widower"}
    | {"relative", "parent", "child", "cousin", "nephew", "niece", "grandson", "granddaughter", "fiancee", "fiance"}
)
_OWN_STATE = {"country", "government", "nation", "state", "administration"}


def _own_state(t: Token) -> bool:
    """ "his country", "their government": the state of whoever speaks, read like "he"."""
    return t.lemma_.lower() in _OWN_STATE and any(
        c.dep_ == "poss" and c.lower_ in ("his", "her", "their", "its") for c in children_of(t)
    )


def _reporter(pronoun: Token) -> list[Token]:
    """The subject of the statement a pronoun subject sits in: in "Afghan rebel leaders said they
    would meet", "they" are the leaders. Only the nearest reporting verb, and only a named subject."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    t = pronoun.head
    while t.dep_ in ("xcomp", "conj", "aux", "acomp") and t.head is not t:
        t = t.head
    if t.dep_ != "ccomp" or t.head.pos_ != "VERB" or t.head.lemma_ not in REPORT_LEMMAS:
        return []
    return [s for s in subject_of(t.head) if s.pos_ != "PRON"]


_ARG_DEPS = {"dobj", "dative", "pobj", "nsubj", "nsubjpass", "poss", "amod", "compound"}


def _verb_preps_of(verb: Token) -> list[Token]:
    """The prepositions of ``verb`` and of its object ("launched fire against the camps")."""
    objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
    return [p for t in (verb, *objects) for p in children_of(t) if p.dep_ == "prep"]


def _resulting_from(trigger: Token) -> Token | None:
    """The verb whose result ``trigger`` tells in a trailing participle ("opened fire, killing
    one person and arresting 12"), or None."""
    t = trigger.head if trigger.dep_ == "conj" and trigger.head.tag_ == "VBG" else trigger
    if trigger.tag_ != "VBG" or t.dep_ != "advcl" or any(c.dep_ in ("mark", "aux", "nsubj") for c in children_of(t)):
        return None
    return t.head


def _readied(trigger: Token) -> bool:
    """Is ``trigger`` what someone prepared to do, as a deed ("the army prepared to resume
    shelling", "troops are preparing to storm the town"), not a stance ("is prepared to")?"""
    t = trigger
    if t.dep_ == "dobj" and t.head.lemma_ in _PHASES:
        t = t.head  # "got ready to resume its shelling"
    for _ in range(3):
        if t.dep_ != "xcomp":
            return False
        t = t.head
        if t.lemma_ in ("prepare", "gear", "poise") and t.pos_ == "VERB" and t.dep_ not in ("ccomp", "acomp"):
            return True
        if t.lower_ == "ready" and t.head.lemma_ == "get":
            return True  # "the army got ready to resume shelling"
    return False


def _gone_on(noun: Token) -> bool:
    """Is ``noun`` what someone went, is or stays on ("went on strike", "are on hunger strike")?"""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "on"
        and noun.head.dep_ == "prep"
        and noun.head.head.lemma_ in ("go", "be", "stay", "remain")
    )


def _embedded_targets(doc: Doc, f: Found, sources: list[Actor]) -> list[Actor]:
    """The first actor in the event's own clause other than its source, with its conjuncts:
    "threatened to cut off electricity to X", "demanded that X cancel", "rejected an
    Australian ultimatum", "closed its borders with Iran and Turkey" (not "its": the source)."""
    trig = f.trigger
    skip = {t.i for s in f.source_tokens for t in s.subtree}
    # the event told in a relative clause on its source ("Cruz, who refused to endorse Trump")
    # is not the source's phrase
    skip -= {
        t.i
        for s in f.source_tokens
        for c in children_of(s)
        if c.dep_ in ("relcl", "acl") and c.left_edge.i <= trig.i <= c.right_edge.i
        for t in c.subtree
    }
    theme = ("dobj",) if trig.lemma_ in TRANSFER_LEMMAS else ()  # the troops sent are not their target
    # nor what a promised transfer moves, when it says where: "agreed to hand Hong Kong back to China"
    # (looked through, not taken: the parser may hang "to" on what is moved, "hand over suspects to
    # the U.N. tribunal")
    moved = {
        t.i
        for c in children_of(trig)
        if c.dep_ == "xcomp" and c.lemma_ in TRANSFER_LEMMAS and destinations(c)
        for o in children_of(c)
        if o.dep_ == "dobj"
        for t in (o, *o.lefts)
    }
    first = [c for c in children_of(trig) if c.dep_ not in ("punct", "nsubj", "agent", "mark", *theme) and _inside(c)]
    if f.type == "ASSAULT" and not f.nominal and trig.head.lower_ != "under":
        # where an attack comes from is not whom it hits: "fired rockets into Israel from the Gaza
        # Strip" (but "came under shelling from Rwandan rebels" names the attackers)
        first = [c for c in first if not (c.dep_ == "prep" and c.lower_ == "from")]
    if f.nominal and trig.dep_ in ("dobj", "attr"):  # the light verb's other arguments: "its demand that X"
        first += [c for c in children_of(trig.head) if c.dep_ in ("dative", "prep", "ccomp") and c is not trig]
    elif f.nominal and _gone_on(trig):
        # "went on strike against the government's austerity plan": the phrases of the verb it is on
        first += [c for c in children_of(trig.head.head) if c.dep_ == "prep" and c is not trig.head]
    elif trig.dep_ in ("advcl", "xcomp") and to_clause(trig):
        # a purpose: "summoned Niger's ambassador to complain" complains to the one summoned
        first += [c for c in children_of(trig.head) if c.dep_ in ("dobj", "dative")]
        if trig.head.lemma_ == "call":  # "called in Niger's envoy to protest" (read as a preposition)
            first += _pobjs(trig.head, "in")
    if f.type in ("AGREE", "SUPPORT", "COOPERATE"):
        # where an accord was reached is no party to it: "initialled an accord at the United Nations"
        venues = [trig, *(c for c in children_of(trig) if c.dep_ == "dobj")]
        # (not a side taken: "argued in favor of Britain's remaining", "came to the aid of Kuwait")
        trusted = any(o.lemma_ in ("confidence", "trust", "faith") for o in venues[1:])  # "voiced confidence in X"
        places = [p for v in venues for p in children_of(v) if p.dep_ == "prep" and p.lower_ in _LOCATIVE]
        places = [p for p in places if not (trusted and p.lower_ == "in")]
        skip |= {t.i for p in places if not any(o.lemma_ in _SIDES_TAKEN for o in children_of(p)) for t in p.subtree}
    # depth first, in the order of the words: the object's own modifiers come before a later clause
    stack = sorted(first, key=lambda c: -c.i)
    seen = 0
    while stack and seen < 40:
        t = stack.pop()
        seen += 1
        if t.i in skip:
            continue
        if t.dep_ in _ARG_DEPS and t.i not in moved:
            found = mention_at(doc, t.idx, t.idx + len(t))
            if found:
                conjuncts = [t, *(c for c in children_of(t) if c.dep_ == "conj")]
                actors = [a for a in _actors_of(doc, conjuncts) if a not in sources]
                if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children_of(t)):
                    # "offered to put its troops at the disposal of President Hrawi": what it gives
                    actors = _not_own_forces(actors, sources)
                if (
                    f.type == "THREATEN"
                    and t.dep_ == "nsubj"
                    and all(a.kind == "country" and a.country in {s.country for s in sources} for a in actors)
                ):
                    # "Gaddafi warned that Libya would attack American cities": the source's own state
                    # acting is no target of it
                    actors = []
                if actors:
                    return actors
        # "hanged two men convicted of spying for Israel": what the object is charged with names
        # no one the act is done to
        inner = [
            c
            for c in children_of(t)
            if c.dep_ not in ("punct", "relcl") and _inside(c) and not (c.dep_ == "acl" and c.lemma_ in _CHARGED)
        ]
        stack.extend(reversed(inner))  # children come in word order
    return []


_SIDES_TAKEN = SIDES | {"support", "solidarity", "behalf"}
_STATE_NOUNS = frozenset({"country", "nation", "regime", "government", "republic"})
_PARLEYS = frozenset({"talk", "talks", "negotiation", "negotiations", "mediation", "dialogue", "process", "summit"})
_CHARGED = CHARGE_LEMMAS | {"convict", "suspect", "sentence", "jail", "indict"}
_ARMED = {"MIL", "REB", "COP"}
_CIVILIAN = {"CVL", "OPP", "LAB", "EDU", "REL"}
# a state's own society, on which a restriction is coercion rather than a sanction
_DOMESTIC = _CIVILIAN | {"PTY", "MED"}


def _not_own_forces(actors: list[Actor], sources: list[Actor]) -> list[Actor]:
    """``actors`` but the sources' own armed forces, which an act moves or gives, not acts on
    (a state's: rebels' own are no army, "rebels surrendered to government troops")."""
    home = {a.country for a in sources if _is_state(a)}
    return [a for a in actors if not (a.sector == "MIL" and a.country in home)]


def _a_crowd(actor: Actor) -> bool:
    """Is ``actor`` a group of unarmed people ("Hundreds of Iranians", "students")?"""
    return actor.kind == "group" and actor.sector not in _ARMED


def _is_speaker(actor: Actor) -> bool:
    """A person who fights with words: named or described, not armed ("Senator Cruz", not "a gunman")."""
    return actor.kind == "person" and actor.sector not in _ARMED


def _is_state(actor: Actor) -> bool:
    """A state or its government: a country, an international body, a government office."""
    return actor.kind == "country" or actor.country == "IGO" or actor.sector in ("GOV", "MIL")


# adjuncts of time, manner and concession are not the event's arguments: "agreed to resign
# without returning to Kyrgyzstan", "rejected the plan despite pressure from Washington"
_ADJUNCT_PREPS = {"without", "despite", "after", "before", "following", "since", "during", "amid", "until"}


def _inside(tok: Token) -> bool:
    """Is ``tok`` part of the event's own clause? Not an adverbial clause unless it states the
    purpose ("sent material to help defend X"), not a time or concession adjunct, and not a
    report about it ("…, diplomats said")."""
    if tok.dep_ == "advcl":
        # "charged that the Authority was encouraging violence": a "that" clause the parser
        # hung as an adverbial is the verb's content (the mark may hang on its auxiliary)
        heads = [tok, *(c for c in children_of(tok) if c.dep_ in ("aux", "auxpass"))]
        return to_clause(tok) or any(c.dep_ == "mark" and c.lower_ == "that" for h in heads for c in children_of(h))
    if tok.dep_ == "prep" and tok.lower_ in _ADJUNCT_PREPS:
        return False
    return not (tok.dep_ == "ccomp" and tok.lemma_ in REPORT_LEMMAS)


_SENDING = {"send", "dispatch"}
_HELPING = {"protect", "help", "guard", "assist", "secure", "escort", "feed", "keep", "monitor", "supervise", "treat"}


# what troops are sent to do when they are sent as aid (to guard or secure a place deploys them)
_PROTECTING = {
    "protect",
    "help",
    "assist",
    "feed",
    "escort",
    "shield",
    "rescue",
    "evacuate",
    "bolster",
    "shore",
    "prop",
}


def _to_help(verb: Token, purposes: set[str] = _HELPING, needy: frozenset[str] | None = None) -> bool:
    """Does ``verb`` have a purpose of protecting or helping ("arrived to protect refugees")? With
    ``needy``, only of helping people in need ("to help victims of the earthquake", not "to help
    Democrats in the state")."""
    return any(
        c.dep_ in ("advcl", "xcomp")
        and c.lemma_ in purposes
        and to_clause(c)
        and (needy is None or any(o.lemma_.lower() in needy for o in children_of(c) if o.dep_ == "dobj"))
        for c in children_of(verb)
    )


_NEEDY = frozenset(
    {"victim", "refugee", "survivor", "evacuee", "wounded", "injured", "homeless", "displaced", "hungry", "sick"}
)


def _purpose_of_sending(tok: Token, triggers: set[int]) -> bool:
    """Is ``tok`` a sending trigger whose purpose clause holds another trigger ("sent 21
    personnel to Bosnia to investigate", "dispatched inspectors to monitor")?"""
    return tok.lemma_ in _SENDING and _aims_at(tok, triggers)


def _aims_at(verb: Token, triggers: set[int]) -> bool:
    """Is one of ``triggers`` the purpose clause of ``verb``?"""
    return any(c.dep_ in ("advcl", "xcomp") and c.i in triggers and to_clause(c) for c in children_of(verb))


_PROMISES = {"promise", "pledge", "offer"}
_HELP_OR_PROMISE = {"promise", "pledge", "help"}
_MISSIONS_OF_HELP = frozenset({"humanitarian", "peacekeeping", "relief", "rescue", "mercy", "medical"})


def _peacekeepers(send: Token) -> bool:
    """Are those ``send`` sends peacekeepers ("sent 60,000 peacekeeping troops"), or sent on a
    mission of help ("send troops to Rwanda on a humanitarian mission")?"""
    if any("peacekeep" in t.lower_ for o in children_of(send) if o.dep_ == "dobj" for t in o.subtree):
        return True
    missions = [o for p in _verb_preps_of(send) if p.lower_ == "on" for o in children_of(p) if o.lemma_ == "mission"]
    return any(m.lower_ in _MISSIONS_OF_HELP for o in missions for m in o.lefts)


def _promise_of(tok: Token, triggers: set[int], helping: set[int]) -> bool:
    """Is ``tok`` a promise of another trigger ("pledged to withdraw", "promised to give aid"),
    or of help told deeper in the promised clause ("promised to double its aid")? The promised
    act is the event, its intent read from the promise: an agreement when it cooperates, a
    threat when it harms."""
    if tok.lemma_ not in _PROMISES:
        return False
    clauses = [c for c in children_of(tok) if c.dep_ in ("xcomp", "ccomp", "advcl") and to_clause(c)]
    # "promised to build a wall and deport millions": each promised act is one
    acts = [x for c in clauses for x in (c, *c.conjuncts)]
    return any(c.i in triggers for c in acts) or any(t.i in helping for c in clauses for t in c.subtree)


_DEMANDING = {"call", "demand", "urge", "press", "ask"}
_OUSTING = {"resignation", "removal", "ouster", "dismissal", "departure", "withdrawal", "trial", "punishment"}


def _abroad(sources: list[Actor], targets: list[Actor]) -> bool:
    """Is one of ``targets`` of another country than every source (an act between states)?"""
    homes = {a.country for a in sources}
    return any(a.country and a.country not in homes for a in targets)


def _on_behalf_of(verb: Token) -> list[Token]:
    """Whom ``verb`` acts on behalf of ("lobbied on behalf of Lebanon")."""
    # (after it: "On behalf of the group, I am asking…" only speaks for the group)
    behalf = [
        b
        for p in children_of(verb)
        if p.lower_ == "on" and p.i > verb.i
        for b in children_of(p)
        if b.lower_ == "behalf"
    ]
    return [x for b in behalf for x in _pobjs(b, "of")]


def _demands_of(trigger: Token) -> list[Token]:
    """Whom a protest demands something of: the one urged ("rallied urging the government to"),
    the one whose going is demanded ("marched demanding the resignation of President Suharto",
    "rioted following a demonstration calling for the removal of Mubarak"), or the one called on
    to act ("calling for President Moi to step down")."""
    objects = (
        o for p in children_of(trigger) if p.dep_ == "prep" for o in children_of(p) if o.dep_ in ("pobj", "dobj")
    )
    holders = [trigger, *objects]
    verbs = [
        c for h in holders for c in children_of(h) if c.dep_ in ("advcl", "acl", "xcomp") and c.lemma_ in _DEMANDING
    ]
    asked = [o for v in verbs for o in children_of(v) if o.dep_ == "dobj" and v.lemma_ in ("urge", "press", "ask")]
    wanted = [o for v in verbs for o in (*children_of(v), *_pobjs(v, "for")) if o.dep_ in ("dobj", "pobj")]
    clauses = [c for v in verbs for c in children_of(v) if c.dep_ in ("ccomp", "xcomp")]
    wanted += [s for c in clauses for s in children_of(c) if s.dep_ == "nsubj"]
    ousted = [x for o in wanted if o.lemma_ in _OUSTING for x in _pobjs(o, "of")]
    return asked or ousted or [s for s in wanted if s.dep_ == "nsubj"]


def _pobjs(head: Token, preposition: str) -> list[Token]:
    return [o for p in children_of(head) if p.lower_ == preposition for o in children_of(p) if o.dep_ == "pobj"]


def _condition_subjects(trigger: Token) -> list[Token]:
    """The subjects of the "if"/"unless" clauses of a threat (or of the act it threatens), or
    their "by" agents when the clause is passive ("if attacked by the United States")."""
    heads = [trigger, *(c for c in children_of(trigger) if c.dep_ in ("xcomp", "ccomp", "prep"))]
    heads += [o for h in heads if h.dep_ == "prep" for o in children_of(h) if o.dep_ == "pobj"]
    clauses = [
        c
        for h in heads
        for c in children_of(h)
        if c.dep_ == "advcl"
        and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("if", "unless") for m in children_of(c))
    ]
    agents = [
        o for c in clauses for a in children_of(c) if a.dep_ == "agent" for o in children_of(a) if o.dep_ == "pobj"
    ]
    return agents or [s for c in clauses for s in children_of(c) if s.dep_ in ("nsubj", "nsubjpass")]


_INQUIRIES = {"investigation", "inquiry", "probe", "explanation", "inquest"}
_INVESTIGATING = {"investigate", "probe", "examine", "explain", "inquire"}


def _asked_for(verb: Token) -> set[str]:
    """What a request asks for: its object, or the object of its "for" ("called for an inquiry")."""
    asked = [c for c in children_of(verb) if c.dep_ == "dobj"]
    asked += [
        o
        for p in children_of(verb)
        if p.dep_ in ("prep", "prt") and p.lower_ == "for"
        for o in children_of(p)
        if o.dep_ == "pobj"
    ]
    return {t.lemma_.lower() for t in asked}


def _against(verb: Token) -> list[Token]:
    """The objects of ``verb``'s "against" phrases."""
    return _pobjs(verb, "against")


def _agentless(trig: Token) -> Token | None:
    """The passive verb without an agent that tells ``trig``: the trigger itself ("was arrested
    in Cairo"), or the verb a state noun hangs under ("was put under investigation", "is under
    investigation")."""
    verb = trig.head.head if trig.dep_ == "pobj" and trig.head.lower_ in ("under", "in", "into") else trig
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children_of(verb))
    # "is under investigation in Italy": a state one is in, with no one named who put one there
    passive = passive or (verb is not trig and verb.lemma_ == "be" and trig.head.lower_ == "under")
    return verb if passive and not any(c.dep_ == "agent" for c in children_of(verb)) else None


_SPEAKER_PRONOUNS = {"it", "we", "they", "he", "she", "i"}


def _if_clause(tok: Token) -> bool:
    return tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in children_of(tok))


def _unless(verb: Token) -> bool:
    """Is ``verb`` held over someone by an "unless" clause ("would block Turkey's bid unless
    Ankara withdrew its troops"): a refusal made a threat?"""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in children_of(c))
        for c in children_of(verb)
    )


_OBJECT_DEPS = ("dobj", "xcomp", "ccomp", "prep", "dative")


_MODALS = {"will", "would", "shall", "should", "must", "can", "could", "may", "might", "to"}


def _agrees_in_opinion(agree: Token) -> bool:
    """Does ``agree`` share a view rather than settle on an act: with someone, about something,
    or that something is so ("agreed that Pence won"), with nothing to be done ("to resume
    talks", "on a ceasefire", "that the talks would resume")?"""
    if agree.dep_ == "acl" and agree.tag_ == "VBN":
        return False  # "a ceasefire agreed by Armenia and Azerbaijan": the noun is what was settled
    kids = [c for c in children_of(agree) if c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "advcl", "nsubjpass")]
    for c in kids:
        # (what "was agreed by" the ministers is settled: "aid of 70 million dollars was agreed")
        # ("agree with that in almost every circumstance": a view held in some cases)
        if c.dep_ in ("dobj", "xcomp", "advcl", "nsubjpass") or (
            c.dep_ == "prep" and c.lower_ not in ("with", "about", "in")
        ):
            return False
        if c.dep_ == "ccomp" and any(a.dep_ in ("aux", "auxpass") and a.lower_ in _MODALS for a in children_of(c)):
            return False  # "agreed that the talks would resume": an act settled
    return True  # "Iowa State University's Dianne Bystrom agreed.": nothing settled


def _only_asks_someone(ask: Token) -> bool:
    """Does this "ask" or "demand" name at most whom it asks ("asked him", "Vitter demanded."),
    nothing asked for or to be done?"""
    kids = [c for c in children_of(ask) if c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "prep", "advcl")]
    kids += [c for c in children_of(ask) if c.dep_ == "nsubjpass" and c.pos_ != "PRON" and c.ent_type_ != "PERSON"]
    # "the withdrawal was demanded by the ministers": what is demanded is the passive's subject
    # ("Sanders was asked by Maher": whom)
    return all(c.dep_ in ("dobj", "dative") and c.pos_ == "PRON" for c in kids)


def _visits_a_thing(verb: Token) -> bool:
    """Is what ``verb`` visits a thing, not a place or an actor ("toured the museum")?"""
    objs = [c for c in children_of(verb) if c.dep_ == "dobj"]
    return bool(objs) and all(not o.ent_type_ and o.pos_ == "NOUN" for o in objs)


def _charged_as_price_or_task(verb: Token) -> bool:
    """Is "charge" a price asked ("charged more than that", "charged his campaign for rent") or
    a task given ("charged with facilitating the transition"), not an accusation?"""
    kids = list(children_of(verb))
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in kids):
        return True
    prices = ("more", "less", "$", "fee", "rent", "price")
    if any(c.dep_ == "dobj" and (c.like_num or c.lower_ in prices) for c in kids):
        return True
    # (a participle on an office: "the departments charged with facilitating"; "charged the
    # swimmer with filing a false report" accuses)
    withs = [o for c in kids if c.dep_ == "prep" and c.lower_ == "with" for o in children_of(c)]
    return verb.dep_ == "acl" and any(o.dep_ == "pcomp" and o.tag_ == "VBG" for o in withs)


def _no_event_after_all(f: Found) -> bool:
    """Is the trigger's clause no event of its type once its arguments are read: a view, a
    question, a suicide, a struggle?"""
    trig, verb = f.trigger, not f.nominal
    kids = list(children_of(trig))
    # "veterans killing themselves", "would never have forgiven myself": no one else acted on
    on_oneself = any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES and not c.conjuncts for c in kids)
    if f.type == "AGREE" and verb and trig.lemma_ == "agree":
        return _agrees_in_opinion(trig)  # "agreed with Matthews about the winner", "all agreed Pence won"
    if f.type == "REQUEST" and verb and trig.lemma_ in ("ask", "demand"):
        return _only_asks_someone(trig)  # "'But why?' the reporter asked him", "'Why?' Vitter demanded"
    if f.type == "AGREE" and not verb and _named_accord(trig):
        return True  # "the madness of the Iran deal", "the passing of the Iran deal": its name, no agreeing
    if f.type in ("SUPPORT", "ACCUSE", "CONCEDE") and verb and on_oneself:
        return True  # "would never have forgiven myself", "blamed himself"
    if (
        f.type == "ASSAULT"
        and verb
        and trig.lemma_ in ("hit", "strike")
        and any(o.lemma_ in _ECONOMIC_BLOWS for a in kids if a.dep_ == "agent" for o in children_of(a))
    ):
        return True  # "districts hardest hit by Chinese imports": a blow of trade, not of arms
    if f.type == "ACCUSE" and verb and trig.lemma_ == "charge" and _charged_as_price_or_task(trig):
        return True  # "whatever Trump charged his campaign for rent", "the departments charged with facilitating"
    if f.type == "SUPPORT" and verb and any(c.dep_ in ("dobj", "xcomp") and c.tag_ == "VBG" for c in kids):
        return True  # "supports squeezing out undocumented immigrants": a policy backed, no one supported
    if (
        f.type == "SUPPORT"
        and not verb
        and any(o.lower_ in ("percent", "%") for p in kids if p.lower_ == "from" for o in p.subtree)
    ):
        return True  # "has support from 52 percent of Democratic primary voters": a poll
    if f.type != "ASSAULT":
        return False
    if trig.lemma_ != "blow" and on_oneself:
        return True  # "veterans killing themselves" ("blew himself up" is a suicide bombing, CAMEO 183)
    # "the White House has fought hard to defend the tax": striving, not fighting
    return (
        verb
        and trig.lemma_ in ("fight", "battle")
        and any(c.dep_ in ("xcomp", "advcl") and to_clause(c) for c in kids)
        and not any(c.dep_ == "dobj" for c in kids)
    )


_ACCORDS = {"deal", "accord", "agreement", "treaty", "pact"}


def _named_accord(noun: Token) -> bool:
    """Is ``noun`` an accord named by a place alone ("the Iran deal", "the Paris accord"), an
    existing thing talked about, with no parties named beside it ("between", "with")?"""
    if noun.lemma_.lower() not in _ACCORDS or not any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(noun)):
        return False
    named = [c for c in children_of(noun) if c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC")]
    parties = [c for c in children_of(noun) if c.dep_ == "prep" and c.lower_ in ("between", "with")]
    return bool(named) and not parties and not any(c.dep_ == "poss" for c in children_of(noun))


def _agented(f: Found) -> bool:
    """Is ``f`` an event noun that names who did it, as the subject of a reaction: "the release
    of 200 prisoners by the Serbian government was welcomed", "Iran's demand … was rejected"?"""
    t = f.trigger
    if not f.nominal and t.dep_ == "acl":
        t = t.head  # "the decision by the EU to suspend aid … was criticised"
        if t.lemma_.lower() in _REFUSALS:
            return False  # "Ryan's refusal to support him was not a good thing": no support given
    elif not f.nominal:
        return False
    return t.dep_ in ("nsubj", "nsubjpass") and agent_named(t)


_REFUSALS = {"refusal", "rejection", "failure", "reluctance", "unwillingness", "inability"}
_POLITICAL = {"PTY", "LEG", "OPP", "MED"}
_ECONOMIC_BLOWS = {"import", "recession", "downturn", "crisis", "slump", "storm", "drought", "layoff", "cut", "tariff"}
_REFLEXIVES = {"himself", "herself", "themselves", "itself", "myself", "yourself", "ourselves"}
_PHASES = {"begin", "start", "continue", "resume"}
# the two sides of a call or of talks are both its sources
_TALKS = {"talk", "talks", "speak", "negotiate", "negotiation", "negotiations", "confer", "consultations"}
_LEAVING = {"leave", "quit"}
# event nouns whose "that" clause the parser hangs on their verb
_CONTENT_NOUNS = {"demand", "call", "appeal", "request", "proposal", "offer", "warning", "threat", "promise", "pledge"}


_WHEN = frozenset({"when", "as", "after", "before", "while"})


def _governed(tok: Token, triggers: set[int], acts: frozenset[int] = frozenset()) -> bool:
    """Is ``tok`` inside the clause of another trigger (its ancestor within the sentence)? A
    coordinated verb is not inside its first conjunct: "burned villages and killed civilians";
    a purpose clause of one of ``acts`` is not inside it either."""
    while (tok.dep_ == "conj" and tok.head.pos_ == "VERB" and tok.pos_ == "VERB") or (
        tok.dep_ == "xcomp" and tok.head.lemma_ in _PHASES and tok.head.dep_ == "conj"
    ):
        tok = tok.head  # "agreed to a ceasefire and began withdrawing": the withdrawal is its own
    if (
        tok.dep_ == "advcl"
        and any(c.dep_ in ("advmod", "mark") and c.lower_ in _WHEN for c in children_of(tok))
        and any(c.dep_ == "nsubjpass" for c in children_of(tok.head))
        and not any(c.dep_ == "agent" for c in children_of(tok.head))
    ):
        # "eleven people were killed when gunmen opened fire on a bus": the clause tells who did
        # what the passive leaves without an agent (a clause of time is otherwise background)
        return False
    if tok.dep_ == "advcl" and tok.head.i in acts and (to_clause(tok) or tok.tag_ == "VBG"):
        # "defied a curfew to demonstrate against the king", "defied a curfew, chanting slogans":
        # the march is its own event
        return False
    if tok.dep_ == "ccomp" and tok.head.i > tok.i and tok.head.lemma_ in CHARGE_LEMMAS:
        return False  # "Russia has supplied Armenia with tanks, Azerbaijani officials charged": both
    if tok.dep_ == "ccomp" and any(
        c.dep_ == "dobj" and c.i in triggers and c.i < tok.i and c.lemma_ in _CONTENT_NOUNS
        for c in children_of(tok.head)
    ):
        return True  # "reiterated its demand that Israel ease restrictions": the clause is the demand's
    return any(a.i in triggers for a in tok.ancestors)


class EventsComponent:
    """PLOVER events with actors, trigger, sentence, modality, date and location."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon = event_lexicon()
        self.places = actor_lexicon()
        self.us_places = self.places.reading_us_states()  # for texts the actor stage read as American

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = []
        doc.user_data[_ROLES_KEY] = self.places.role_sectors
        if doc._.actors:
            for sent, in_sent in by_sentence(doc, trigger_candidates(doc, self.lexicon)):
                if not in_sent:
                    continue
                found = find_events(sent, self.lexicon, in_sent)
                # a silent reporting verb ("concluded that the US must…") governs nothing: what it
                # reports stays an event (reported), as under any "said"
                triggers = {f.trigger.i for f in found if not (f.silent and f.trigger.lemma_ in REPORT_LEMMAS)}
                # "truck drivers blockaded depots in protest": people protest by blockading (a
                # government that "recalled its envoy in protest" still sanctions)
                protested = {
                    adjunct_verb(f.trigger).i
                    for f in found
                    if f.nominal and f.type == "PROTEST" and f.trigger.dep_ == "pobj" and f.trigger.head.lower_ == "in"
                }
                protested = {
                    f.trigger.i
                    for f in found
                    if f.trigger.i in protested
                    and not f.nominal
                    and not all(map(_is_state, _actors_of(doc, f.source_tokens)))
                }
                triggers -= protested
                # "began an indefinite strike to demand the release of …": the strike is the event
                protests = {f.trigger.i if not f.nominal else f.trigger.head.i for f in found if f.type == "PROTEST"}
                aims = {
                    f.trigger.i
                    for f in found
                    if f.type in _VERBAL
                    and f.trigger.dep_ in ("advcl", "xcomp")
                    and to_clause(f.trigger)
                    and f.trigger.head.i in protests
                }
                # "sent troops to fight the rebels" deploys them; "sent inspectors to investigate" investigates
                fights = {f.trigger.i for f in found if f.type in ("ASSAULT", "COERCE")}
                purposes = {
                    p.trigger.i
                    for p in found
                    if _purpose_of_sending(p.trigger, triggers)
                    and not (p.type == "MOBILIZE" and _aims_at(p.trigger, fights))
                }
                helping = {f.trigger.i for f in found if f.type in _COOPERATIVE}
                # (a promise of what is no event stays a promise: "promised to set up a joint brigade")
                acts = triggers - {f.trigger.i for f in found if not f.type}
                promises = {p.trigger.i for p in found if _promise_of(p.trigger, acts, helping)}
                # "police opened fire on demonstrators, killing one person and arresting 12": the
                # harms that result are events of their own, done to whom the act was done
                harms = {f.trigger.i for f in found if f.type in ("ASSAULT", "COERCE")}
                tolls = {
                    f.trigger.i: head.i
                    for f in found
                    if f.trigger.i in harms and (head := _resulting_from(f.trigger)) is not None and head.i in harms
                }
                # "defied a curfew to demonstrate": a protest is the purpose of an act, not of a plan
                defiances = frozenset(
                    f.trigger.i for f in found if f.type not in _ASKING and f.trigger.i not in protests
                )
                by_trigger: dict[int, Event] = {}
                for f in found:
                    if f.silent or f.trigger.i in purposes | promises | protested | aims:
                        continue  # "sent inspectors to investigate": the investigation is the event
                    governed = _governed(
                        f.trigger, triggers - purposes - promises, defiances if f.type == "PROTEST" else frozenset()
                    )
                    if governed and not _agented(f) and f.trigger.i not in tolls:
                        continue  # "threatened to cut off aid": the threat is the event, not the cut
                    ev = self._to_event(doc, sent.start_char, sent.end_char, f, len(events) + 1)
                    if ev is None:
                        continue
                    cause = by_trigger.get(tolls.get(f.trigger.i, -1))
                    if cause is not None:
                        if ev.type == cause.type:
                            continue  # "violated the ceasefire, attacking army posts": one attack told twice
                        ev.target = ev.target or list(cause.target)
                    by_trigger[f.trigger.i] = ev
                    events.append(ev)
        # after every frame is read: a state added as a target must not become a later frame's actor
        actors = {a.id: a for a in doc._.actors or []}
        for ev in events:
            if ev.type in _DOMESTIC_TYPES and not ev.target:
                sources = [actors[i] for i in ev.source if i in actors]
                home = self._home_state(doc, ev.type, sources, ev.location, ev.sentence.start, ev.sentence.end)
                ev.target = [home.id] if home is not None else []
        doc._.events = events
        return doc

    def _to_event(self, doc: Doc, s_start: int, s_end: int, f: Found, n: int) -> Event | None:
        if _no_event_after_all(f):
            return None
        # "the San Bernardino attack": a city naming an event says where it was, not who did it
        sources = _actors_of(doc, [t for t in f.source_tokens if not (f.nominal and self._names_a_city(t))])
        if not sources and f.type in ("COERCE", "ACCUSE") and (verb := _agentless(f.trigger)) is not None:
            # "a US national has been put under investigation in Italy", "was arrested in Cairo":
            # arrests, trials and investigations told without their agent are the state's where they happen
            under = [o for p in children_of(verb) if p.dep_ == "prep" for o in children_of(p) if o.dep_ == "pobj"]
            where = next(filter(None, (self._location(t) for t in (f.trigger, verb, *under))), None)
            state = self._place_actor(doc, where) if where is not None else None
            sources = [state] if state is not None else []
        if not sources and f.type in ("ASSAULT", "COERCE") and not f.nominal:
            # "a detainee died after being tortured in Israeli police custody": who holds him did it
            held = [*_pobjs(f.trigger, "in"), *_pobjs(f.trigger, "under")]
            sources = _actors_of(doc, [o for o in held if o.lemma_ in ("custody", "detention")])
        if not sources:
            return None
        targets = [a for a in _actors_of(doc, f.target_tokens) if a not in sources]
        if not targets and f.type in _AT_HOME_TYPES:
            # "imposed a curfew on the oil city of Port Harcourt": a state coercing a place of its own
            on = [
                o
                for t in f.target_tokens
                for c in children_of(t)
                if c.lower_ in ("on", "against")
                for o in children_of(c)
            ]
            places = [p for t in (*f.target_tokens, *on) if (p := _place_in(t)) is not None]
            targets = [a for a in _actors_of(doc, places) if a in sources]
        if not targets and f.type != "CONSULT":  # whom one meets is named, not embedded: "discussed efforts to free X"
            # the target of "threatened to cut off power to X", "urged X to", "closed its borders with X"
            targets = _embedded_targets(doc, f, sources)
        etype, mode, negated = f.type, f.mode, f.negated
        trig_lemma, trig_kids = f.trigger.lemma_.lower(), list(children_of(f.trigger))
        hosted = False
        if (
            etype == "MOBILIZE"
            and trig_lemma in (*_SENDING, "fly", "deploy")
            and (_to_help(f.trigger, _PROTECTING) or _peacekeepers(f.trigger))
        ):
            # "France sent 2,500 troops to Rwanda to protect civilians", "sent 60,000 peacekeeping
            # troops", "is prepared to send troops on a humanitarian mission": protection is aid (CAMEO 074)
            etype, mode = "AID", None
        if etype == "ASSAULT" and trig_lemma in ("pelt", "stone") and sources and all(_a_crowd(a) for a in sources):
            # "Hundreds of Iranians pelted the Danish embassy with stones": a crowd throwing stones
            # riots (CAMEO 145); soldiers or rebels doing it would attack
            etype, mode = "PROTEST", "riot"
        warning = etype == "THREATEN" and not f.nominal and trig_lemma in ("warn", "vow")
        if warning and not self._warns_of_harm(f.trigger):
            return None  # "warned that Clinton opposes the Second Amendment", "vowed to cut costs"
        if f.trigger.lemma_ in self.lexicon.words["warnings_when_negated"]:
            if not negated:
                return None  # "tolerated dissent" is no warning
            negated = False  # "will not tolerate any moves toward independence": a warning
        if negated and etype == "REJECT" and f.trigger.lemma_ in ("rule", "exclude") and self._harm_held(f.trigger):
            # "would not rule out military intervention in Haiti": a harm kept open is a threat
            etype, mode, negated = "THREATEN", None, False
        elif negated and etype in _REFUSABLE and not targets and not any(c.dep_ in _OBJECT_DEPS for c in trig_kids):
            return None  # "Clinton did not give up": persisting refuses no one anything
        elif negated and f.nominal and f.trigger.dep_ == "dobj" and f.trigger.head.lemma_ == "have":
            return None  # "does not have bilateral trade agreements with that country": none made, none refused
        elif negated and (
            etype in _REFUSABLE
            or (etype == "SUPPORT" and trig_lemma in ("recognize", "recognise"))
            # "would never negotiate with the PLO": a refusal ("will not meet" stays a meeting denied)
            or (
                etype == "CONSULT"
                and any(c.lower_ == "never" for c in trig_kids)
                and any(c.lower_ in ("will", "would", "'ll") for c in trig_kids)  # not "have never met"
            )
        ):
            # "failed to reach agreement", "would not meet their demands", "would never recognise
            # Kuwait's borders": PLOVER codes a refusal
            etype, mode, negated = "REJECT", None, False
        elif etype == "ASSAULT" and not negated and _readied(f.trigger) and all(a.sector in _ARMED for a in sources):
            # "The Macedonian army prepared to resume shelling": forces made ready are mobilised
            # (a government saying it "is prepared to" act threatens)
            etype, mode = "MOBILIZE", None
        elif (
            f.threat
            and not negated
            and (etype in _HARMFUL | {"PROTEST"} or (etype == "REJECT" and _unless(f.trigger)))
            # "considers how to attack Sanders": words held in reserve threaten no one
            and not (f.trigger.lemma_ in self.lexicon.words["words_of_war"] and self._in_words(sources, targets))
        ):
            # a harm held over someone ("may halt", "will boycott ... unless", "prepared to impose")
            etype, mode = "THREATEN", None
        elif etype == "REQUEST" and not negated and (behalf := _on_behalf_of(f.trigger)):
            # "France lobbied on behalf of Lebanon at the United Nations": pleading a case for
            # someone backs them (CAMEO 053)
            etype, mode, targets = "SUPPORT", None, [a for a in _actors_of(doc, behalf) if a not in sources]
        elif etype == "REQUEST" and not negated and (backed := self._rallied_for(doc, f, sources)):
            # "France urged European countries to back the Algerian government": rallying support
            # on someone's behalf supports them (CAMEO 053)
            etype, mode, targets = "SUPPORT", None, backed
        elif (
            etype == "ACCUSE"
            and f.trigger.lemma_ in self.lexicon.words["words_of_fire"]
            and all(a.sector == "MIL" for a in sources)
        ):
            # "Israeli jets blasted guerrilla hideouts": armed forces hit, they do not criticise
            etype, mode = "ASSAULT", None
        elif (
            etype == "ASSAULT"
            and f.trigger.lemma_ in self.lexicon.words["words_of_war"]
            and self._in_words(sources, targets)
        ):
            # "Trump attacked Clinton's record": politicians and commentators attack in words
            etype, mode = "ACCUSE", None
        elif (
            etype == "ASSAULT"
            and f.trigger.lemma_ in ("beat", "fight", "battle", "capture")
            and (
                self.lexicon.words["competition"] & {t.lower_ for t in sentence_of(f.trigger)}
                or all(map(_is_speaker, sources))
            )
        ):
            return None  # "beating Clinton in the Iowa caucuses", "I'd beat him": a win, not a beating
        elif (
            etype == "ASSAULT"
            and f.trigger.lemma_ in ("fight", "battle")
            and any(p.lower_ == "for" for p in children_of(f.trigger))
            and not any(c.dep_ == "dobj" for c in children_of(f.trigger))
            and not any(a.sector in _ARMED for a in sources)
        ):
            return None  # "his resolve to fight for more fairness": a cause championed, no one fought
        elif (
            etype == "ASSAULT"
            and f.trigger.lemma_ in self.lexicon.words["street_fights"]
            and (all(a.sector in _CIVILIAN for a in sources) or bool(_protesting(f.source_tokens)))
        ):
            # "students fought running battles with riot police": civilians fighting in the street riot
            etype, mode = "PROTEST", "riot"
        elif (
            etype in ("ASSAULT", "COERCE")
            and f.trigger.lemma_ in self.lexicon.words["mob_violence"]
            and all(self._is_crowd(a) for a in sources)
        ):
            # "students stormed the British embassy", "rioters burned buses": a violent protest
            etype, mode = "PROTEST", "riot"
        elif (
            etype in ("ASSAULT", "COERCE", "SANCTION")
            and (
                f.trigger.lemma_ in self.lexicon.words["civil_occupation"]
                or any(
                    c.dep_ == "dobj" and c.lemma_ in self.lexicon.words["obstructions"] for c in children_of(f.trigger)
                )
            )
            and all(a.sector in _CIVILIAN for a in sources)
        ):
            # "Mexican peasants occupied the town hall": civilians who occupy or block protest
            etype, mode = "PROTEST", "obstruct"
        elif etype == "SANCTION" and all(map(_is_state, sources)) and self._at_home(f.trigger, sources, targets):
            # "Egypt barred opposition candidates from running", "suspended the activities of the
            # Islamic party": a state restricting its own opposition, press or faithful coerces (CAMEO 172)
            etype, mode = "COERCE", None
        elif etype == "PROTEST" and f.trigger.lemma_ == "boycott" and sources and all(map(_is_state, sources)):
            # a state boycotting talks refuses to meet (CAMEO 125); boycotting goods or a country
            # sanctions (CAMEO 163); people boycotting protest
            boycotted = [c for c in children_of(f.trigger) if c.dep_ == "dobj"] if not f.nominal else []
            meeting = any(
                noun_type(o, self.lexicon) in ("CONSULT", "AGREE") or o.lemma_ in _OCCASIONS for o in boycotted
            )
            etype, mode = ("REJECT" if meeting else "SANCTION"), None
        elif etype == "PROTEST" and not f.nominal and f.trigger.lemma_ == "protest" and all(map(_is_state, sources)):
            # a government that "protested the decision" complains; it does not take to the streets
            etype, mode = "ACCUSE", None
        elif etype == "ASSAULT" and f.trigger.lemma_ == "storm" and all(a.sector == "COP" for a in sources):
            # "riot police stormed a cathedral to arrest union leaders": police storming coerce
            etype, mode = "COERCE", None
        elif etype == "COERCE" and f.trigger.lemma_ == "raid" and all(a.sector in ("MIL", "REB") for a in sources):
            # "Israeli jets raided guerrilla bases", "militiamen raided a refugee camp": an armed
            # raid attacks (a police raid coerces)
            etype, mode = "ASSAULT", None
        elif (
            etype == "MOBILIZE"
            and f.trigger.lemma_ in ("sail", "steam")
            and not all(a.sector == "MIL" for a in sources)
        ):
            return None  # "U.S. warships sailed into the Gulf" deploy; a ferry or a candidate sailing does not
        elif etype == "RETREAT" and f.trigger.lemma_ in _LEAVING and not all(a.sector == "MIL" for a in sources):
            return None  # "the president left Washington": a journey, not a withdrawal
        elif mode == "visit" and all(a.kind == "group" and a.sector == "MIL" for a in sources):
            # troops do not visit: "French troops arrived in Rwanda to protect refugees" protect
            # (CAMEO 074), troops arriving without a purpose of help are deployed
            etype, mode = ("AID", None) if _to_help(f.trigger) else ("MOBILIZE", "troops")
            # peacekeepers arriving are received by their host (CAMEO 0861): the host yields
            hosted = any("peacekeep" in a.name.lower() for a in sources)
        elif mode == "visit" and (
            any(self.lexicon.object_types.get(("send", s.lemma_.lower())) == "AID" for s in subject_of(f.trigger))
            or _to_help(f.trigger, _HELPING, _NEEDY)
        ):
            # goods do not visit: "Japanese relief supplies arrived in Indonesia" is aid (CAMEO 07), nor
            # does a team that comes "to help victims of the earthquake" (CAMEO 073)
            etype, mode = "AID", None
        elif f.intent and not negated and etype in _COOPERATIVE - {"SUPPORT"}:
            # PLOVER codes a stated intention to cooperate as AGREE (a promise of support is support)
            etype, mode = "AGREE", None
        trig = f.trigger
        t_end = doc[f.trigger_end - 1].idx + len(doc[f.trigger_end - 1])
        clause_head = trig.head if f.nominal else trig
        c_start = doc[clause_head.left_edge.i].idx
        c_end = doc[clause_head.right_edge.i].idx + len(doc[clause_head.right_edge.i])
        date, basis = date_of(doc, c_start, c_end, (s_start, s_end))
        if basis == "published":
            q = _quote_at(doc, trig.idx)
            if q is not None and q.date:  # an event told in a dated statement
                date, basis = q.date, "sentence"
        location = self._location(trig)
        if location is not None and location.country not in (None, "IGO") and etype not in ("AGREE", "CONSULT"):
            # (where an accord is reached or talks are held is a venue: "the Philippine government
            # and Moslem rebels reached a peace agreement in Jakarta")
            for a in sources:
                if a.country is None and a.kind == "group" and a.sector in LOCAL_SECTORS:
                    # "Islamic militants hijacked an airliner at Algiers airport": a group that acts
                    # where it lives is of the place where it acts, as "militants in Algeria" would be
                    a.country = location.country
        if etype == "PROTEST" and not targets:
            # whom a protest demands something of: "demanding the resignation of President Suharto"
            targets = [a for a in _actors_of(doc, _demands_of(trig)) if a not in sources]
        if etype == "PROTEST" and (against := _protested_against(f.source_tokens)):
            # "Palestinians protesting against the Israeli occupation clashed with troops": whom
            # they protest against, not whom they meet in the street
            targets = [a for a in _actors_of(doc, against) if a not in sources] or targets
        uncoded = [a for a in targets if a.country is None]
        if (
            len(uncoded) == len(targets)
            and location is not None
            and (
                etype in PLACE_TARGET_TYPES
                # what is sent goes somewhere: "dispatched inspectors to a plant in central Iran"
                or trig.lemma_ in TRANSFER_LEMMAS
                # a visit abroad: the host country is the one consulted ("arrived in Beijing")
                or (mode == "visit" and location.country not in {None, *(a.country for a in sources)})
            )
        ):
            place = self._place_actor(doc, location)
            # a state coercing at home coerces its own people: "Thailand's military rulers imposed
            # martial law in Bangkok" (the place names them, so it is no guess)
            # people the place holds, uncoded ("tortured detainees in Dili"), are acted on there too
            at = [place] if place is not None and (place not in sources or etype in _AT_HOME_TYPES) else []
            targets = [*uncoded, *at] if etype in PLACE_TARGET_TYPES else at or uncoded
        homes = {a.country for a in sources if a.kind == "country" or a.sector in ("GOV", "COP", "JUD")}
        executed = etype == "ASSAULT" and trig.lemma_ in ("execute", "execution")  # a state's own convicts
        if (etype in ("COERCE", "CONCEDE") or executed) and location is None and len(homes) == 1 and None not in homes:
            for a in targets:
                if (
                    a.country is None
                    and a.kind in ("group", "organization")
                    and a.sector in (None, "PTY", *LOCAL_SECTORS)
                ):
                    # "Poland's communist authorities legalised the Solidarity trade union": a state's
                    # police, courts and government, where no place is named, act on their own people
                    a.country = next(iter(homes))
        sender = trig.head if trig.dep_ in ("advcl", "xcomp") and trig.head.lemma_ in _SENDING else None
        if sender is not None:
            # "sent 2,000 troops to Albania to protect food deliveries": who is sent does not
            # receive the act
            sent = _actors_of(doc, [c for c in children_of(sender) if c.dep_ == "dobj"])
            targets = [a for a in targets if a not in sent]
        if not targets and sender is not None:
            # "sent inspectors to Bosnia to investigate": what is investigated is where they go
            targets = [a for a in _actors_of(doc, destinations(sender)) if a not in sources]
            # "dispatched inspectors to the Esfahan facilities in central Iran": the place they go to
            where = self._location(sender) or next(filter(None, map(self._located, destinations(sender))), None)
            place = self._place_actor(doc, where) if not targets and where is not None else None
            if place is not None and place not in sources:
                targets = [place]
        helped = [c for c in children_of(trig) if c.dep_ in ("advcl", "xcomp") and c.lemma_ in _PROTECTING]
        if etype == "AID" and not targets and helped:
            # "dispatched rescue teams to help earthquake victims in Turkey": who is helped, or where
            targets = [a for a in _actors_of(doc, [o for h in helped for o in children_of(h) if o.dep_ == "dobj"])]
            where = next(filter(None, map(self._location, helped)), None)
            place = self._place_actor(doc, where) if not targets and where is not None else None
            targets = [a for a in targets if a not in sources] or ([place] if place and place not in sources else [])
        if etype in ("ACCUSE", "REQUEST", "REJECT", "SANCTION", "PROTEST") or (
            etype == "THREATEN" and any(t.lemma_ in _VENGEANCE for t in f.target_tokens)
        ):
            # "investigated the killing of civilians by Indonesian troops": who did the deed is the
            # target, not its victims (and whom revenge is vowed on: "vowed revenge for the killing
            # of its leader by Israel")
            deeds = list(f.target_tokens)
            if etype == "THREATEN":
                deeds += [o for t in f.target_tokens for o in _pobjs(t, "for")]
            doers = [a for a in _actors_of(doc, self._agents_of_deeds(f.trigger, deeds)) if a not in sources]
            targets = doers or targets
        if not any(a.country for a in targets):
            # an unnamed target where it is: "donated rice to earthquake victims in Nepal",
            # "demolished homes in east Jerusalem": the country of the place it is in
            # (also aid promised, which PLOVER codes as agreeing: "will provide food aid to refugees
            # fleeing the civil war in Liberia")
            deep = (
                (self._located_within(t) for t in f.target_tokens) if {"AID", *_AT_HOME_TYPES} & {etype, f.type} else ()
            )
            # (a state coercing where its own people are: "detained members of the Falun Gong sect in Beijing")
            # (not where a meeting is: "boycotted the peace conference in Geneva")
            # (nor where an accord was signed: "signed a peace deal in Algiers")
            placed = [
                t
                for t in f.target_tokens
                if t.lemma_ not in _OCCASIONS
                and not (f.type in ("AGREE", "CONSULT") and noun_type(t, self.lexicon) in ("AGREE", "CONSULT"))
            ]
            for where in filter(None, (*(self._located(t) for t in placed), *deep)):
                actor = self._place_actor(doc, where)
                if actor is not None and (actor not in sources or etype in _AT_HOME_TYPES):
                    targets = [*targets, actor]  # "inspectors to the Esfahan facilities in central Iran"
                    break
        if (
            etype == "RETREAT"
            and location is not None
            and location.country in {a.country for a in sources}
            and all(a.country == location.country and a.kind == "country" for a in targets)
        ):
            # "Ugandan rebels surrendered in Soroti", "Hizbollah declared a ceasefire in south
            # Lebanon", "guerrillas laid down their arms in northern Colombia": yielding at home
            # yields to no one the place names
            targets = []
        if etype in ("MOBILIZE", "RETREAT"):
            # "Iraq has mobilized its Republican Guard divisions", "Syria evacuated its troops": one's
            # own forces are what is moved, not whom against
            targets = _not_own_forces(targets, sources)
        home = {a.country for a in sources} - {None, "IGO"}
        if etype == "PROTEST" and len(home) == 1:
            # "Israelis demonstrated against the government's decision": their own government
            for a in targets:
                if a.country is None and a.sector == "GOV" and a.name.lower() in _UNNAMED_STATE:
                    a.country = next(iter(home))
        if hosted and targets:
            # "Bangladeshi peacekeepers arrived in Sierra Leone": Sierra Leone lets them in
            etype, mode, sources, targets = "RETREAT", None, targets, sources
        if etype == "ASSAULT" and not targets and (attack := _resulting_from(trig)) is not None:
            # "launched rocket fire against guerrilla camps, killing or wounding 50": the toll of an
            # attack the clause tells is on whom it was aimed
            aimed = [c for c in children_of(attack) if c.dep_ == "dobj"]
            aimed += [o for p in _verb_preps_of(attack) if p.lower_ in ("against", "on") for o in children_of(p)]
            targets = [a for a in _actors_of(doc, aimed) if a not in sources]
        if etype == "THREATEN" and not targets:
            # "threatened to retaliate if Hizbollah guerrillas continued their attacks": whoever
            # must comply is the one threatened
            targets = [a for a in _actors_of(doc, _condition_subjects(f.trigger)) if a not in sources]
            # (what is threatened, as a plan or as a statement: "warned that it would impose a curfew in Assiut")
            acts = [c for c in children_of(f.trigger) if c.dep_ in ("xcomp", "ccomp")]
            where = next(filter(None, (self._location(a) for a in acts)), None)
            place = self._place_actor(doc, where) if not targets and where is not None else None
            if place is not None and place not in sources:
                targets = [place]  # "threatened to resume suicide bombings in Israel"
        if etype in ("COERCE", "THREATEN", "CONCEDE") and not targets and location is None and _emergency_rule(trig):
            # "Iraq's interim government said it was ready to impose martial law", "lifted the state
            # of siege": a state's emergency rule, where no place is named, is over its own land and people
            targets = [a for a in sources if a.kind == "country" or (a.country and a.sector in ("GOV", "MIL"))]
        inquiry = [c for c in children_of(trig) if c.dep_ == "xcomp" and c.lemma_ in _INVESTIGATING]
        if etype == "REQUEST" and (inquiry or _asked_for(trig) & _INQUIRIES):
            # "called for an investigation into the killing", "demanded an explanation from
            # Norway": asking that someone answer for a deed accuses them (CAMEO 09/114)
            etype, mode = "ACCUSE", None
            if inquiry:
                # "urged the U.N. to investigate reports of massacres by Rwandan soldiers": the
                # accused are who did the deed, not whom the request is addressed to
                deeds = [o for c in inquiry for o in children_of(c) if o.dep_ == "dobj"]
                deeds += [
                    x for o in deeds for p in children_of(o) if p.lower_ in ("of", "into") for x in children_of(p)
                ]
                # "asked the Justice Department to investigate Clinton": who is investigated is accused
                accused = [*self._agents_of_deeds(inquiry[0], deeds), *(d for d in deeds if d.head in inquiry)]
                targets = [a for a in _actors_of(doc, accused) if a not in sources]
        elif etype == "REQUEST" and trig.lemma_ == "appeal" and (against := _against(trig)):
            # "appealed to the European Court of Human Rights against Turkey": a complaint (CAMEO 115)
            etype, mode = "ACCUSE", None
            targets = [a for a in _actors_of(doc, against) if a not in sources] or targets
        if (
            etype == "ASSAULT"
            and targets
            and all(a.sector in ("COP", "MIL", "GOV") for a in sources)
            and all(self._is_crowd(a) for a in targets)
        ):
            # "police opened fire on demonstrators", "soldiers shot dead ten protesters": a state
            # putting down a crowd is violent repression (CAMEO 175), not an attack
            etype, mode = "COERCE", "repression"
        if etype == "PROTEST" and trig.lemma_ == "rampage" and all(a.sector in ("MIL", "REB") for a in sources):
            etype, mode = "ASSAULT", None  # "soldiers rampaged through the village": armed men riot on no one's behalf
        hosted_talks = (
            etype == "CONSULT"
            and trig.dep_ == "dobj"
            and trig.head.lemma_ in self.lexicon.words["hosting_verbs"]
            and any(c.lower_ == "between" for c in children_of(trig))
        )
        if etype in ("CONSULT", "AGREE") and not targets and trig.lemma_ in ("mediate", "broker", "shuttle"):
            # "Norway mediated secret talks between Israel and the PLO": the parties are whom it consults
            # (or between whom it mediated: "mediated between Syria and Arafat")
            between = [
                o for d in (trig, *(c for c in children_of(trig) if c.dep_ == "dobj")) for o in _pobjs(d, "between")
            ]
            targets = [a for a in _actors_of(doc, [x for o in between for x in (o, *o.conjuncts)]) if a not in sources]
            hosted_talks = bool(targets)
        if hosted_talks:
            mode = "third-party"  # "Egypt hosted talks between rival Palestinian factions": the host mediates
        talks = mode == "phone" or trig.lemma_.lower() in _TALKS
        if etype == "THREATEN" and not targets and any(c.lemma_ == "deadline" for c in children_of(trig)):
            return None  # "set an April 15 deadline for parties to litigate": a schedule, threatening no one
        if (
            etype == "PROTEST"
            and trig.lemma_ == "rally"
            and f.nominal
            and sources
            and all(a.kind == "person" for a in sources)
            and not any(c.lower_ == "against" or c.lower_.startswith("anti") for c in children_of(trig))
        ):
            return None  # "Sanders held a rally Saturday": one person's rally is a campaign's
        if (
            etype == "SANCTION"
            and not targets
            and (
                trig.lemma_ in ("ban", "bar")
                # (talks or mediation halted have their other side implied: "pulled out of the peace talks")
                or not any(t.lemma_ in _STATE_NOUNS or t.lemma_ in _PARLEYS for t in trig.subtree)
            )
        ):
            # a sanction is against someone: "an assault weapons ban", "cut mosquito-control programs",
            # "will stop any trade deal" sanction no one ("froze loans to the country" does, unnamed)
            return None
        if (
            trig.lemma_ in _HELP_OR_PROMISE
            and not f.nominal
            # "pledged $50 million in aid": what is promised types the event
            and not any(
                (trig.lemma_, o.lemma_.lower()) in self.lexicon.object_types
                for o in children_of(trig)
                if o.dep_ == "dobj"
            )
            and (
                trig.dep_ == "amod" or not (_abroad(sources, targets) or len({a.country for a in sources} - {None}) > 1)
            )
        ):
            # a promise or help between states ("Russia pledged to respect Ukraine's borders",
            # "helped Russia dismantle its warheads", "France and Germany promised to create a joint
            # brigade"); a candidate's pledge to voters at home
            # ("promised to raise the minimum wage") or "pledged delegates" is no event
            return None
        if (
            etype == "SUPPORT"
            and trig.lemma_ == "back"
            and any(c.dep_ == "agent" for c in children_of(trig))
            and all(a.sector == "MIL" and a.country is None for a in sources)
        ):
            return None  # "Turkish troops, backed by warplanes, pushed into Iraq": arms that back troops
        if trig.lemma_ == "retaliate" and not all(a.kind == "country" or a.sector in _ARMED for a in sources):
            return None  # "Israel said it would retaliate"; a person or a committee that retaliates fights no war
        if trig.lemma_ == "welcome" and etype == "CONSULT" and any(c.lower_ == "as" for c in children_of(trig)):
            return None  # "welcomed Smith as its new chairman": a role, not a visit
        if etype == "ACCUSE" and not targets and trig.lemma_ in ("express", "voice", "register", "convey"):
            return None  # "expressed concern about the economy": a worry about no one
        if etype == "REQUEST" and trig.lower_ in ("must", "should") and not targets:
            return None  # "this epidemic must stop", "the countries should be working together": no one asked
        if (
            etype == "CONSULT"
            and mode == "visit"
            and targets
            and all(a.kind == "country" and a.country in {s.country for s in sources} for a in targets)
        ):
            return None  # "Cruz must travel to northern Iowa": a journey at home visits no other state
        if (
            etype == "CONSULT"
            and trig.lemma_ == "travel"
            and ((mode == "visit" and not targets) or any(p.lower_ == "with" for p in children_of(trig)))
        ):
            # "traveled from Illinois": a journey meets no one; "the reporters who have been
            # traveling with her": company on a journey
            return None
        if etype == "CONSULT" and mode == "visit" and not targets and not f.nominal and _visits_a_thing(trig):
            return None  # "toured the museum": a visit to a building or a sight consults no one
        parties = {a.country for a in sources} - {None}
        if etype in ("AGREE", "REJECT", "CONSULT", "COOPERATE") and len(sources) > 1 and len(parties) > 1:
            # "Palestinians and Israelis failed to reach agreement on the fate of Palestinian
            # offices": between two sides, a target of either side's country is one of them
            targets = [a for a in targets if a.country not in parties]
        symmetric = etype == "CONSULT" and talks and bool(targets) and not hosted_talks
        if symmetric:
            # a call or talks have two sides and no target: PLOVER codes both as sources
            sources, targets = [*sources, *(a for a in targets if a not in sources)], []
        conf = 0.75 if targets or symmetric else 0.62
        if not targets and not symmetric and not any(a.country or a.sector for a in sources):
            # no one acted on, by an actor neither a country nor a sector codes ("People are going
            # to talk about that", "she got an offer", "Weaver rejected the notion"): few such
            # events in news at large are events PLOVER codes; below the default reporting
            # threshold (event_min_confidence). "Rebels seized the capital" stays.
            conf = 0.45
        if f.nominal:
            conf -= 0.05
        if f.modality == "hypothetical":
            conf -= 0.1
        return Event(
            id=f"e{n}",
            type=etype,
            trigger=Span.of(
                doc_text(doc), first.idx if f.nominal and (first := hyphen_head(trig)) else trig.idx, t_end
            ),
            sentence=Offsets(s_start, s_end),
            source=[a.id for a in sources],
            target=[a.id for a in targets],
            mode=mode,
            date=date,
            date_basis=basis,
            location=location,
            negated=negated,
            modality=f.modality,
            confidence=conf,
        )

    def _agents_of_deeds(self, trig: Token, toks: list[Token]) -> list[Token]:
        """The "by" agents of the event nouns among ``toks`` ("the killing of civilians by
        Indonesian troops", the parser hanging "by" on the noun, on its "of" object, or on the
        active verb whose object the noun is)."""
        out: list[Token] = []
        holders = [trig, *(c for c in children_of(trig) if c.dep_ == "dobj")]  # "lodged a complaint over …"
        deeds = [
            *toks,
            *(
                o
                for h in holders
                for p in children_of(h)
                if p.dep_ == "prep"
                for o in children_of(p)
                if o.dep_ == "pobj"
            ),
        ]
        for t in deeds:
            if noun_type(t, self.lexicon) is None:
                continue
            heads = [t, *(o for p in children_of(t) if p.lower_ == "of" for o in children_of(p) if o.dep_ == "pobj")]
            if t.head.i == trig.i and t.dep_ == "dobj" and not any(c.dep_ == "auxpass" for c in children_of(trig)):
                heads.append(trig)
            out += [
                o for h in heads for p in children_of(h) if p.lower_ == "by" for o in children_of(p) if o.dep_ == "pobj"
            ]
            # "over Israeli air raids", "Israel's raids": the deed's own nationality or owner
            out += [
                c for c in children_of(t) if c.dep_ == "poss" or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))
            ]
        return out

    def _in_words(self, sources: list[Actor], targets: list[Actor]) -> bool:
        """Is an attack by ``sources`` on ``targets`` one of words: by politicians and commentators,
        or by the unarmed on a politician or a party ("groups spent $6 million attacking Clinton",
        "Democrats attacked Republicans")?"""
        if all(map(_is_speaker, sources)):
            return True
        if any(a.sector in _ARMED for a in [*sources, *targets]):
            return False
        if not targets:
            # "Hillary Clinton and her Democratic allies launched a new round of attacks": a
            # politician's side, with no one armed among it, attacks in words
            return any(map(_is_speaker, sources))
        return all(_is_speaker(a) or a.sector in _POLITICAL for a in targets) and all(
            a.sector in _POLITICAL or a.kind != "country" for a in sources
        )

    def _warns_of_harm(self, verb: Token) -> bool:
        """Is what ``verb`` ("warned", "vowed") holds out a harm, or someone warned against
        something ("warned China against provocative actions", "warned him not to")? A warning
        that states a fear or a fact ("warned that the museum would not be a panacea") threatens no one."""
        if any(p.lower_ in ("against", "of") for p in children_of(verb) if p.dep_ == "prep"):
            return True
        if any(
            noun_type(o, self.lexicon) in _HARMFUL | {"ASSAULT"} or o.lemma_ in _VENGEANCE
            for o in children_of(verb)
            if o.dep_ == "dobj"
        ):
            return True  # "vowed a fresh offensive against Iraq", "vowed revenge"
        named = ("GPE", "ORG", "NORP", "PERSON")
        warned = [o for o in children_of(verb) if o.dep_ == "dobj"]
        if any(o.ent_type_ in named or any(m.ent_type_ in named for m in o.lefts) for o in warned):
            return True  # "warned Iran", "warned the Chinese leader": a warning addressed to an actor
        clauses = [c for c in children_of(verb) if c.dep_ in ("xcomp", "ccomp", "advcl")]
        if any(penalised(c) for c in clauses):
            return True  # "warned that Seoul would pay dearly"
        if verb.lemma_ == "warn" and any(n.dep_ == "neg" for c in clauses if c.dep_ == "xcomp" for n in children_of(c)):
            return True  # "warned Iran not to…" ("vowed not to repeat that mistake" is no threat)
        for clause in clauses:
            # the speaker's own act on someone, held over a condition ("it could fall apart" acts on no one)
            own = any(c.dep_ == "nsubj" and c.lower_ in _SPEAKER_PRONOUNS for c in children_of(clause))
            acts = any(c.dep_ == "dobj" for c in children_of(clause))
            if own and acts and (_unless(clause) or any(_if_clause(c) for c in children_of(clause))):
                return True  # "warned that it would turn Seoul into a sea of fire if war broke out"
            if own and acts and verb_type(clause, self.lexicon)[0] == "REJECT":
                return True  # "warned it would veto any resolution": a refusal held over others
        harmful = _HARMFUL | {"ASSAULT", "THREATEN", "PROTEST"}
        for clause in clauses:
            for t in clause.subtree:
                lemma = t.lemma_.lower()
                # typed as a whole: "pull out of the treaty" (a phrasal verb), "lift the siege" (by its object)
                if t.pos_ == "VERB" and (
                    verb_type(t, self.lexicon)[0] in harmful or lemma in self.lexicon.words["harm_verbs"]
                ):
                    return True
                if t.pos_ == "NOUN" and (noun_type(t, self.lexicon) in harmful or lemma in _HARMS | PENALTIES):
                    return True
        return False

    def _harm_held(self, verb: Token) -> bool:
        """Is what ``verb`` rules out a harm ("military intervention", "the use of force")?"""
        objs = [o for o in children_of(verb) if o.dep_ in ("dobj", "nsubjpass")]
        objs += [o for p in children_of(verb) if p.dep_ in ("prt", "prep") for o in children_of(p) if o.dep_ == "pobj"]
        objs += [
            o for n in objs for p in children_of(n) if p.lower_ == "of" for o in children_of(p)
        ]  # "the use of force"
        return any(noun_type(o, self.lexicon) in _HARMFUL | {"ASSAULT", "THREATEN"} or o.lemma_ in _HARMS for o in objs)

    def _home_state(
        self, doc: Doc, etype: str, sources: list[Actor], location: Location | None, s_start: int, s_end: int
    ) -> Actor | None:
        """The state a protest or a concession with no other party named is addressed to: the
        protesters' own ("Tens of thousands of South Korean workers went on strike"), the conceding
        state's own people ("The Pakistani government lifted the ban on political rallies"), as
        PLOVER codes them. Only where the sentence names that country (its name or its people's),
        which is the target's evidence; never when the act happens abroad or its actors are of
        several states."""
        home = {a.country for a in sources}
        if len(home) != 1 or None in home or "IGO" in home:
            return None
        code = next(iter(home))
        if location is not None and location.country not in (None, code):
            return None
        if etype == "CONCEDE" and not all(map(_is_state, sources)):
            return None  # rebels who give in yield to someone the sentence must name
        if etype == "PROTEST" and any(map(_is_state, sources)):
            return None  # a government that protests protests to someone
        span = doc.char_span(s_start, s_end, alignment_mode="expand")
        named = next((t for t in span or () if t.is_title and self.places.code_of_word(t.text) == code), None)
        if named is None:
            return None
        start, end = named.idx, named.idx + len(named.text)
        taken = mention_at(doc, start, end)
        if taken is not None and taken[0].kind != "country" and (taken[1].start, taken[1].end) == (start, end):
            # the word is the source's own name ("Thousands of Egyptians"): the state is the
            # country actor the article names elsewhere, if it does; no second actor on the same words
            return next((a for a in doc._.actors or [] if a.kind == "country" and a.country == code), None)
        return self._place_actor(doc, Location(named.text, code, start, end))

    def _place_actor(self, doc: Doc, place: Location) -> Actor | None:
        """The country actor a located event acts on, with the place name as its mention (a new
        actor when the article names the country nowhere else)."""
        code = place.country
        if not code or code == "IGO" or place.start is None or place.end is None:
            return None
        mention = Mention(place.start, place.end, place.text, "name")
        actors: list[Actor] = doc._.actors
        actor = next((a for a in actors if a.kind == "country" and a.country == code), None)
        if actor is None:
            actor = Actor(f"a{len(actors) + 1}", self.places.country_names.get(code, place.text), "country")
            actor.country = code
            actors.append(actor)
        if all((m.start, m.end) != (place.start, place.end) for m in actor.mentions):
            actor.mentions.append(mention)
            actor.mentions.sort(key=lambda m: m.start)
        return actor

    def _names_a_city(self, tok: Token) -> bool:
        """Is ``tok`` a place name modifying a noun that is no country's name ("San Bernardino")?"""
        if tok.dep_ != "compound" or tok.ent_type_ not in ("GPE", "LOC", "FAC", "ORG"):
            return False
        ent = entity_at(tok)
        key = (ent.text if ent is not None else tok.text).lower().removeprefix("the ")
        if tok.ent_type_ == "ORG":
            # "the Benghazi attack" (a city the model read as a body), "the Mother Emanuel Church shooting"
            return self.places.cities.get(key) is not None or (ent is not None and ent[-1].lemma_.lower() in _BUILDINGS)
        return key not in self.places.countries and key not in self.places.demonyms

    def _location(self, trig: Token) -> Location | None:
        # the trigger's own phrases, its head's, then its object's ("suspended aid deliveries in Baghdad")
        objects = [c for c in children_of(trig) if c.dep_ == "dobj"]
        if trig.lemma_ == "set" and any(o.lemma_ == "fire" for o in objects):
            objects += _pobjs(trig, "to")  # "set fire to the Danish embassy in Damascus": where it burned
        gone_on = [trig.head.head] if _gone_on(trig) else []  # "went on strike in Lagos"
        return self._place_in_phrases((trig, trig.head, *objects, *gone_on)) or self._location_in_clause(trig)

    def _place_in_phrases(self, heads: Iterable[Token]) -> Location | None:
        """The first place named in a locative phrase ("in", "at", "near" …) of one of ``heads``."""
        for t in heads:
            for p in children_of(t):
                if p.dep_ == "prep" and (p.lower_ in _LOCATIVE or p.lower_ == "to" and _to_the_streets(p)):
                    for pobj in children_of(p):
                        o = _place_in(pobj) if pobj.dep_ == "pobj" else None
                        if o is not None:
                            return self._place_at(o)
        return None

    def _location_in_clause(self, trig: Token) -> Location | None:
        """Where the event's own clause says it happened, when the trigger's phrases do not: on
        the way up from a nominal trigger to its verb ("were engaged in ethnic cleansing in
        Montenegro"), down its chain of verbs and objects ("agreed to set up a centre in Tokyo"),
        or where its subject acts ("guerrillas operating in Macedonia have been demobilized").
        Places inside other phrases tell where something else is ("over the crisis in Flint")."""
        chain = [trig]
        while chain[-1].dep_ in ("pobj", "prep", "dobj", "xcomp", "attr") and chain[-1].head.i != chain[-1].i:
            chain.append(chain[-1].head)
        if trig.dep_ == "acl" and trig.head.dep_ in ("nsubj", "nsubjpass") and len(chain) == 1:
            # "bombs planted by Afghan guerrillas exploded in Kabul": what the participle tells of is
            # the subject of the clause that places it
            chain += [trig.head, trig.head.head]
        clause = chain[-1]
        down = [clause]
        for t in down:
            if len(down) > 6:
                break
            down += [c for c in children_of(t) if c.dep_ in ("xcomp", "dobj") and c not in chain]
        subjects = [c for c in children_of(clause) if c.dep_ in ("nsubj", "nsubjpass")]
        acting = [a for s in subjects for a in children_of(s) if a.dep_ == "acl"]
        return self._place_in_phrases((*chain[2:], *down[1:], *subjects, *acting))

    def _place_at(self, place: Token) -> Location:
        """The location named by the place phrase headed by ``place``, with its country."""
        s = place.left_edge.idx
        e = s
        # the name and its name-like parts ("Hartford, Conn."), not a clause after them
        for t in (place, *(c for c in place.rights if c.dep_ in ("compound", "flat", "appos", "nummod"))):
            ent = entity_at(t)
            e = max(e, t.idx + len(t), ent.end_char if ent is not None and ent.label_ in ("GPE", "LOC", "FAC") else 0)
        text = doc_text(place.doc)[s:e]
        return Location(text, self._place_code(text, place), s, e)

    def _located(self, tok: Token) -> Location | None:
        """Where an argument that is no actor is: "victims in Nepal", "homes in east Jerusalem";
        or the place the argument names ("lashed out at Britain", read as a place by the actor stage)."""
        if tok.ent_type_ == "GPE":
            ent = entity_at(tok)
            if ent is not None:
                return Location(ent.text, self._place_code(ent.text, tok), ent.start_char, ent.end_char)
        places = (
            _place_in(o)
            for p in children_of(tok)
            if p.dep_ == "prep" and p.lower_ in ("in", "near", "at")
            for o in children_of(p)
            if o.dep_ == "pobj"
        )
        o = next(filter(None, places), None)
        return self._place_at(o) if o is not None else None

    def _located_within(self, tok: Token) -> Location | None:
        """The first place named inside an aid target's phrase: "victims of the earthquake in
        northwestern Turkey", "refugees fleeing the fighting in Rwanda"."""
        for t in tok.subtree:
            if t.i != tok.i and t.dep_ == "pobj" and (o := _place_in(t, depth=0)) is not None:
                where = self._place_at(o)
                if where.country:
                    return where
        return None

    def _rallied_for(self, doc: Doc, f: Found, sources: list[Actor]) -> list[Actor]:
        """Whom a request asks others to back: the object of its "to back"/"to support" clause."""
        backing = [
            c
            for c in children_of(f.trigger)
            if c.dep_ in ("xcomp", "ccomp") and c.lemma_ in self.lexicon.words["backing_verbs"]
        ]
        objects = [o for c in backing for o in children_of(c) if o.dep_ == "dobj"]
        # "to rally behind the Palestinian leadership", "to stand by Kuwait"
        objects += [
            o
            for c in backing
            for p in children_of(c)
            if p.lower_ in ("behind", "around", "round", "by")
            for o in children_of(p)
            if o.dep_ == "pobj"
        ]
        return [a for a in _actors_of(doc, objects) if a not in sources]

    def _at_home(self, trigger: Token, sources: list[Actor], targets: list[Actor]) -> bool:
        """Does a restriction fall on the source's own society: its opposition, parties, press,
        unions or faithful (named as actors, or as the object the trigger governs)?"""
        home = {a.country for a in sources if a.country and a.country != "IGO"}
        if targets:
            return bool(home) and all(
                a.sector in _DOMESTIC and a.country in (home | {None}) and a.kind != "country" for a in targets
            )
        objects = [
            w
            for o in children_of(trigger)
            if o.dep_ == "dobj"
            for w in (o, *(p for c in children_of(o) if c.lower_ == "of" for p in children_of(c)))
        ]
        roles = self.places.role_sectors
        return any(roles.get(w.lemma_.lower()) in _DOMESTIC or roles.get(w.lower_) in _DOMESTIC for w in objects)

    def _is_crowd(self, actor: Actor) -> bool:
        """Is ``actor`` a crowd ("rioters", "students in Seoul": the noun before the place)?"""
        return actor.name.split(" in ")[0].split()[-1].lower() in self.lexicon.words["crowds"]

    def _place_code(self, text: str, head: Token) -> str | None:
        """The country of a place phrase: the whole ("the Gaza Strip"), the named entity at its
        head ("northern Israel"), else its parts from the last ("El Paso, Texas")."""
        ent = e.text if (e := entity_at(head)) is not None else head.text
        named = frozenset(a.country for a in head.doc._.actors or [] if a.country)
        us = head.doc.user_data.get(US_STATES_KEY) and not named_abroad(sentence_of(head), self.places)
        places = self.us_places if us else self.places
        seceded: dict[str, str] = head.doc.user_data.get(SECEDED_KEY) or {}
        for name in (text.removeprefix("the "), ent, *reversed(text.split(","))):
            code = places.place_code(name.strip(), named)
            if code:
                return seceded.get(code, code)
        return None


def _protesting(subjects: list[Token]) -> list[Token]:
    """The participles that say the ``subjects`` are protesting ("Palestinians protesting against
    the occupation")."""
    return [c for t in subjects for c in children_of(t) if c.dep_ == "acl" and c.lemma_ in _PROTEST_VERBS]


def _protested_against(subjects: list[Token]) -> list[Token]:
    """Whom the ``subjects`` are said to protest against ("protesting against the Israeli occupation")."""
    return [o for v in _protesting(subjects) for p in children_of(v) if p.lower_ == "against" for o in children_of(p)]


_PROTEST_VERBS = frozenset({"protest", "demonstrate", "march", "rally", "demand", "chant"})


def _emergency_rule(verb: Token) -> bool:
    """Is ``verb`` done to emergency rule: "impose martial law", "declared a state of emergency",
    "imposed a curfew", "lifted the state of siege"?"""
    for o in children_of(verb):
        if o.dep_ != "dobj":
            continue
        if o.lemma_ in ("curfew", "emergency"):
            return True
        if o.lemma_ == "law" and any(a.lower_ == "martial" for a in children_of(o)):
            return True
        if o.lemma_ == "state" and any(p.lower_ in ("emergency", "siege") for p in o.subtree):
            return True
    return False


def _to_the_streets(to: Token) -> bool:
    """Is ``to`` a way into a public place ("took to the streets in Serbia", "marched to the main
    square in Tirana"), so that where that place is, is where the event is?"""
    return any(o.dep_ == "pobj" and o.lemma_ in ("street", "square") for o in children_of(to))


def _country_misread(tok: Token) -> bool:
    """Is ``tok`` in a country's name the model read as an organisation ("arrived in Sierra Leone")?"""
    if tok.ent_type_ != "ORG":
        return False
    ent = entity_at(tok)
    return ent is not None and ent.text.lower() in actor_lexicon().countries


def _place_in(tok: Token, depth: int = 2) -> Token | None:
    """The named place ``tok`` is or holds: "in Baghdad", "at this jail in northern Israel",
    "in the West Bank city of Hebron", "in the capital Kabul"."""
    if tok.ent_type_ in ("GPE", "LOC", "FAC") or _country_misread(tok):
        return tok
    if depth == 0:
        return None
    for c in children_of(tok):
        if c.dep_ == "poss" and c.ent_type_ in ("GPE", "LOC"):
            return c  # "Moldova's Transdniester region"
        if c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC") and tok.lemma_ in SITES:
            return c  # "at Algiers airport"
        if c.dep_ == "appos" and c.ent_type_ in ("GPE", "LOC", "FAC"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "near", "at"):
            for o in children_of(c):
                if o.dep_ == "pobj" and (found := _place_in(o, depth - 1)) is not None:
                    return found
    return None


@Language.factory("newsgraph_events", assigns=["doc._.events"])
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
