"""The store: article records in SQLite (default) or PostgreSQL, via SQLAlchemy Core.

A batch of articles is written in one transaction: the whole record as JSON
plus its parts (actors, mentions, quotes, events, time expressions) with their
offsets, and the cross-article tables updated by :mod:`newsgraph.corpus`, with
one statement per table (executemany; PostgreSQL gets multi-row inserts).

Writers may run at once, in several processes: a write transaction takes the
database's write lock first (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on
PostgreSQL), waits for it up to ``busy_timeout`` seconds and retries when the
database reports it locked, so every check (which ids exist, which registry
entries match) is made under the lock. A batch never fails as a whole: an
article that cannot be written is reported with its name ([E304]) and the
rest are stored; the same id twice in a batch is handled as it would be in
two batches. Re-ingesting an article whose record is unchanged does nothing;
a changed one (same stable id) replaces the old one and its parts, so a
re-run, or the completion of a killed ingest, is idempotent.

This module imports neither spaCy nor datasketch: opening a store and querying
it is fast.
"""

from __future__ import annotations

import datetime as _dt
import logging
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from .. import corpus as _corpus
from ..errors import Errors, StoreError
from ..record import Article
from ..settings import Settings, load_settings
from . import schema as s

__all__ = ["Store", "WriteReport", "article_label", "open_store"]

log = logging.getLogger(__name__)
T = TypeVar("T")
# seconds a writer waits for another's lock before it gives up on a batch ([E305])
BUSY_TIMEOUT = 60.0
SQLITE_CACHE_KIB = 65536
# one PostgreSQL advisory lock serialises writers of one database (any 64-bit number of our own)
_PG_WRITE_LOCK = zlib.crc32(b"newsgraph.write")


