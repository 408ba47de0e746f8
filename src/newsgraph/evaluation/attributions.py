"""Attribution (quote) evaluation on PolNeAR-layout folders.

The metrics are those of the project's reference scorer: attributions are
paired one-to-one by content character F1 >= 0.5 (non-whitespace characters);
a pair counts for the headline *attribution* F1 when the sources also overlap
(or both are absent). Also reported: content-only pairing, Citron-style exact
matches of cue/source/content/quote after trimming punctuation, and character
overlap per role. ``subset="direct"`` keeps the attributions whose content
holds a quotation mark, on both sides.

Our record maps to an attribution as: speaker -> source, cue -> cue, content
spans -> content.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import Errors, EvaluationError
from ..record import Article, Quote
from ..settings import Settings, load_settings

QUOTE_CHARS = "\"“”„«»‘’'"
TRIM = set(" \t\r\n.,;:!?\"“”„«»‘’'()[]—–-")
Spans = list[tuple[int, int]]
Attribution = dict[str, Spans]


# -- reading gold ------------------------------------------------------------------------
def _parse_spans(field: str) -> Spans:
    out = []
    for part in field.split(";"):
        s, e = part.split()
        out.append((int(s), int(e)))
    return out


def read_brat(path: Path) -> list[Attribution]:
    """Attributions of one brat ``.ann`` file (T spans tied together by E lines)."""
    spans: dict[str, Spans] = {}
    events: list[list[str]] = []
    for line in path.read_text("utf-8").splitlines():
        if not re.match(r"^[TE]\d+\t", line):
            continue
        cols = line.split("\t")
        if cols[0].startswith("T"):
            _label, rest = cols[1].split(" ", 1)
            spans[cols[0]] = _parse_spans(rest)
        else:
            events.append(cols[1].split())
    atts = []
    for ev in events:
        att: Attribution = {"source": [], "cue": [], "content": []}
        for arg in ev:
            role, tid = arg.split(":")
            role = role.rstrip("0123456789").lower()
            if role in att and tid in spans:
                att[role].extend(spans[tid])
        atts.append(att)
    return atts


def read_polnear(folder: Path) -> tuple[dict[str, str], dict[str, list[Attribution]]]:
    """Texts and gold attributions of a PolNeAR-layout folder (first annotator file per document)."""
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvaluationError(Errors.E500.format(path=folder))
    texts = {p.stem: p.read_text("utf-8") for p in sorted(text_dir.glob("*.txt"))}
    gold: dict[str, list[Attribution]] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        doc = re.sub(r"_[0-9a-f]{4}$", "", p.stem)
        if doc in texts and doc not in gold:
            gold[doc] = read_brat(p)
    return texts, gold


def quote_attribution(q: Quote) -> Attribution:
    """One of our quotes in the scorer's terms."""
    return {
        "source": [(q.speaker.start, q.speaker.end)] if q.speaker else [],
        "cue": [(q.cue.start, q.cue.end)] if q.cue else [],
        "content": q.content.parts(),
    }


# -- metrics -------------------------------------------------------------------------------
def _chars(text: str, spans: Spans) -> set[int]:
    return {i for s, e in spans for i in range(max(0, s), min(len(text), e)) if not text[i].isspace()}


def _trimmed(text: str, spans: Spans) -> frozenset[int]:
    out: set[int] = set()
    for s, e in spans:
        while s < e and text[s] in TRIM:
            s += 1
        while e > s and text[e - 1] in TRIM:
            e -= 1
        out |= {i for i in range(s, e) if not text[i].isspace()}
    return frozenset(out)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _char_f1(a: set[int], b: set[int]) -> float:
    inter = len(a & b)
    if not inter:
        return 0.0
    p, r = inter / len(a), inter / len(b)
    return 2 * p * r / (p + r)


def is_direct(text: str, att: Attribution) -> bool:
    return any(ch in QUOTE_CHARS for s, e in att["content"] for ch in text[s:e])


