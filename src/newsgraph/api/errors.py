"""Errors as JSON: every refusal carries a stable ``[E…]`` code and the HTTP status that fits it.

Bad input never ends in a 500: validation problems answer 422 (naming the valid
values), malformed bodies 400, oversized bodies 413, unknown ids and paths 404,
writes without the token 403. The body is always::

    {"error": {"code": "E600", "status": 422, "message": "[E600] Invalid value for 'limit': ..."}}
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ApiError, Errors, NewsgraphError

log = logging.getLogger("newsgraph.api")

# the status of each catalogue code the API can meet; codes not listed are bad input (422)
STATUS = {
    "E300": 503,
    "E303": 500,
    "E302": 404,
    "E400": 404,
    "E401": 404,
    "E410": 404,
    "E413": 404,
    "E605": 404,
    "E603": 403,
    "E604": 403,
    "E601": 413,
    "E602": 400,
    "E606": 400,
    "E609": 415,
    "E611": 500,
}
_CODE = re.compile(r"^\[(E\d{3})\]")

# what a query parameter accepts, for messages that name the valid values
EXPECTED = {
    "limit": "Expected a whole number from 1 to {max_limit}.",
    "since": "Expected a date: YYYY, YYYY-MM or YYYY-MM-DD.",
    "until": "Expected a date: YYYY, YYYY-MM or YYYY-MM-DD.",
    "duplicates": "Expected true or false.",
    "corrected": "Expected true or false.",
    "actor_id": "Expected a registry id, a whole number (see /actors).",
    "source": "Expected a registry id, a whole number (see /actors).",
    "target": "Expected a registry id, a whole number (see /actors).",
    "correction_id": "Expected a correction id, a whole number (see /corrections).",
    "min_events": "Expected a whole number of 1 or more.",
}


def code_of(message: str) -> str:
    m = _CODE.match(message)
    return m.group(1) if m else "E611"


def error_response(message: str, status: int | None = None) -> JSONResponse:
    code = code_of(message)
    status = status or STATUS.get(code, 422)
    return JSONResponse({"error": {"code": code, "status": status, "message": message}}, status_code=status)


def _validation_message(exc: RequestValidationError, max_limit: int) -> tuple[str, int]:
    first: dict[str, Any] = exc.errors()[0] if exc.errors() else {}
    loc = [str(x) for x in first.get("loc", ())]
    if first.get("type") == "json_invalid":
        reason = first.get("ctx", {}).get("error", "malformed JSON")
        return Errors.E602.format(reason=reason), 400
    if loc and loc[0] in ("query", "path") and len(loc) > 1:
        name = loc[1]
        expected = EXPECTED.get(name, str(first.get("msg", "")).rstrip(".") + ".").format(max_limit=max_limit)
        return Errors.E600.format(name=name, value=first.get("input"), expected=expected), 422
    where = ".".join(x for x in loc if x != "body") or "body"
    detail = "; ".join(
        f"{'.'.join(str(x) for x in e.get('loc', ()) if x != 'body') or 'body'}: {e.get('msg')}"
        for e in exc.errors()[:5]
    )
    return Errors.E607.format(detail=detail or where), 422


def _respond(request: Request, message: str, status: int | None = None) -> Response:
    """JSON for the API; the web UI's error page for a page of ``/ui/``."""
    status = status or STATUS.get(code_of(message), 422)
    html = getattr(request.app.state, "html_error", None)
    if html is not None and request.url.path.startswith("/ui/") and not request.url.path.startswith("/ui/static/"):
        return html(request, message, status)
    return error_response(message, status)


def install(app: FastAPI, max_limit: int) -> None:
    """Register the handlers that turn every error into the JSON above."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> Response:
        return _respond(request, str(exc), exc.status)

    @app.exception_handler(NewsgraphError)
    async def _newsgraph(request: Request, exc: NewsgraphError) -> Response:
        return _respond(request, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        message, status = _validation_message(exc, max_limit)
        return _respond(request, message, status)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return _respond(request, Errors.E605.format(path=request.url.path), 404)
        if exc.status_code == 400 and "parsing the body" in str(exc.detail):  # FastAPI: bytes that are no text
            return _respond(request, Errors.E602.format(reason="the body cannot be decoded as JSON text"), 400)
        if exc.status_code == 405:
            message = Errors.E607.format(detail=f"{request.method} is not allowed on {request.url.path}.")
            return _respond(request, message, 405)
        return _respond(request, Errors.E607.format(detail=str(exc.detail)), exc.status_code)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(Errors.E611.format(reason=type(exc).__name__), 500)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with [E601] (413) — by their declared length before
    reading anything, and while reading a body sent without one (chunked), before it is held whole."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = -1
            if size < 0:
                await self._refuse(scope, receive, send, Errors.E607.format(detail="invalid Content-Length."), 400)
                return
            if size > self.limit:
                await self._refuse(scope, receive, send, Errors.E601.format(size=size, limit=self.limit), 413)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise ApiError(Errors.E601.format(size=f"more than {self.limit}", limit=self.limit), 413)
            return message

        await self.app(scope, counted, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, message: str, status: int) -> None:
        await error_response(message, status)(scope, receive, send)
