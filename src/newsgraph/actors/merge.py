"""Merge mentions into actors within one article, and link pronouns and descriptions.

Persons merge by surname unless their first names differ ("Yoav Gallant",
"Gallant", "Israeli DM Gallant" are one; "Donald Trump" and "Melania Trump"
are two; a bare "Trump" goes to the most recent of them). Organisations merge
by normalised name and defined acronyms; countries by code (a capital used for
its government joins its country). Pronouns ("he", "his") link to the person
who is the most recent subject in the same or the previous sentence, and
descriptions ("the minister") to the most recent actor whose role names them;
when that is not clear they stay unlinked.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token

from ..nlp import children_of, doc_text, sentence_of, tokens_starting_at, tokens_with
from ..record import Actor, Mention
from .cameo import country_and_sector
from .candidate import LOCAL_SECTORS, STATE_BODIES, Candidate
from .dictionary import DictionaryCode
from .lexicon import ActorLexicon
from .where import country_in, only_country, place_codes, place_of

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
# offices a description names, whether it refers back to someone or stands for an unnamed actor
_OFFICES = {
    "minister",
    "president",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "secretary",
    "senator",
    "governor",
    "premier",
    "chancellor",
    "general",
    "ambassador",
    "envoy",
    "mayor",
    "leader",
    "official",
    "judge",
}
# bodies likewise
# descriptions of international bodies
_INTERNATIONAL = ("international ", "war crimes ", "u.n. ", "un ")
_BODIES = {"government", "administration", "ministry", "army", "military", "police", "court", "council", "committee"}
_DESCRIPTIONS = {
    *_OFFICES,
    *_BODIES,
    "department",
    "candidate",
    "prime minister",
    "nominee",
    "congressman",
    "congresswoman",
    "agency",
    "office",
    "campaign",
    "company",
    "group",
    "organization",
}
# descriptions that name an actor of their own when they refer back to none ("The court
# sentenced…", "The opposition leader called on…", "A suicide bomber killed…"): people…
_HEADS_OF_STATE = {"president", "king", "emir", "premier", "parliament", "legislature", "senate", "court"}
_UNNAMED_PEOPLE = {*_OFFICES, "prosecutor", "commander", "bomber", "gunman", "pope"}
# people known by what they do, an actor when their words give a sector ("a leading opposition
# politician", "a prominent dissident", "an American journalist")
_UNNAMED_PEOPLE |= {"politician", "dissident", "activist", "journalist", "editor", "reporter", "correspondent"}
# … and bodies (each needs a sector in the role lexicon to stand as an actor)
_UNNAMED_BODIES = {
    *_BODIES,
    "parliament",
    "cabinet",
    "junta",
    "regime",
    "opposition",
    "party",
    "senate",
    "congress",
    "assembly",
    "navy",
    "tribunal",
    "militia",
    "newspaper",
}
# what an unnamed actor can ask or decide, named as its owner: "the opposition's demand"
_ASKS = {"demand", "request", "call", "condition", "proposal", "offer"}
_AGAINST = {"against", "over", "to"}  # what is protested, rejected or objected to
# what a state decides, which others protest or reject: "against the government's ban"
_DEEDS = {"ban", "decision", "policy", "plan", "crackdown", "occupation", "refusal", "order", "rule", "measure"}
# an unnamed actor is an argument of its clause, not a modifier or a topic
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "conj", "appos"}
_ARGUMENT_PREPS = {"by", "with", "against", "to", "from", "on"}
# the words that can refer back to an actor (pronouns, "the minister")
_REFERRING = frozenset(
    {*_PRONOUNS, "they", "it", "its", "their", "them", *_DESCRIPTIONS, *_UNNAMED_PEOPLE, *_UNNAMED_BODIES}
)


@dataclass(slots=True)
class _Cluster:
    kind: str
    first: str | None = None
    surname: str | None = None
    suffix: str | None = None
    key: str | None = None
    names: list[Candidate] = field(default_factory=list)
    extra: list[Mention] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(c.start for c in self.names)


_NO_CLUSTER = _Cluster("")


def _person_key(tokens: list[str]) -> tuple[str | None, str | None, str | None]:
    toks = [t for t in tokens if t not in ("'s", "’s")]
    suffix = None
    if len(toks) > 1 and toks[-1].lower().rstrip(",") in _SUFFIXES:
        suffix = toks[-1].lower().rstrip(".")
        toks = toks[:-1]
    toks = [t.rstrip(",") for t in toks if t.rstrip(",")]
    if not toks:
        return None, None, suffix
    if len(toks) == 1:
        return None, toks[0].lower(), suffix
    return toks[0].lower(), toks[-1].lower(), suffix


def _org_key(text: str, suffixes: frozenset[str] = frozenset()) -> str:
    """A body's name to merge by: lower case, no dots, no "the", no trailing words of ``suffixes``
    ("SoftBank Group Corp." is "softbank")."""
    words = text.lower().replace("’", "'").replace(".", "").replace(",", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words)


def _respelt(a: str, b: str) -> bool:
    """Are the surnames ``a`` and ``b`` one name spelt two ways ("Zelensky", "Zelenskyy";
    "Gaddafi", "Qaddafi"): both of six letters or more, one letter added, dropped or changed?"""
    if a == b or min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_))) and not long_.endswith(("s", "'"))


def merge_candidates(doc: Doc, cands: list[Candidate], lex: ActorLexicon) -> list[Actor]:
    """One :class:`Actor` per real-world entity in ``doc``, ids in order of first mention."""
    clusters: list[_Cluster] = []
    by_org: dict[str, _Cluster] = {}
    by_country: dict[str, _Cluster] = {}
    # names that a lexicon gives as one ("EU" and "European Union"; two spellings of a president)
    by_record: dict[int, _Cluster] = {}
    suffixes = frozenset(lex.name_suffixes)
    # "UN Security Council (UNSC)": every "UNSC" in the article joins the long form.
    acronyms = {c.text: _org_key(c.acronym_of, suffixes) for c in cands if c.acronym_of}
    for c in cands:
        record = lex.record_of(" ".join(c.tokens)) if c.kind in ("person", "organization") else None
        if c.kind == "person":
            first, surname, suffix = _person_key(c.tokens)
            if surname is None:
                continue
            target = _find_person(clusters, first, surname, suffix)
            if target is None and record is not None:
                target = by_record.get(record)
            if target is None and first is None:
                # a single name: maybe a first name used alone ("Hillary")
                target = _find_by_first(clusters, surname)
            if target is None:
                target = _Cluster("person", first, surname, suffix)
                clusters.append(target)
            elif first and not target.first:
                target.first = first
            if record is not None:
                by_record.setdefault(record, target)
            target.names.append(c)
        elif c.kind == "country":
            code = c.country or c.text
            target = by_country.get(code)
            if target is None:
                target = by_country[code] = _Cluster("country", key=code)
                clusters.append(target)
            target.names.append(c)
        elif c.kind == "organization" and (person := _person_named(clusters, c.tokens)) is not None:
            # "Trump" tagged as an organisation after "Donald Trump"; "Scooter Braun" read as a body
            # where the text also names him as a person
            person.names.append(c)
        else:
            key = acronyms.get(c.text) or _org_key(c.acronym_of or c.text, suffixes)
            target = by_org.get(key)
            if target is None and c.acronym_of is None:
                target = by_org.get(_org_key(c.text, suffixes))
            if target is None and c.kind == "group":
                target = by_org.get(_org_key(" ".join(c.tokens), suffixes))
            if target is None and record is not None and by_record.get(record, _NO_CLUSTER).kind == c.kind:
                target = by_record[record]
            if target is None:
                target = _Cluster(c.kind, key=key)
                by_org[key] = target
                clusters.append(target)
            by_org.setdefault(_org_key(c.text, suffixes), target)
            if record is not None:
                by_record.setdefault(record, target)
            if c.kind == "group":
                # "Students from Lagos" and later "the students": the group without its place
                by_org.setdefault(_org_key(" ".join(c.tokens), suffixes), target)
            target.names.append(c)
    _join_variants(clusters)
    _join_descriptions(doc, clusters, lex)
    actors = _to_actors(doc, clusters, lex)
    add_missed_names(doc, actors)
    if link_references(doc, actors, lex):
        # unnamed actors joined the list: ids again in order of first mention
        actors.sort(key=lambda a: min(m.start for m in a.mentions))
        for n, a in enumerate(actors, 1):
            a.id = f"a{n}"
    return actors


def add_missed_names(doc: Doc, actors: list[Actor]) -> None:
    """Name mentions the entity recogniser missed: a capitalised token equal to a known person's
    surname (or an organisation's one-word name) elsewhere in the article is the same actor."""
    names: dict[str, Actor | None] = {}
    for a in actors:
        if a.kind == "person":
            key = a.name.split()[-1]
        elif a.kind in ("organization",) and len(a.name.split()) == 1:
            key = a.name
        else:
            continue
        names[key] = None if key in names and names[key] is not a else a  # ambiguous surname: skip
    if not names:
        return
    covered = {i for a in actors for m in a.mentions for i in range(m.start, m.end)}
    for i in tokens_with(doc, frozenset(names), (ORTH,)):
        tok = doc[i]
        named = names.get(tok.text)
        if named is None or tok.pos_ != "PROPN":
            continue
        s, e = tok.idx, tok.idx + len(tok)
        if s in covered or e - 1 in covered:
            continue
        named.mentions.append(Mention(s, e, tok.text, "name"))
        covered.update(range(s, e))


def _find_person(clusters: list[_Cluster], first: str | None, surname: str, suffix: str | None) -> _Cluster | None:
    if first is None and suffix is None:
        # A bare surname shared by several people is the first one named (the story's main figure).
        same = [cl for cl in clusters if cl.kind == "person" and cl.surname == surname and not cl.suffix]
        if same:
            return same[0]
    found = _same_person(clusters, first, surname, suffix, lambda known: known == surname)
    if found is None and len(surname) >= 6:
        # no one of that spelling: one spelt a letter apart, with the same first name or none
        found = _same_person(
            clusters, first, surname, suffix, lambda known: _respelt(known, surname), need_first=first is not None
        )
    return found


def _same_person(
    clusters: list[_Cluster],
    first: str | None,
    surname: str,
    suffix: str | None,
    same_surname: Callable[[str], bool],
    need_first: bool = False,
) -> _Cluster | None:
    for cl in reversed(clusters):
        if cl.kind != "person" or cl.surname is None or not same_surname(cl.surname):
            continue
        if need_first and first != cl.first:
            continue
        if (
            first
            and cl.first
            and first != cl.first
            and not (first.startswith(cl.first[:1]) and (len(first) <= 2 or len(cl.first) <= 2))
        ):
            continue
        if (suffix or cl.suffix) and first and suffix != cl.suffix:
            continue  # "Donald Trump Jr." is not "Donald Trump"
        if suffix != cl.suffix and first is None and suffix:
            continue
        return cl
    return None


_MINOR_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "&"})


