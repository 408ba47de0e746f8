"""Exports: the records as JSONL, one CSV or Parquet file per kind, the network as GraphML,
and a PLOVER/POLECAT-style event table."""

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


def _rows(store: Store, name: str) -> Iterator[dict[str, Any]]:
    table = _TABLES[name]
    cols = [c for c in table.c if c.name not in ("record", "text")] if name == "articles" else list(table.c)
    with store.engine.connect() as conn:
        for r in conn.execute(select(*cols)):
            yield {k: (json.dumps(v) if isinstance(v, list | dict) else v) for k, v in r._mapping.items()}


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
            rows = list(_rows(store, name))
            path = out / f"{name}.{fmt}"
            if fmt == "csv":
                cols = [c.name for c in _TABLES[name].c if not (name == "articles" and c.name in ("record", "text"))]
                with path.open("w", newline="", encoding="utf-8") as f:
                    w = csv.DictWriter(f, fieldnames=cols)
                    w.writeheader()
                    w.writerows(rows)
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                cols = [c.name for c in _TABLES[name].c if not (name == "articles" and c.name in ("record", "text"))]
                table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in cols})
                pq.write_table(table, path)
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