def pair(text: str, preds: list[Attribution], golds: list[Attribution]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing by content character F1 >= 0.5."""
    cand = []
    gold_chars = [_chars(text, g["content"]) for g in golds]
    for i, p in enumerate(preds):
        pc = _chars(text, p["content"])
        for j, gc in enumerate(gold_chars):
            f = _char_f1(pc, gc)
            if f >= 0.5:
                cand.append((f, i, j))
    cand.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _f, i, j in cand:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _sources_agree(text: str, p: Attribution, g: Attribution) -> bool:
    ps, gs = _chars(text, p["source"]), _chars(text, g["source"])
    return (not ps and not gs) or bool(ps & gs)


def _exact_counts(text: str, preds: list[Attribution], golds: list[Attribution], role: str) -> tuple[int, int, int]:
    def match(p: Attribution, g: Attribution) -> bool:
        if role == "cue":
            return _trimmed(text, p["cue"]) == _trimmed(text, g["cue"])
        if not (_chars(text, p["cue"]) & _chars(text, g["cue"])) and (p["cue"] or g["cue"]):
            return False
        if role == "quote":
            return all(_trimmed(text, p[r]) == _trimmed(text, g[r]) for r in ("cue", "source", "content"))
        return _trimmed(text, p[role]) == _trimmed(text, g[role])

    tp = sum(1 for p in preds if any(match(p, g) for g in golds))
    fn = sum(1 for g in golds if not any(match(p, g) for p in preds))
    return tp, len(preds) - tp, fn


def score(
    texts: dict[str, str],
    gold: dict[str, list[Attribution]],
    preds: dict[str, list[Attribution]],
    subset: str | None = None,
) -> dict[str, Any]:
    """The reference metrics over all gold documents."""
    tot: dict[str, int] = defaultdict(int)
    for doc, golds in gold.items():
        text = texts[doc]
        ps = preds.get(doc, [])
        if subset == "direct":
            golds = [g for g in golds if is_direct(text, g)]
            ps = [p for p in ps if is_direct(text, p)]
        tot["gold"] += len(golds)
        tot["pred"] += len(ps)
        pairs = pair(text, ps, golds)
        tot["content_tp"] += len(pairs)
        tot["att_tp"] += sum(1 for i, j in pairs if _sources_agree(text, ps[i], golds[j]))
        for role in ("cue", "source", "content", "quote"):
            tp, fp, fn = _exact_counts(text, ps, golds, role)
            tot[role + "_ex_tp"] += tp
            tot[role + "_ex_fp"] += fp
            tot[role + "_ex_fn"] += fn
        for role in ("cue", "source", "content"):
            pc = set().union(*[_chars(text, p[role]) for p in ps]) if ps else set()
            gc = set().union(*[_chars(text, g[role]) for g in golds]) if golds else set()
            tot[role + "_ov"] += len(pc & gc)
            tot[role + "_pl"] += len(pc)
            tot[role + "_gl"] += len(gc)
    res: dict[str, Any] = {"documents": len(gold), "gold": tot["gold"], "predicted": tot["pred"]}
    res["attribution"] = prf(tot["att_tp"], tot["pred"] - tot["att_tp"], tot["gold"] - tot["att_tp"])
    res["content"] = prf(tot["content_tp"], tot["pred"] - tot["content_tp"], tot["gold"] - tot["content_tp"])
    for role in ("cue", "source", "content", "quote"):
        res[role + "_exact"] = prf(tot[role + "_ex_tp"], tot[role + "_ex_fp"], tot[role + "_ex_fn"])
    for role in ("cue", "source", "content"):
        ov, pl, gl = tot[role + "_ov"], tot[role + "_pl"], tot[role + "_gl"]
        p = ov / pl if pl else 0.0
        r = ov / gl if gl else 0.0
        res[role + "_overlap"] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return res


# -- running the pipeline ---------------------------------------------------------------------
def predict(texts: dict[str, str], settings: Settings) -> dict[str, list[Article]]:
    """Run the pipeline over ``texts`` (id -> text); returns id -> [Article]."""
    from ..ingest import InputDocument
    from ..pipeline import extract_stream
    from ..record import Source

    docs = (InputDocument(text=t, source=Source(path=doc), id=doc) for doc, t in texts.items())
    out: dict[str, list[Article]] = {}
    for item in extract_stream(docs, settings):
        if isinstance(item, Article):
            out[item.id] = [item]
    return out


def read_predictions(path: Path) -> dict[str, list[Attribution]]:
    """Predictions JSONL in the scorer's format, or newsgraph article records (``{"id", "quotes"}``)."""
    preds: dict[str, list[Attribution]] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if "attributions" in obj:
            preds[obj["doc"]] = [
                {r: _norm_role(a.get(r)) for r in ("source", "cue", "content")} for a in obj["attributions"]
            ]
        else:
            art = Article.from_dict(obj)
            preds[art.id] = [quote_attribution(q) for q in art.quotes]
    return preds


def _norm_role(value: Any) -> Spans:
    if value is None:
        return []
    if isinstance(value, dict):
        value = [value]
    if value and isinstance(value[0], int | float):
        value = [value]
    return [(int(s["start"]), int(s["end"])) if isinstance(s, dict) else (int(s[0]), int(s[1])) for s in value]


def evaluate_attributions(
    folder: Path,
    subset: str = "all",
    settings: Settings | None = None,
    predictions: Path | None = None,
    articles: Iterable[Article] | None = None,
) -> dict[str, Any]:
    """Score newsgraph (or a predictions file) on a PolNeAR-layout folder.

    Args:
        folder: Holds ``text/`` and ``attributions/``.
        subset: ``"all"`` or ``"direct"``.
        settings: Pipeline settings (model, processes).
        predictions: Score this JSONL instead of running the pipeline.
        articles: Score these already extracted articles (ids = document stems).
    """
    texts, gold = read_polnear(Path(folder))
    if predictions is not None:
        preds = read_predictions(Path(predictions))
    else:
        if articles is None:
            found = predict(texts, settings or load_settings())
            articles = [a for arts in found.values() for a in arts]
        preds = {a.id: [quote_attribution(q) for q in a.quotes] for a in articles}
    res = score(texts, gold, preds, None if subset == "all" else subset)
    res["subset"] = subset
    res["missing_documents"] = sum(1 for d in gold if d not in preds)
    return res


def format_attribution_report(res: dict[str, Any]) -> str:
    lines = [
        f"documents {res['documents']}  gold {res['gold']}  predicted {res['predicted']}  "
        f"missing {res.get('missing_documents', 0)}  subset {res.get('subset', 'all')}"
    ]
    for key in (
        "attribution",
        "content",
        "cue_exact",
        "source_exact",
        "content_exact",
        "quote_exact",
        "cue_overlap",
        "source_overlap",
        "content_overlap",
    ):
        p, r, f = res[key]
        lines.append(f"{key:16s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return "\n".join(lines)