def _words(cl: _Cluster) -> list[str]:
    """The words of a body's or group's longest name, lower case ("homeland security"), with a
    web address's ending dropped ("Edmunds.com" is "edmunds")."""
    name = max((c.text for c in cl.names if c.mention_kind != "acronym"), key=len, default="")
    name = re.sub(r"\.(?:com|org|net|co\.uk)\b", "", name)
    return name.lower().replace("’", "'").split()


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _MINOR_WORDS and w[:1].isalpha())


def _join_variants(clusters: list[_Cluster]) -> None:
    """Join the bodies and groups an article names in several ways: an acronym used without
    its definition ("WHO" beside "World Health Organization", "DHS" beside "Department of
    Homeland Security"), a name of two words or more inside a longer one ("Homeland Security",
    "the Department of Homeland Security"), a web address and its name ("Edmunds.com",
    "Edmunds"), and a group named again by its noun alone in the same country ("Hong Kong
    police", "police")."""
    bodies = [cl for cl in clusters if cl.kind in ("organization", "group") and cl.names]
    for short in bodies:
        sw = _words(short)
        if not sw:
            continue
        country = next((c.country for c in short.names if c.country), None)
        acronym = len(sw) == 1 and short.names[0].text.isupper() and 2 <= len(sw[0]) <= 6
        for long_ in bodies:
            if long_ is short or not long_.names:
                continue
            lw = _words(long_)
            content = {w for w in sw if w not in _MINOR_WORDS}
            reordered = len(content) > 1 and content == {w for w in lw if w not in _MINOR_WORDS}
            if len(lw) <= len(sw) and not acronym and not (reordered and len(lw) > len(sw)):
                continue
            long_country = next((c.country for c in long_.names if c.country), None)
            same = (
                (acronym and long_.kind == "organization" and len(lw) > 1 and _initials(lw) == sw[0])
                or (len(sw) > 1 and short.kind == long_.kind == "organization" and _inside(sw, lw))
                or (sw == lw[:1] and len(lw) == 1 and short.kind == long_.kind)
                # "the Homeland Security Department", "the Department of Homeland Security"
                or (reordered and short.kind == long_.kind == "organization")
                or (country is not None and country == long_country and lw[-len(sw) :] == sw and short.kind != "person")
            )
            if same and (country is None or long_country in (None, country)):
                long_.names.extend(short.names)
                short.names = []
                break


