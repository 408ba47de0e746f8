"""Users' corrections: record them, re-attach them to a record, apply them, export them as labelled examples.

A correction says an extracted item is wrong, or gives the right value of one
of its fields: a quote's speaker or kind, an event's PLOVER type, an actor's
country or sector code. It is stored in its own table
(:mod:`newsgraph.store.corrections`), keyed by the article id, the item kind
and the offsets of the item's evidence, so it finds its item again after the
article is re-ingested (the item ids in the record may change, the offsets of
the same evidence do not). Extracted data is never rewritten: a record is shown
*with* its corrections, or with them applied (:func:`apply_corrections`).

Exports (:func:`export_corrections`) write what the evaluation commands read:
``events.jsonl`` in the PLOVER gold form (``newsgraph eval events``),
``actors.jsonl`` likewise with the corrected actor as the gold actor
(``newsgraph eval actors``), a PolNeAR-layout folder ``quotes/`` with the
corrected attributions in brat standoff (``newsgraph eval attributions``), and
``corrections.jsonl``, every correction with its evidence, one per line.
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select

from ..errors import Errors, QueryError
from ..record import PLOVER_TYPES, QUOTE_KINDS, Actor, Article, Event, Quote, Speaker
from ..store import Store
from ..store.corrections import corrections as table

KINDS = ("quote", "event", "actor")
#: what a user may correct on each kind of item; 'wrong' marks the item as no such thing
FIELDS: dict[str, tuple[str, ...]] = {
    "quote": ("wrong", "speaker", "kind"),
    "event": ("wrong", "type"),
    "actor": ("wrong", "country", "sector"),
}
MAX_NOTE = 2000


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO 3166 alpha-3 codes, plus IGO (international bodies) and XKX (Kosovo), as the actor stage codes."""
    import pycountry

    return frozenset({c.alpha_3 for c in pycountry.countries} | {"IGO", "XKX"})


@lru_cache(maxsize=1)
def sector_codes() -> frozenset[str]:
    """The CAMEO-style sector codes the actor lexicon assigns."""
    data = json.loads(resources.files("newsgraph.data").joinpath("actors.json").read_text("utf-8"))
    codes = set(data.get("roles", {})) | set(data.get("igo_sectors", {}).values())
    codes |= {v[1] for v in data.get("bodies", {}).values() if isinstance(v, list) and len(v) > 1 and v[1]}
    return frozenset(codes)


@dataclass(slots=True)
class Evidence:
    """Where an item stands in the text: the key a correction is stored under."""

    kind: str
    start: int
    end: int
    text: str


def evidence_of(article: Article, kind: str, item_id: str) -> Evidence:
    """The evidence span of item ``item_id`` of ``kind`` in ``article``.

    Raises:
        QueryError: [E420] when the article has no such item.
    """
    if kind == "quote":
        q = next((q for q in article.quotes if q.id == item_id), None)
        if q is not None:
            return Evidence(kind, q.content.start, q.content.end, q.content.text)
    elif kind == "event":
        e = next((e for e in article.events if e.id == item_id), None)
        if e is not None:
            return Evidence(kind, e.trigger.start, e.trigger.end, e.trigger.text)
    elif kind == "actor":
        a = article.actor(item_id)
        if a is not None and a.mentions:
            m = min(a.mentions, key=lambda m: (m.start, m.end))
            return Evidence(kind, m.start, m.end, m.text)
    ids = {
        "quote": [q.id for q in article.quotes],
        "event": [e.id for e in article.events],
        "actor": [a.id for a in article.actors],
    }.get(kind, [])
    known = ", ".join(ids) or "none"
    raise QueryError(Errors.E420.format(id=article.id, kind=kind, item=item_id, known=known))


def find_item(article: Article, kind: str, start: int, end: int, text: str) -> Quote | Event | Actor | None:
    """The item of ``article`` whose evidence is ``text[start:end]``, if the record still has it."""
    if article.text[start:end] != text:
        return None  # the text itself changed: the evidence is gone
    if kind == "quote":
        return next((q for q in article.quotes if (q.content.start, q.content.end) == (start, end)), None)
    if kind == "event":
        return next((e for e in article.events if (e.trigger.start, e.trigger.end) == (start, end)), None)
    return next((a for a in article.actors if any((m.start, m.end) == (start, end) for m in a.mentions)), None)


