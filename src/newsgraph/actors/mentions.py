"""Find actor mentions in a parsed Doc: named entities, known bodies, nationality groups.

Each :class:`Candidate` is one name-like mention with what the text says about
it: the name tokens (titles and possessives stripped), roles read from
pre-modifiers and appositions, country and sector evidence. Merging candidates
into actors is :mod:`newsgraph.actors.merge`'s job.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..nlp import DATELINE, children_of, doc_text, sentence_of, tokens_with
from .candidate import (
    _BODY_HEADS,
    _BUSINESSES,
    _EDGE_QUOTES,
    _ORG_WORDS,
    _POSSESSIVE,
    _STATE_FORCES,
    _TRANSNATIONAL,
    FOREIGN_WORDS,
    LOCAL_SECTORS,
    STATE_BODIES,
    Candidate,
)
from .dictionary import DictionaryCode, NameFinder, parse_day
from .groups import (
    _GROUP_NOUNS,
    _ONLY_IN_ROLES,
    GroupMentions,
    _based_in,
    _group_through,
    _placed_plural,
    _residents_joined,
)
from .lexicon import TOWN_SIZE, ActorLexicon, lookup_key, town_sizes, us_states
from .people import (
    _NAME_PARTICLES,
    _PERSON_TITLES,
    PersonMentions,
    _full_names,
    _surname_of_named,
    _titled_name,
)
from .where import (
    _STANCE_PREFIXES,
    LOCATIVE_PREPS,
    _norm,
    country_in,
    only_country,
    place_codes,
    prefixed,
)

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}

_NUMBERS = {"CARDINAL", "DATE", "QUANTITY"}


class MentionFinder(PersonMentions, GroupMentions):
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
                    and not FOREIGN_WORDS & {t.lower() for t in c.tokens}
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
        last = span[-2].text if len(span) > 3 and span[-1].text == ")" and span[-3].text == "(" else ""
        if last.isupper() and _abbreviates(last, span[:-3].text):
            span = span[:-3]  # "[World Health Organization (WHO)]": the name; the acronym is its own mention
        if label in ("ORG", "PERSON", "GPE") and (sent := self._sent_to(span)) is not None:
            span, label = sent, "PERSON"  # "Ambassador to [Ukraine Marie Yovanovitch]": the holder
        root = span.root
        sent_start = sentence_of(span).start_char if doc.has_annotation("SENT_START") else 0
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ in ("compound", "amod", "poss") and root.head.dep_ in ("nsubj", "nsubjpass")
        )
        key = " ".join(t.lower_ for t in span).replace("’", "'")
        written = lookup_key(span.text)  # "People’s Liberation Army" as "people's liberation army"
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
        if label in ("ORG", "PERSON", "NORP") and len(span) > 1 and span[-1].lower_ in lex.not_actors:
            return None  # "the Premier League", "the American Music Awards", "the Dow Jones Industrial Average"
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
        if label == "PERSON" and all(
            t.lower_.rstrip(".") in lex.abbreviations or t.lower_ in lex.abbreviations or t.is_punct for t in span
        ):
            return None  # "Lt Col": a title the model read as a name, whose name it left out
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
        if label == "PERSON" and len(span) > 1 and span[-1].lower_ in _BODY_HEADS | _BUSINESSES | _ORG_WORDS:
            # "Dick Clark Productions", "Masten Space Systems" read as a person: a body's name
            return self._org(doc, span, sent_start, subject, in_role)
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
        sector = lex.sector_of_role(words) or (self.lex.igo_sectors.get(" ".join(words))) or self._business(span)
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

    def _business(self, span: Span) -> str | None:
        """BUS for a body its own name or an apposition calls a business: "Masten Space Systems",
        "Tempus Inc.", "Home Depot, the largest home improvement retailer", "the retailer Home
        Depot" (`business_nouns` and the company suffixes of `name_suffixes`, but "Group")."""
        last = span[-1].lower_.rstrip(".")
        if last in self.lex.business_nouns or (last in self.lex.name_suffixes and last != "group"):
            return "BUS"
        root = span.root
        described = [c for c in children_of(root) if c.dep_ == "appos" and c.i >= span.end]
        if root.dep_ == "appos" and root.head.i < span.start:
            described.append(root.head)  # "the retailer Home Depot"
        for noun in described:
            if noun.pos_ == "NOUN" and noun.lower_ in self.lex.business_nouns:
                return "BUS"
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


# what is posted on a platform, and posting: "a Snapchat post", "wrote on Tumblr"
_POSTS = frozenset({"post", "account", "video", "feed", "page", "user", "story", "live", "channel", "profile"})

_POSTED = frozenset({"post", "write", "say", "share", "announce", "tweet", "publish", "appear", "comment", "stream"})

_COMPASS = frozenset({"north", "south", "east", "west"})
