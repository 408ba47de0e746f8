"""Groups' mentions: nationality words and the role nouns they qualify, plural nouns that
name a group, groups led or owned by another, peoples of several states
(:class:`GroupMentions`, a part of :class:`~newsgraph.actors.mentions.MentionFinder`)."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..nlp import children_of, doc_text, entity_at, sentence_of, tokens_with
from .candidate import (
    LOCAL_SECTORS,
    Candidate,
)
from .lexicon import ActorLexicon, lookup_key
from .where import (
    _PLACE_NOUNS,
    LOCATIVE_PREPS,
    country_in,
    located_in,
    place_of,
)


def _residents_joined(spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """A people named by the state it lives in, which the model reads as two nationalities
    ("the [Bosnian] [Serbs]", "[Turkish] [Cypriots]"), is one group: event data codes it by
    the state it lives in, as it does "Bosnian Serbs" read whole."""
    out: list[tuple[Span, str]] = []
    for span, label in spans:
        if out and label == "NORP" and out[-1][1] == "NORP":
            prev = out[-1][0]
            if prev.end == span.start and len(prev) == 1 and prev[0].head.i == span.root.i and span.text.endswith("s"):
                out[-1] = (span.doc[prev.start : span.end], "NORP")
                continue
        out.append((span, label))
    return out


def _placed_plural(tok: Token) -> bool:
    """Is ``tok`` a plural noun placed somewhere: "Kidnappers in Lebanon"?"""
    return tok.tag_ == "NNS" and any(
        p.lower_ in LOCATIVE_PREPS and any(o.ent_type_ in ("GPE", "LOC") for o in children_of(p))
        for p in children_of(tok)
    )


def _group_through(full: Span, head: Token, country: str | None, sector: str | None, sent_start: int) -> Candidate:
    """A group mention running up to its head noun: "EU foreign ministers", "the U.S.-led coalition"."""
    return Candidate(
        full.start_char,
        full.end_char,
        full.text,
        "group",
        [t.text for t in full],
        country=country,
        sector=sector,
        sent_start=sent_start,
        is_subject=head.dep_ in ("nsubj", "nsubjpass"),
    )


_LED = re.compile(r"\b([A-Z][\w.]*)[-–]led\b")

# what a nationality word can qualify without naming anyone: "the Russian language"
_NOT_PEOPLE = {"language", "dialect", "alphabet", "script", "cuisine", "literature", "music", "folklore"}


def _based_in(tok: Token) -> bool:
    """Is ``tok`` the place in "Pakistan-based militants" (a place a group is based in)?"""
    based = tok.head
    return tok.dep_ == "npadvmod" and based.lower_ == "based" and based.dep_ == "amod" and based.head.i > based.i


_ONLY_IN_ROLES = {"parties", "figures"}  # "opposition figures", not "key figures"

# a crowd told by its size alone ("Thousands protested in Belgrade"); "thousands of Kashmiris"
# is the Kashmiris
_CROWD_SIZES = {"thousands", "hundreds", "dozens", "scores", "millions"}

_GROUP_NOUNS = {
    *_CROWD_SIZES,
    "people",
    "citizens",
    "nationals",
    "delegation",
    "team",
    "side",
    "leaders",
    "negotiators",
    "community",
    "hostages",
    "prisoners",
    "workers",
    "students",
    "refugees",
    "protesters",
    "supporters",
    "loyalists",
    "aides",
    "advisers",
    "advisors",
    "allies",
    "backers",
    "followers",
    "residents",
    "villagers",
    "farmers",
    "miners",
    "rioters",
    "looters",
    "attackers",
    "assailants",
    "hijackers",
    "pirates",
    "groups",
}


# things that act only as their owners' means ("Boeing jets", "jets"): an actor only with a nationality
_EQUIPMENT = frozenset({"jet", "jets", "aircraft", "warplane", "warplanes", "gunship", "gunships", "helicopter"})
_EQUIPMENT |= {"helicopters", "warship", "warships", "plane", "planes", "drone", "drones", "tank", "tanks"}


class GroupMentions:
    """The group readings of :class:`~newsgraph.actors.mentions.MentionFinder`."""

    lex: ActorLexicon
    day: date | None
    us_states: frozenset[str]
    group_words: frozenset[str]

    def _group(
        self, doc: Doc, span: Span, sent_start: int, in_role: set[int], code: str | None = None
    ) -> Candidate | None:
        """A nationality word: "Israeli officials" (a group), "Palestinians" (a people)."""
        lex = self.lex
        code = code or lex.code_of_word(span.text)
        if code is None and len(span) > 1 and span[-1].lower_ in ("americans", "american"):
            code = "USA"  # "Turkish Americans", "Mexican-American voters" are American
        if code is None and len(span) > 1:
            # "Bosnian Serbs" are Bosnia's; "Pakistani Islamic parties" Pakistan's
            code = next(filter(None, (lex.code_of_word(t.text) for t in span)), None)
        if code is None:
            return None
        if span.start in in_role:
            return None
        root = span.root
        head = root.head
        if _based_in(root):
            root, head = head, head.head  # "Pakistan-based militants": the group based there
            if any(lex.code_of_word(t.text) for t in doc[root.i + 1 : head.i + 1]):
                return None  # "the London-based Iraqi opposition": the nationality names the group
        # Walk up through coordinated nationality words: "Hungarian and Romanian officials".
        while root.dep_ == "conj" and head.i < root.i and head.dep_ in ("amod", "compound", "nmod"):
            head = head.head
        if root.dep_ in ("amod", "compound", "nmod", "poss") or (root.dep_ == "conj" and head.i > root.i):
            if head.lemma_.lower() in _NOT_PEOPLE:
                return None  # "the Russian language": a tongue, not the country
            if head.i > span.end - 1 and head.pos_ in ("NOUN", "PROPN") and head.ent_type_ != "PERSON":
                # the role is in the words after the name: "the West Bank town" is no bank
                words = [t.lower_ for t in doc[span.end : head.i + 1]]
                sector = lex.sector_of_role(words) or lex.sector_of_role([head.lemma_.lower()])
                if sector is None and head.lemma_.lower() not in _GROUP_NOUNS and head.lower_ not in _GROUP_NOUNS:
                    # "an Australian ultimatum": the country itself, as the one behind the thing
                    if code == "USA" and lookup_key(span.text) in self.us_states:
                        return None  # "Virginia Democrats": a state, not the country
                    return Candidate(
                        span.start_char,
                        span.end_char,
                        span.text,
                        "country",
                        [span.text],
                        country=code,
                        sent_start=sent_start,
                        mention_kind="name",
                        guessed=span[0].lower_ in lex.across_borders,  # "six Kurdish members of parliament"
                    )
                where = self._where_across_borders(span, head, sector)
                group = _group_through(doc[span.start : head.i + 1], head, where or code, sector, sent_start)
                # a people of several states, nowhere placed: its usual state is only a guess
                group.guessed = where is None and span[0].lower_ in lex.across_borders
                if head.lower_ in lex.body_nouns or " ".join(words[-2:]) in lex.body_nouns:
                    group.kind = "organization"  # "Hong Kong police", "a French manufacturer": a body
                return group
            return None
        determined = span.start > 0 and doc[span.start - 1].lower_ in ("the", "a", "an")
        if span.text.endswith("s") or determined or (root.pos_ == "NOUN" and root.tag_ == "NNS"):
            # "Palestinians", "the Dutch", "an American"; not "American" or "Russian" alone
            return Candidate(
                span.start_char,
                span.end_char,
                span.text,
                "group",
                [span.text],
                country=code,
                sector=lex.sector_of_role([t.lower_ for t in span[1:]]),  # "U.S. Marines" read whole
                sent_start=sent_start,
                is_subject=root.dep_ in ("nsubj", "nsubjpass"),
            )
        return None

    def _party_country(self, span: Span) -> str | None:
        """The country a party's name is tied to in the text, if any: "the Democratic Party in
        Jakarta", "Indonesia's Democratic Party", "the Indonesian Democratic Party"."""
        root = span.root
        for c in children_of(root):
            if c.i < span.start and c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP"):
                code = self.lex.place_code(c.text) or self.lex.code_of_word(c.text)
                if code:
                    return code
        return located_in(root, self.lex)

    def _where_across_borders(self, span: Span, head: Token, sector: str | None) -> str | None:
        """The country of a non-state group of a people living in several states, where the text
        puts it: "Kurdish rebels in southeastern Turkey", "Albanian rebels attacked a police
        station near Tetovo" (state forces keep their state: "Serb forces in Montenegro")."""
        if span[0].lower_ not in self.lex.across_borders or sector in ("GOV", "COP"):
            return None
        return located_in(head, self.lex) or self._clause_place(head, as_object=True)

    def _common_groups(self, doc: Doc, found: list[Candidate], in_role: set[int]) -> list[Candidate]:
        """Groups named by a plural noun alone: "Rebels in the Ivory Coast", "Muslim hackers",
        "demonstrators in Baghdad". Their country comes from a nationality word or the place
        they are said to be in or from; without either it stays null."""
        lex = self.lex
        taken = [(c.start, c.end) for c in found]
        # which characters a mention already covers, to test overlaps without a scan of them all
        covered = bytearray(max((e for _, e in taken), default=0) + 1)
        for s, e in taken:
            covered[s:e] = b"\x01" * (e - s)
        named = frozenset(c.country for c in found if c.country)  # to tell "Tripoli" from "Tripoli"
        out: list[Candidate] = []
        for i in tokens_with(doc, self.group_words):
            t = doc[i]
            if t.lower_ not in self.group_words:
                continue
            # "Rebels in Mali attacked": capitalised at the start of a sentence, read as a name
            plural = t.tag_ == "NNS" or (
                t.is_sent_start and t.pos_ == "PROPN" and t.lower_.endswith(("s", "men"))  # "Militiamen looted"
            )
            # "Palestinian inmates at a jail … rioted": a plural the small model read as a verb, in a
            # noun's place
            misread = t.tag_ == "VBZ" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
            if (t.pos_ not in ("NOUN", "PROPN") or not plural) and not misread or t.i in in_role:
                continue
            low = t.lower_
            if low in _CROWD_SIZES and (t.dep_ != "nsubj" or any(c.lower_ == "of" for c in children_of(t))):
                continue
            sector = lex.role_sectors.get(low) or None
            if low in _ONLY_IN_ROLES:
                # "opposition parties": a group by its role phrase; "both parties" is no one's
                sector = lex.role_sectors.get(f"{doc[t.i - 1].lower_} {low}") or None
            if sector is None and low not in _GROUP_NOUNS:
                continue
            if t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "dative", "appos"):
                continue
            if 1 in covered[t.idx : t.idx + len(t)]:
                continue
            left = t.i
            while (
                left - 1 >= sentence_of(t).start
                and doc[left - 1].head.i in range(left, t.i + 1)
                and doc[left - 1].dep_ in ("amod", "compound", "nmod")
                and doc[left - 1].pos_ in ("ADJ", "NOUN", "PROPN")
                and doc[left - 1].lower_ not in ("other", "several", "many", "some", "few")
            ):
                left -= 1
            span = doc[left : t.i + 1]
            # a person or body named before the noun is whose group it is, not the group: "Bernie
            # Sanders supporters", "Clinton aides", "Hamas supporters" (it stays a mention of its own)
            whose = [
                c
                for c in (found if 1 in covered[span.start_char : t.idx] else ())
                if c.kind in ("person", "organization") and span.start_char <= c.start and c.end <= t.idx
            ]
            owners = {(c.start, c.end) for c in whose}
            if 1 in covered[span.start_char : span.end_char] and any(
                s < span.end_char and span.start_char < e and (s, e) not in owners for s, e in taken
            ):
                continue
            country = country_in(list(span), self.lex)
            if country is None and low in _EQUIPMENT and not any(c.dep_ == "poss" for c in children_of(t)):
                continue  # "Max jets", "Boeing jets": a maker's product, not an armed force ("its jets" are)
            country = country or next((c.country for c in whose if c.country), None)
            words, tokens = [w.lower_ for w in span], [w.text for w in span]
            guessed = bool(country) and any(w in lex.across_borders for w in words)
            if (country is None or guessed) and (place := place_of(t, self.lex, named)) is not None:
                # the place is the evidence of the country: "demonstrators in Baghdad" is the mention
                country, span, guessed = place[0], doc[left : place[1].i + 1], False
            if country is None:
                # "Sudan's government and southern rebels": the country that owns the phrase
                country = next(
                    (lex.place_code(c.text) for c in children_of(t) if c.dep_ == "poss" and c.ent_type_ == "GPE"), None
                )
            if country is None and (sector or lex.sector_of_role(words)) in LOCAL_SECTORS:
                # rebels, demonstrators and the like act where they are: "Maoist rebels attacked
                # a police station in western Nepal"
                country = self._clause_place(t)
            out.append(
                Candidate(
                    span.start_char,
                    span.end_char,
                    span.text,
                    "group",
                    tokens,
                    country=country,
                    sector=lex.sector_of_role(words) or sector,
                    sent_start=sentence_of(t).start_char,
                    is_subject=t.dep_ in ("nsubj", "nsubjpass"),
                    mention_kind="description",
                    guessed=guessed,  # "Hutu militiamen": a people of several states, not yet placed
                )
            )
        return out

    def _led_groups(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """ "the U.S.-led coalition", "Vietnamese-led forces": the force a country leads is coded
        as that country's, as event data does, and replaces the country's own mention;
        "Syrian-backed" is left alone (backing is not leading)."""
        for m in _LED.finditer(doc_text(doc)):
            # a country leads ("U.S.-led", "Saudi-led"); a party or an alliance leading is no country's
            code = self.lex.demonyms.get(m.group(1).lower()) or self.lex.place_code(m.group(1))
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if not code or span is None:
                continue
            head = span[-1].head  # "U.S.-led" may be one token or three
            if head.i <= span[-1].i or head.pos_ not in ("NOUN", "PROPN"):
                continue
            full = doc[span.start : head.i + 1]
            sent_start = sentence_of(full).start_char if doc.has_annotation("SENT_START") else 0
            found = [c for c in found if not (c.start < full.end_char and full.start_char < c.end)]
            found.append(_group_through(full, head, code, self._head_sector(head), sent_start))
        return found

    def _head_sector(self, head: Token) -> str | None:
        """The sector a group's head noun gives, as written or by lemma ("ministers")."""
        return self.lex.sector_of_role([head.lower_]) or self.lex.sector_of_role([head.lemma_.lower()])

    def _ethnic(self, doc: Doc, cand: Candidate) -> Candidate:
        """ "ethnic Albanians in Serbia" are a minority of the country they live in, as event data
        codes them: the word joins the mention, and the country is where they are said to be
        (their nationality stays when no place is given)."""
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or span.start == 0 or doc[span.start - 1].lower_ != "ethnic":
            return cand
        ethnic = doc[span.start - 1]
        cand.start, cand.text = ethnic.idx, doc_text(doc)[ethnic.idx : cand.end]
        cand.tokens = [ethnic.text, *cand.tokens]
        head = span.root
        while head.dep_ in ("amod", "compound") and head.head.i > head.i:
            head = head.head  # "ethnic Albanian guerrillas": the guerrillas
        cand.country = located_in(head, self.lex) or self._clause_place(head) or cand.country
        return cand

    def _clause_place(self, noun: Token, as_object: bool = False) -> str | None:
        """The country of the place a group acts or is said to operate in: "ethnic Albanians
        demonstrated in Serbia", "guerrillas operating in Macedonia"; ``as_object``: also where
        it is acted on ("detained 40 Kurdish activists in Istanbul")."""
        verbs = [c for c in children_of(noun) if c.dep_ in ("acl", "relcl")]
        if noun.dep_ in ("nsubj", "nsubjpass") or (as_object and noun.dep_ == "dobj"):
            verbs.append(noun.head)
        for verb in verbs:
            # the verb's own "in" phrase, or one its object holds: "attacked a police station in Nepal"
            preps = [p for p in children_of(verb) if p.dep_ == "prep"]
            preps += [p for o in children_of(verb) if o.dep_ == "dobj" for p in children_of(o) if p.dep_ == "prep"]
            for p in preps:
                if p.lower_ in ("in", "inside", "within", "near"):
                    for o in children_of(p):
                        # "in Serbia", "in the Romanian city of Cluj", "near Algiers"
                        place = next((t for t in o.subtree if t.ent_type_ in ("GPE", "LOC")), None)
                        if o.dep_ == "pobj" and place is None and o.lemma_ in _PLACE_NOUNS:
                            # "in the southern Egyptian town of Assiut" (the town's name unrecognised)
                            code = country_in(list(o.subtree), self.lex)
                            if code and code != "IGO":
                                return code
                        if o.dep_ == "pobj" and place is not None:
                            ent = entity_at(place)
                            code = self.lex.place_code(ent.text if ent is not None else place.text)
                            # a place we cannot code may still be named by its country: "in the Indian city of X"
                            code = code or country_in([t for t in o.subtree if t.i < place.i], self.lex)
                            if code:
                                return code
        return None
