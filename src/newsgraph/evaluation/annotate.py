"""Tools for annotating real articles (see ``docs/annotation.md``).

    python -m newsgraph.evaluation.annotate view PAGE.html [-o TEXT_DIR]
    python -m newsgraph.evaluation.annotate resolve DRAFT.json --page PAGE.html -o OUT.json
    python -m newsgraph.evaluation.annotate agree A.json B.json   (or two folders, paired by file name)

``view`` prints the text newsgraph extracts from a page, each paragraph with its start offset
(and writes it to ``TEXT_DIR/<page>.txt``). ``resolve`` turns a draft, whose spans are given
as ``{"text": …, "at": N}``, into the stored form: offsets, a checksum of every span, and a
checksum of every paragraph of the text, so that the annotation keeps no text of the page and
can be re-attached to a later extraction of it (:func:`newsgraph.evaluation.real.attach`).
``agree`` scores one resolved annotation against another with the scorer's matching.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import zlib
from pathlib import Path
from typing import Any

from ..record import ACTOR_KINDS, MODALITIES, PLOVER_TYPES, QUOTE_KINDS

_TIMEX_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


def crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Start and end of every non-empty line of the text (newsgraph's paragraphs)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def page_record(page: Path) -> dict[str, Any]:
    """The record newsgraph makes of a page (nothing stored)."""
    from ..ingest import iter_documents
    from ..pipeline import extract_stream
    from ..record import Article

    arts = [a for a in extract_stream(iter_documents([page])) if isinstance(a, Article)]
    if not arts:
        raise SystemExit(f"{page}: newsgraph extracted no article")
    return arts[0].to_dict()


def view(text: str, published: str | None, title: str | None) -> str:
    lines = [f"# title: {title}", f"# published: {published}"]
    for start, end in paragraphs(text):
        lines.append(f"@{start}-{end}  {text[start:end]}")
    return "\n".join(lines)


class DraftError(ValueError):
    pass


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_span(text: str, span: dict[str, Any], where: str) -> tuple[int, int]:
    """Offsets of a draft span: the first (or ``nth``) whole-word occurrence at or after ``at``."""
    needle = span.get("text")
    if not isinstance(needle, str) or not needle:
        raise DraftError(f"{where}: span without text: {span!r}")
    at = int(span.get("at", 0))
    nth = int(span.get("nth", 1))
    pos = max(0, at)
    count = 0
    while True:
        i = text.find(needle, pos)
        if i < 0:
            raise DraftError(f"{where}: {needle!r} not found at or after {at} (occurrence {count + 1} of {nth})")
        j = i + len(needle)
        left_ok = i == 0 or not (_is_word(text[i - 1]) and _is_word(needle[0]))
        right_ok = j == len(text) or not (_is_word(text[j]) and _is_word(needle[-1]))
        if left_ok and right_ok:
            count += 1
            if count == nth:
                return i, j
        pos = i + 1


def _stored_span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "crc": crc(text[start:end])}


def resolve(draft: dict[str, Any], text: str, published: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """A draft with ``{"text", "at"}`` spans → the stored annotation, and the problems found."""
    problems: list[str] = []

    def span(obj: Any, where: str, optional: bool = False) -> dict[str, Any] | None:
        if obj is None:
            if not optional:
                problems.append(f"{where}: missing span")
            return None
        try:
            s, e = find_span(text, obj, where)
        except (DraftError, TypeError, ValueError) as err:
            problems.append(str(err))
            return None
        return _stored_span(text, s, e)

    actors_out = []
    ids = set()
    for i, a in enumerate(draft.get("actors", [])):
        where = f"actor {a.get('id', i)}"
        aid = a.get("id")
        if not aid or aid in ids:
            problems.append(f"{where}: missing or repeated id")
        ids.add(aid)
        if a.get("kind") not in ACTOR_KINDS:
            problems.append(f"{where}: kind {a.get('kind')!r} not one of {ACTOR_KINDS}")
        country = a.get("country")
        if country is not None and not re.fullmatch(r"[A-Z]{3}", str(country)):
            problems.append(f"{where}: country {country!r} is not three capital letters")
        sector = a.get("sector")
        if sector is not None and not re.fullmatch(r"[A-Z]{3}", str(sector)):
            problems.append(f"{where}: sector {sector!r} is not three capital letters")
        mentions = [m for k, raw in enumerate(a.get("mentions", [])) if (m := span(raw, f"{where} mention {k}"))]
        if not mentions:
            problems.append(f"{where}: no mention")
        actors_out.append(
            {
                "id": aid,
                "name": a.get("name"),
                "aliases": list(a.get("aliases", [])),
                "kind": a.get("kind"),
                "country": country,
                "sector": sector,
                "mentions": sorted(mentions, key=lambda m: m["start"]),
            }
        )

    def actor_ref(value: Any, where: str) -> Any:
        if value is None:
            return None
        if value not in ids:
            problems.append(f"{where}: unknown actor id {value!r}")
        return value

    places = [p for k, raw in enumerate(draft.get("places", [])) if (p := span(raw, f"place {k}"))]

    quotes_out = []
    for i, q in enumerate(draft.get("quotes", [])):
        where = f"quote {i}"
        if q.get("kind") not in QUOTE_KINDS:
            problems.append(f"{where}: kind {q.get('kind')!r} not one of {QUOTE_KINDS}")
        quotes_out.append(
            {
                "kind": q.get("kind"),
                "speaker": actor_ref(q.get("speaker"), where),
                "speaker_mention": span(q.get("speaker_mention"), f"{where} speaker_mention", optional=True),
                "cue": span(q.get("cue"), f"{where} cue", optional=True),
                "content": span(q.get("content"), f"{where} content"),
            }
        )

    events_out = []
    for i, e in enumerate(draft.get("events", [])):
        where = f"event {i}"
        if e.get("type") not in PLOVER_TYPES:
            problems.append(f"{where}: type {e.get('type')!r} is not a PLOVER type")
        modality = e.get("modality", "asserted")
        if modality not in MODALITIES:
            problems.append(f"{where}: modality {modality!r} not one of {MODALITIES}")
        events_out.append(
            {
                "type": e.get("type"),
                "mode": e.get("mode"),
                "source": [actor_ref(x, where) for x in e.get("source", [])],
                "target": [actor_ref(x, where) for x in e.get("target", [])],
                "trigger": span(e.get("trigger"), f"{where} trigger"),
                "negated": bool(e.get("negated", False)),
                "modality": modality,
            }
        )

    timexes_out = []
    for i, t in enumerate(draft.get("timexes", [])):
        where = f"timex {i}"
        value = t.get("value")
        if value is not None and not _TIMEX_VALUE.match(str(value)):
            problems.append(f"{where}: value {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www")
        s = span(t.get("span", t), where)
        timexes_out.append({"span": s, "value": value})

    out = {
        "schema": "newsgraph.real-annotation/1",
        "page": draft.get("page"),
        "published": published,
        "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
        "paragraphs": [[s, e, crc(text[s:e])] for s, e in paragraphs(text)],
        "annotators": draft.get("annotators", []),
        "actors": actors_out,
        "places": places,
        "quotes": quotes_out,
        "events": events_out,
        "timexes": timexes_out,
    }
    return out, problems


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsgraph.evaluation.annotate", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("view", help="print the extracted text of a page with paragraph offsets")
    v.add_argument("page", type=Path)
    v.add_argument("-o", "--out-dir", type=Path)
    r = sub.add_parser("resolve", help="turn a draft into the stored annotation")
    r.add_argument("draft", type=Path)
    r.add_argument("--page", type=Path, required=True, help="the page's HTML file")
    r.add_argument("--text", type=Path, help="the page's extracted text (default: extract it now)")
    r.add_argument("-o", "--out", type=Path, required=True)
    g = sub.add_parser("agree", help="agreement of two resolved annotations of one page (or two folders of them)")
    g.add_argument("a", type=Path)
    g.add_argument("b", type=Path)
    g.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    if args.cmd == "view":
        rec = page_record(args.page)
        if args.out_dir:
            args.out_dir.mkdir(parents=True, exist_ok=True)
            (args.out_dir / f"{args.page.stem}.txt").write_text(rec["text"], encoding="utf-8")
            meta = {"published": rec.get("published"), "title": rec.get("title"), "url": rec["source"].get("url")}
            (args.out_dir / f"{args.page.stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        print(view(rec["text"], rec.get("published"), rec.get("title")))
        return 0
    if args.cmd == "resolve":
        draft = json.loads(args.draft.read_text(encoding="utf-8"))
        if args.text:
            text = args.text.read_text(encoding="utf-8")
            meta_path = args.text.with_suffix(".meta.json")
            published = json.loads(meta_path.read_text())["published"] if meta_path.exists() else None
        else:
            rec = page_record(args.page)
            text, published = rec["text"], rec.get("published")
        draft.setdefault("page", args.page.stem)
        out, problems = resolve(draft, text, published)
        for p in problems:
            print(f"problem: {p}", file=sys.stderr)
        args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        n = {k: len(out[k]) for k in ("actors", "quotes", "events", "timexes", "places")}
        print(f"{args.out}: {n}; {len(problems)} problem(s)")
        return 1 if problems else 0
    if args.cmd == "agree":
        from .real import agreement

        if args.a.is_dir():
            # two folders of annotations of the same pages, paired by file name
            names = sorted(p.name for p in args.a.glob("*.json") if (args.b / p.name).exists())
            pairs = [
                (
                    json.loads((args.a / n).read_text(encoding="utf-8")),
                    json.loads((args.b / n).read_text(encoding="utf-8")),
                )
                for n in names
            ]
        else:
            pairs = [(json.loads(args.a.read_text(encoding="utf-8")), json.loads(args.b.read_text(encoding="utf-8")))]
        res = agreement(pairs)
        res["pages"] = len(pairs)
        print(json.dumps(res, indent=1))
        return 0
    return 2


if __name__ == "__main__":
    raise SystemExit(_main())
