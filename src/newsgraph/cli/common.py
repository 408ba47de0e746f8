"""What the commands share besides options: resolved settings and the open store.

The store module is imported when a command opens the database, not before, so that
``newsgraph --help`` stays instant.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Errors, StoreError
from ..settings import Settings, load_settings

if TYPE_CHECKING:
    from ..store import Store


def settings(**overrides: Any) -> Settings:
    """Settings with the command-line values that were given (None means not given)."""
    return load_settings(**{k: v for k, v in overrides.items() if v is not None})


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names, or None (another database, or an in-memory one)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if not parsed.drivername.startswith("sqlite"):
        return None
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def open_store(db: str | None, create: bool = False, conf: Settings | None = None) -> Store:
    """The database named by ``--db`` (or the ``db`` setting).

    Only a command that writes (``ingest``) creates a database: a query on a mistyped path gets
    [E310] instead of an empty new database that answers nothing.
    """
    conf = conf or settings(db=db)
    url = db or conf.db
    if not create and (path := sqlite_file(url)) is not None and not path.is_file():
        raise StoreError(Errors.E310.format(path=path, url=url))
    from ..store import Store

    return Store(url, conf)
