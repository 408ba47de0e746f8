"""Who may write: the holder of the API token (``NEWSGRAPH_API_TOKEN``).

Reads are open. A write (ingest, actor merge and split, corrections) needs the
token, sent as ``Authorization: Bearer <token>``, or a browser session opened
at ``/ui/signin`` with the token and a user name: the session cookie is signed
with a key derived from the token (Starlette's ``SessionMiddleware``), so a new
token ends every session. A server started without a token is read-only: every
write answers 403 [E604].
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from fastapi import Request

from ..errors import ApiError, Errors

SESSION_COOKIE = "newsgraph_session"
SESSION_MAX_AGE = 12 * 3600
_USER = re.compile(r"[^\w .@'-]+", re.UNICODE)


def session_secret(token: str) -> str:
    """The key that signs session cookies: derived from the token, random when there is none."""
    if not token:
        return secrets.token_hex(32)
    return hmac.new(token.encode(), b"newsgraph session cookie", hashlib.sha256).hexdigest()


def clean_user(name: str | None) -> str:
    """A user name as recorded with a correction: printable, at most 80 characters."""
    return _USER.sub("", (name or "").strip())[:80]


def token_matches(request: Request, given: str | None) -> bool:
    token: str = request.app.state.settings.api_token
    return bool(token) and given is not None and hmac.compare_digest(given.encode(), token.encode())


def signed_in_user(request: Request) -> str | None:
    """The name of the signed-in user of this browser session, if any."""
    if not request.app.state.settings.api_token:
        return None
    session = request.scope.get("session") or {}
    user = session.get("user")
    return str(user) if user else None


def writer(request: Request) -> str:
    """The user a write is recorded under; refuses with 403 when the request does not hold the token."""
    if not request.app.state.settings.api_token:
        raise ApiError(Errors.E604, 403)
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer ") and token_matches(request, header[7:].strip()):
        return clean_user(request.headers.get("x-newsgraph-user")) or "api"
    user = signed_in_user(request)
    if user:
        return user
    raise ApiError(Errors.E603, 403)
