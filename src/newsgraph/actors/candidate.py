"""A mention before merging (:class:`Candidate`), and the words of bodies and groups that the
mention finders and the merging share."""

from __future__ import annotations

from dataclasses import dataclass, field

from .dictionary import DictionaryCode

_EDGE_QUOTES = {"''", "``", '"', "“", "”", "‘", "’", "'"}

_POSSESSIVE = {"'s", "’s", "'", "’"}


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


# the nouns a body's name can be a compound of: "the Umma (Nation) party", "the Falun Gong sect"
_BODY_HEADS = {"party", "front", "movement", "league", "alliance", "council", "union", "army", "group"}

_BODY_HEADS |= {"sect", "organisation", "organization", "militia", "faction"}

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

FOREIGN_WORDS = {"foreign", "world", "international", "western", "other", "rival", "opposing"}

# words of bodies' names besides their head nouns
_ORG_WORDS = frozenset(
    {
        *("productions", "records", "studios", "entertainment", "media", "foundation", "institute", "fund"),
        *("university", "college", "school", "hospital", "center", "centre", "club", "association", "society"),
        *("company", "companies", "group", "holdings", "capital", "partners", "ventures", "labs", "systems"),
        *("united", "fc", "athletic", "rovers", "wanderers", "hotspur"),
        *("committee", "commission", "board", "agency", "department", "ministry", "office", "service", "services"),
    }
)
