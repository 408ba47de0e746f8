"""Ingest: read news as it arrives (text, HTML, JSONL, WARC, feeds, directories, stdin)."""

from __future__ import annotations

from .base import IngestFailure, InputDocument
from .readers import decode_text, detect_format, html_document, iter_documents

__all__ = [
    "IngestFailure",
    "InputDocument",
    "decode_text",
    "detect_format",
    "html_document",
    "iter_documents",
]