# nouns a company or a club is described by ("the Chinese company", "the London side")
_COMPANY_NOUNS = frozenset(
    {
        *("company", "firm", "manufacturer", "maker", "automaker", "carmaker", "carrier", "airline", "bank"),
        *("lender", "insurer", "retailer", "startup", "conglomerate", "giant", "group", "side", "club", "team"),
        *("broadcaster", "newspaper", "network", "operator", "producer", "supplier", "exporter", "developer"),
    }
)


def _join_descriptions(doc: Doc, clusters: list[_Cluster], lex: ActorLexicon) -> None:
    """A definite description with a nationality ("the Chinese company", "the Portuguese boss",
    "the Argentine") names the body or person named last before it, of its kind and of its
    country or of none: "Alibaba … the Chinese company", "Jose Mourinho … the Portuguese boss"."""
    text = doc_text(doc)
    for cl in clusters:
        if cl.kind not in ("group", "organization") or len(cl.names) != 1:
            continue
        c = cl.names[0]
        words = c.text.lower().split()
        if not words or not c.country or not text[: c.start].rstrip().lower().endswith(("the", "the former")):
            continue
        if lex.code_of_word(c.tokens[0]) is None and lex.place_code(c.tokens[0]) is None:
            continue  # described by a nationality or a place: "the Chinese company", "the London side"
        if words[-1] in _COMPANY_NOUNS:
            kind = "organization"
        elif words[-1] in _PERSON_TITLES or (len(words) == 1 and not words[0].endswith("s")):
            kind = "person"
        else:
            continue
        before = [
            (max(n.start for n in other.names if n.start < c.start), other)
            for other in clusters
            if other is not cl
            and other.kind == kind
            and any(n.start < c.start and n.mention_kind == "name" for n in other.names)
            and next((n.country for n in other.names if n.country), None) in (None, c.country)
        ]
        if before:
            target = max(before, key=lambda x: x[0])[1]
            c.mention_kind = "description"
            target.names.append(c)
            cl.names = []