@dataclass(slots=True)
class WriteReport:
    """What a write did: ids stored (new or replaced), left as they were, duplicates found, failures.

    ``failed`` maps an article's label (its input and id) to the coded message saying why it
    could not be stored; the rest of its batch is stored.
    """

    written: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # transactions are begun by us (see _sqlite_begin), not by the driver
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    # index pages of a large store stay in memory between batches (the default cache is 2 MB)
    cur.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # a writer takes the write lock when it begins, so what it reads cannot change before it writes
    # (a deferred transaction that reads first is refused the lock instead of waiting for it)
    write = conn.get_execution_options().get("newsgraph_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _locked(exc: BaseException) -> bool:
    """Is this the database saying another writer holds it (worth waiting and retrying)?"""
    if not isinstance(exc, OperationalError | DBAPIError):
        return False
    msg = str(getattr(exc, "orig", exc)).lower()
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return "locked" in msg or "busy" in msg or code in ("40001", "40P01", "55P03")


class Store:
    """An open newsgraph database.

    Args:
        url: SQLAlchemy URL; defaults to the ``db`` setting (``sqlite:///newsgraph.db``).
        settings: Resolved settings (batch size, dedup parameters).
        create: Make the database when it does not exist (``ingest``); with ``False`` a store that
            is not there is refused with [E306] instead of being made empty (queries).

    Raises:
        StoreError: [E300] when the database cannot be opened, [E301] when it was
            written by another schema version, [E306] when it does not exist and ``create`` is off.
    """

    def __init__(self, url: str | None = None, settings: Settings | None = None, create: bool = True) -> None:
        self.settings = settings or load_settings()
        self.url = url or self.settings.db
        if not create:
            self._must_exist()
        try:
            self.engine: Engine = create_engine(self.url)
        except (SQLAlchemyError, ValueError, ImportError) as exc:
            raise self._cannot_open(exc) from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        try:
            self._retry(self._create, creating=True)
        except StoreError:
            self.engine.dispose()  # a refused store keeps no connection open
            raise
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise self._cannot_open(exc) from exc

    def _must_exist(self) -> None:
        from sqlalchemy.engine import make_url

        try:
            parsed = make_url(self.url)
        except (SQLAlchemyError, ValueError) as exc:
            raise self._cannot_open(exc) from exc
        if parsed.get_backend_name() == "sqlite":
            path = parsed.database or ""
            if path in ("", ":memory:") or not Path(path).is_file():
                raise StoreError(Errors.E306.format(url=self.url))
            return
        try:
            engine = create_engine(self.url)
            with engine.connect() as conn:
                found = conn.dialect.has_table(conn, s.meta_table.name)
            engine.dispose()
        except (SQLAlchemyError, ImportError) as exc:
            raise self._cannot_open(exc) from exc
        if not found:
            raise StoreError(Errors.E306.format(url=self.url))

    def _create(self) -> None:
        """Tables, search index and version, made once even when several writers start together."""
        with self.writing() as conn:
            s.metadata.create_all(conn)
            _corpus.create_search_index(conn)
            self._check_version(conn)

    def _cannot_open(self, exc: Exception) -> StoreError:
        reason = exc.__class__.__name__ + ": " + str(getattr(exc, "orig", None) or exc)
        return StoreError(Errors.E300.format(url=self.url, reason=reason.splitlines()[0]))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _check_version(self, conn: Connection) -> None:
        row = conn.execute(select(s.meta_table.c.value).where(s.meta_table.c.key == "schema_version")).first()
        if row is None:
            conn.execute(insert(s.meta_table).values(key="schema_version", value=str(s.SCHEMA_VERSION)))
        elif int(row[0]) != s.SCHEMA_VERSION:
            raise StoreError(Errors.E301.format(url=self.url, found=row[0], expected=s.SCHEMA_VERSION))

    # -- transactions -----------------------------------------------------------------------------
    def writing(self) -> Any:
        """A write transaction holding the database's write lock (a context manager giving a Connection).

        Use it for anything that changes the corpus outside :meth:`write` (registry merges and
        splits), so it never interleaves with a batch being written.
        """
        return _Writing(self)

    def _retry(self, fn: Callable[[], T], creating: bool = False) -> T:
        """Run ``fn`` (one transaction), again while the database reports another writer's lock
        (or, ``creating`` the schema, that another process has just made a table of it)."""
        deadline = time.monotonic() + BUSY_TIMEOUT
        delay = 0.05
        while True:
            try:
                return fn()
            except SQLAlchemyError as exc:
                if not _locked(exc) and not (creating and _created_meanwhile(exc)):
                    raise
                if time.monotonic() > deadline:
                    raise StoreError(Errors.E305.format(url=self.url, seconds=BUSY_TIMEOUT)) from exc
                log.debug("database busy, retrying in %.2f s", delay)
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    # -- writing ---------------------------------------------------------------------------------
    def write(self, articles: Iterable[Article]) -> WriteReport:
        """Store articles, one transaction per ``batch_size`` articles.

        Raises:
            StoreError: [E305] if the database stays locked by another writer; [E303] if it fails
                otherwise (the batch is rolled back).
        """
        report = WriteReport()
        it = iter(articles)
        while batch := list(islice(it, self.settings.batch_size)):
            self.write_batch(batch, report)
        return report

    def write_batch(self, batch: list[Article], report: WriteReport | None = None) -> WriteReport:
        """Store one batch in one transaction; an article that cannot be written is reported in
        ``report.failed`` and the others are stored (each alone, after the batch failed)."""
        report = report if report is not None else WriteReport()
        batch = _last_of_each_id(batch, report)
        if not batch:
            return report
        try:
            self._retry(lambda: self._write(batch, report))
            return report
        except StoreError:
            raise
        except (SQLAlchemyError, TypeError, ValueError) as exc:
            if len(batch) == 1:
                report.failed[article_label(batch[0])] = Errors.E304.format(
                    label=article_label(batch[0]), reason=_reason(exc)
                )
                return report
            log.debug("batch failed, writing its articles one by one", exc_info=True)
        for art in batch:
            self.write_batch([art], report)
        return report

    def _write(self, batch: list[Article], report: WriteReport) -> None:
        with self.writing() as conn:
            ids = [a.id for a in batch]
            stored: dict[str, Any] = {}
            for part in _chunks(ids):
                stored.update(
                    conn.execute(select(s.articles.c.id, s.articles.c.record).where(s.articles.c.id.in_(part))).all()
                )
            unchanged = {a.id for a in batch if a.id in stored and _same_record(stored[a.id], a)}
            todo = [a for a in batch if a.id not in unchanged]
            replaced = sorted(a.id for a in todo if a.id in stored)
            if replaced:
                _corpus.forget(conn, replaced)
                for part in _chunks(replaced):
                    for t in (s.actors, s.mentions, s.quotes, s.events, s.timexes):  # no FK cascade on some DBs
                        conn.execute(delete(t).where(t.c.article_id.in_(part)))
                    conn.execute(delete(s.articles).where(s.articles.c.id.in_(part)))
            dups: dict[str, str] = {}
            if todo:
                dups, signed = _corpus.find_duplicates(conn, todo, self.settings)
                _insert_articles(conn, todo, dups)
                _corpus.after_write(conn, todo, dups, signed)
        for a in batch:
            if a.id in unchanged:
                report.unchanged.append(a.id)
                a.duplicate_of = _stored_duplicate(stored[a.id])
            else:
                (report.replaced if a.id in stored else report.written).append(a.id)
                a.duplicate_of = dups.get(a.id)
        report.duplicates.update(dups)
        report.duplicates.update({a.id: a.duplicate_of for a in batch if a.id in unchanged and a.duplicate_of})

    # -- reading ----------------------------------------------------------------------------------
    def get(self, article_id: str) -> Article:
        """The stored record of one article. Raises :class:`StoreError` [E302] if absent."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(s.articles.c.record, s.articles.c.duplicate_of).where(s.articles.c.id == str(article_id))
            ).first()
        if row is None:
            raise StoreError(Errors.E302.format(id=article_id))
        art = Article.from_dict(row[0])
        art.duplicate_of = row[1]
        return art

    def iter_articles(self, batch_size: int = 200) -> Iterator[Article]:
        """Every stored article, in id order, streamed (one page of ``batch_size`` in memory)."""
        last = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(s.articles.c.id, s.articles.c.record, s.articles.c.duplicate_of)
                    .where(s.articles.c.id > last)
                    .order_by(s.articles.c.id)
                    .limit(batch_size)
                ).all()
            if not rows:
                return
            for _rid, rec, dup in rows:
                art = Article.from_dict(rec)
                art.duplicate_of = dup
                yield art
            last = rows[-1][0]

    def list(
        self, limit: int = 50, offset: int = 0, since: str | None = None, until: str | None = None
    ) -> list[dict[str, Any]]:
        """Article summaries, newest first: id, title, published, source, counts.

        Raises:
            QueryError: [E403] a limit or offset out of range, [E404] a date that is none.
        """
        from ..corpus.checks import check_count, check_date

        limit = check_count("limit", limit)
        offset = check_count("offset", offset, low=0, high=2**63 - 1)  # as the command line takes it
        since, until = check_date(since), check_date(until)
        a = s.articles
        counts = {
            "actors": select(func.count()).select_from(s.actors).where(s.actors.c.article_id == a.c.id),
            "quotes": select(func.count()).select_from(s.quotes).where(s.quotes.c.article_id == a.c.id),
            "events": select(func.count()).select_from(s.events).where(s.events.c.article_id == a.c.id),
        }
        q = select(
            a.c.id,
            a.c.title,
            a.c.published,
            a.c.source_path,
            a.c.source_url,
            a.c.duplicate_of,
            *(c.scalar_subquery().label(k) for k, c in counts.items()),
        )
        if since:
            q = q.where(a.c.published >= since)
        if until:
            q = q.where(a.c.published <= until)
        q = q.order_by(a.c.published.desc().nulls_last(), a.c.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def stats(self) -> dict[str, Any]:
        """Counts of stored things, date range, versions, database size."""
        with self.engine.connect() as conn:
            out: dict[str, Any] = {"database": self.url}
            for name, t in (
                ("articles", s.articles),
                ("actors", s.actors),
                ("mentions", s.mentions),
                ("quotes", s.quotes),
                ("events", s.events),
                ("timexes", s.timexes),
            ):
                out[name] = conn.scalar(select(func.count()).select_from(t))
            out["duplicates"] = conn.scalar(
                select(func.count()).select_from(s.articles).where(s.articles.c.duplicate_of.is_not(None))
            )
            out["registry_actors"] = _corpus.registry_size(conn)
            out["published_from"], out["published_to"] = conn.execute(
                select(func.min(s.articles.c.published), func.max(s.articles.c.published))
            ).one()
            out["models"] = sorted({r[0] for r in conn.execute(select(s.articles.c.model).distinct())})
            out["schema_version"] = s.SCHEMA_VERSION
            if self.dialect == "sqlite":
                pages = conn.exec_driver_sql("PRAGMA page_count").scalar() or 0
                size = conn.exec_driver_sql("PRAGMA page_size").scalar() or 0
                out["size_bytes"] = int(pages) * int(size)
            elif self.dialect == "postgresql":
                out["size_bytes"] = int(
                    conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar() or 0
                )
        return out

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Writing:
    """``with store.writing() as conn``: a transaction that holds the write lock from its start."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Connection:
        conn = self.store.engine.connect()
        if self.store.dialect == "sqlite":
            conn = conn.execution_options(newsgraph_write=True)
        self._conn = conn
        self._tx = conn.begin()
        if self.store.dialect == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")
        return conn

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        try:
            if kind is None:
                self._tx.commit()
            else:
                self._tx.rollback()
        finally:
            self._conn.close()


def open_store(url: str | None = None, settings: Settings | None = None) -> Store:
    """Open (and create when needed) the database at ``url``."""
    return Store(url, settings)


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _created_meanwhile(exc: SQLAlchemyError) -> bool:
    """Another process made the same table or index between our check and our CREATE."""
    msg = str(getattr(exc, "orig", exc)).lower()
    return "already exists" in msg or 'duplicate key value violates unique constraint "pg_' in msg


def _last_of_each_id(batch: list[Article], report: WriteReport) -> list[Article]:
    """One article per id: a later one replaces an earlier one, as it would in a later batch."""
    last: dict[str, int] = {}
    for i, a in enumerate(batch):
        if not isinstance(a.id, str) or not a.id:
            report.failed[article_label(a)] = Errors.E304.format(
                label=article_label(a), reason=f"its id {a.id!r} is no text"
            )
            continue
        if a.id in last:
            earlier = batch[last[a.id]]
            if earlier.to_dict() == a.to_dict():
                report.unchanged.append(a.id)
            else:
                report.replaced.append(a.id)
        last[a.id] = i
    return [batch[i] for i in sorted(last.values())]


def article_label(a: Article) -> str:
    """How a failure names an article: its input and its id (the key of ``WriteReport.failed``)."""
    where = getattr(a.source, "path", None) or getattr(a.source, "url", None) or "<input>"
    return f"{where} (article {a.id})"


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return (text.splitlines() or [type(exc).__name__])[0][:300]


def _same_record(stored: Any, article: Article) -> bool:
    import json

    record = stored if isinstance(stored, dict) else json.loads(stored)
    new = article.to_dict()
    return {**record, "duplicate_of": None} == {**new, "duplicate_of": None}


def _stored_duplicate(stored: Any) -> str | None:
    import json

    record = stored if isinstance(stored, dict) else json.loads(stored)
    dup = record.get("duplicate_of")
    return dup if isinstance(dup, str) else None


def _insert_articles(conn: Connection, batch: list[Article], duplicates: dict[str, str]) -> None:
    now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    art_rows: list[dict[str, Any]] = []
    actor_rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    quote_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    timex_rows: list[dict[str, Any]] = []
    for a in batch:
        record = a.to_dict()
        record["duplicate_of"] = duplicates.get(a.id)
        art_rows.append(
            {
                "id": a.id,
                "title": a.title,
                "published": a.published,
                "language": a.language,
                "source_path": a.source.path,
                "source_url": a.source.url,
                "source_format": a.source.format,
                "text": a.text,
                "body": [b.to_dict() for b in a.body],
                "meta": a.meta,
                "schema": a.schema,
                "pipeline_version": a.pipeline.get("newsgraph", ""),
                "model": a.pipeline.get("model", ""),
                "ingested_at": now,
                "duplicate_of": duplicates.get(a.id),
                "record": record,
            }
        )
        for ac in a.actors:
            actor_rows.append(
                {
                    "article_id": a.id,
                    "actor_id": ac.id,
                    "name": ac.name,
                    "kind": ac.kind,
                    "roles": ac.roles,
                    "country": ac.country,
                    "sector": ac.sector,
                }
            )
            mention_rows.extend(
                {"article_id": a.id, "actor_id": ac.id, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind}
                for m in ac.mentions
            )
        for q in a.quotes:
            quote_rows.append(
                {
                    "article_id": a.id,
                    "quote_id": q.id,
                    "kind": q.kind,
                    "speaker_actor": q.speaker.actor if q.speaker else None,
                    "speaker_text": q.speaker.text if q.speaker else None,
                    "speaker_start": q.speaker.start if q.speaker else None,
                    "speaker_end": q.speaker.end if q.speaker else None,
                    "cue_text": q.cue.text if q.cue else None,
                    "cue_start": q.cue.start if q.cue else None,
                    "cue_end": q.cue.end if q.cue else None,
                    "content_text": q.content.text,
                    "content_start": q.content.start,
                    "content_end": q.content.end,
                    "content_spans": [list(p) for p in q.content.spans] if q.content.spans else None,
                    "date": q.date,
                    "confidence": round(q.confidence, 3),  # as the record has it
                }
            )
        for e in a.events:
            event_rows.append(
                {
                    "article_id": a.id,
                    "event_id": e.id,
                    "type": e.type,
                    "mode": e.mode,
                    "source": e.source,
                    "target": e.target,
                    "trigger_text": e.trigger.text,
                    "trigger_start": e.trigger.start,
                    "trigger_end": e.trigger.end,
                    "sentence_start": e.sentence.start,
                    "sentence_end": e.sentence.end,
                    "date": e.date,
                    "date_basis": e.date_basis,
                    "location": e.location.to_dict() if e.location else None,
                    "negated": e.negated,
                    "modality": e.modality,
                    "confidence": round(e.confidence, 3),
                }
            )
        timex_rows.extend(
            {"article_id": a.id, "start": t.start, "end": t.end, "text": t.text, "value": t.value} for t in a.timexes
        )
    for table, rows in (
        (s.articles, art_rows),
        (s.actors, actor_rows),
        (s.mentions, mention_rows),
        (s.quotes, quote_rows),
        (s.events, event_rows),
        (s.timexes, timex_rows),
    ):
        if rows:
            conn.execute(insert(table), rows)
