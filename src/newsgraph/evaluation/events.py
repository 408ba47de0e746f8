"""Event evaluation on PLOVER gold records (one sentence, one gold event per line).

Metrics follow the project's reference scorer: event type per record (micro
P/R/F1, per type, macro-F1), actor country accuracy on records with the right
type, full-event P/R/F1 (type + source country + target country; a role
matches when code sets intersect or both are empty), and sector accuracy.
Sibling records (two events of one sentence) do not charge a system that finds
both.

Our events map to the scorer's as: type -> type, source/target actor ids ->
the actors' country codes and sectors.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..errors import Errors, EvaluationError
from ..record import PLOVER_TYPES, Article
from ..settings import Settings, load_settings

ActorCode = tuple[str, str]


def _up(value: Any) -> str:
    return str(value).strip().upper() if value is not None else ""


def _actors(value: Any) -> list[ActorCode]:
    if value is None or value == "":
        return []
    if isinstance(value, str | dict):
        value = [value]
    out = []
    for a in value:
        if isinstance(a, str):
            out.append((_up(a), ""))
        elif isinstance(a, dict):
            out.append((_up(a.get("code")), str(a.get("sector") or "").strip()))
    return out


def _codes(actors: list[ActorCode]) -> frozenset[str]:
    return frozenset(c for c, _ in actors if c)


def _sectors(actors: list[ActorCode]) -> set[str]:
    return {s[:3].upper() for _, s in actors if s}


def read_gold(path: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Gold events by record id, and the record texts."""
    gold: dict[str, dict[str, Any]] = {}
    texts: dict[str, str] = {}
    by_text: dict[str, list[str]] = defaultdict(list)
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise EvaluationError(Errors.E501.format(path=path, reason=exc.strerror)) from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            rid = str(obj["id"])
            texts[rid] = str(obj["text"])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise EvaluationError(Errors.E501.format(path=path, reason=f"line {n}: {exc}")) from exc
        gold[rid] = {
            "type": _up(obj.get("event")),
            "source": _actors(obj.get("source")),
            "target": _actors(obj.get("target")),
        }
        by_text[" ".join(texts[rid].split()).lower()].append(rid)
    for ids in by_text.values():
        for rid in ids:
            gold[rid]["siblings"] = [gold[o] for o in ids if o != rid]
    return gold, texts


def article_events(article: Article) -> list[dict[str, Any]]:
    """An article's events in the scorer's form (actor ids replaced by their codes)."""
    out = []
    for e in article.events:

        def role(ids: list[str]) -> list[ActorCode]:
            res = []
            for i in ids:
                a = article.actor(i)
                if a is not None and a.country:
                    res.append((a.country.upper(), a.sector or ""))
            return res

        out.append({"type": e.type.upper(), "source": role(e.source), "target": role(e.target)})
    return out


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def _role_match(gold_codes: frozenset[str], pred_codes: frozenset[str]) -> bool:
    return bool(gold_codes & pred_codes) if gold_codes else not pred_codes


def _full_match(g: dict[str, Any], t: str, s: frozenset[str], tg: frozenset[str]) -> bool:
    return t == g["type"] and _role_match(_codes(g["source"]), s) and _role_match(_codes(g["target"]), tg)


def _acc(c: int, n: int) -> dict[str, float]:
    return {"correct": c, "total": n, "acc": c / n if n else 0.0}