def _inside(short: list[str], long_: list[str]) -> bool:
    """Are the words ``short`` the first or the last words of ``long_``?"""
    n = len(short)
    return long_[:n] == short or long_[-n:] == short


def _person_named(clusters: list[_Cluster], tokens: list[str]) -> _Cluster | None:
    """The person an organisation's name names: one word that is a person's surname or first name
    ("Trump"), or a first name and a surname that are a person's ("Scooter Braun")."""
    if len(tokens) == 1:
        return _find_person(clusters, None, tokens[0].lower(), None) or _find_by_first(clusters, tokens[0].lower())
    first, surname, suffix = _person_key(tokens)
    if first is None or surname is None or len(tokens) > 3:
        return None
    found = _find_person(clusters, first, surname, suffix)
    return found if found is not None and found.first == first else None


def _find_by_first(clusters: list[_Cluster], name: str) -> _Cluster | None:
    found = [cl for cl in clusters if cl.kind == "person" and cl.first == name]
    return found[-1] if len(found) == 1 else None


def _to_actors(doc: Doc, clusters: list[_Cluster], lex: ActorLexicon) -> list[Actor]:
    clusters = [cl for cl in clusters if cl.names]
    clusters.sort(key=lambda cl: cl.start)
    actors: list[Actor] = []
    text = doc_text(doc)
    for n, cl in enumerate(clusters, 1):
        names = sorted(cl.names, key=lambda c: c.start)
        roles: list[str] = []
        for c in names:
            for r in c.roles:
                if r not in roles:
                    roles.append(r)
        known: DictionaryCode | None = None
        if cl.kind == "country":
            code = names[0].country
            name = lex.country_names.get(code or "", names[0].text) if code else names[0].text
            country, sector, kind = code, None, "country"
        else:
            proper = [c for c in names if c.mention_kind not in ("acronym", "description")] or names
            name = max(proper, key=lambda c: (len(c.tokens), len(c.text))).text
            kind = cl.kind
            head = name.split(" in ")[0].lower().split()
            capital = name.split()[-1][:1].isupper() if name.split() else False
            if head and capital and head[-1].endswith("s") and head[-1][:-1] in lex.body_nouns:
                head[-1] = head[-1][:-1]  # a name: "Biman Bangladesh Airlines" is one airline
            if kind == "group" and head and (head[-1] in lex.body_nouns or " ".join(head[-2:]) in lex.body_nouns):
                kind = "organization"  # "the Hong Kong government", "a French manufacturer"
            elif kind == "group" and head and head[-1] in _PERSON_TITLES and " and " not in name:
                kind = "person"  # "the Ukrainian president", "the Portuguese boss": one person
            # what the text says of the actor, over all its names, wins over what a lexicon knows
            said = [_said(c) for c in names]
            country = next((x[0] for x in said if x[0]), None)
            sector = next((x[1] for x in said if x[1]), None)
            # what a lexicon knows of the name: of a full name when the text gives one ("Luz Contreras
            # Arroyo" is no "Arroyo" of the lexicon's)
            full = [c for c in names if len(c.tokens) > 1 and c.mention_kind == "name"]
            known = next((c.known for c in (full if cl.kind == "person" and full else names) if c.known), None)

        name = " ".join(name.split()).rstrip(",;:") or name
        if kind == "person" and roles and len(name.split()) <= 2 and (title := _royal_title(roles, name)):
            name = f"{title} {name}"  # "Queen Elizabeth", "Prince Andrew", "Pope Francis": known by title
        actor = Actor(f"a{n}", name, kind, roles)
        _code(actor, country, sector, known)
        seen: set[tuple[int, int]] = set()
        mentions = []
        for c in names:
            if (c.start, c.end) not in seen:
                seen.add((c.start, c.end))
                mentions.append(Mention(c.start, c.end, text[c.start : c.end], c.mention_kind))
            for ts, te in c.titles:
                if (ts, te) not in seen:
                    seen.add((ts, te))
                    mentions.append(Mention(ts, te, text[ts:te], "title"))

        # a name to show and to look up: its words, without the line breaks and no-break spaces of
        # the page or a comma the name ran into (the mentions keep the text as written)
        actor.mentions = mentions
        actors.append(actor)
    return actors


