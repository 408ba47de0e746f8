"""Ingest: read news as it arrives (text, HTML, JSONL, WARC, feeds, directories, stdin)."""

from __future__ import annotations

from .base import IngestFailure, InputDocument

__all__ = ["IngestFailure", "InputDocument"]