def score(gold: dict[str, dict[str, Any]], preds: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The reference metrics (sibling-aware) of ``preds`` against ``gold``."""
    tp = fp = fn = full_tp = full_fp = full_fn = n_pred = 0
    per_tp: Counter[str] = Counter()
    per_fp: Counter[str] = Counter()
    per_fn: Counter[str] = Counter()
    role_c: Counter[str] = Counter()
    role_n: Counter[str] = Counter()
    role_all: Counter[str] = Counter()
    sec_c: Counter[str] = Counter()
    sec_n: Counter[str] = Counter()
    invalid = 0
    for rid, g in gold.items():
        events = preds.get(rid, [])
        gtype = g["type"]
        sibs = g.get("siblings", [])
        sib_types = {s["type"] for s in sibs} - {gtype}
        ptypes = {e["type"] for e in events if e["type"]} - sib_types
        hit = gtype in ptypes
        if hit:
            tp += 1
            per_tp[gtype] += 1
        else:
            fn += 1
            per_fn[gtype] += 1
        for t in ptypes - {gtype}:
            fp += 1
            if t in PLOVER_TYPES:
                per_fp[t] += 1
            else:
                invalid += 1
        same = [e for e in events if e["type"] == gtype]
        for r in ("source", "target"):
            gcodes = _codes(g[r])
            if gcodes:
                role_all[r] += 1
            if not hit:
                continue
            pcodes = frozenset().union(*[_codes(e[r]) for e in same]) if same else frozenset()
            if gcodes:
                role_n[r] += 1
                role_c[r] += bool(gcodes & pcodes)
            gsec = _sectors(g[r])
            if gsec:
                psec = set().union(*[_sectors(e[r]) for e in same])
                sec_n[r] += 1
                sec_c[r] += bool(gsec & psec)
        uniq = {(e["type"], _codes(e["source"]), _codes(e["target"])) for e in events if e["type"]}
        matched = any(_full_match(g, *u) for u in uniq)
        if sibs:
            uniq = {
                u
                for u in uniq
                if not (u[0] in sib_types or (not _full_match(g, *u) and any(_full_match(s, *u) for s in sibs)))
            }
        n_pred += len(uniq)
        if matched:
            full_tp += 1
            full_fp += len(uniq) - 1
        else:
            full_fn += 1
            full_fp += len(uniq)
    res: dict[str, Any] = {
        "records": len(gold),
        "predicted_records": sum(1 for r in gold if preds.get(r)),
        "predicted_events": n_pred,
        "invalid_types": invalid,
    }
    res["type_micro"] = prf(tp, fp, fn)
    per_type = {}
    for t in PLOVER_TYPES:
        if per_tp[t] + per_fp[t] + per_fn[t]:
            d: dict[str, Any] = dict(prf(per_tp[t], per_fp[t], per_fn[t]))
            d["support"] = per_tp[t] + per_fn[t]
            per_type[t] = d
    res["per_type"] = per_type
    res["type_macro_f1"] = sum(d["f1"] for d in per_type.values()) / len(per_type) if per_type else 0.0
    for r in ("source", "target"):
        res[r + "_country"] = _acc(role_c[r], role_n[r])
        res[r + "_country_all"] = _acc(role_c[r], role_all[r])
    res["full_event"] = prf(full_tp, full_fp, full_fn)
    res["sector"] = _acc(sec_c["source"] + sec_c["target"], sec_n["source"] + sec_n["target"])
    res["type_f1"] = res["type_micro"]["f1"]
    res["full_f1"] = res["full_event"]["f1"]
    return res


def predict(texts: dict[str, str], settings: Settings) -> dict[str, list[dict[str, Any]]]:
    """Run the pipeline on every record's sentence."""
    from ..ingest import InputDocument
    from ..pipeline import extract_stream
    from ..record import Source

    docs = (InputDocument(text=t, source=Source(path=rid), id=rid) for rid, t in texts.items())
    return {a.id: article_events(a) for a in extract_stream(docs, settings) if isinstance(a, Article)}


def read_predictions(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Predictions JSONL (``{"id", "events"}``, events with codes) or newsgraph article records."""
    preds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in Path(path).read_text("utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if "schema" in obj and "actors" in obj:
            preds[str(obj["id"])].extend(article_events(Article.from_dict(obj)))
            continue
        for ev in obj.get("events") or []:
            preds[str(obj.get("id"))].append(
                {
                    "type": _up(ev.get("type", ev.get("event"))),
                    "source": _actors(ev.get("source", ev.get("actor"))),
                    "target": _actors(ev.get("target", ev.get("recipient"))),
                }
            )
    return dict(preds)


def evaluate_events(
    gold: Path, settings: Settings | None = None, predictions: Path | None = None, ids: set[str] | None = None
) -> dict[str, Any]:
    """Score newsgraph (or a predictions file) against PLOVER gold records.

    Args:
        gold: Gold JSONL (``id``, ``text``, ``event``, ``source``, ``target``).
        settings: Pipeline settings.
        predictions: Score this file instead of running the pipeline.
        ids: Score only these record ids (for development splits).
    """
    g, texts = read_gold(Path(gold))
    if ids is not None:
        g = {k: v for k, v in g.items() if k in ids}
        texts = {k: v for k, v in texts.items() if k in ids}
    preds = read_predictions(Path(predictions)) if predictions else predict(texts, settings or load_settings())
    return score(g, preds)


def format_event_report(res: dict[str, Any]) -> str:
    m, f = res["type_micro"], res["full_event"]
    lines = [
        f"records {res['records']}  with predictions {res['predicted_records']}  "
        f"predicted events {res['predicted_events']}",
        f"event type micro   P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}  "
        f"(tp {m['tp']} fp {m['fp']} fn {m['fn']})",
        f"event type macro-F1 {res['type_macro_f1']:.3f} over {len(res['per_type'])} types",
        f"full event         P {f['p']:.3f}  R {f['r']:.3f}  F1 {f['f1']:.3f}  "
        f"(tp {f['tp']} fp {f['fp']} fn {f['fn']})",
    ]
    for key, label in (("source_country", "source country"), ("target_country", "target country")):
        a = res[key]
        lines.append(f"{label:18s} {a['acc']:.3f} ({a['correct']}/{a['total']})")
    lines.append(f"{'sector':18s} {res['sector']['acc']:.3f} ({res['sector']['correct']}/{res['sector']['total']})")
    lines.append("")
    lines.append(f"{'type':10s} {'P':>6s} {'R':>6s} {'F1':>6s} {'n':>4s}")
    for t, d in sorted(res["per_type"].items()):
        lines.append(f"{t:10s} {d['p']:6.3f} {d['r']:6.3f} {d['f1']:6.3f} {d['support']:4d}")
    return "\n".join(lines)