def _said(c: Candidate) -> tuple[str | None, str | None]:
    """The codes the text gives a mention: all of them when no lexicon knows its name; else those
    read from its words, and a code a later rule of the text set that the lexicon does not give
    ("Congress" in Buenos Aires)."""
    if c.text_codes is None or c.known is None:
        return c.country, c.sector
    country, sector = c.text_codes
    if c.country is not None and c.country != c.known.country:
        country = c.country
    if c.sector is not None and c.sector != c.known.sector:
        sector = c.sector
    return country, sector


_ROYAL = ("king", "queen", "prince", "princess", "pope", "emperor", "empress", "duke", "duchess", "sultan", "emir")
# singular nouns of one person's office or trade: a group so named is that person
_PERSON_TITLES = frozenset({"president", "minister", "premier", "chancellor", "boss", "chief", "leader", "spokesman"})
_PERSON_TITLES |= {"spokeswoman", "spokesperson", "ambassador", "envoy", "governor", "mayor", "manager", "coach"}


def _royal_title(roles: list[str], name: str) -> str | None:
    """The royal or papal title a person named by a first name alone is known by ("Queen" of
    "Queen Elizabeth"), or None; "Elizabeth II" is "Queen Elizabeth II" too."""
    words = name.split()
    if len(words) == 2 and not re.fullmatch(r"[IVX]+", words[1]):
        return None
    for role in roles:
        last = role.split()[-1] if role.split() else ""
        if last.lower() in _ROYAL:
            return last[0].upper() + last[1:].lower()
    return None


def _code(actor: Actor, country: str | None, sector: str | None, known: DictionaryCode | None) -> None:
    """Set the actor's codes from what the text says (``country``, ``sector``) and what a lexicon
    knows of its name (``known``): the text wins where both give a code; ``code_source`` tells
    which gave the codes reported, ``cameo`` is the lexicon's own code when the codes are its."""
    kc, ks = (known.country, known.sector) if known is not None else (None, None)
    actor.country, actor.sector = country or kc, sector or ks
    sources = set()
    for final, text, lexicon in ((actor.country, country, kc), (actor.sector, sector, ks)):
        if final is not None:
            sources.add("both" if final == text == lexicon else "text" if final == text else "dictionary")
    actor.code_source = None if not sources else sources.pop() if len(sources) == 1 else "both"
    if known is not None and (actor.country, actor.sector) == (kc, ks) and known.cameo:
        actor.cameo = known.cameo
    else:
        actor.cameo = compose_cameo(actor.country, actor.sector)
    actor.code_date = known.date if known is not None and actor.code_source in ("dictionary", "both") else None