def _check_span(article: Article, value: Any, what: str) -> dict[str, Any]:
    try:
        start, end = int(value["start"]), int(value["end"])
    except (KeyError, TypeError, ValueError):
        start = end = -1
    if not (0 <= start < end <= len(article.text)):
        raise QueryError(
            Errors.E422.format(
                field=what,
                kind="quote",
                value=value,
                expected=f"Give an actor id of this article, or {{'start', 'end'}} inside its text "
                f"(0..{len(article.text)}), or null for no speaker.",
            )
        )
    return {"name": article.text[start:end], "start": start, "end": end, "text": article.text[start:end]}


def _speaker_value(article: Article, quote: Quote, value: Any) -> dict[str, Any] | None:
    """A speaker correction as stored: the speaker's name and a mention span (offsets survive re-ingest)."""
    if value is None:
        return None
    if isinstance(value, str):
        actor = article.actor(value)
        if actor is None or not actor.mentions:
            known = ", ".join(f"{a.id} ({a.name})" for a in article.actors if a.mentions) or "none"
            raise QueryError(
                Errors.E422.format(
                    field="speaker", kind="quote", value=value, expected=f"Actors of the article: {known}."
                )
            )
        # the mention nearest the quote is the evidence that this actor spoke it
        m = min(actor.mentions, key=lambda m: min(abs(m.start - quote.content.start), abs(m.end - quote.content.end)))
        return {"name": actor.name, "start": m.start, "end": m.end, "text": m.text}
    if isinstance(value, dict):
        return _check_span(article, value, "speaker")
    return _check_span(article, {}, "speaker")


def check_value(article: Article, kind: str, item: Quote | Event | Actor, field: str, value: Any) -> Any:
    """The value to store for a correction of ``field``, validated; raises [E421]/[E422] naming what is valid."""
    if field not in FIELDS[kind]:
        raise QueryError(Errors.E421.format(kind=kind, field=field, known=", ".join(FIELDS[kind])))
    if field == "wrong":
        return None
    if field == "speaker":
        assert isinstance(item, Quote)
        return _speaker_value(article, item, value)
    valid: tuple[str, ...]
    if field == "kind":
        valid = QUOTE_KINDS
    elif field == "type":
        valid = PLOVER_TYPES
    elif field == "country":
        if value is None:
            return None  # unknown is null
        valid = tuple(sorted(country_codes()))
    else:
        if value is None:
            return None
        valid = tuple(sorted(sector_codes()))
    code = value.strip().upper() if isinstance(value, str) and field != "kind" else value
    if code not in valid:
        shown = ", ".join(valid) if len(valid) <= 30 else "an ISO 3166 alpha-3 code (e.g. USA, ISR), IGO, or null"
        raise QueryError(Errors.E422.format(field=field, kind=kind, value=value, expected=f"Valid: {shown}."))
    return code


def _original(item: Quote | Event | Actor) -> dict[str, Any]:
    d = item.to_dict()
    if isinstance(item, Actor):
        d.pop("mentions", None)  # the evidence row already says where it stands
    return d


def add_correction(
    store: Store,
    article_id: str,
    kind: str,
    item_id: str,
    field: str,
    value: Any = None,
    user: str = "",
    note: str | None = None,
) -> dict[str, Any]:
    """Store one correction of item ``item_id`` (an id of the record as it is now) and return it.

    Raises:
        StoreError: [E302] unknown article.
        QueryError: [E420] unknown item, [E421] field not correctable, [E422] invalid value.
    """
    if kind not in KINDS:
        raise QueryError(Errors.E421.format(kind=kind, field=field, known="kinds: " + ", ".join(KINDS)))
    article = store.get(article_id)
    ev = evidence_of(article, kind, item_id)
    item = find_item(article, kind, ev.start, ev.end, ev.text)
    assert item is not None
    stored = check_value(article, kind, item, field, value)
    row = {
        "article_id": article_id,
        "item_kind": kind,
        "item_start": ev.start,
        "item_end": ev.end,
        "item_text": ev.text,
        "field": field,
        "value": stored,
        "original": _original(item),
        "note": (note or "")[:MAX_NOTE] or None,
        "user": user[:80] or "anonymous",
        "created_at": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    }
    with store.writing() as conn:
        new_id = int(conn.execute(insert(table).values(**row)).inserted_primary_key[0])
    return _attach(article, {"id": new_id, **row})


def delete_correction(store: Store, correction_id: int) -> None:
    """Withdraw a correction. Raises :class:`QueryError` [E423] when there is none with this id."""
    with store.writing() as conn:
        if not conn.execute(delete(table).where(table.c.id == correction_id)).rowcount:
            raise QueryError(Errors.E423.format(id=correction_id))


