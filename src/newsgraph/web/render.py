"""The article text marked up at the record's offsets, and the network laid out for drawing.

The text is cut at every start and end of every highlighted span (actor mentions, quote
content, speaker and cue, event triggers, time expressions, the search passage, what lies
outside the body) and each piece is wrapped in one ``<span class="seg">`` that lists the parts
covering it. Spans may overlap freely (a mention inside a quote inside a passage) and the
characters of the page are exactly the article's: nothing is added between them, so a
character's offset in the page is its offset in the record.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..record import Article


@dataclass(frozen=True, slots=True)
class Part:
    """One highlighted span: ``key`` names it (``content:q1:0``), ``item`` is what clicking it selects."""

    key: str
    css: str
    item: str | None
    start: int
    end: int


def parts_of(article: Article, passage: tuple[int, int] | None = None) -> list[Part]:
    parts: list[Part] = []
    text_len = len(article.text)
    cursor = 0
    for k, b in enumerate(sorted(article.body, key=lambda b: b.start)):
        if b.start > cursor:
            parts.append(Part(f"outside:{k}", "outside", None, cursor, b.start))
        cursor = max(cursor, b.end)
    if article.body and cursor < text_len:
        parts.append(Part("outside:end", "outside", None, cursor, text_len))
    for a in article.actors:
        for i, m in enumerate(a.mentions):
            parts.append(Part(f"mention:{a.id}:{i}", "mention", f"actor:{a.id}", m.start, m.end))
    for q in article.quotes:
        for j, (s, e) in enumerate(q.content.parts()):
            parts.append(Part(f"content:{q.id}:{j}", "quote", f"quote:{q.id}", s, e))
        if q.speaker:
            parts.append(Part(f"speaker:{q.id}", "speaker", f"quote:{q.id}", q.speaker.start, q.speaker.end))
        if q.cue:
            parts.append(Part(f"cue:{q.id}", "cue", f"quote:{q.id}", q.cue.start, q.cue.end))
    for ev in article.events:
        parts.append(Part(f"trigger:{ev.id}", "trigger", f"event:{ev.id}", ev.trigger.start, ev.trigger.end))
    for n, t in enumerate(article.timexes):
        parts.append(Part(f"timex:{n}", "timex", f"timex:{n}", t.start, t.end))
    if passage and 0 <= passage[0] < passage[1] <= text_len:
        parts.append(Part("passage", "passage", None, passage[0], passage[1]))
    return [p for p in parts if 0 <= p.start < p.end <= text_len]


def _text(s: str) -> str:
    # a carriage return would be folded into the newline by the HTML parser: keep it as a reference
    return str(escape(s)).replace("\r", "&#13;")


def marked_text(article: Article, parts: list[Part], classes: dict[str, str] | None = None) -> Markup:
    """The article text with every part highlighted; ``classes`` adds CSS classes per item (corrections)."""
    text = article.text
    classes = classes or {}
    cuts = sorted({0, len(text), *(p.start for p in parts), *(p.end for p in parts)})
    by_start = sorted(parts, key=lambda p: p.start)
    active: list[Part] = []
    nxt = 0
    passage_marked = False
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while nxt < len(by_start) and by_start[nxt].start <= a:
            active.append(by_start[nxt])
            nxt += 1
        active = [p for p in active if p.end > a]
        covering = sorted((p for p in active if p.start <= a and p.end >= b), key=lambda p: (p.end - p.start, p.key))
        piece = _text(text[a:b])
        if not covering:
            out.append(piece)
            continue
        css = ["seg", *dict.fromkeys(f"hl-{p.css}" for p in covering)]
        items = list(dict.fromkeys(p.item for p in covering if p.item))
        css += [c for i in items for c in classes.get(i, "").split() if c]
        attrs = f'class="{" ".join(css)}" data-parts="{" ".join(p.key for p in covering)}"'
        if items:
            attrs += f' data-items="{" ".join(items)}"'
        if not passage_marked and any(p.key == "passage" for p in covering):
            attrs += ' id="passage"'  # where a search result opens
            passage_marked = True
        out.append(f"<span {attrs}>{piece}</span>")
    return Markup("".join(out))


# -- the network -------------------------------------------------------------------------------
def layout(net: dict[str, Any], max_nodes: int, width: int = 1000, height: int = 700) -> dict[str, Any]:
    """The network's most connected ``max_nodes`` actors placed by networkx's spring layout (seeded: the
    same network is drawn the same way), with sizes and widths for an SVG drawing."""
    import networkx as nx

    weight: dict[int, int] = {}
    for e in net["edges"]:
        for i in (e["source"], e["target"]):
            weight[i] = weight.get(i, 0) + e["events"]
    keep = {i for i, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]}
    edges = [e for e in net["edges"] if e["source"] in keep and e["target"] in keep]
    nodes = [n for n in net["nodes"] if n["id"] in keep]
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in nodes)
    for e in edges:
        w = g.get_edge_data(e["source"], e["target"], {"weight": 0})["weight"]
        g.add_edge(e["source"], e["target"], weight=w + e["events"])
    pos = _packed_layout(g, width, height)

    def place(i: int) -> tuple[float, float]:
        return pos[i]

    drawn_nodes = []
    for n in nodes:
        x, y = place(n["id"])
        drawn_nodes.append({**n, "x": x, "y": y, "r": round(5 + 3 * math.log1p(weight.get(n["id"], 0)), 1)})
    radius = {n["id"]: n["r"] for n in drawn_nodes}
    drawn_edges = []
    for e in edges:
        (x1, y1), (x2, y2) = place(e["source"]), place(e["target"])
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        cut = min(radius[e["target"]] + 2, length / 2)  # the arrow ends at the target's rim, not its centre
        x2, y2 = round(x2 - (x2 - x1) * cut / length, 1), round(y2 - (y2 - y1) * cut / length, 1)
        kind = "mixed" if e["cooperation"] and e["conflict"] else ("cooperation" if e["cooperation"] else "conflict")
        drawn_edges.append(
            {
                **e,
                "x1": x1,
                "y1": y1,
                "x2": x2,
                "y2": y2,
                "kind": kind,
                "w": round(1 + 1.5 * math.log1p(e["events"]), 1),
            }
        )
    return {
        "nodes": drawn_nodes,
        "edges": drawn_edges,
        "width": width,
        "height": height,
        "hidden_nodes": len(net["nodes"]) - len(drawn_nodes),
    }


def _packed_layout(g: Any, width: int, height: int, pad: int = 50) -> dict[int, tuple[float, float]]:
    """Each connected group of actors laid out on its own (seeded spring layout) and the groups packed
    in rows, largest first, each in a square sized by its number of actors: no group drifts off alone."""
    import networkx as nx

    groups = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    if not groups:
        return {}
    sides = [math.sqrt(len(c)) for c in groups]
    area = sum(s * s for s in sides)
    unit = math.sqrt((width - 2 * pad) * (height - 2 * pad) / (area * 1.9))  # leave room between groups
    out: dict[int, tuple[float, float]] = {}
    x = y = float(pad)
    row_height = 0.0
    for c, side in zip(groups, sides, strict=True):
        size = max(side * unit, 40.0)
        if x + size > width - pad and x > pad:
            x, y = float(pad), y + row_height + 20
            row_height = 0.0
        sub = g.subgraph(c)
        spread = 2.5 / math.sqrt(len(c))  # further apart than the default 1/sqrt(n): room for the labels
        local = nx.spring_layout(sub, seed=7, k=spread, iterations=80) if len(c) > 1 else {c[0]: (0.0, 0.0)}
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        sx, sy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        for n, (px, py) in local.items():
            fx = 0.5 if len(c) == 1 else (px - min(xs)) / sx
            fy = 0.5 if len(c) == 1 else (py - min(ys)) / sy
            out[n] = (round(x + fx * size, 1), round(y + 10 + fy * (size - 10), 1))
        x += size + 30
        row_height = max(row_height, size)
    # scale down when the rows ran past the bottom
    bottom = max(v[1] for v in out.values())
    if bottom > height - pad:
        k = (height - 2 * pad) / (bottom - pad)
        out = {n: (round(pad + (vx - pad) * k, 1), round(pad + (vy - pad) * k, 1)) for n, (vx, vy) in out.items()}
    return out
