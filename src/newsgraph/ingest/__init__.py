"""Ingest: read news as it arrives (text, HTML, JSONL, WARC, feeds, directories, stdin)."""

from __future__ import annotations

from .base import IngestFailure, InputDocument
from .decode import decode, decode_text
from .readers import detect_format, html_document, iter_documents

__all__ = [
    "IngestFailure",
    "InputDocument",
    "decode",
    "decode_text",
    "detect_format",
    "html_document",
    "iter_documents",
]
