"""Actor coverage on PLOVER gold records.

For every gold source or target actor that has a text and a country code, the
actor counts as found when newsgraph lists an actor with a mention overlapping
that text (located in the record's sentence) and the same country code
(``IGO`` for international bodies). Gold actors whose text does not occur in
the sentence are counted separately and left out of the rate.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import Errors, EvaluationError
from ..record import Article
from ..settings import Settings, load_settings


def _gold_actors(obj: dict[str, Any]) -> list[tuple[str, str, str]]:
    out = []
    for role in ("source", "target"):
        value = obj.get(role) or []
        for a in value if isinstance(value, list) else [value]:
            if isinstance(a, dict) and a.get("text") and a.get("code"):
                out.append((role, str(a["text"]), str(a["code"]).upper()))
    return out


def coverage(records: list[dict[str, Any]], articles: dict[str, Article]) -> dict[str, Any]:
    found = total = absent = 0
    by_role: Counter[str] = Counter()
    by_role_total: Counter[str] = Counter()
    misses: list[dict[str, str]] = []
    for obj in records:
        art = articles.get(str(obj["id"]))
        if art is None:
            continue
        for role, text, code in _gold_actors(obj):
            start = art.text.find(text)
            if start < 0:
                absent += 1
                continue
            end = start + len(text)
            total += 1
            by_role_total[role] += 1
            hit = any(
                a.country == code and any(m.start < end and start < m.end for m in a.mentions) for a in art.actors
            )
            if hit:
                found += 1
                by_role[role] += 1
            elif len(misses) < 200:
                misses.append({"id": str(obj["id"]), "role": role, "text": text, "code": code})
    return {
        "gold_actors": total,
        "found": found,
        "coverage": found / total if total else 0.0,
        "by_role": {
            r: {
                "found": by_role[r],
                "total": by_role_total[r],
                "coverage": by_role[r] / by_role_total[r] if by_role_total[r] else 0.0,
            }
            for r in sorted(by_role_total)
        },
        "not_in_text": absent,
        "misses": misses,
    }


def evaluate_actor_coverage(gold: Path, settings: Settings | None = None) -> dict[str, Any]:
    """Run the pipeline on each gold sentence and measure actor coverage."""
    from ..ingest import InputDocument
    from ..pipeline import extract_stream
    from ..record import Source

    try:
        records = [json.loads(line) for line in Path(gold).read_text("utf-8").splitlines() if line.strip()]
        docs = [InputDocument(text=str(r["text"]), source=Source(path=str(gold)), id=str(r["id"])) for r in records]
    except (OSError, json.JSONDecodeError, KeyError) as exc:
        raise EvaluationError(Errors.E501.format(path=gold, reason=exc)) from exc
    arts = {a.id: a for a in extract_stream(docs, settings or load_settings()) if isinstance(a, Article)}
    return coverage(records, arts)


def format_actor_report(res: dict[str, Any]) -> str:
    lines = [
        f"gold actors {res['gold_actors']}  found {res['found']}  coverage {res['coverage']:.3f}  "
        f"(not in text: {res['not_in_text']})"
    ]
    for role, d in res["by_role"].items():
        lines.append(f"  {role:7s} {d['coverage']:.3f} ({d['found']}/{d['total']})")
    if res["misses"]:
        lines.append("first misses:")
        lines += [f"  {m['id']} {m['role']}: {m['text']!r} ({m['code']})" for m in res["misses"][:15]]
    return "\n".join(lines)
