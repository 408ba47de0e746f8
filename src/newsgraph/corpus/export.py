"""Exports: the records as JSONL, one CSV or Parquet file per kind, the network as GraphML,
and a PLOVER/POLECAT-style event table.

Every export streams: rows come from the database a page at a time (a server-side cursor on
PostgreSQL), CSV and JSONL are written row by row and Parquet in record batches of ``PAGE`` rows,
so memory stays flat whatever the size of the corpus.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..errors import Errors, QueryError
from ..store import Store
from ..store import schema as s
from .queries import network

FORMATS = ("jsonl", "csv", "parquet", "graphml", "plover")
_TABLES = {
    "articles": s.articles,
    "actors": s.actors,
    "mentions": s.mentions,
    "quotes": s.quotes,
    "events": s.events,
    "timexes": s.timexes,
}
PLOVER_COLUMNS = (
    "event_id",
    "story_id",
    "story_date",
    "event_date",
    "date_basis",
    "event_type",
    "mode",
    "source_actor",
    "source_country",
    "source_sector",
    "target_actor",
    "target_country",
    "target_sector",
    "negated",
    "modality",
    "location",
    "location_country",
    "trigger",
    "sentence",
    "confidence",
    "url",
)


PAGE = 5000


def _columns(name: str) -> list[Any]:
    table = _TABLES[name]
    return [c for c in table.c if c.name not in ("record", "text", "search_vector")]


def _rows(store: Store, name: str) -> Iterator[dict[str, Any]]:
    cols = _columns(name)
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=PAGE).execute(select(*cols))
        for r in result:
            yield {k: (json.dumps(v) if isinstance(v, list | dict) else v) for k, v in r._mapping.items()}


def _arrow_schema(name: str) -> Any:
    import pyarrow as pa
    from sqlalchemy import Boolean, Float, Integer, LargeBinary

    fields = []
    for c in _columns(name):
        t = c.type
        kind = (
            pa.bool_()
            if isinstance(t, Boolean)
            else pa.int64()
            if isinstance(t, Integer)
            else pa.float64()
            if isinstance(t, Float)
            else pa.binary()
            if isinstance(t, LargeBinary)
            else pa.string()
        )
        # JSON columns are written as their JSON text, like text columns
        fields.append(pa.field(c.name, kind))
    return pa.schema(fields)


def _write_parquet(store: Store, name: str, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(name)
    with pq.ParquetWriter(path, schema) as writer:
        page: list[dict[str, Any]] = []
        for row in _rows(store, name):
            page.append(row)
            if len(page) >= PAGE:
                writer.write_batch(pa.RecordBatch.from_pylist(page, schema=schema))
                page.clear()
        writer.write_batch(pa.RecordBatch.from_pylist(page, schema=schema))  # the last (maybe empty) page


def export(store: Store, fmt: str, out: Path) -> list[Path]:
    """Write ``fmt`` to ``out`` (a file for jsonl/graphml/plover, a folder for csv/parquet)."""
    if fmt not in FORMATS:
        raise QueryError(Errors.E401.format(fmt=fmt, known=", ".join(FORMATS)))
    out = Path(out)
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as f:
            for art in store.iter_articles():
                f.write(art.to_json() + "\n")
        return [out]
    if fmt in ("csv", "parquet"):
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name in _TABLES:
            path = out / f"{name}.{fmt}"
            if fmt == "csv":
                with path.open("w", newline="", encoding="utf-8") as f:
                    w = csv.DictWriter(f, fieldnames=[c.name for c in _columns(name)])
                    w.writeheader()
                    for row in _rows(store, name):
                        w.writerow(row)
            else:
                _write_parquet(store, name, path)
            written.append(path)
        return written
    if fmt == "graphml":
        import networkx as nx

        net = network(store)
        g = nx.DiGraph()
        for n in net["nodes"]:
            g.add_node(n["id"], **{k: v for k, v in n.items() if k != "id" and v is not None})
        for e in net["edges"]:
            g.add_edge(
                e["source"],
                e["target"],
                weight=e["events"],
                cooperation=e["cooperation"],
                conflict=e["conflict"],
            )
        nx.write_graphml(g, out)
        return [out]
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=PLOVER_COLUMNS)
        w.writeheader()
        for art in store.iter_articles():
            for e in art.events:
                src = [art.actor(i) for i in e.source]
                tgt = [art.actor(i) for i in e.target]
                w.writerow(
                    {
                        "event_id": f"{art.id}:{e.id}",
                        "story_id": art.duplicate_of or art.id,
                        "story_date": art.published,
                        "event_date": e.date,
                        "date_basis": e.date_basis,
                        "event_type": e.type,
                        "mode": e.mode,
                        "source_actor": "; ".join(a.name for a in src if a),
                        "source_country": "; ".join(a.country or "" for a in src if a),
                        "source_sector": "; ".join(a.sector or "" for a in src if a),
                        "target_actor": "; ".join(a.name for a in tgt if a),
                        "target_country": "; ".join(a.country or "" for a in tgt if a),
                        "target_sector": "; ".join(a.sector or "" for a in tgt if a),
                        "negated": e.negated,
                        "modality": e.modality,
                        "location": e.location.text if e.location else None,
                        "location_country": e.location.country if e.location else None,
                        "trigger": e.trigger.text,
                        "sentence": art.text[e.sentence.start : e.sentence.end].strip(),
                        "confidence": round(e.confidence, 3),
                        "url": art.source.url or art.source.path,
                    }
                )
    return [out]