def compose_cameo(country: str | None, sector: str | None) -> str | None:
    """A CAMEO actor code from the record's codes: ("IRQ", "REB") → "IRQREB"."""
    return (country or "") + (sector or "") or None


def recoded(actor: Actor) -> None:
    """After a later rule gave ``actor`` a country from the text: its CAMEO code and sources again."""
    if country_and_sector(actor.cameo) != (actor.country, actor.sector):
        actor.cameo = compose_cameo(actor.country, actor.sector)
    if actor.code_source is None:
        actor.code_source = "text" if actor.cameo else None
    elif actor.code_source == "dictionary":
        actor.code_source = "both"


def link_references(doc: Doc, actors: list[Actor], lex: ActorLexicon) -> bool:
    """Add pronoun and description mentions that clearly refer to one actor. A
    description that refers back to no actor but acts in its clause ("The court sentenced…")
    becomes an unnamed actor of its own, with the sector its words give and a country only from
    a place it is said to be in.
    Returns whether such actors were added."""
    added = False
    # (start, actor, is_subject) of every name mention, for "most recent" lookups
    by_start: dict[int, Actor] = {}
    for a in actors:
        for m in a.mentions:
            by_start[m.start] = a
    taken = {(m.start, m.end) for a in actors for m in a.mentions}
    subjects: list[tuple[int, Actor]] = []
    recent: list[tuple[int, Actor]] = []
    genders = {a.id: g for a in actors if (g := _gender(a, lex)) is not None}
    # only mention starts, pronouns and description nouns matter: visit just those tokens
    visit = sorted({*tokens_starting_at(doc, set(by_start)), *tokens_with(doc, _REFERRING, (LOWER,))})
    for i in visit:
        tok = doc[i]
        at = by_start.get(tok.idx)
        if at is not None:
            recent.append((tok.idx, at))
            if (
                tok.dep_ in ("nsubj", "nsubjpass")
                or tok.head.dep_ in ("nsubj", "nsubjpass")
                and tok.dep_ in ("compound",)
            ):
                subjects.append((tok.idx, at))
            continue
        low = tok.lower_
        if low in _PRONOUNS and tok.pos_ == "PRON" or low == "his" or (low == "her" and tok.dep_ == "poss"):
            target = _antecedent(doc, tok.i, subjects, recent, genders)
            if target is not None and (tok.idx, tok.idx + len(tok)) not in taken:
                target.mentions.append(Mention(tok.idx, tok.idx + len(tok), tok.text, "pronoun"))
        elif low in ("they", "it", "its", "their", "them") and tok.pos_ == "PRON":
            target = _collective_antecedent(doc, tok.i, subjects)
            if target is not None and (tok.idx, tok.idx + len(tok)) not in taken:
                target.mentions.append(Mention(tok.idx, tok.idx + len(tok), tok.text, "pronoun"))
        elif (
            low in _DESCRIPTIONS
            # "the President" is tagged a name, and refers back like "the president"
            and (tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_ and low in _OFFICES))
            and tok.i > 0
            and doc[tok.i - 1].lower_ == "the"
        ):
            if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("PROPN",):
                continue  # "the minister Yoav Gallant": the name is the mention
            target = _described(low, recent)
            if target is not None:
                s = doc[tok.i - 1].idx
                e = tok.idx + len(tok)
                if (s, e) not in taken:
                    target.mentions.append(Mention(s, e, doc_text(doc)[s:e], "description"))
                continue
        if tok.dep_ == "appos" and (owner := by_start.get(_name_start(tok.head))) is not None:
            # "Kurt Volker, the former special envoy": a description of the name it stands beside
            if (described := _unnamed(doc, tok, lex, taken)) is not None:
                owner.mentions.extend(described.mentions)  # (``_unnamed`` took its span)
            continue
        if (unnamed := _unnamed(doc, tok, lex, taken)) is not None:
            if unnamed.country is None and (
                unnamed.sector in LOCAL_SECTORS
                or unnamed.sector == "MED"
                or low in STATE_BODIES
                or low in _HEADS_OF_STATE
            ):
                # "called for dialogue with the ruling junta" in a sentence naming Burma only
                sent = sentence_of(tok)
                named = {a.country for a in actors for m in a.mentions if sent.start_char <= m.start < sent.end_char}
                unnamed.country = only_country(named | place_codes(sent, lex))
                recoded(unnamed)
            actors.append(unnamed)
            recent.append((tok.idx, unnamed))
            if tok.dep_ in ("nsubj", "nsubjpass"):
                subjects.append((tok.idx, unnamed))
            added = True
    for a in actors:
        a.mentions.sort(key=lambda m: m.start)
    return added


