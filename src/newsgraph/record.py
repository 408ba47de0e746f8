"""The article record (``newsgraph.article/1``): what leaves the pipeline.

Every interface (Python API, CLI, database, REST API, exports) speaks this one
record. Offsets are Python ``str`` indices into ``Article.text``, end exclusive,
and ``text[start:end] == span.text`` always holds (:func:`check_offsets`).

The classes are plain dataclasses so that they pickle cheaply between worker
processes; ``to_dict``/``from_dict`` give the JSON form of the schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from .errors import Errors, ExtractionError

SCHEMA = "newsgraph.article/1"

ActorKind = Literal["person", "organization", "country", "group"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Modality = Literal["asserted", "intended", "hypothetical", "reported"]
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
MODALITIES: tuple[str, ...] = get_args(Modality)

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(slots=True)
class Offsets:
    """A character range with no text of its own (body spans, sentences)."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Span:
    """A character range and the text it covers."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        return cls(start, end, text[start:end])


@dataclass(slots=True)
class Mention(Span):
    """One mention of an actor. ``kind``: name, pronoun, description, acronym.

    The kind is part of the record, so a record read back from the store and written again
    links its actors exactly as the first time (an actor only described, "the court", is never
    merged across articles)."""

    kind: str = "name"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), str(d.get("kind", "name")))


@dataclass(slots=True)
class Actor:
    """One actor. ``country`` (ISO3, ``IGO`` or None) and ``sector`` are the record's codes;
    ``cameo`` is the CAMEO actor code they come from (``USAGOV``, ``IRQREB``, ``IGOUNO``);
    ``code_source`` says what gave them: ``text`` (the article's words), ``dictionary`` (the
    actor dictionaries), ``both``; ``code_date`` is the day a dictionary code was chosen for
    (the publication date), ``latest`` when the article has no date, None when no dated
    dictionary code was used."""

    id: str
    name: str
    kind: str
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    cameo: str | None = None
    code_source: str | None = None
    code_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "roles": list(self.roles),
            "country": self.country,
            "sector": self.sector,
            "cameo": self.cameo,
            "code_source": self.code_source,
            "code_date": self.code_date,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            d["id"],
            d["name"],
            d["kind"],
            list(d.get("roles") or []),
            d.get("country"),
            d.get("sector"),
            [Mention.from_dict(m) for m in d.get("mentions") or []],
            d.get("cameo"),
            d.get("code_source"),
            d.get("code_date"),
        )


@dataclass(slots=True)
class Speaker(Span):
    """The speaker span of a quote; ``actor`` links it to an actor id (or None)."""

    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), d.get("actor"))


@dataclass(slots=True)
class Content(Span):
    """Quote content. ``spans`` is set only when the content is discontinuous."""

    spans: list[tuple[int, int]] | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.spans:
            d["spans"] = [[s, e] for s, e in self.spans]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Content:
        spans = [(int(s), int(e)) for s, e in d["spans"]] if d.get("spans") else None
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), spans)

    def parts(self) -> list[tuple[int, int]]:
        return list(self.spans) if self.spans else [(self.start, self.end)]


@dataclass(slots=True)
class Quote:
    id: str
    kind: str
    content: Content
    speaker: Speaker | None = None
    cue: Span | None = None
    date: str | None = None
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "date": self.date,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            d["id"],
            d["kind"],
            Content.from_dict(d["content"]),
            Speaker.from_dict(d["speaker"]) if d.get("speaker") else None,
            Span.from_dict(d["cue"]) if d.get("cue") else None,
            d.get("date"),
            float(d.get("confidence") or 0.0),
        )


@dataclass(slots=True)
class Location:
    text: str
    country: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "country": self.country}
        if self.start is not None:
            d["start"], d["end"] = self.start, self.end
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Location:
        return cls(d["text"], d.get("country"), d.get("start"), d.get("end"))


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Span
    sentence: Offsets
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    mode: str | None = None
    date: str | None = None
    # where the date came from: "clause", "sentence" or "published" (no date in
    # the text: the publication date stands in, marked as such), or None
    date_basis: str | None = None
    location: Location | None = None
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "source": list(self.source),
            "target": list(self.target),
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "date": self.date,
            "date_basis": self.date_basis,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            d["id"],
            d["type"],
            Span.from_dict(d["trigger"]),
            Offsets(int(d["sentence"]["start"]), int(d["sentence"]["end"])),
            list(d.get("source") or []),
            list(d.get("target") or []),
            d.get("mode"),
            d.get("date"),
            d.get("date_basis"),
            Location.from_dict(d["location"]) if d.get("location") else None,
            bool(d.get("negated")),
            d.get("modality") or "asserted",
            float(d.get("confidence") or 0.0),
        )


@dataclass(slots=True)
class Timex(Span):
    """A time expression and its resolved ISO value (None when unresolvable)."""

    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Timex:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), d.get("value"))


@dataclass(slots=True)
class Source:
    path: str | None = None
    url: str | None = None
    format: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "url": self.url, "format": self.format}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(d.get("path"), d.get("url"), d.get("format") or "text")


@dataclass(slots=True)
class Article:
    id: str
    text: str
    source: Source = field(default_factory=Source)
    title: str | None = None
    published: str | None = None
    language: str = "en"
    body: list[Offsets] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    # metadata beyond the core contract: author, site, byline, ...
    meta: dict[str, Any] = field(default_factory=dict)
    # which pipeline produced the record: {"newsgraph": version, "model": name@version}
    pipeline: dict[str, str] = field(default_factory=dict)
    duplicate_of: str | None = None
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "id": self.id,
            "source": self.source.to_dict(),
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "body": [b.to_dict() for b in self.body],
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "timexes": [t.to_dict() for t in self.timexes],
            "meta": dict(self.meta),
            "pipeline": dict(self.pipeline),
            "duplicate_of": self.duplicate_of,
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            text=d["text"],
            source=Source.from_dict(d.get("source") or {}),
            title=d.get("title"),
            published=d.get("published"),
            language=d.get("language") or "en",
            body=[Offsets(int(b["start"]), int(b["end"])) for b in d.get("body") or []],
            actors=[Actor.from_dict(a) for a in d.get("actors") or []],
            quotes=[Quote.from_dict(q) for q in d.get("quotes") or []],
            events=[Event.from_dict(e) for e in d.get("events") or []],
            timexes=[Timex.from_dict(t) for t in d.get("timexes") or []],
            meta=dict(d.get("meta") or {}),
            pipeline=dict(d.get("pipeline") or {}),
            duplicate_of=d.get("duplicate_of"),
            schema=d.get("schema") or SCHEMA,
        )

    @classmethod
    def from_json(cls, s: str) -> Article:
        return cls.from_dict(json.loads(s))

    def body_text(self) -> str:
        """The main content, boilerplate excluded, paragraphs joined by blank lines."""
        return "\n\n".join(self.text[b.start : b.end] for b in self.body)

    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None


def iter_spans(article: Article) -> Iterator[Span]:
    """Every span with text that the record carries (for provenance checks)."""
    for a in article.actors:
        yield from a.mentions
    for q in article.quotes:
        if q.speaker:
            yield q.speaker
        if q.cue:
            yield q.cue
        yield q.content
    for e in article.events:
        yield e.trigger
    yield from article.timexes


def check_offsets(article: Article) -> None:
    """Raise :class:`ExtractionError` if any span's text differs from ``text[start:end]``."""
    text = article.text
    for span in iter_spans(article):
        found = text[span.start : span.end]
        if found != span.text or not (0 <= span.start <= span.end <= len(text)):
            raise ExtractionError(
                Errors.E201.format(start=span.start, end=span.end, id=article.id, found=found, expected=span.text)
            )
    for q in article.quotes:
        for s, e in q.content.parts():
            if not (q.content.start <= s <= e <= q.content.end):
                raise ExtractionError(
                    Errors.E201.format(start=s, end=e, id=article.id, found=text[s:e], expected="(inside content)")
                )
    for off in [*article.body, *(e.sentence for e in article.events)]:
        if not (0 <= off.start <= off.end <= len(text)):
            raise ExtractionError(
                Errors.E201.format(start=off.start, end=off.end, id=article.id, found="", expected="(inside text)")
            )
