"""Find actor mentions in a parsed Doc: named entities, known bodies, nationality groups.

Each :class:`Candidate` is one name-like mention with what the text says about
it: the name tokens (titles and possessives stripped), roles read from
pre-modifiers and appositions, country and sector evidence. Merging candidates
into actors is :mod:`newsgraph.actors.merge`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..nlp import DATELINE, children_of, doc_text, entities_in, entity_at, sentence_of, tokens_with
from .dictionary import DictionaryCode, NameFinder, parse_day
from .lexicon import TOWN_SIZE, ActorLexicon, lookup_key, town_sizes, us_states

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
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
_EDGE_QUOTES = {"''", "``", '"', "“", "”", "‘", "’", "'"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_ROLE_STOP_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "NUM", "PUNCT", "PART"}


@dataclass(slots=True)
class Candidate:
    """One mention before merging."""

    start: int  # character offsets of the name (no title, no possessive)
    end: int
    text: str
    kind: str  # person, organization, country, group
    tokens: list[str]  # name tokens, for person merging
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    acronym_of: str | None = None  # set on "(UNSC)"-style definitions: the long form's text
    sent_start: int = 0
    is_subject: bool = False
    mention_kind: str = "name"
    titles: list[tuple[int, int]] = field(default_factory=list)  # offsets of a title before the name
    guessed: bool = False  # the country is a people's usual state, which the sentence may overrule
    # what a lexicon entry for the name says (the actor dictionary, our hand lists, the user's)
    known: DictionaryCode | None = None
    # the codes the text itself gives, where a lexicon entry was also read (None: all from the text)
    text_codes: tuple[str | None, str | None] | None = None


_NUMBERS = {"CARDINAL", "DATE", "QUANTITY"}


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


class MentionFinder:
    """Finds :class:`Candidate` mentions; built once per pipeline."""

    def __init__(self, nlp: Language, lex: ActorLexicon) -> None:
        self.lex = lex
        self.demonym_words = frozenset(lex.demonyms)
        # plural nouns that stand for a group on their own ("rebels", "protesters"): our role words; a
        # role noun only the agent dictionary gives makes a group where a nationality or a place
        # qualifies it ("a Chinese automaker"), not alone ("women", "victims")
        self.group_words = frozenset(lex.group_nouns | _GROUP_NOUNS | _ONLY_IN_ROLES)
        self.known_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.known_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        long_names: list[str] = []
        short_names: list[str] = []
        for name in [*lex.bodies, *lex.igos, *lex.countries, *lex.cities]:
            (short_names if len(name) <= 4 or "." in name else long_names).append(name)
        self.known_lower.add("KNOWN", [nlp.make_doc(n) for n in sorted(set(long_names))])
        exact = set()
        for n in short_names:
            exact.add(n.upper())
            if n.upper() != n.title():
                exact.add(n.title() if len(n) > 4 else n.upper())
        self.known_exact.add("KNOWN", [nlp.make_doc(n) for n in sorted(exact)])
        # well-known figures named in full, which the small model often misses or calls organisations:
        # our hand list and the actor dictionary's people
        dictionary = lex.dictionary
        hand = [*lex.people, *lex.people_dated, *lex.people_alias]
        titles = {*lex.role_sectors, *lex.honorifics, *lex.abbreviations, *lex.demonyms, *lex.countries}
        self.known_people = NameFinder(
            [
                *(n for n in hand if " " in n),
                # the dictionary's names without a title ("President Barack Obama" is a title and a name)
                *(
                    n
                    for n in (dictionary.person_names() if dictionary else ())
                    if not any(" ".join(n.split()[:k]) in titles for k in (1, 2, 3))
                ),
            ]
        )
        # and by surname alone ("Aristide said", "Mitterrand said": nothing, or an organisation); the
        # dictionary's only where no place, nationality or first name is spelt alike
        surnames = {n for n in hand if " " not in n}
        surnames |= {
            n
            for n in (dictionary.surnames() if dictionary else ())
            if n not in lex.genders and n not in lex.cities and town_sizes().get(n, 0) < TOWN_SIZE
        }
        self.known_surnames = frozenset(n for n in surnames if n not in lex.countries and n not in lex.demonyms)
        # the dictionary's bodies, companies and armed groups named in two words or more ("Lord's
        # Resistance Army"), which the small model misses or cuts; one-word names only as it tags them
        self.dictionary_bodies = NameFinder(
            n
            for n in (dictionary.body_names() if dictionary else ())
            if not any(" ".join(n.split()[:k]) in titles for k in (1, 2))
            and n not in lex.bodies
            # "White House press secretary": an office, named after its body
            and n.split()[-1] not in lex.weak_roles | _PERSON_TITLES
        )
        self.us_states = frozenset(us_states()) - {"washington"}  # (also the capital)
        self.day: date | None = None  # the publication day of the Doc being read

    # -- candidate spans ------------------------------------------------------------------
    def spans(self, doc: Doc) -> list[tuple[Span, str]]:
        """Entity spans and known names, longest first on overlap, in text order."""
        ents = doc.ents  # (spaCy builds every entity Span anew on each access)
        found: list[tuple[Span, str]] = [(_paren_closed(e), e.label_) for e in ents if e.label_ in ENTITY_LABELS]
        found.extend((s, "NORP") for e in ents if e.label_ in _NUMBERS for s in self._counted_people(e))
        # a people the model left untagged: "About 50,000 Greeks took to the streets"
        found.extend(
            (doc[i : i + 1], "NORP")
            for i in tokens_with(doc, self.demonym_words, (LOWER,))
            if not (t := doc[i]).ent_type_
            and t.is_title
            and t.text.endswith("s")
            and t.pos_ in ("PROPN", "NOUN")
            and t.lower_ in self.lex.demonyms
        )
        for matcher, need_cap in ((self.known_lower, True), (self.known_exact, False)):
            for _, s, e in matcher(doc):
                span = doc[s:e]
                # a name, not the words: capitalised, after "the", or capitalised inside ("al-Qaeda")
                if need_cap and not (
                    span[0].text[0].isupper()
                    or span[0].lower_ == "the"
                    or any(c.isupper() for c in span.text)
                    # a body named by common words: "the international community", "international mediators"
                    or self.lex.bodies.get(span.text.lower(), ("", "", ""))[2] == "group"
                ):
                    continue
                found.append((span, "KNOWN"))
        for finder, label in ((self.known_people, "KNOWN_PERSON"), (self.dictionary_bodies, "DICTIONARY_BODY")):
            for s, e in finder(doc):
                # capitalised as a name is ("Kim Dae-jung", "Omar al-Bashir", "Daniel arap Moi")
                if doc[s].text[0].isupper() and all(
                    t.text[0].isupper() or doc[t.i - 1].text == "-" or t.lower_ in _NAME_PARTICLES or t.is_stop
                    for t in doc[s + 1 : e]
                    if t.is_alpha
                ):
                    found.append((doc[s:e], label))
        for i in tokens_with(doc, self.known_surnames, (LOWER,)):
            t = doc[i]
            after = doc[i + 1] if i + 1 < len(doc) else None
            before = doc[i - 1] if i > 0 else None
            if (
                t.is_title
                # not a word of a capitalised headline ("Le Pen Backs Trump"); a title may come first
                and (
                    before is None
                    or not (before.is_title and before.tag_ in ("NNP", "NNPS"))
                    or before.lower_ in self.lex.honorifics
                    or before.lower_ in self.lex.role_sectors
                )
                and t.pos_ in ("PROPN", "NOUN")
                and t.ent_type_ != "PERSON"
                and t.ent_iob_ != "I"
                and (after is None or (after.ent_iob_ != "I" and not (after.is_title and after.tag_ == "NNP")))
            ):
                found.append((doc[i : i + 1], "KNOWN_PERSON"))
        found.sort(key=lambda x: (x[0].start, -(x[0].end - x[0].start)))
        out: list[tuple[Span, str]] = []
        last_end = -1
        for span, label in found:
            if span.start < last_end:
                prev, plabel = out[-1]
                # A known body wins over a shorter or mislabelled entity at the same place.
                known = ("KNOWN", "KNOWN_PERSON", "DICTIONARY_BODY")
                if span.start == prev.start and (
                    (label in known and span.end >= prev.end and plabel not in known)
                    # a known figure inside a longer entity of another kind: "[King Fahd of]" (GPE)
                    or (label == "KNOWN_PERSON" and plabel not in ("KNOWN", "KNOWN_PERSON", "PERSON"))
                ):
                    out[-1] = (span, label)
                    last_end = span.end
                continue
            out.append((span, label))
            last_end = span.end
        return out

    def _counted_people(self, ent: Span) -> list[Span]:
        """The people inside a number the model read whole: "[Hundreds of Greeks]" (CARDINAL,
        or even DATE)."""
        of = next((t for t in ent if t.lower_ == "of"), None)
        rest = ent[of.i - ent.start + 1 :] if of is not None else ent[:0]
        if len(rest) and all(t.text[0].isupper() and self.lex.code_of_word(t.text) for t in rest):
            return [rest]
        return []

    # -- one candidate -------------------------------------------------------------------------
    def candidates(self, doc: Doc) -> list[Candidate]:
        self.day = parse_day(doc._.published)
        out: list[Candidate] = []
        spans = _residents_joined(self.spans(doc))
        in_role: set[int] = set()  # token indices already used as a role of a person or group
        for span, label in spans:
            if len(span) == 1 and span[0].lower_ in self.group_words and _placed_plural(span[0]):
                continue  # "Kidnappers in Lebanon freed …": a plural noun the model read as a name (a group)
            if (pair := self._compass_pair(doc, span)) is not None:
                out.extend(pair)  # "North and South Korea": two countries in one name
                continue
            cand = self._candidate(doc, span, label, in_role)
            if cand is not None and cand.kind == "group":
                cand = self._ethnic(doc, cand)
            if cand is not None:
                out.append(cand)
        out.extend(self._elliptic_compass(doc, out))
        out.extend(self._acronyms(doc, out))
        out = self._led_groups(doc, out)
        out.extend(self._common_groups(doc, out, in_role))
        # drop candidates whose tokens ended up inside another's role
        keep = []
        for c in out:
            found = doc.char_span(c.start, c.end, alignment_mode="expand")
            if found is not None and found.start in in_role and c.kind != "person":
                continue
            keep.append(c)
        keep.sort(key=lambda c: c.start)
        furniture = page_furniture(doc_text(doc), self.lex)
        if furniture:
            # a wire dateline ("WASHINGTON (AP) —") and credit lines ("Reporting by …") name no actor
            keep = [c for c in keep if not any(s <= c.start < e for s, e in furniture)]
        self._one_country_sentences(doc, keep)
        for c in keep:
            owned = doc.char_span(c.start, c.end, alignment_mode="expand") if c.country is None else None
            # "Milosevic's forces"; a body no country is known for: "Israel's supreme court"
            if owned is not None and c.kind in ("group", "organization"):
                c.country = self._owner_country(owned, keep)
        return keep

    def _compass_pair(self, doc: Doc, span: Span) -> list[Candidate] | None:
        """The two countries of one name "North and South Korea", or None if ``span`` is no such name."""
        words = [t.lower_ for t in span]
        if len(words) < 4 or words[1] != "and" or words[0] not in _COMPASS or words[2] not in _COMPASS:
            return None
        second = self.lex.countries.get(" ".join(words[2:]))
        first = self.lex.countries.get(" ".join([words[0], *words[3:]]))
        if not (first and second):
            return None
        subject = span.root.dep_ in ("nsubj", "nsubjpass")
        start = sentence_of(span).start_char
        pair = [
            self._place(doc, span[:1], first, start, subject, set()),
            self._place(doc, span[2:], second, start, subject, set()),
        ]
        return [c for c in pair if c is not None]

    def _elliptic_compass(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """ "South and North Korea", "North and South Yemen": the first compass word names a country
        of its own, its name left to the second ("South" is South Korea)."""
        out: list[Candidate] = []
        for c in found:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if c.kind != "country" or span is None or span.start < 2 or len(span) < 2:
                continue
            first, conj = doc[span.start - 2], doc[span.start - 1]
            if conj.lower_ != "and" or first.lower_ not in _COMPASS or span[0].lower_ not in _COMPASS:
                continue
            code = self.lex.countries.get(" ".join([first.lower_, *(t.lower_ for t in span[1:])]))
            if code and code != c.country:
                subject = first.dep_ in ("nsubj", "nsubjpass")
                cand = self._place(doc, doc[first.i : first.i + 1], code, sentence_of(first).start_char, subject, set())
                if cand is not None:
                    out.append(cand)
        return out

    def _one_country_sentences(self, doc: Doc, cands: list[Candidate]) -> None:
        """Unnamed rebels, protesters, opposition, newspapers or state bodies, and parties, in a sentence that names one
        country only (as an actor or a place) are that country's: "Philippine President Fidel
        Ramos offered amnesty to communist rebels", not "American officials met rebels in Paris";
        so is a people of several states placed nowhere ("Turkish authorities imprisoned six
        Kurdish members of parliament")."""
        unknown: list[Candidate] = [
            c
            for c in cands
            if c.country is None
            and (
                (c.kind == "group" and (c.sector in LOCAL_SECTORS or c.sector == "MED"))
                # "Guerrillas" opening a sentence, read as a name: still the bare noun
                or (c.kind == "organization" and c.sector in LOCAL_SECTORS and len(c.tokens) == 1)
                # a party runs in one country's elections: "Turkey banned the People's Democracy Party"
                or (c.kind == "organization" and c.sector == "PTY")
                # a state's own body, unnamed: "the ruling junta", "police" (not "foreign officials")
                or (
                    (c.tokens[-1].lower() in STATE_BODIES or " ".join(c.tokens[-2:]).lower() in _STATE_FORCES)
                    and not _FOREIGN & {t.lower() for t in c.tokens}
                )
                # a titled person nobody codes: "an appeal from President Laurent Gbago" (Ivory Coast)
                or (c.kind == "person" and c.roles and c.sector in ("GOV", "MIL", "LEG", "JUD", "OPP"))
            )
        ]
        unknown += [c for c in cands if c.guessed]
        if not unknown:
            return
        codes: dict[int, set[str]] = {}
        for c in cands:
            if not c.guessed:
                codes.setdefault(c.sent_start, set()).add(c.country or "")
        for c in unknown:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is not None:
                # a person is placed by the actors around, not by a place the sentence mentions
                places = place_codes(sentence_of(span), self.lex) if c.kind != "person" else set()
                named = only_country(codes.get(c.sent_start, set()) | places)
                homes = self.lex.across_borders.get(c.tokens[0].lower()) if c.guessed else None
                if homes and named not in homes and named not in places:
                    named = None  # "Norwegian mediators met Tamil leaders": Tamils are not Norway's
                c.country = named or (c.country if c.guessed else None)

    def _owner_country(self, span: Span, cands: list[Candidate]) -> str | None:
        """The country of the actor a group's possessive pronoun points back to: the nearest one
        before it in its sentence ("the Israeli army said its jets bombed …", "Serb commanders
        said their forces had withdrawn"), or of the actor named as its owner ("Milosevic's forces")."""
        owners = [t for t in children_of(span.root) if t.dep_ == "poss" and t.i < span.start]
        named = next((c for o in owners for c in cands if c.start <= o.idx < c.end and c.country), None)
        if named is not None:
            return named.country
        if not any(t.lower_ in ("its", "their") for t in owners):
            return None
        before = [
            c
            for c in cands
            if c.country and c.country != "IGO" and sentence_of(span).start_char <= c.start and c.end <= span.start_char
        ]
        return max(before, key=lambda c: c.end).country if before else None

    def _candidate(self, doc: Doc, span: Span, label: str, in_role: set[int]) -> Candidate | None:
        lex = self.lex
        # strip "the" and possessives
        while len(span) and span[0].lower_ in ("the",):
            span = span[1:]
        while len(span) and (span[-1].text in _POSSESSIVE or span[-1].text in _EDGE_QUOTES):
            span = span[:-1]
        while len(span) and span[0].text in _EDGE_QUOTES:
            span = span[1:]
        if (
            not len(span)
            or prefixed(span[0])
            or (
                len(span) > 2
                and span[0].lower_ in _STANCE_PREFIXES
                and span[1].text == "-"
                and span.text.lower() not in lex.igos  # the Non-Aligned Movement is a body
            )
        ):
            return None  # "pro-Iranian": a stance, not a nationality
        if label in ("ORG", "PERSON", "GPE") and (sent := self._sent_to(span)) is not None:
            span, label = sent, "PERSON"  # "Ambassador to [Ukraine Marie Yovanovitch]": the holder
        root = span.root
        sent_start = sentence_of(span).start_char if doc.has_annotation("SENT_START") else 0
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ in ("compound", "amod", "poss") and root.head.dep_ in ("nsubj", "nsubjpass")
        )
        key = " ".join(t.lower_ for t in span).replace("’", "'")
        written = span.text.lower()
        if (
            key not in lex.bodies
            and key not in lex.igos
            and key not in lex.cities
            and any(written in names for names in (lex.bodies, lex.igos, lex.cities, lex.countries))
        ):
            key = written  # "al-Qaeda", "Port-au-Prince": the name as written, not token by token
        if label == "DICTIONARY_BODY" and key not in lex.bodies and key not in lex.igos:
            return self._org(doc, span, sent_start, subject, in_role)
        if label == "KNOWN" or key in lex.bodies or key in lex.igos:
            return self._known(doc, span, key, sent_start, subject, in_role)
        if label in ("PERSON", "ORG", "PRODUCT") and span[-1].lower_ in lex.named_things:
            return None  # "Patriot missile batteries", "Scud attacks": weapons the tagger read as names
        if (
            label in ("PERSON", "ORG")
            and (lex.code_of_word(span.text) or all(lex.code_of_word(t.text) for t in span if not t.is_punct))
            # a lone name that is also a people's ("Karen said") stays a person unless it modifies a noun
            and (len(span) > 1 or span.root.dep_ in ("amod", "compound", "nmod") or span.text.endswith("s"))
        ):
            # the small model reads "Ugandan", "Bangladeshi", "Bosnian Serbs" as names: nationality
            # words, coded by the first ("Bosnian Serbs" are Bosnia's)
            code = lex.code_of_word(span.text) or lex.code_of_word(span[0].text)  # "Sri Lankan" as a whole
            return self._group(doc, span, sent_start, in_role, code=code)
        if (
            label == "PERSON"
            and key in lex.countries
            and root.dep_ == "pobj"
            and root.head.lower_ in ("to", "from", "into", "in", "against", "with")
            # not the surname of a person the article names in full ("Michael Jordan … with Jordan")
            and not any(key in words for _, _, words in _full_names(doc))
        ):
            # "sent troops to Mali": a country the small model read as a name, where a place goes
            return self._place(doc, span, lex.countries[key], sent_start, subject, in_role)
        if label == "PERSON" and len(span) == 1 and f"{span[0].lower_} {root.head.lower_}" in lex.role_sectors:
            return None  # "Riot police fired tear gas": a role's first word, capitalised, read as a name
        if (placed := self._placed_members(span, label)) is not None:
            # "[Virginia Democrats]", "[Ohio Republicans]" read as a name: a group of the place
            code, sector = placed
            return Candidate(
                span.start_char,
                span.end_char,
                span.text,
                "group",
                [t.text for t in span],
                country=code,
                sector=sector,
                sent_start=sent_start,
                is_subject=subject,
            )
        if label == "PERSON" and len(span) == 1 and not lex.names_person(key) and self._named_body(span):
            # "Hezbollah said", "Boeing said", "posted on Tumblr": a body, a company or a platform
            return self._org(doc, span, sent_start, subject, in_role)
        if label == "ORG" and len(span) > 1 and (lex.names_person(key) or self._first_named(span)):
            # "Ban Ki-moon", "Scooter Braun" read as bodies: a known figure, or a first name and a
            # surname with no word of a body's name
            return self._person(doc, span, sent_start, subject, in_role)
        body_noun = root.head.lower_ in _BODY_HEADS and root.head.i >= span.end
        if label == "PERSON" and root.dep_ == "compound" and body_noun:
            # "the Falun Gong spiritual movement", "the Solidarity trade union": a body's name
            return self._org(doc, span, sent_start, subject, in_role)
        if (
            label in ("PERSON", "KNOWN_PERSON")
            or (label == "ORG" and len(span) > 1 and span[0].lower_ in lex.abbreviations and span[-1].is_title)
            or (label == "ORG" and _titled_name(span))
        ):
            # "DM Gallant" is sometimes read as an organisation: a title makes it a person
            return self._person(doc, span, sent_start, subject, in_role)
        if label == "NORP":
            return self._group(doc, span, sent_start, in_role)
        if label in ("GPE", "LOC", "FAC") and (lex.names_person(_norm(span.text)) or _surname_of_named(span)):
            # "urged Obama", "Palin said" (after "Sarah Palin"), read as a place
            return self._person(doc, span, sent_start, subject, in_role)
        if label in ("GPE", "LOC", "FAC"):
            code = lex.place_code(span.text)
            key = lookup_key(span.text)
            if (
                label == "FAC"
                and key not in lex.countries
                and key not in lex.cities
                and town_sizes().get(key, 0) < TOWN_SIZE
            ):
                code = None  # "the Karni crossing": a facility, not a small town of that name elsewhere
            if code not in (None, "USA") and self._us_state_after(span):
                code = "USA"  # "Burlington, Vt.", "Alexandria, Virginia": not Ontario's or Egypt's
            if code is None:
                # "the Sri Lankan army": a nationality word the tagger read as a place
                return self._group(doc, span, sent_start, in_role) if lex.code_of_word(span.text) else None
            return self._place(doc, span, code, sent_start, subject, in_role)
        if label == "ORG":
            return self._org(doc, span, sent_start, subject, in_role)
        return None

    def _placed_members(self, span: Span, label: str) -> tuple[str, str | None] | None:
        """The country and sector of a name the model made of a place and a plural role noun
        ("Virginia Democrats", "Texas Republicans"), or None for any other name."""
        last = span[-1]
        if label not in ("PERSON", "ORG") or len(span) < 2 or not last.text.endswith("s"):
            return None
        if last.lower_ in self.lex.role_sectors:
            sector = self.lex.role_sectors[last.lower_] or None
        elif self.lex.bodies.get(last.lower_, ("", "", ""))[2] == "group":
            sector = self.lex.bodies[last.lower_][1]  # "Democrats", "Republicans"
        else:
            return None
        place = span[:-1]
        code = self.lex.place_code(place.text) or country_in(list(place), self.lex)
        return (code, sector) if code and code != "IGO" else None

    def _first_names(self, tokens: list[Token]) -> bool:
        """Are ``tokens`` capitalised words that hold no title, nationality, place or body: a first
        name (or names) before a surname the model read alone?"""
        lex = self.lex
        return all(
            t.is_title
            and t.pos_ == "PROPN"
            and t.ent_type_ in ("", "PERSON")
            and t.lower_ not in lex.role_sectors
            and t.lower_ not in lex.abbreviations
            and t.lower_ not in lex.honorifics
            and lex.code_of_word(t.text) is None
            and lex.place_code(t.text) is None
            for t in tokens
        )

    def _body_in(self, tokens: list[Token]) -> tuple[str, str | None] | None:
        """The body a title names ("PLO Chairman", "Emirates Airline president") and its sector (None
        when no lexicon knows it), or None when the title names no body."""
        lex = self.lex
        for t in tokens:
            if t.lower_ in lex.role_sectors:
                continue  # the title itself, which the model may have read into the body's name
            ent = entity_at(t) if t.ent_type_ == "ORG" else None
            words = [w for w in (ent if ent is not None else [t]) if w.lower_ not in lex.weak_roles]
            name = " ".join(w.text for w in words)
            key = lookup_key(name)
            if key in lex.bodies:
                return name, lex.bodies[key][1]
            if key in lex.igos:
                return name, lex.igo_sectors.get(key)
            if ent is not None:
                known = lex.known_body(name, self.day)
                return name, known.sector if known else lex.sector_of_role(key.split())
        return None

    def _sent_to(self, span: Span) -> Span | None:
        """The holder's name in a name the model ran on from the place an envoy is sent to
        ("Ambassador to [Ukraine Marie Yovanovitch]"): the words after the place, or None."""
        doc = span.doc
        at = span.start - 1
        if at > 0 and doc[at].lower_ == "the":
            at -= 1  # "ambassador to the Ukraine Marie Yovanovitch"
        if len(span) < 2 or at < 1 or doc[at].lower_ not in ("to", "in") or doc[at - 1].lower_ not in _SENT_TO:
            return None
        for k in range(len(span) - 1, 0, -1):
            rest = span[k:]
            if self.lex.place_code(span[:k].text) and all(t.is_title for t in rest if t.is_alpha):
                return rest
        return None

    def _named_body(self, span: Span) -> bool:
        """Is the one word ``span`` a body the actor dictionary or our lists know, or a platform
        something is posted on ("wrote on Tumblr", "a Snapchat post")?"""
        if self.lex.known_body(span.text) is not None:
            return True
        tok = span[0]
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in ("on", "via") and head.head.lemma_ in _POSTED:
            return True
        return tok.dep_ == "compound" and head.lemma_ in _POSTS and head.i == tok.i + 1

    def _first_named(self, span: Span) -> bool:
        """Does ``span`` read as a person's name: a first name the lexicon knows, then capitalised
        words, none of which names a body ("Scooter Braun" is; "Dick Clark Productions" is not)?"""
        words = [t for t in span if t.text != "-"]
        if not (2 <= len(words) <= 3) or words[0].lower_ not in self.lex.genders or not all(t.is_title for t in words):
            return False
        body_words = _BODY_HEADS | _BUSINESSES | _ORG_WORDS
        return not any(t.lower_ in body_words or t.lower_ in self.lex.role_sectors for t in words[1:])

    def _us_state_after(self, span: Span) -> bool:
        """Is ``span`` followed by a comma and a US state ("Burlington, Vt.", "Palm Beach, Florida")?"""
        doc = span.doc
        if span.end + 1 >= len(doc) or doc[span.end].text != ",":
            return False
        words = self.lex.us_state_words
        return any(doc[span.end + 1 : span.end + 1 + n].text.lower() in words for n in (1, 2, 3))

    def _is_place_use(self, span: Span) -> bool:
        """A place name used as a location ("in Gaza"), not as an actor ("Israel said")."""
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head  # "in Mississippi, Kentucky and Louisiana": each is a place
        return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS

    def _is_modifier(self, span: Span) -> bool:
        """A name modifying another noun ("U.S. officials", "Israeli delegation")."""
        root = span.root
        return (root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end) or _based_in(root)

    def _place(
        self, doc: Doc, span: Span, code: str, sent_start: int, subject: bool, in_role: set[int]
    ) -> Candidate | None:
        if self._is_place_use(span):
            return None
        if self._is_modifier(span) or span.start in in_role:
            group = self._group(doc, span, sent_start, in_role, code=code)
            return group
        return Candidate(
            span.start_char,
            span.end_char,
            span.text,
            "country",
            [t.text for t in span],
            country=code,
            sector=None,
            sent_start=sent_start,
            is_subject=subject,
        )

    def _known(
        self, doc: Doc, span: Span, key: str, sent_start: int, subject: bool, in_role: set[int]
    ) -> Candidate | None:
        lex = self.lex
        if key in lex.countries or key in lex.cities or (key not in lex.igos and key not in lex.bodies):
            # a place (the matcher's own names; "Georgia" the US state in an American text)
            return self._place(doc, span, lex.place_code(key) or "", sent_start, subject, in_role)
        country: str | None
        sector: str | None
        said: str | None = None  # a country the text gives a party
        if key in lex.igos:
            country, sector, kind = "IGO", lex.igo_sectors.get(key), "organization"
        elif key in lex.bodies:
            country, sector, kind = lex.bodies[key]
            if sector == "PTY":
                # many countries have a "Democratic Party": "the Democratic Party in Jakarta"
                said = self._party_country(span)
        else:
            return None
        known = DictionaryCode((country or "") + (sector or "") or None, country, sector)
        country = said or country
        if span.start in in_role:
            return None
        if self._is_modifier(span):
            # "White House spokesperson", "NATO troops": a role of what follows; handled there
            # when it is a person, else a group of the body.
            head = span.root.head
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head  # "U.N. war crimes prosecutors": the last noun of the chain
            if head.ent_type_ == "PERSON":
                return None
            sector2 = self._head_sector(head)
            if sector2:
                # members act in their body's sector ("Hamas leaders" are rebels, "Pentagon
                # officials" military); a government body's people by their own role
                members = sector if sector and sector != "GOV" else sector2
                return _group_through(doc[span.start : head.i + 1], head, country, members, sent_start)
        return Candidate(
            span.start_char,
            span.end_char,
            span.text,
            kind,
            [t.text for t in span],
            country=country,
            sector=sector,
            sent_start=sent_start,
            is_subject=subject,
            known=known,
            text_codes=(said, None),
        )

    def _org(self, doc: Doc, span: Span, sent_start: int, subject: bool, in_role: set[int]) -> Candidate | None:
        lex = self.lex
        if span.start in in_role:
            return None
        words = [t.lower_ for t in span]
        country = None
        for t in span:
            code = lex.code_of_word(t.text)
            if code:
                country = code
                break
        if country is None:
            for i in range(len(words)):
                for j in range(len(words), i, -1):
                    code = lex.code_of_word(" ".join(words[i:j]))
                    if code:
                        country = code
                        break
                if country:
                    break
        guessed = False  # an international body guessed from the words of its name
        if (
            any(w in ("un", "u.n.", "united", "nations") for w in words[:2])
            and "nations" in words
            or words[0] in ("un", "u.n.", "eu", "nato")
        ):
            country = "IGO"
        elif country is None and _TRANSNATIONAL & set(words) and words[-1] not in _BUSINESSES:
            # "the Third World Water Forum", "the International Crisis Group": no one state's
            country, guessed = "IGO", True
        sector = lex.sector_of_role(words) or (self.lex.igo_sectors.get(" ".join(words)))
        # the head noun's modifiers before the ORG ("Israeli military")
        for t in children_of(span.root):
            if t.i < span.start and t.dep_ in ("amod", "compound", "poss"):
                country = country or lex.code_of_word(t.text)
        # the actor dictionary's body, company or armed group of that name ("Boeing" is an American
        # business, "Amnesty International" a rights group of no state): it knows better than a guess
        # from the name's words, not better than a nationality the text gives
        known = lex.known_body(span.text, self.day)
        text_codes = (None if guessed else country, sector)
        if known is not None:
            country = text_codes[0] or known.country
            sector = sector or known.sector
        return Candidate(
            span.start_char,
            span.end_char,
            span.text,
            "organization",
            [t.text for t in span],
            country=country,
            sector=sector,
            sent_start=sent_start,
            is_subject=subject,
            known=known,
            text_codes=text_codes if known is not None else None,
        )

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
                return group
            return None
        if root.pos_ in ("PROPN", "NOUN") or span.text.endswith("s"):
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

    def _role_before(self, doc: Doc, i: int, sent_begin: int) -> list[Token]:
        """The title words that end at token ``i``: "Israeli Defense Minister", "U.S. President",
        "Lebanon's new President"."""
        lex = self.lex
        left: list[Token] = []
        while i >= sent_begin:
            t = doc[i]
            if t.is_space or "\n" in t.text:
                break
            if t.pos_ in _ROLE_STOP_POS and t.text not in _POSSESSIVE and t.lower_ not in ("of", "-"):
                break
            if t.lower_ == "of" and not (left and i - 1 >= sent_begin and doc[i - 1].is_title):
                break
            if t.pos_ in ("ADJ",) and not (
                t.is_title
                or t.lower_ in lex.role_sectors  # "dissident Wei Jingsheng", tagged an adjective
                or t.lower_ in _TITLE_ADJECTIVES
            ):
                break
            if t.pos_ == "NOUN" and not (t.is_title or t.lower_ in lex.role_sectors or t.is_upper):
                break
            if t.is_sent_start and t.pos_ not in ("PROPN", "NOUN", "ADJ"):
                break
            left.insert(0, t)
            i -= 1
        while left and (left[0].text in _POSSESSIVE or left[0].lower_ in ("of", "-")):
            left.pop(0)
        return left

    def _person(self, doc: Doc, span: Span, sent_start: int, subject: bool, in_role: set[int]) -> Candidate:
        lex = self.lex
        named = span  # "King Hussein" is known by his title and name together
        # Titles inside the entity ("Secretary Blinken", "President Biden") become roles.
        role_tokens: list[Token] = []
        while len(span) > 1 and (
            span[0].lower_ in lex.role_sectors
            or span[0].lower_ in lex.abbreviations
            or span[0].lower_ in lex.honorifics
        ):
            role_tokens.append(span[0])
            span = span[1:]
        # Pre-modifiers: "Israeli Defense Minister", "U.S. President", "Lebanon's new President".
        first = role_tokens[0].i if role_tokens else span.start
        sent_begin = sentence_of(span).start
        left = self._role_before(doc, first - 1, sent_begin)
        # "U.S. Ambassador to Ukraine Marie Yovanovitch", "China's envoy to Britain Liu Xiaoming":
        # the place an office holder is sent to is in the title, but it is not his country
        destination: list[Token] = []
        j = (left[0].i if left else first) - 1
        k = j - 1 if j > sent_begin and doc[j].lower_ == "the" else j  # "ambassador to the Ukraine"
        if k > sent_begin and doc[k].lower_ in ("to", "in") and doc[k - 1].lower_ in _SENT_TO:
            destination = [*left, *(role_tokens if not left else ())]
            left = [*self._role_before(doc, k - 1, sent_begin), *doc[k : j + 1], *left]
        # A name ending the role ("Secretary Blinken" after "State"): a person name before is not a role.
        if left and left[-1].ent_type_ == "PERSON" and left[-1] not in destination:
            left = []
        if left and not role_tokens and not destination and self._first_names(left):
            # "[Adolf] Hitler": a first name the model left out of the name, not a title
            span = named = doc[left[0].i : span.end]
            left = []
        role_span = left + role_tokens
        roles: list[str] = []
        words: list[str] = []
        country: str | None = None
        titles: list[tuple[int, int]] = []
        if role_span:
            rs, re_ = role_span[0].idx, role_span[-1].idx + len(role_span[-1])
            titles.append((rs, re_))
            role_text = doc_text(doc)[rs:re_]
            in_role.update(t.i for t in role_span)
            roles.append(role_text)
            expanded = " ".join(lex.abbreviations.get(t.lower_, t.text) for t in role_span)
            if expanded != role_text:
                roles.append(expanded)
            words = [t.lower_ for t in role_span] + [w.lower() for w in expanded.split()]
            country = country_in([t for t in role_span if t not in destination], self.lex)
        # Apposition: "Kirby, the White House spokesperson" / "the spokesperson, John Kirby".
        described: list[str] = []
        for app in _appositions(span):
            app_words = [t.lower_ for t in app if not t.is_space]
            if (
                app_words
                and app_words[0] not in ("my", "our", "your", "their", "its")
                and lex.sector_of_role(app_words)
            ):
                roles.append(doc_text(doc)[app[0].idx : app[-1].idx + len(app[-1])].removeprefix("the ").strip())
                described += [t.lower_ for t in app]
                country = country or country_in(_not_sent_to(list(app)), self.lex)
                in_role.update(t.i for t in app)
        # the title's role first ("Queen Elizabeth, his mother": a queen), else the apposition's
        found = (lex.role_of(words) if words else None) or (lex.role_of(described) if described else None)
        sector = found[1] if found else None
        weak = False  # a title any body gives, whose sector a lexicon's may replace
        if found is not None and found[0] in lex.weak_roles:
            body = self._body_in([t for t in role_span if t not in destination])
            if body is not None:
                sector = body[1]  # "PLO Chairman Yasser Arafat", "Home Depot president Craig Menear"
            else:
                weak = True
        if country is None and _US_PARTY_STATE.match(doc_text(doc), span.end_char):
            # "Rep. Henry Cuellar (D-Texas)", "Sen. Kelly Ayotte, R-N.H.,": a member of Congress
            country, sector = "USA", sector or "LEG"
        # what a lexicon knows of the name ("King Hussein" is known with his title, "President
        # Mubarak" without), on the article's day; what the text says wins over it
        known = lex.known_person([t.text for t in named], self.day) or lex.known_person(
            [t.text for t in span if t.lower_ not in lex.honorifics], self.day
        )
        text_country, text_sector = country, sector
        if known is not None and weak and known.sector:
            text_sector = None  # "Chairman Yasser Arafat": the chairman of what, the dictionary knows
        if known is not None:
            country = country or known.country
            sector = text_sector or known.sector
        if country is None:
            # a title one government uses ("Secretary of State"), after who is known: Pakistan's
            # foreign secretary is no Briton
            country = text_country = next((c for c in map(lex.country_of_role, roles) if c), None)
        tokens = [t.text for t in span if t.lower_ not in lex.honorifics]
        return Candidate(
            span.start_char,
            span.end_char,
            span.text,
            "person",
            tokens,
            roles=roles,
            country=country,
            sector=sector,
            sent_start=sent_start,
            is_subject=subject,
            titles=titles,
            known=known,
            text_codes=(text_country, text_sector) if known is not None else None,
        )

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
            country = country_in(list(span), self.lex) or next((c.country for c in whose if c.country), None)
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

    def _acronyms(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """ "UN Security Council (UNSC)": the acronym names the same body, here and later."""
        out: list[Candidate] = []
        by_end = {c.end: c for c in cands}
        text = doc_text(doc)
        for c in list(cands):
            j = c.end
            while j < len(text) and text[j] == " ":
                j += 1
            if j < len(text) and text[j] == "(":
                k = text.find(")", j)
                acr = text[j + 1 : k] if 0 < k - j <= 12 else ""
                if (
                    acr.isupper()
                    and acr.replace(".", "").isalpha()
                    and by_end.get(c.end) is c
                    and _abbreviates(acr, c.text)
                ):
                    out.append(
                        Candidate(
                            j + 1,
                            k,
                            acr,
                            c.kind,
                            [acr],
                            country=c.country,
                            sector=c.sector,
                            acronym_of=c.text,
                            sent_start=c.sent_start,
                            mention_kind="acronym",
                            known=c.known,
                            text_codes=c.text_codes,
                        )
                    )
        defined = {o.text: o for o in out}
        if defined:
            taken = {(c.start, c.end) for c in cands} | {(o.start, o.end) for o in out}
            for t in doc:
                if t.text in defined and (t.idx, t.idx + len(t)) not in taken:
                    o = defined[t.text]
                    out.append(
                        Candidate(
                            t.idx,
                            t.idx + len(t),
                            t.text,
                            o.kind,
                            [t.text],
                            country=o.country,
                            sector=o.sector,
                            acronym_of=o.acronym_of,
                            sent_start=sentence_of(t).start_char,
                            mention_kind="acronym",
                            is_subject=t.dep_ in ("nsubj", "nsubjpass"),
                            known=o.known,
                            text_codes=o.text_codes,
                        )
                    )
        return out


def page_furniture(text: str, lex: ActorLexicon) -> list[tuple[int, int]]:
    """Character ranges of a page's furniture, where no actor is named: a wire dateline opening a
    paragraph ("WASHINGTON (AP) —": the place the story was filed from and the agency) and
    credit lines (lines that open or end with the phrases of ``credit_lines`` in
    ``data/actors.json``: "Reporting by …; Editing by …", "… contributed to this report")."""
    out: list[tuple[int, int]] = []
    opening, ending = lex.credit_lines
    for m in re.finditer(r"(?:^|\n)[ \t]*(\S[^\n]*)", text):
        start, line = m.start(1), m.group(1)
        dateline = DATELINE.match(text, start, start + 120) if line[:1].isupper() else None
        if dateline is not None:
            out.append((start, dateline.end()))
        if len(line) <= 300 and (opening.match(line) or ending.search(line)):
            out.append((start, start + len(line)))
    return out


def _not_sent_to(tokens: list[Token]) -> list[Token]:
    """``tokens`` without the place an envoy is sent to ("the former special envoy to Kyiv")."""
    for k in range(1, len(tokens) - 1):
        if tokens[k].lower_ in ("to", "in") and tokens[k - 1].lower_ in _SENT_TO:
            return tokens[:k]
    return tokens


def _abbreviates(acronym: str, name: str) -> bool:
    """Can ``acronym`` stand for ``name``: its letters in order in the name, the first the name's
    first ("UNSC" for "UN Security Council", "ISIS" for "Islamic State"; not "AP" for
    "WASHINGTON" in a dateline)?"""
    letters = [ch for ch in acronym.lower() if ch.isalpha()]
    low = name.lower()
    if not letters or not low or letters[0] != low[0]:
        return False
    pos = 0
    for ch in letters:
        pos = low.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


_US_PARTY_STATE = re.compile(r"\s*[(,]\s*(?:D|R|I)\s*[-\u2013]\s*[A-Z][a-z]*\.?")


_FULL_NAMES_KEY = "newsgraph.full_names"


def _full_names(doc: Doc) -> list[tuple[int, str, frozenset[str]]]:
    """The people the text names in more than one word, as (start, last word, lower-case words),
    found once per Doc (asked per mention). Plain values: a Span kept on its own Doc would tie
    the Doc in a reference cycle only the garbage collector can free."""
    names: list[tuple[int, str, frozenset[str]]] | None = doc.user_data.get(_FULL_NAMES_KEY)
    if names is None:
        names = [
            (e.start, e[-1].text, frozenset(e.text.lower().split()))
            for e in entities_in(doc[:])
            if e.label_ == "PERSON" and len(e) > 1
        ]
        doc.user_data[_FULL_NAMES_KEY] = names
    return names


def _surname_of_named(span: Span) -> bool:
    """Is the one word ``span`` the last name of a person the text names in full ("Sarah Palin …
    Palin said")?"""
    if len(span) != 1:
        return False
    word = span[0].text
    return any(last == word and start != span.start for start, last, _ in _full_names(span.doc))


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
# the nouns a body's name can be a compound of: "the Umma (Nation) party", "the Falun Gong sect"
_BODY_HEADS = {"party", "front", "movement", "league", "alliance", "council", "union", "army", "group"}
_BODY_HEADS |= {"sect", "organisation", "organization", "militia", "faction"}


def _based_in(tok: Token) -> bool:
    """Is ``tok`` the place in "Pakistan-based militants" (a place a group is based in)?"""
    based = tok.head
    return tok.dep_ == "npadvmod" and based.lower_ == "based" and based.dep_ == "amod" and based.head.i > based.i


def _paren_closed(ent: Span) -> Span:
    """A name the model cut inside its gloss, closed: "Umma (Nation" is "Umma (Nation) party"."""
    if "(" not in ent.text or ")" in ent.text:
        return ent
    doc = ent.doc
    close = next((i for i in range(ent.end, min(ent.end + 3, len(doc))) if doc[i].text == ")"), None)
    if close is None:
        return ent
    end = close + 1
    if end < len(doc) and doc[end].lower_ in _BODY_HEADS and ent.root.head.i == end:
        end += 1  # the body noun the name is a compound of
    return Span(doc, ent.start, end, label=ent.label_)


# sectors of groups that act where they live (not armies, which cross borders)
LOCAL_SECTORS = {"REB", "OPP", "CVL", "LAB", "CRM", "AGR", "EDU", "REL"}
STATE_BODIES = {
    "authorities",
    "government",
    "junta",
    "regime",
    "cabinet",
    "police",
    "army",
    "military",
}
_STATE_FORCES = {
    *("security forces", "government forces", "government troops", "government soldiers"),
    *("police officers", "paramilitary forces", "riot police"),
}
_TRANSNATIONAL = {"international", "world", "global", "forum", "interpol", "crescent", "commonwealth"}
_BUSINESSES = {
    *("hotel", "hotels", "inc", "inc.", "corp", "corp.", "co", "co.", "bank", "airlines", "initiative"),
    *("times", "post", "news", "journal", "herald", "tribune", "network"),  # newspapers and broadcasters
}
_FOREIGN = {"foreign", "world", "international", "western", "other", "rival", "opposing"}
_PLACE_NOUNS = {"town", "city", "village", "province", "region", "capital", "district", "port", "area", "state"}
# lower-case words inside personal names
_NAME_PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "de",
    "da",
    "do",
    "dos",
    "du",
    "van",
    "von",
    "der",
    "la",
    "le",
    "arap",
    "ul",
}
# titles only people hold: a name after one that the model read as a body is the holder's
_PERSON_TITLES = frozenset(
    {
        "envoy",
        "minister",
        "president",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "chancellor",
        "premier",
        "mediator",
        "negotiator",
        "diplomat",
        "senator",
        "governor",
        "secretary-general",
    }
)


