"""Quality on real news pages: newsgraph's records scored against hand annotations.

The annotations (``annotations/real-news/{dev,test}/*.json``, written with
:mod:`newsgraph.evaluation.annotate` following ``docs/annotation.md``) hold offsets into the
text newsgraph extracted from each page, with a checksum of every paragraph and no text of the
page. :func:`attach` re-attaches them to the text of the current extraction paragraph by
paragraph, so a change in extraction moves the offsets instead of breaking them; output in
paragraphs the annotation never saw is not scored.

Matching (the same for scoring newsgraph and for agreement between two annotators):
- an actor found maps to the annotated actor most of its mentions overlap; the first such
  actor is the match, any other is a variant left unmerged;
- quotes match when their contents overlap by at least half of each;
- events match when they have the same type and their triggers overlap or stand within
  ``EVENT_WINDOW`` characters in one paragraph; an event is right in full when its sources
  and targets also match (some actor in common, or none on both sides);
- time expressions match when their spans overlap.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .annotate import crc, paragraphs

EVENT_WINDOW = 80
PLACE = "<place>"  # what an actor found maps to when its mentions are places the annotation lists
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "himself",
        "herself",
        "itself",
        "themselves",
        "ourselves",
        "myself",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "this",
        "these",
        "those",
    ]
)
Span = tuple[int, int]


# ---------------------------------------------------------------- re-attaching annotations


def attach(ann: dict[str, Any], text: str) -> tuple[dict[str, Any], list[Span], int]:
    """The annotation with offsets into ``text``, the regions of ``text`` it covers, and how
    many of its spans could not be moved (their paragraph is gone or changed)."""
    new_pars = [(s, e, crc(text[s:e])) for s, e in paragraphs(text)]
    old_pars = [tuple(p) for p in ann["paragraphs"]]
    used: set[int] = set()
    moved: dict[int, int] = {}  # old paragraph index -> new start
    j = 0
    for i, (_, _, c) in enumerate(old_pars):
        k = next((x for x in range(j, len(new_pars)) if new_pars[x][2] == c and x not in used), None)
        if k is None:
            k = next((x for x in range(len(new_pars)) if new_pars[x][2] == c and x not in used), None)
        if k is None:
            continue
        used.add(k)
        moved[i] = new_pars[k][0]
        j = k + 1
    covered = sorted((new_pars[k][0], new_pars[k][1]) for k in used)
    starts = [p[0] for p in old_pars]
    lost = 0

    def move_pos(pos: int, is_end: bool) -> int | None:
        probe = pos - 1 if is_end else pos
        i = bisect.bisect_right(starts, probe) - 1
        if i < 0 or i not in moved or not (old_pars[i][0] <= probe < old_pars[i][1] + 1):
            return None
        return moved[i] + (pos - old_pars[i][0])

    def move(span: dict[str, Any] | None) -> dict[str, Any] | None:
        nonlocal lost
        if span is None:
            return None
        s, e = move_pos(span["start"], False), move_pos(span["end"], True)
        if s is None or e is None or e <= s or crc(text[s:e]) != span["crc"]:
            lost += 1
            return None
        return {"start": s, "end": e}

    out = dict(ann)
    out["actors"] = [
        {**a, "mentions": [m for m in (move(x) for x in a["mentions"]) if m]} for a in ann.get("actors", [])
    ]
    out["places"] = [p for p in (move(x) for x in ann.get("places", [])) if p]
    out["quotes"] = [
        {**q, "content": c, "cue": move(q.get("cue")), "speaker_mention": move(q.get("speaker_mention"))}
        for q in ann.get("quotes", [])
        if (c := move(q["content"]))
    ]
    out["events"] = [{**e, "trigger": t} for e in ann.get("events", []) if (t := move(e["trigger"]))]
    out["timexes"] = [{**t, "span": s} for t in ann.get("timexes", []) if (s := move(t["span"]))]
    return out, covered, lost


# ---------------------------------------------------------------- system records in the same shape


def from_record(rec: dict[str, Any]) -> dict[str, Any]:
    """A newsgraph record in the shape of an attached annotation."""

    def sp(obj: dict[str, Any] | None) -> dict[str, Any] | None:
        return {"start": obj["start"], "end": obj["end"]} if obj else None

    return {
        "page": rec.get("id"),
        "actors": [
            {
                "id": a["id"],
                "name": a.get("name"),
                "aliases": [],
                "kind": a.get("kind"),
                "country": a.get("country"),
                "sector": a.get("sector"),
                "mentions": [sp(m) for m in a.get("mentions", [])],
            }
            for a in rec.get("actors", [])
        ],
        "places": [],
        "quotes": [
            {
                "kind": q.get("kind"),
                "speaker": (q.get("speaker") or {}).get("actor"),
                "speaker_mention": sp(q.get("speaker")),
                "cue": sp(q.get("cue")),
                "content": sp(q["content"]),
                "confidence": q.get("confidence"),
            }
            for q in rec.get("quotes", [])
        ],
        "events": [
            {
                "type": e.get("type"),
                "mode": e.get("mode"),
                "source": list(e.get("source") or []),
                "target": list(e.get("target") or []),
                "trigger": sp(e["trigger"]),
                "negated": bool(e.get("negated")),
                "modality": e.get("modality"),
                "confidence": e.get("confidence"),
            }
            for e in rec.get("events", [])
        ],
        "timexes": [{"span": sp(t), "value": t.get("value")} for t in rec.get("timexes", [])],
    }


# ---------------------------------------------------------------- matching


def _overlap(a: dict[str, Any] | None, b: dict[str, Any] | None) -> int:
    if not a or not b:
        return 0
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _inside(span: dict[str, Any] | None, regions: list[Span] | None) -> bool:
    """Whether a span lies in a region the annotation covers (``None``: everything is covered)."""
    if regions is None or span is None:
        return True
    return any(s <= span["start"] and span["end"] <= e + 1 for s, e in regions)


def _norm(name: str | None) -> str:
    s = (name or "").casefold().replace("’", "'")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s$", "", s)
    return re.sub(r"[^\w]+", " ", s).strip()


def actor_map(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, str | None]:
    """Each found actor → the annotated actor most of its mentions overlap (or None)."""
    out: dict[str, str | None] = {}
    for p in pred["actors"]:
        votes: dict[str, float] = {}
        for m in p["mentions"]:
            for g in gold["actors"]:
                # the closest mention of each annotated actor, by overlap over union, so that a
                # name inside a longer description ("the son of X") votes for X, not the son
                best = max((_vote(m, gm) for gm in g["mentions"]), default=0.0)
                if best:
                    votes[g["id"]] = votes.get(g["id"], 0.0) + best
            place = max((_vote(m, pl) for pl in gold.get("places", [])), default=0.0)
            if place:
                votes[PLACE] = votes.get(PLACE, 0.0) + place
        out[p["id"]] = max(votes, key=lambda k: votes[k]) if votes else None
    return out


def _vote(found: dict[str, Any], gold: dict[str, Any]) -> float:
    """How much a found mention speaks for an annotated one: their overlap over union when that
    is at least half, or when both end on the same word ("Trump" in "President Trump"); a word
    inside another's mention that is not its head ("Turkish" in "Turkish carrier SunExpress")
    names something else."""
    j = _jaccard(found, gold)
    return j if j >= 0.5 or (j and found["end"] == gold["end"]) else 0.0


def _jaccard(a: dict[str, Any], b: dict[str, Any]) -> float:
    ov = _overlap(a, b)
    return ov / (max(a["end"], b["end"]) - min(a["start"], b["start"])) if ov else 0.0


def _allowed_names(g: dict[str, Any], text: str | None) -> set[str]:
    names = {_norm(g.get("name"))} | {_norm(x) for x in g.get("aliases", [])}
    if text is not None:
        for m in g["mentions"]:
            t = text[m["start"] : m["end"]]
            if t.casefold() in PRONOUNS:
                continue
            if any(ch.isupper() for ch in t) or not any(ch.isupper() for ch in g.get("name") or ""):
                names.add(_norm(t))
    names.discard("")
    return names


def _name_fits(p: dict[str, Any], g: dict[str, Any], text: str | None) -> bool:
    """A found name is right when it is a name the text or the annotation gives the actor, a
    country's name when the country is the same ("United Kingdom" for "Britain"), or, for an
    actor the text only describes, the description with more or fewer words ("foreign
    leaders" for "other foreign leaders")."""
    name = _norm(p.get("name"))
    allowed = _allowed_names(g, text)
    if name in allowed:
        return True
    if g.get("kind") == "country" and p.get("country") and p.get("country") == g.get("country"):
        return True
    described = not any(ch.isupper() for ch in g.get("name") or "")
    if described and name:
        words = set(name.split())
        return any(words <= set(a.split()) or set(a.split()) <= words for a in allowed)
    return False


def _one_to_one(pairs: Iterable[tuple[Any, int, int]]) -> dict[int, int]:
    """Greedy one-to-one matching: (score, gold index, found index) pairs in order of preference,
    each gold and each found item used once. Returns found index -> gold index."""
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in pairs:
        if i not in used and j not in matched:
            used.add(i)
            matched[j] = i
    return matched


def compare(
    gold: dict[str, Any], pred: dict[str, Any], text: str | None = None, covered: list[Span] | None = None
) -> dict[str, Any]:
    """Counts and errors of ``pred`` against ``gold`` (both attached to one text)."""
    c: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []

    def show(span: dict[str, Any] | None) -> str | None:
        if span is None or text is None:
            return None
        return text[span["start"] : span["end"]][:160]

    # actors
    amap = actor_map(gold, pred)
    gold_by_id = {g["id"]: g for g in gold["actors"]}
    pred_actors = [p for p in pred["actors"] if any(_inside(m, covered) for m in p["mentions"])]
    primary: dict[str, str] = {}
    for p in sorted(pred_actors, key=lambda p: -len(p["mentions"])):
        g_id = amap[p["id"]]
        if g_id not in (None, PLACE) and g_id not in primary:
            primary[g_id] = p["id"]
    c["gold_actors"] = len(gold["actors"])
    c["actors_found"] = len(primary)
    for p in pred_actors:
        g_id = amap[p["id"]]
        if g_id == PLACE:
            continue  # a place the annotation lists: no actor, no error either
        if g_id is None:
            c["actors_reported"] += 1
            c["actor_errors"] += 1
            errors.append({"item": "actor", "error": "not an actor", "name": p.get("name"), "kind": p.get("kind")})
            continue
        c["actors_reported"] += 1
        g = gold_by_id[g_id]
        wrong = []
        if primary.get(g_id) != p["id"]:
            wrong.append("variant not merged")
        if p.get("kind") != g.get("kind"):
            wrong.append(f"kind {p.get('kind')} for {g.get('kind')}")
        if not _name_fits(p, g, text):
            wrong.append(f"name {p.get('name')!r} for {g.get('name')!r}")
        if p.get("country") is not None and p.get("country") != g.get("country"):
            wrong.append(f"country {p.get('country')} for {g.get('country')}")
        ps, gs = (p.get("sector") or "")[:3], (g.get("sector") or "")[:3]
        if ps and gs and ps != gs:
            wrong.append(f"sector {ps} for {gs}")
        if wrong:
            c["actor_errors"] += 1
            errors.append({"item": "actor", "error": "; ".join(wrong), "name": p.get("name"), "gold": g.get("name")})
    for g_id, p_id in primary.items():
        g = gold_by_id[g_id]
        p = next(x for x in pred["actors"] if x["id"] == p_id)
        for code in ("country", "sector"):
            if g.get(code):
                c[f"gold_{code}"] += 1
                if (p.get(code) or "")[:3] == g[code][:3]:
                    c[f"{code}_right"] += 1
                elif len(errors) < 10_000:
                    errors.append(
                        {"item": f"actor {code}", "error": f"{p.get(code)} for {g[code]}", "name": g.get("name")}
                    )

    def same_actor(pred_id: str | None, gold_id: str | None, pred_span: Any = None) -> bool:
        mapped = amap.get(pred_id) if pred_id is not None else None
        if gold_id is None:
            return mapped in (None, PLACE)
        if mapped not in (None, PLACE):
            return mapped == gold_id
        # no actor, or one the annotation does not know: right when the span names the speaker
        g = gold_by_id.get(gold_id)
        return bool(g and pred_span and any(_overlap(pred_span, m) for m in g["mentions"]))

    # quotes
    pq = [q for q in pred["quotes"] if _inside(q["content"], covered)]
    pairs = []
    for i, g in enumerate(gold["quotes"]):
        for j, q in enumerate(pq):
            ov = _overlap(g["content"], q["content"])
            glen = g["content"]["end"] - g["content"]["start"]
            qlen = q["content"]["end"] - q["content"]["start"]
            if ov >= 0.5 * glen and ov >= 0.5 * qlen:
                pairs.append((ov, i, j))
    qm = _one_to_one(sorted(pairs, reverse=True))
    gm = set(qm.values())
    c["gold_quotes"] = len(gold["quotes"])
    c["quotes_reported"] = len(pq)
    c["quotes_right"] = len(qm)
    for j, q in enumerate(pq):
        if j not in qm:
            errors.append({"item": "quote", "error": "not a quote (or wrong extent)", "text": show(q["content"])})
            continue
        g = gold["quotes"][qm[j]]
        if q.get("kind") == g.get("kind"):
            c["quote_kind_right"] += 1
        if same_actor(q.get("speaker"), g.get("speaker"), q.get("speaker_mention")):
            c["speaker_right"] += 1
        else:
            want = gold_by_id.get(g.get("speaker") or "", {}).get("name")
            got = show(q.get("speaker_mention"))
            errors.append({"item": "speaker", "error": f"{got!r} for {want!r}", "text": show(q["content"])})
    for i, g in enumerate(gold["quotes"]):
        if i not in gm:
            errors.append({"item": "quote", "error": "missed", "text": show(g["content"])})

    # events
    pe = [e for e in pred["events"] if _inside(e["trigger"], covered)]
    par_starts = [s for s, _ in paragraphs(text)] if text is not None else []

    def par_of(pos: int) -> int:
        return bisect.bisect_right(par_starts, pos) if par_starts else 0

    epairs = []
    for i, g in enumerate(gold["events"]):
        for j, e in enumerate(pe):
            if e["type"] != g["type"]:
                continue
            gt, et = g["trigger"], e["trigger"]
            if _overlap(gt, et):
                dist = 0
            elif par_of(gt["start"]) == par_of(et["start"]):
                dist = min(abs(gt["start"] - et["end"]), abs(et["start"] - gt["end"]))
                if dist > EVENT_WINDOW:
                    continue
            else:
                continue
            epairs.append((dist, i, j))
    em = _one_to_one(sorted(epairs))
    egm = set(em.values())

    def role_ok(gold_ids: list[str], pred_ids: list[str]) -> bool:
        mapped = {amap.get(x) for x in pred_ids}
        if not gold_ids:
            return not pred_ids
        return bool(mapped & set(gold_ids))

    c["gold_events"] = len(gold["events"])
    c["events_reported"] = len(pe)
    c["events_type_right"] = len(em)
    for j, e in enumerate(pe):
        if j not in em:
            errors.append({"item": "event", "error": f"{e['type']} not an event here", "text": show(e["trigger"])})
            continue
        g = gold["events"][em[j]]
        src, tgt = role_ok(g["source"], e["source"]), role_ok(g["target"], e["target"])
        if src and tgt:
            c["events_right"] += 1
        else:
            what = ", ".join(x for x, ok in (("source", src), ("target", tgt)) if not ok)
            errors.append({"item": "event", "error": f"{e['type']} wrong {what}", "text": show(e["trigger"])})
        if bool(e.get("negated")) == bool(g.get("negated")):
            c["event_negation_right"] += 1
    for i, g in enumerate(gold["events"]):
        if i not in egm:
            errors.append({"item": "event", "error": f"{g['type']} missed", "text": show(g["trigger"])})

    # time expressions
    pt = [t for t in pred["timexes"] if _inside(t["span"], covered)]
    tpairs = sorted(
        ((_overlap(g["span"], t["span"]), i, j) for i, g in enumerate(gold["timexes"]) for j, t in enumerate(pt)),
        reverse=True,
    )
    tm = _one_to_one(p for p in tpairs if p[0])
    tgm = set(tm.values())
    c["gold_timexes"] = len(gold["timexes"])
    c["timexes_reported"] = len(pt)
    c["timexes_found"] = len(tm)
    for j, t in enumerate(pt):
        if j not in tm:
            errors.append({"item": "date", "error": "not a time expression", "text": show(t["span"])})
            continue
        g = gold["timexes"][tm[j]]
        if t.get("value") is not None:
            c["dates_resolved"] += 1
            if t["value"] == g.get("value"):
                c["dates_right"] += 1
            else:
                errors.append({"item": "date", "error": f"{t['value']} for {g.get('value')}", "text": show(t["span"])})
    for i, g in enumerate(gold["timexes"]):
        if i not in tgm:
            errors.append({"item": "date", "error": "missed", "text": show(g["span"])})
    return {"counts": c, "errors": errors}


# ---------------------------------------------------------------- figures


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if not p or not r:
        return None if p is None or r is None else 0.0
    return round(2 * p * r / (p + r), 3)


def figures(c: Counter[str]) -> dict[str, Any]:
    q_p, q_r = _ratio(c["quotes_right"], c["quotes_reported"]), _ratio(c["quotes_right"], c["gold_quotes"])
    e_p, e_r = _ratio(c["events_right"], c["events_reported"]), _ratio(c["events_right"], c["gold_events"])
    et_p, et_r = _ratio(c["events_type_right"], c["events_reported"]), _ratio(c["events_type_right"], c["gold_events"])
    t_p, t_r = _ratio(c["timexes_found"], c["timexes_reported"]), _ratio(c["timexes_found"], c["gold_timexes"])
    return {
        "quotes": {"precision": q_p, "recall": q_r, "f1": _f1(q_p, q_r), "gold": c["gold_quotes"]},
        "speaker_accuracy": _ratio(c["speaker_right"], c["quotes_right"]),
        "quote_kind_accuracy": _ratio(c["quote_kind_right"], c["quotes_right"]),
        "events": {"precision": e_p, "recall": e_r, "f1": _f1(e_p, e_r), "gold": c["gold_events"]},
        "event_types": {"precision": et_p, "recall": et_r, "f1": _f1(et_p, et_r)},
        "actors": {
            "error_rate": _ratio(c["actor_errors"], c["actors_reported"]),
            "recall": _ratio(c["actors_found"], c["gold_actors"]),
            "country_right": _ratio(c["country_right"], c["gold_country"]),
            "sector_right": _ratio(c["sector_right"], c["gold_sector"]),
            "gold": c["gold_actors"],
        },
        "dates": {
            "precision": t_p,
            "recall": t_r,
            "resolved_right": _ratio(c["dates_right"], c["dates_resolved"]),
            "gold": c["gold_timexes"],
        },
    }


def agreement(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Agreement of annotator B with annotator A, each pair two resolved annotations of one page.

    F1 is symmetric; the accuracies read A as the reference.
    """
    total: Counter[str] = Counter()
    for a, b in pairs:
        if a.get("text_sha1") != b.get("text_sha1"):
            raise ValueError(f"{a.get('page')}: the two annotations were made on different texts")
        total += compare(a, b)["counts"]
    return figures(total)


def word_f1(found: str, gold: str) -> float:
    fa = Counter(re.findall(r"\w+", found.lower()))
    gb = Counter(re.findall(r"\w+", gold.lower()))
    tp = sum((fa & gb).values())
    if not tp:
        return 0.0
    p, r = tp / sum(fa.values()), tp / sum(gb.values())
    return 2 * p * r / (p + r)


def read_annotations(path: Path) -> list[dict[str, Any]]:
    files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def evaluate_real(annotations: Path, pages: Path, settings: Any = None, with_errors: bool = True) -> dict[str, Any]:
    """Run newsgraph on every annotated page and score it (see the module's docstring).

    Args:
        annotations: A folder of annotation files (``*.json``, searched recursively) or one file.
        pages: The news-pages folder: ``html/<page>.html`` and ``ground-truth.json``.
    """
    from ..ingest import iter_documents
    from ..pipeline import extract_stream
    from ..record import Article

    anns = read_annotations(annotations)
    html = pages / "html"
    truth_path = pages / "ground-truth.json"
    truth = json.loads(truth_path.read_text(encoding="utf-8")) if truth_path.exists() else {}
    paths = [html / f"{a['page']}.html" for a in anns]
    records = {}
    for art in extract_stream(iter_documents(paths, settings), settings):
        if isinstance(art, Article):
            records[Path(art.source.path or "").stem] = art.to_dict()
    total: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    body_f1: list[float] = []
    lost = 0
    for ann in anns:
        rec = records.get(ann["page"])
        if rec is None:
            errors.append({"page": ann["page"], "item": "page", "error": "newsgraph extracted no article"})
            continue
        gold, covered, n_lost = attach(ann, rec["text"])
        lost += n_lost
        res = compare(gold, from_record(rec), rec["text"], covered)
        total += res["counts"]
        errors.extend({"page": ann["page"], **e} for e in res["errors"])
        if ann["page"] in truth:
            body = " ".join(rec["text"][b["start"] : b["end"]] for b in rec["body"])
            body_f1.append(word_f1(body, truth[ann["page"]]["articleBody"]))
    out = figures(total)
    out["pages"] = len(anns)
    out["body_word_f1"] = round(sum(body_f1) / len(body_f1), 3) if body_f1 else None
    out["spans_not_reattached"] = lost
    out["counts"] = dict(total)
    if with_errors:
        out["errors"] = errors
    return out


def format_real_report(res: dict[str, Any]) -> str:
    a, q, e, et, d = res["actors"], res["quotes"], res["events"], res["event_types"], res["dates"]
    lines = [
        f"real-article set: {res['pages']} pages",
        f"quotes      P {q['precision']}  R {q['recall']}  F1 {q['f1']}  (gold {q['gold']})"
        f"  speaker right {res['speaker_accuracy']}  kind right {res['quote_kind_accuracy']}",
        f"events      P {e['precision']}  R {e['recall']}  F1 {e['f1']}  (gold {e['gold']}; type and trigger only:"
        f" P {et['precision']} R {et['recall']})",
        f"actors      errors {a['error_rate']} of reported  found {a['recall']} of gold ({a['gold']})"
        f"  country right {a['country_right']}  sector right {a['sector_right']}",
        f"dates       P {d['precision']}  R {d['recall']}  resolved right {d['resolved_right']}  (gold {d['gold']})",
        f"body        word F1 {res['body_word_f1']}",
    ]
    if res.get("spans_not_reattached"):
        lines.append(f"({res['spans_not_reattached']} annotated spans could not be re-attached to the current text)")
    errs = res.get("errors")
    if errs:
        lines.append("")
        lines.append("errors, by kind:")
        by_kind = Counter(f"{x['item']}: {x['error'].split(' for ')[0].split(' (')[0]}" for x in errs)
        for kind, n in by_kind.most_common(25):
            lines.append(f"  {n:4d}  {kind}")
        lines.append("")
        for x in errs:
            extra = x.get("text") or x.get("name") or ""
            lines.append(f"  [{x.get('page')}] {x['item']}: {x['error']}  | {extra}")
    return "\n".join(lines)
