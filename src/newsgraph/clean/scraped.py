"""Placeholder cleaning: the whole text is body. Replaced by the clean stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..record import Offsets


@dataclass(slots=True)
class CleanResult:
    body: list[Offsets]
    title: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def clean_text(text: str) -> CleanResult:
    """Find the body spans (boilerplate excluded), title, date and byline of ``text``."""
    stripped = text.strip()
    if not stripped:
        return CleanResult(body=[])
    start = text.index(stripped[0])
    return CleanResult(body=[Offsets(start, start + len(stripped))])
