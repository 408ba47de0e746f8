"""What ingest hands to the pipeline: an input document, or a failure that names its input."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..record import Offsets, Source

# No word is longer: runs of more characters without whitespace are URLs, encoded data or garbage,
# and the parser does not see them (``pipeline.blank_long_runs``).
LONGEST_RUN = 200
LONG_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")


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
    # a date the URL or the file name holds: used only when neither the metadata nor the text gives one
    fallback_published: str | None = None
    # what was changed while reading (W codes, naming the input): the command line prints them
    warnings: list[str] = field(default_factory=list)

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


def printable_path(path: str | Path) -> str:
    """How messages and records name a file: its path as text, with the bytes that are no UTF-8
    shown as ``\\xNN`` and line breaks as ``\\n`` (a file name may hold either; a record must
    be storable and a message one line)."""
    raw = os.fsencode(path) if isinstance(path, Path) else os.fsencode(str(path))
    text = raw.decode("utf-8", errors="backslashreplace")
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


def replace_controls(text: str) -> tuple[str, int]:
    """``text`` with NUL, stray C0 control characters and lone surrogates replaced by U+FFFD (same
    length, so offsets hold), and how many there were. Neither database stores NUL in text,
    and a lone surrogate cannot be encoded at all."""
    found = len(_CONTROL.findall(text))
    return (_CONTROL.sub("\ufffd", text), found) if found else (text, 0)


@dataclass(slots=True)
class IngestFailure:
    """An input (file, line or record) that was skipped, and why."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return self.message
