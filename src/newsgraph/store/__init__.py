"""The store: article records in SQLite (default) or PostgreSQL, via SQLAlchemy Core.

A batch of articles is written in one transaction: the whole record as JSON
plus its parts (actors, mentions, quotes, events, time expressions) with their
offsets, and the cross-article tables updated by :mod:`newsgraph.corpus`. If
anything fails the transaction rolls back and nothing already stored is lost.
Re-ingesting an article (same stable id) replaces it and its parts, so a
re-run is idempotent.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from .. import corpus as _corpus
from ..errors import Errors, StoreError
from ..record import Article
from ..settings import Settings, load_settings
from . import schema as s

__all__ = ["Store", "WriteReport", "open_store"]


@dataclass(slots=True)
class WriteReport:
    """What a write did: ids stored (new or replaced) and duplicates found."""

    written: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Store:
    """An open newsgraph database.

    Args:
        url: SQLAlchemy URL; defaults to the ``db`` setting (``sqlite:///newsgraph.db``).
        settings: Resolved settings (batch size, dedup parameters).

    Raises:
        StoreError: [E300] when the database cannot be opened, [E301] when it was
            written by another schema version.
    """

    def __init__(self, url: str | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.url = url or self.settings.db
        try:
            self.engine: Engine = create_engine(self.url, future=True)
        except SQLAlchemyError as exc:
            raise self._cannot_open(exc) from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            with self.engine.begin() as conn:
                s.metadata.create_all(conn)
                _corpus.create_search_index(conn)
                self._check_version(conn)
        except StoreError:
            self.engine.dispose()  # a refused store keeps no connection open
            raise
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise self._cannot_open(exc) from exc

    def _cannot_open(self, exc: SQLAlchemyError) -> StoreError:
        reason = exc.__class__.__name__ + ": " + str(exc.orig if hasattr(exc, "orig") else exc)
        return StoreError(Errors.E300.format(url=self.url, reason=reason))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _check_version(self, conn: Connection) -> None:
        row = conn.execute(select(s.meta_table.c.value).where(s.meta_table.c.key == "schema_version")).first()
        if row is None:
            conn.execute(insert(s.meta_table).values(key="schema_version", value=str(s.SCHEMA_VERSION)))
        elif int(row[0]) != s.SCHEMA_VERSION:
            raise StoreError(Errors.E301.format(url=self.url, found=row[0], expected=s.SCHEMA_VERSION))

    # -- writing ---------------------------------------------------------------------
    def write(self, articles: Iterable[Article]) -> WriteReport:
        """Store articles, one transaction per ``batch_size`` articles.

        Raises:
            StoreError: [E303] if a batch cannot be written; it is rolled back.
        """
        report = WriteReport()
        it = iter(articles)
        while batch := list(islice(it, self.settings.batch_size)):
            self.write_batch(batch, report)
        return report

    def write_batch(self, batch: list[Article], report: WriteReport | None = None) -> WriteReport:
        """Store one batch in one transaction (all or nothing)."""
        report = report if report is not None else WriteReport()
        # two inputs with the same text (a file saved twice) have one id: the later copy is stored, as on re-ingest
        batch = list({a.id: a for a in batch}.values())
        try:
            with self.engine.begin() as conn:
                ids = [a.id for a in batch]
                existing = set(conn.scalars(select(s.articles.c.id).where(s.articles.c.id.in_(ids))))
                if existing:
                    _corpus.forget(conn, sorted(existing))
                    conn.execute(delete(s.articles).where(s.articles.c.id.in_(sorted(existing))))
                    for t in (
                        s.actors,
                        s.mentions,
                        s.quotes,
                        s.events,
                        s.timexes,
                    ):  # no FK cascade on some DBs
                        conn.execute(delete(t).where(t.c.article_id.in_(sorted(existing))))
                _insert_articles(conn, batch)
                dups = _corpus.after_write(conn, batch, self.settings)
        except SQLAlchemyError as exc:
            raise StoreError(Errors.E303.format(reason=str(exc).splitlines()[0])) from exc
        for a in batch:
            (report.replaced if a.id in existing else report.written).append(a.id)
        report.duplicates.update(dups)
        return report

    # -- reading ----------------------------------------------------------------------
    def get(self, article_id: str) -> Article:
        """The stored record of one article. Raises :class:`StoreError` [E302] if absent."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(s.articles.c.record, s.articles.c.duplicate_of).where(s.articles.c.id == article_id)
            ).first()
        if row is None:
            raise StoreError(Errors.E302.format(id=article_id))
        art = Article.from_dict(row[0])
        art.duplicate_of = row[1]
        return art

    def iter_articles(self, batch_size: int = 200) -> Iterator[Article]:
        """Every stored article, in id order, streamed."""
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
        """Article summaries, newest first: id, title, published, source, counts."""
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
        return out

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str | None = None, settings: Settings | None = None) -> Store:
    """Open (and create when needed) the database at ``url``."""
    return Store(url, settings)


def _insert_articles(conn: Connection, batch: list[Article]) -> None:
    now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    art_rows: list[dict[str, Any]] = []
    actor_rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    quote_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    timex_rows: list[dict[str, Any]] = []
    for a in batch:
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
                "duplicate_of": a.duplicate_of,
                "record": a.to_dict(),
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
                {"article_id": a.id, "actor_id": ac.id, "start": m.start, "end": m.end, "text": m.text}
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
                    "confidence": q.confidence,
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
                    "confidence": e.confidence,
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
