"""People's mentions: titles and appositions as roles, the country and sector they give,
what a lexicon knows of the name, and the text over the lexicon (:class:`PersonMentions`,
a part of :class:`~newsgraph.actors.mentions.MentionFinder`)."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..nlp import children_of, doc_text, entities_in, entity_at, sentence_of
from .candidate import (
    _BODY_HEADS,
    _BUSINESSES,
    _ORG_WORDS,
    _POSSESSIVE,
    Candidate,
)
from .lexicon import ActorLexicon, lookup_key
from .where import (
    country_in,
)

_ROLE_STOP_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "NUM", "PUNCT", "PART"}


def _not_sent_to(tokens: list[Token]) -> list[Token]:
    """``tokens`` without the place an envoy is sent to ("the former special envoy to Kyiv")."""
    for k in range(1, len(tokens) - 1):
        if tokens[k].lower_ in ("to", "in") and tokens[k - 1].lower_ in _SENT_TO:
            return tokens[:k]
    return tokens


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


class PersonMentions:
    """The person readings of :class:`~newsgraph.actors.mentions.MentionFinder`."""

    lex: ActorLexicon
    day: date | None

    def _office_place(self, tokens: list[Token]) -> str | None:
        """The country of a town, province or region named after "of" in a title ("Mayor of Tuzla"),
        by the gazetteers; None when there is none or it is no state's."""
        for k, t in enumerate(tokens):
            if t.lower_ != "of":
                continue
            for o in tokens[k + 1 :]:
                if o.ent_type_ in ("GPE", "LOC") or (o.pos_ == "PROPN" and not o.ent_type_):
                    ent = entity_at(o) if o.ent_type_ else None
                    code = self.lex.place_code(ent.text if ent is not None else o.text)
                    if code and code != "IGO":
                        return code
                    break
        return None

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

    def _body_in(self, tokens: list[Token]) -> tuple[str | None, str | None] | None:
        """The country and sector of the body a title names ("PLO Chairman", "Emirates Airline
        president", "Homeland Security Secretary"), each None when no lexicon knows it, or None
        when the title names no body."""
        lex = self.lex
        for t in tokens:
            if t.lower_ in lex.role_sectors:
                continue  # the title itself, which the model may have read into the body's name
            ent = entity_at(t) if t.ent_type_ == "ORG" else None
            words = [w for w in (ent if ent is not None else [t]) if w.lower_ not in lex.weak_roles]
            name = " ".join(w.text for w in words)
            key = lookup_key(name)
            if key in lex.bodies:
                return lex.bodies[key][0], lex.bodies[key][1]
            if key in lex.igos:
                return "IGO", lex.igo_sectors.get(key)
            if ent is not None:
                known = lex.known_body(name, self.day)
                if known is not None:
                    return known.country, known.sector
                return None, lex.sector_of_role(key.split())
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

    def _first_named(self, span: Span) -> bool:
        """Does ``span`` read as a person's name: a first name the lexicon knows, then capitalised
        words, none of which names a body ("Scooter Braun" is; "Dick Clark Productions" is not)?"""
        words = [t for t in span if t.text != "-"]
        if not (2 <= len(words) <= 3) or words[0].lower_ not in self.lex.genders or not all(t.is_title for t in words):
            return False
        body_words = _BODY_HEADS | _BUSINESSES | _ORG_WORDS
        return not any(t.lower_ in body_words or t.lower_ in self.lex.role_sectors for t in words[1:])

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
        of_body: list[Token] = []  # the words after "of", "at", "with" in an apposition
        of_place: list[Token] = []  # the words after its "of"
        for app in _appositions(span):
            app_words = [t.lower_ for t in app if not t.is_space]
            if (
                app_words
                and app_words[0] not in ("my", "our", "your", "their", "its")
                and lex.sector_of_role(app_words)
            ):
                roles.append(doc_text(doc)[app[0].idx : app[-1].idx + len(app[-1])].removeprefix("the ").strip())
                described += [t.lower_ for t in app]
                of_body += [o for p in app if p.lower_ in ("of", "at", "with") for o in p.subtree if o.i > p.i]
                of_place += [o for p in _not_sent_to(list(app)) if p.lower_ == "of" for o in p.subtree if o.i >= p.i]
                country = country or country_in(_not_sent_to(list(app)), self.lex)
                in_role.update(t.i for t in app)
        # the title's role first ("Queen Elizabeth, his mother": a queen), else the apposition's
        titled = lex.role_of(words) if words else None
        found = titled or (lex.role_of(described) if described else None)
        sector = found[1] if found else None
        weak = False  # a title any body gives, whose sector a lexicon's may replace
        # the body the title names ("PLO Chairman", "BBC's Emily Maitlis"), or the one the
        # apposition names it of ("president and chief operating officer of SpaceX")
        body = self._body_in([t for t in role_span if t not in destination]) or self._body_in(of_body)
        if body is not None and country is None and body[0] != "IGO":
            country = body[0]  # "Homeland Security Secretary Chad Wolf", "Pentagon spokesman"
        if found is None or found[0] in lex.weak_roles:
            if body is not None:
                sector = body[1]  # "PLO Chairman Yasser Arafat", "Home Depot president Craig Menear"
            elif found is not None and found[1] == "ELI":
                pass  # "former German President": an elite, whatever office he held
            elif found is not None and country is not None:
                sector = "GOV"  # a state's office: "Hong Kong Chief Executive", "Israeli spokesman"
            elif found is not None and titled is None:
                sector = None  # "Craig Menear, president,": of what, the apposition does not say
                weak = True
            elif found is not None:
                weak = True
        if country is None:
            # "the mayor of Tuzla", "Governor of Kandahar province X": the town or province of an office
            country = self._office_place([t for t in role_span if t not in destination] + of_place)
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
