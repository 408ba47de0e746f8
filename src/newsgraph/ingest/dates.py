"""Publication dates where they enter: checked, and read from a URL or a file name.

A publication date anchors every relative date of an article ("on Tuesday", "last year"), so a
wrong one silently moves every event. What an input states is therefore checked before it is
used: an ISO date (a datetime is cut to its day) between :data:`EARLIEST` and a year from now;
anything else ("not a date", "99999-12-31", "0001-01-01", a number or an object) becomes
unknown (``None``) with a warning, and never reaches the dates stage.

When neither the input's metadata nor its text gives a date, the URL (``…/2019/11/19/…``) or the
file name (``outlet_2016-10-09_title.txt``) may: both are read with htmldate's URL pattern, the
same one it applies to the pages it reads.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Any

EARLIEST = _dt.date(1800, 1, 1)  # older "publication dates" are typing errors or placeholders
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?=$|[T ]\d{2}:\d{2})")


def latest() -> _dt.date:
    """The latest plausible publication date: a year from today."""
    today = _dt.date.today()
    return today.replace(year=today.year + 1) if not (today.month == 2 and today.day == 29) else today


def plausible_date(value: Any, strict: bool = False) -> str | None:
    """``value`` as ``YYYY-MM-DD`` if it is an ISO date (or datetime) in the plausible range, else None.

    Args:
        value: What an input or a user gave.
        strict: Accept only ``YYYY-MM-DD`` itself (command-line options), not a datetime.
    """
    if not isinstance(value, str) or len(value) > 64:
        return None
    text = value.strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text) if strict else _ISO_DAY.match(text)
    if match is None:
        return None
    if not strict and len(text) > 10:
        try:  # the time part must be a real one too
            _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    try:
        day = _dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    if not EARLIEST <= day <= latest():
        return None
    return day.isoformat()


@lru_cache(maxsize=1)
def _url_options() -> Any:
    from htmldate.utils import Extractor

    now = _dt.datetime.now()
    return Extractor(
        extensive=False,
        max=now.replace(year=now.year + 1) if not (now.month == 2 and now.day == 29) else now,
        min=_dt.datetime(1990, 1, 1),
        original=True,
        format="%Y-%m-%d",
    )


def date_in_url(url: str | None) -> str | None:
    """The date a URL's path holds (``https://example.org/2019/11/19/story``), or None."""
    if not url or not isinstance(url, str):
        return None
    from htmldate.extractors import extract_url_date

    try:
        found = extract_url_date(url, _url_options())
    except (ValueError, TypeError):
        return None
    return plausible_date(found) if found else None


def date_in_name(path: str | None) -> str | None:
    """The date a file's name or folders hold (``outlet_2016-10-09_title.txt``, ``2019/11/19/x.txt``)."""
    if not path:
        return None
    return date_in_url("/" + path.replace("\\", "/"))
