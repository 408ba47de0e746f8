"""CAMEO actor codes: their validity dates and what they mean in the record.

A CAMEO actor code is a run of three-letter parts: a country (ISO3 for states, or a
CAMEO code such as ``IGO``, ``NGO``, ``MNC``, ``IMG``) followed by role parts
(``USAGOV``, ``IRQREB``, ``IGOUNOJUDICJ``, ``MNCUSA``). :func:`country_and_sector`
turns one into the record's ``country`` (ISO3, ``IGO`` or None) and ``sector``.

The actor dictionaries give each code the dates it held (``[DZAGOVAGR 030101-080630]``);
:func:`parse_restriction` reads that form and :func:`code_on` chooses the code valid on a
date, or the latest when the date is unknown. The build script and the hand lexicons use
the same syntax.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

import pycountry

# record sectors a CAMEO role part maps to (religions are one sector, REL)
SECTORS = frozenset(
    {
        *("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "BUS", "MED", "EDU", "HLH"),
        *("CVL", "LAB", "CRM", "REF", "ELI", "AGR", "ENV", "SPY", "UAF", "INS", "SET", "IND"),
        *("HRI", "NGO", "DEV", "REL"),
    }
)
RELIGIONS = frozenset({"MUS", "CHR", "JEW", "BUD", "HIN", "CTH", "PRO", "SHI", "SUN", "SIK", "ORT", "MOS", "TAO"})
# CAMEO codes of states that are not ISO3, or of states since split or renamed, as the record
# codes them (the record codes the Soviet Union as Russia, as the place lexicon does)
STATE_ALIASES = {
    "TMP": "TLS",
    "KSV": "XKX",
    "KOS": "XKX",
    "ROM": "ROU",
    "ZAR": "COD",
    "USR": "RUS",
    "SUN": "RUS",
    "YUG": "SRB",
    "SCG": "SRB",
    "FRY": "SRB",
    "CSK": "CZE",
    "DDR": "DEU",
    "PAL": "PSE",
}
# non-state first parts: the sector they give when no role part follows
NON_STATE = {"NGO": "NGO", "MNC": "BUS", "IMG": "REB", "UIS": "UAF"}
# the regions and other non-state CAMEO first parts that name no country
NO_COUNTRY = frozenset(
    {
        *("INT", "MEA", "SAS", "EAF", "LAM", "AFR", "ASA", "EUR", "SAF", "NMR", "EEU", "CAS", "WAF", "SAM"),
        *("NAF", "WEU", "SEA", "CFR", "EIN", "WST", "CRB", "MDE", "SCN", "BLK"),
    }
)

_DATE = re.compile(r"^\d{6}$|^\d{8}$")


@lru_cache(maxsize=1)
def iso3_codes() -> frozenset[str]:
    return frozenset({c.alpha_3 for c in pycountry.countries} | {"XKX"})


def _day(text: str) -> date | None:
    """A dictionary date: YYMMDD or YYYYMMDD (two-digit years up to 30 are 20YY)."""
    if not _DATE.match(text):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


Restriction = tuple[str, date | None, date | None]  # code, first day, last day (None: open)


def parse_restriction(text: str) -> Restriction | None:
    """ "DZAGOVAGR 030101-080630", "BENGOV >081201", "USAELI <090120", "AFGELI": a code and the
    days it holds (both ends inclusive; None for an open end). None when the date is
    malformed (the dictionaries have a few) or the code is the null code ``---``."""
    parts = text.split(None, 1)
    if not parts or not parts[0].isalnum():
        return None
    code = parts[0].upper()
    if len(parts) == 1:
        return code, None, None
    when = "".join(parts[1].split())
    if when.startswith(">"):
        first = _day(when[1:])
        return (code, first, None) if first else None
    if when.startswith("<"):
        last = _day(when[1:])
        return (code, None, last) if last else None
    if "-" in when:
        a, b = when.split("-", 1)
        first, last = _day(a), _day(b) if b else None
        if first is None or (b and last is None):
            return None
        return code, first, last
    return None


def format_restriction(r: Restriction) -> str:
    """The compact form the shipped data keeps: "USAGOV 20090120-", "AFGELI 19620101-19780427"."""
    code, first, last = r
    if first is None and last is None:
        return code
    return f"{code} {first.strftime('%Y%m%d') if first else ''}-{last.strftime('%Y%m%d') if last else ''}"


def read_restriction(text: str) -> Restriction:
    """The compact form back (see :func:`format_restriction`)."""
    code, _, when = text.partition(" ")
    if not when:
        return code, None, None
    first, _, last = when.partition("-")
    return code, _day(first) if first else None, _day(last) if last else None


def code_on(restrictions: Sequence[Restriction], day: date | None) -> tuple[str | None, bool]:
    """The code valid on ``day`` and whether it is dated (held over a range that holds ``day``,
    or — without a day — the latest range). An undated code applies when no range holds the
    day (the dictionaries' default). Without a day: the code of the range that ends last, or
    the default when the last range has ended and a default exists (a president's default is
    what he is outside office)."""
    dated = [r for r in restrictions if r[1] is not None or r[2] is not None]
    default = next((r[0] for r in restrictions if r[1] is None and r[2] is None), None)
    if day is not None:
        holding = [r for r in dated if (r[1] is None or r[1] <= day) and (r[2] is None or day <= r[2])]
        if holding:
            # the range that began last: a minister moved on the day he took up the new post
            best = max(holding, key=lambda r: r[1] or date.min)
            return best[0], True
        return default, False
    if not dated:
        return default, False
    last = max(dated, key=lambda r: (r[2] or date.max, r[1] or date.min))
    if last[2] is not None and default is not None:
        return default, False
    return last[0], True


def latest_day(restrictions: Sequence[Restriction]) -> date | None:
    """The last day any of ``restrictions`` names (its start or its end)."""
    days = [d for r in restrictions for d in (r[1], r[2]) if d is not None]
    return max(days) if days else None


def parts_of(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]


@lru_cache(maxsize=4096)
def country_and_sector(code: str | None) -> tuple[str | None, str | None]:
    """The record's country (ISO3, ``IGO`` or None) and sector of a CAMEO actor code:
    ``USAGOV`` → (USA, GOV); ``IGOUNOJUDICJ`` → (IGO, JUD); ``MNCUSA`` → (USA, BUS);
    ``NGOHRIAMN`` → (None, HRI); ``ELI`` → (None, ELI); ``IRQ`` → (IRQ, None)."""
    if not code:
        return None, None
    parts = parts_of(code.upper())
    if not parts:
        return None, None
    head, rest = parts[0], parts[1:]
    states = iso3_codes()
    country: str | None = None
    base_sector: str | None = None
    if head in states or head in STATE_ALIASES:
        country = STATE_ALIASES.get(head, head)
    elif head == "IGO":
        country = "IGO"
    elif head in NON_STATE:
        base_sector = NON_STATE[head]
        # a multinational's home state: "MNCUSA"
        if head == "MNC" and rest and (rest[0] in states or rest[0] in STATE_ALIASES):
            country = STATE_ALIASES.get(rest[0], rest[0])
    elif head in SECTORS or head in RELIGIONS:
        rest = parts  # a bare role: "ELI", "MUS"
    elif head not in NO_COUNTRY:
        return None, None  # not a code we know
    sector = None
    for k, part in enumerate(rest):
        if part in SECTORS:
            sector = part
            # a legislature or a court of the government ("USAGOVLEG", "USAGOVJUD") is the record's
            # LEG or JUD; a minister's field ("BENGOVEDU") is no sector of his
            if part == "GOV" and k + 1 < len(rest) and rest[k + 1] in ("LEG", "JUD"):
                sector = rest[k + 1]
            break
        if part in RELIGIONS and head not in ("IMG", "REB", "UAF"):
            # a religion is the sector of a religious body ("VATCTH"), not of an armed group
            # of that faith ("IMGMUSALQ": al-Qaeda)
            sector = "REL"
            break
    if head == "NGO":
        # an NGO's own field only where the record has a sector for it (rights, environment)
        sector = sector if sector in ("HRI", "ENV") else "NGO"
    return country, sector or base_sector
