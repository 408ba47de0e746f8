"""Checks of query parameters that name the valid values when they refuse one, and the page cursors."""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import json
import re
from typing import Any

from ..errors import ApiError, Errors
from ..record import PLOVER_TYPES

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TIE_KINDS = ("all", "cooperation", "conflict")


def date(name: str, value: str | None) -> str | None:
    """A date filter as the store compares them (ISO prefix): YYYY, YYYY-MM or YYYY-MM-DD, and a real date."""
    if value is None or value == "":
        return None
    ok = bool(_DATE.match(value))
    if ok:
        parts = [int(p) for p in value.split("-")] + [1, 1]
        try:
            _dt.date(parts[0], parts[1], parts[2])
        except ValueError:
            ok = False
    if not ok:
        raise ApiError(
            Errors.E600.format(name=name, value=value, expected="Expected a date: YYYY, YYYY-MM or YYYY-MM-DD."), 422
        )
    return value


def limit(value: int, max_limit: int) -> int:
    if not 1 <= value <= max_limit:
        raise ApiError(
            Errors.E600.format(name="limit", value=value, expected=f"Expected a whole number from 1 to {max_limit}."),
            422,
        )
    return value


def event_type(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value.upper() not in PLOVER_TYPES:
        raise ApiError(
            Errors.E600.format(name="type", value=value, expected="PLOVER types: " + ", ".join(PLOVER_TYPES) + "."), 422
        )
    return value.upper()


def choice(name: str, value: str, valid: tuple[str, ...]) -> str:
    if value not in valid:
        raise ApiError(Errors.E600.format(name=name, value=value, expected="Valid: " + ", ".join(valid) + "."), 422)
    return value


def text(name: str, value: str | None, max_chars: int = 500) -> str | None:
    """A free-text filter: blank means none; over ``max_chars`` characters is refused."""
    if value is None or not value.strip():
        return None
    if len(value) > max_chars:
        raise ApiError(
            Errors.E600.format(name=name, value=value[:40] + "…", expected=f"At most {max_chars} characters."), 422
        )
    return value


def actor_ref(value: str | None) -> str | int | None:
    """An actor filter: a registry id (digits) or a name."""
    v = text("actor", value)
    return int(v) if v is not None and v.isdigit() else v


# -- cursors: the sort key of the last row of a page, opaque to clients --------------------------
def encode_cursor(*parts: Any) -> str:
    raw = json.dumps([str(p) if p is not None else "" for p in parts], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> tuple[str, ...] | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        parts = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        parts = None
    if not isinstance(parts, list) or len(parts) != size or not all(isinstance(p, str) for p in parts):
        raise ApiError(Errors.E606.format(cursor=cursor[:80]), 400)
    return tuple(parts)