def _titled_name(span: Span) -> bool:
    """Is ``span`` a person's name of two or more capitalised words after a person's title ("U.N.
    envoy Terje Roed-Larsen")?"""
    words = [t for t in span if t.text != "-"]
    doc = span.doc
    return (
        len(words) > 1
        and all(t.is_title for t in words)
        and span.start > 0
        and doc[span.start - 1].lower_ in _PERSON_TITLES
    )


# adjectives that belong to a title: "former President", "acting Interior Minister"
_TITLE_ADJECTIVES = frozenset(
    {
        *("new", "former", "acting", "then", "deputy", "senior", "top", "chief", "foreign", "junior"),
        *("interim", "outgoing", "incoming", "vice", "assistant", "special", "permanent", "ousted", "exiled"),
    }
)
# offices held somewhere else: "ambassador to Ukraine", "envoy to the UN" name where he is sent
_SENT_TO = frozenset({"ambassador", "envoy", "emissary", "representative", "consul", "delegate", "ambassadors"})
# what is posted on a platform, and posting: "a Snapchat post", "wrote on Tumblr"
_POSTS = frozenset({"post", "account", "video", "feed", "page", "user", "story", "live", "channel", "profile"})
_POSTED = frozenset({"post", "write", "say", "share", "announce", "tweet", "publish", "appear", "comment", "stream"})
# words of bodies' names besides their head nouns
_ORG_WORDS = frozenset(
    {
        *("productions", "records", "studios", "entertainment", "media", "foundation", "institute", "fund"),
        *("university", "college", "school", "hospital", "center", "centre", "club", "association", "society"),
        *("company", "companies", "group", "holdings", "capital", "partners", "ventures", "labs", "systems"),
        *("committee", "commission", "board", "agency", "department", "ministry", "office", "service", "services"),
    }
)
_COMPASS = frozenset({"north", "south", "east", "west"})
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


def _appositions(span: Span) -> list[Span]:
    doc = span.doc
    out = []
    root = span.root
    for c in children_of(root):
        if c.dep_ == "appos" and c.i >= span.end and c.ent_type_ != "PERSON" and not c.is_space:
            sub = doc[c.left_edge.i : c.right_edge.i + 1]
            if len(sub) <= 8:
                out.append(sub)
    if root.dep_ == "appos" and root.head.i < span.start and root.head.ent_type_ != "PERSON":
        h = root.head
        sub = doc[h.left_edge.i : h.i + 1]
        if len(sub) <= 8 and h.pos_ == "NOUN":
            out.append(sub)
    return out


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