def _rows(store: Store, article_id: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    stmt = select(table).order_by(table.c.article_id, table.c.id)
    if article_id is not None:
        stmt = stmt.where(table.c.article_id == article_id)
    if limit is not None:
        stmt = stmt.limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def _attach(article: Article, row: dict[str, Any]) -> dict[str, Any]:
    """A stored correction as the API shows it: with the id of the item it applies to in ``article`` now."""
    item = find_item(article, row["item_kind"], row["item_start"], row["item_end"], row["item_text"])
    return {
        "id": row["id"],
        "article_id": row["article_id"],
        "item": {
            "kind": row["item_kind"],
            "id": item.id if item is not None else None,  # None: the record no longer has this item
            "start": row["item_start"],
            "end": row["item_end"],
            "text": row["item_text"],
        },
        "field": row["field"],
        "value": row["value"],
        "original": row["original"],
        "note": row["note"],
        "user": row["user"],
        "created_at": row["created_at"],
    }


def corrections_for(store: Store, article: Article) -> list[dict[str, Any]]:
    """The corrections of ``article``, each attached to the item it applies to in this record."""
    return [_attach(article, r) for r in _rows(store, article.id)]


def list_corrections(store: Store, article_id: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Stored corrections (of one article or all), oldest first per article, without re-reading records."""
    out = []
    for r in _rows(store, article_id, limit):
        r["item"] = {"kind": r.pop("item_kind"), "start": r.pop("item_start"), "end": r.pop("item_end")}
        r["item"]["text"] = r.pop("item_text")
        out.append(r)
    return out


def apply_corrections(article: Article, corrections: list[dict[str, Any]]) -> Article:
    """A copy of ``article`` with its (attached) corrections applied; the later of two on one field wins.
    Items marked wrong are left out; quotes and events of an actor marked wrong keep their other actors."""
    art = copy.deepcopy(article)
    wrong: dict[str, set[str]] = {k: set() for k in KINDS}
    for c in corrections:
        item_id, kind = c["item"]["id"], c["item"]["kind"]
        if item_id is None:
            continue
        if c["field"] == "wrong":
            wrong[kind].add(item_id)
        elif kind == "quote":
            q = next(q for q in art.quotes if q.id == item_id)
            if c["field"] == "kind":
                q.kind = c["value"]
            elif c["value"] is None:
                q.speaker = None
            else:
                v = c["value"]
                owner = next(
                    (a for a in art.actors if any((m.start, m.end) == (v["start"], v["end"]) for m in a.mentions)), None
                )
                q.speaker = Speaker(v["start"], v["end"], art.text[v["start"] : v["end"]], owner.id if owner else None)
        elif kind == "event":
            next(e for e in art.events if e.id == item_id).type = c["value"]
        else:
            actor = art.actor(item_id)
            assert actor is not None
            setattr(actor, c["field"], c["value"])
    art.quotes = [q for q in art.quotes if q.id not in wrong["quote"]]
    art.events = [e for e in art.events if e.id not in wrong["event"]]
    if wrong["actor"]:
        art.actors = [a for a in art.actors if a.id not in wrong["actor"]]
        for e in art.events:
            e.source = [i for i in e.source if i not in wrong["actor"]]
            e.target = [i for i in e.target if i not in wrong["actor"]]
        for q in art.quotes:
            if q.speaker and q.speaker.actor in wrong["actor"]:
                q.speaker.actor = None
    return art


# -- labelled examples ---------------------------------------------------------------------------
def _gold_actor(article: Article, actor_id: str) -> dict[str, str] | None:
    a = article.actor(actor_id)
    if a is None or not a.mentions:
        return None
    m = min(a.mentions, key=lambda m: m.start)
    return {"text": m.text, "code": a.country or "", "sector": a.sector or ""}


def _sentence_of(article: Article, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): an event's own sentence when one holds it, else the line."""
    for ev in article.events:
        if ev.sentence.start <= start and end <= ev.sentence.end:
            return ev.sentence.start, ev.sentence.end
    line_start = article.text.rfind("\n", 0, start) + 1
    line_end = article.text.find("\n", end)
    return line_start, len(article.text) if line_end < 0 else line_end


def labelled_examples(store: Store) -> Iterator[dict[str, Any]]:
    """Every correction with its evidence and the corrected item, one dict per correction, per article."""
    rows = _rows(store)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_article.setdefault(r["article_id"], []).append(r)
    for aid, rs in by_article.items():
        try:
            art = store.get(aid)
        except Exception:  # noqa: BLE001  an article deleted since: its corrections wait for it
            continue
        attached = [_attach(art, r) for r in rs]
        fixed = apply_corrections(art, attached)
        for c in attached:
            s, e = _sentence_of(art, c["item"]["start"], c["item"]["end"])
            c["context"] = {"start": s, "end": e, "text": art.text[s:e]}
            c["title"], c["published"] = art.title, art.published
            c["_article"], c["_fixed"] = art, fixed
            yield c


def export_corrections(store: Store, out: Path) -> list[Path]:
    """Write the labelled examples into folder ``out`` (see the module docstring); returns the files."""
    out = Path(out)
    (out / "quotes" / "text").mkdir(parents=True, exist_ok=True)
    (out / "quotes" / "attributions").mkdir(parents=True, exist_ok=True)
    paths = [out / "corrections.jsonl", out / "events.jsonl", out / "actors.jsonl"]
    quote_docs: dict[str, tuple[Article, Article]] = {}
    with (
        paths[0].open("w", encoding="utf-8") as every,
        paths[1].open("w", encoding="utf-8") as events,
        paths[2].open("w", encoding="utf-8") as actors,
    ):
        for c in labelled_examples(store):
            art, fixed = c.pop("_article"), c.pop("_fixed")
            every.write(json.dumps(c, ensure_ascii=False) + "\n")
            item_id, kind = c["item"]["id"], c["item"]["kind"]
            if item_id is None:
                continue
            ctx = c["context"]
            if kind == "event" and c["field"] != "wrong":
                ev = next(e for e in fixed.events if e.id == item_id)
                events.write(json.dumps(_plover_line(c, fixed, ev, ctx), ensure_ascii=False) + "\n")
            elif kind == "actor" and c["field"] != "wrong":
                gold = _gold_actor(fixed, item_id)
                if gold is not None:
                    gold["text"] = c["item"]["text"]
                    line = {"id": f"{art.id}:actor:{c['item']['start']}-{c['item']['end']}", "text": ctx["text"]}
                    actors.write(json.dumps({**line, "source": [gold], "target": []}, ensure_ascii=False) + "\n")
            elif kind == "quote":
                quote_docs[art.id] = (art, fixed)
    for aid, (art, fixed) in sorted(quote_docs.items()):
        stem = aid.replace("/", "_")
        (out / "quotes" / "text" / f"{stem}.txt").write_text(art.text, encoding="utf-8")
        (out / "quotes" / "attributions" / f"{stem}.ann").write_text(_brat(fixed), encoding="utf-8")
    return [*paths, out / "quotes"]


def _plover_line(c: dict[str, Any], art: Article, ev: Event, ctx: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER gold record: the event's sentence, its corrected type and its actors' codes."""
    shift = ctx["start"]
    source = [g for g in (_gold_actor(art, i) for i in ev.source) if g]
    target = [g for g in (_gold_actor(art, i) for i in ev.target) if g]
    return {
        "id": f"{art.id}:event:{c['item']['start']}-{c['item']['end']}",
        "text": ctx["text"],
        "event": ev.type,
        "mode": ev.mode or "",
        "source": source,
        "target": target,
        "event_text": ev.trigger.text,
        "trigger": {"start": ev.trigger.start - shift, "end": ev.trigger.end - shift},
    }


def _brat(article: Article) -> str:
    """The article's quotes, corrections applied, as brat standoff attributions as PolNeAR writes them."""
    lines: list[str] = []
    t = 0

    def span(label: str, spans: list[tuple[int, int]]) -> str:
        nonlocal t
        t += 1
        where = ";".join(f"{s} {e}" for s, e in spans)
        covered = " ".join(article.text[s:e] for s, e in spans).replace("\n", " ")
        lines.append(f"T{t}\t{label} {where}\t{covered}")
        return f"T{t}"

    for n, q in enumerate(article.quotes, 1):
        args = [f"Content:{span('Content', q.content.parts())}"]
        if q.cue:
            args.append(f"Cue:{span('Cue', [(q.cue.start, q.cue.end)])}")
        if q.speaker:
            args.append(f"Source:{span('Source', [(q.speaker.start, q.speaker.end)])}")
        anchor = (q.cue.start, q.cue.end) if q.cue else q.content.parts()[0]
        trigger = span("Attribution", [anchor])
        lines.append(f"E{n}\tAttribution:{trigger} " + " ".join(args))
    return "\n".join(lines) + ("\n" if lines else "")