def _name_start(tok: Token) -> int:
    """The offset where the name ending at ``tok`` starts ("Volker" of "Kurt Volker": "Kurt")."""
    first = tok
    while first.i > 0 and first.doc[first.i - 1].head.i == tok.i and first.doc[first.i - 1].dep_ == "compound":
        first = first.doc[first.i - 1]
    return first.idx


def _objected_to(tok: Token) -> bool:
    """Is ``tok`` what a protest, refusal or complaint is against ("against the government's ban")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in _AGAINST


def _unnamed(doc: Doc, tok: Token, lex: ActorLexicon, taken: set[tuple[int, int]]) -> Actor | None:
    """An actor known only by a description: "the court", "the opposition leader", "a suicide
    bomber". Only when it is an argument of its clause, its words give a sector, and no name
    or group mention covers it; ``tok`` is the head noun."""
    low = tok.lower_
    if low not in _UNNAMED_PEOPLE and low not in _UNNAMED_BODIES:
        return None
    if not (tok.tag_ == "NN" or tok.tag_ == "NNP" and not tok.ent_type_):  # "The Pope" is tagged a name
        return None
    if tok.dep_ not in _ARGUMENT_DEPS and not (
        (tok.dep_ == "pobj" and tok.head.lower_ in _ARGUMENT_PREPS and tok.head.dep_ == "prep")
        # whose demand, decision or ban: "agreed to the opposition's demand", "protested against
        # the government's ban"
        or (tok.dep_ == "poss" and tok.head.lemma_ in _ASKS and tok.head.dep_ in (*_ARGUMENT_DEPS, "pobj"))
        or (tok.dep_ == "poss" and tok.head.lemma_ in _DEEDS and (_objected_to(tok.head) or tok.head.dep_ == "dobj"))
    ):
        return None
    if any(
        (c.dep_ == "poss" and c.lower_ not in ("country", "nation"))
        or c.dep_ in ("relcl", "appos")
        or (c.dep_ == "prep" and c.lower_ == "of")
        for c in children_of(tok)
    ):
        return None  # "the leader of Hamas", "the president's office": the description is of someone
    start = tok.i
    # modifiers of the head or of each other: "the war crimes tribunal"
    while start > 0 and start <= doc[start - 1].head.i <= tok.i and doc[start - 1].dep_ in ("compound", "amod"):
        modifier = doc[start - 1]
        # a nationality word the model did not tag ("the Montenegrin government") is a description's
        # own; "the Israeli government", "the Hamas leader" are a named group's mention ("daily" is no name)
        demonym = not modifier.ent_type_ and lex.code_of_word(modifier.text) is not None
        if not demonym and (modifier.pos_ not in ("NOUN", "ADJ", "VERB") or modifier.ent_type_ not in ("", "DATE")):
            return None
        start -= 1
    det = doc[start - 1] if start > 0 else None
    # "the country's only independent daily newspaper": the country's own is a description too
    owner = det.head if det is not None and det.dep_ == "case" else None
    if owner is not None and owner.lower_ in ("country", "nation") and owner.head.i == tok.i and owner.i > 0:
        det = doc[owner.i - 1]
        if det.head.i != owner.i:
            return None
    elif det is None or det.head.i != tok.i:
        return None
    if det.lower_ not in ("the", "a", "an"):
        return None
    s, e = det.idx, tok.idx + len(tok)
    if any(ts < e and s < te for ts, te in taken):
        return None
    words = [t.lower_ for t in doc[start : tok.i + 1]]
    sector = lex.sector_of_role(words)
    if sector is None:
        return None
    kind = "person" if low in _UNNAMED_PEOPLE else "organization"
    taken.add((s, e))
    name = " ".join(words)
    country = country_in(list(doc[start : tok.i]), lex)
    if country is None and (place := place_of(tok, lex)) is not None:
        # "a newspaper based in east Beirut", "the court in Ankara": the mention reaches the place
        country, e = place[0], max(e, place[1].idx + len(place[1]))
    if country is None and low in _UNNAMED_PEOPLE:
        country = lex.country_of_role(low)  # "the Pope" is the Vatican's
    if " ".join(words).startswith(_INTERNATIONAL):
        country = "IGO"  # "the war crimes tribunal in The Hague" is no Dutch court
    actor = Actor("", name, kind, [name], mentions=[Mention(s, e, doc_text(doc)[s:e], "description")])
    _code(actor, country, sector, None)
    return actor


def _gender(actor: Actor, lex: ActorLexicon) -> str | None:
    """ "f" or "m" when a title, role or first name tells it ("Mrs. Clinton", "the spokeswoman",
    "Hillary Clinton"), else None; evidence both ways tells nothing."""
    if actor.kind != "person":
        return None
    words = {m.text.split()[0].lower() for m in actor.mentions if m.kind != "pronoun" and m.text.strip()}
    words |= {w for r in actor.roles for w in r.lower().split()}
    words.add(actor.name.split()[0].lower() if actor.name.strip() else "")
    found = {g for w in words if (g := lex.genders.get(w)) is not None}
    return next(iter(found)) if len(found) == 1 else None


def _start(item: tuple[int, Actor]) -> int:
    return item[0]


def _antecedent(
    doc: Doc,
    i: int,
    subjects: list[tuple[int, Actor]],
    recent: list[tuple[int, Actor]],
    genders: dict[str, str],
) -> Actor | None:
    """The person a he/she refers to: the latest person subject in this or the previous sentence,
    or the only person mentioned there — of those the pronoun can fit ("she" is no Mr.)."""
    sent = sentence_of(doc[i])
    prev_start = sent.start_char
    if sent.start > 0:
        prev_start = sentence_of(doc[sent.start - 1]).start_char
    pos = doc[i].idx
    pronoun = _PRONOUNS.get(doc[i].lower_)
    # both lists grow in text order: look only at what starts in the window
    recent = recent[bisect_left(recent, prev_start, key=_start) :]
    subjects = subjects[bisect_left(subjects, prev_start, key=_start) :]
    near = [a for s, a in recent if prev_start <= s < pos and a.kind == "person"]
    # "she" goes to a woman named nearby before anyone of unknown sex ("Christie described Hillary
    # Clinton as a disgrace after she attacked …"): most people named in political news are men,
    # so "he" keeps to the nearest subject unless that subject is known to be a woman
    known = pronoun == "f" and any(genders.get(a.id) == pronoun for a in near)
    fits = lambda a: a.kind == "person" and genders.get(a.id, None if known else pronoun) == pronoun  # noqa: E731
    window_subj = [a for s, a in subjects if prev_start <= s < pos and fits(a)]
    if window_subj:
        return window_subj[-1]
    window = {a.id: a for s, a in recent if prev_start <= s < pos and fits(a)}
    if len(window) == 1:
        return next(iter(window.values()))
    return None


def _collective_antecedent(doc: Doc, i: int, subjects: list[tuple[int, Actor]]) -> Actor | None:
    """What "they"/"it" refers to: the latest subject in this or the previous sentence, when it is a
    country, organisation or group (plural "they" for groups, "it" for countries and organisations)."""
    sent = sentence_of(doc[i])
    prev_start = sentence_of(doc[sent.start - 1]).start_char if sent.start > 0 else sent.start_char
    pos = doc[i].idx
    window = [a for s, a in subjects[bisect_left(subjects, prev_start, key=_start) :] if prev_start <= s < pos]
    if not window or window[-1].kind == "person":
        return None
    a = window[-1]
    plural = doc[i].lower_ in ("they", "their", "them")
    if plural != (a.kind == "group"):
        return None
    return a


def _described(word: str, recent: list[tuple[int, Actor]]) -> Actor | None:
    """The most recent actor whose role (or name) holds ``word``."""
    for _, a in reversed(recent):
        if any(word in r.lower().split() or word in r.lower() for r in a.roles) or word in a.name.lower().split():
            return a
    return None
