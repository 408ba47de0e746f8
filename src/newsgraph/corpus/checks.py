"""Checks of the values a query is given, where they enter: each wrong value gets its coded error.

Shared by the store (``Store.list``), the corpus queries and the CLI/HTTP layers above them.
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import Errors, QueryError
from ..record import PLOVER_TYPES

MAX_LIMIT = 1_000_000
MAX_NAME = 300
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check_count(what: str, value: object, low: int = 1, high: int = MAX_LIMIT) -> int:
    """A limit or offset: a whole number from ``low`` to ``high``, else [E403]."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise QueryError(Errors.E403.format(what=what, low=low, high=f"{high:,}", value=value))
    return value


def check_date(value: str | None) -> str | None:
    """An ISO date, month or year (``None`` passes), else [E404]."""
    if value is None:
        return None
    text = str(value).strip()
    if not _DATE.fullmatch(text):
        raise QueryError(Errors.E404.format(value=value))
    y, m, d = (int(x) for x in (text + "-01-01")[:10].split("-"))
    try:
        date(y, m, d)
    except ValueError as exc:
        raise QueryError(Errors.E404.format(value=value)) from exc
    return text


def check_name(value: str | None) -> str | None:
    """An actor name filter: ``None`` (no filter) or some words, else [E402]; at most ``MAX_NAME`` characters."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.split():
        raise QueryError(Errors.E402.format(value=value))
    if len(value) > MAX_NAME:
        raise QueryError(Errors.E407.format(length=len(value), limit=MAX_NAME))
    return " ".join(value.split())


def check_type(value: str | None) -> str | None:
    """A PLOVER event type (any case), else [E405]."""
    if value is None:
        return None
    upper = str(value).strip().upper()
    if upper not in PLOVER_TYPES:
        raise QueryError(Errors.E405.format(value=value, known=", ".join(PLOVER_TYPES)))
    return upper


def like_escape(text: str) -> str:
    """``text`` for a LIKE pattern with ``\\`` as escape: ``%`` and ``_`` match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
