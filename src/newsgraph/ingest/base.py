"""What ingest hands to the pipeline: an input document, or a failure that names its input."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from ..record import Offsets, Source


@dataclass(slots=True)
class InputDocument:
    """One article as read, before cleaning and NLP.

    ``text`` becomes ``Article.text`` unchanged. ``body`` is set when the reader
    already knows the main content (HTML extraction gives only main text, so the
    whole text is body); otherwise the clean stage finds it.
    """

    text: str
    source: Source
    id: str | None = None
    title: str | None = None
    published: str | None = None
    body: list[Offsets] | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """How messages name this document: its path (and record), URL or id."""
        where = self.source.path or self.source.url or "<input>"
        rec = self.meta.get("record")
        return f"{where}:{rec}" if rec else where

    def stable_id(self) -> str:
        """The given id, else a hash of the URL (when known) and the text."""
        if self.id:
            return self.id
        h = hashlib.sha1()
        if self.source.url:
            h.update(self.source.url.encode("utf-8"))
            h.update(b"\n")
        h.update(self.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()[:16]


@dataclass(slots=True)
class IngestFailure:
    """An input (file, line or record) that was skipped, and why."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return self.message
