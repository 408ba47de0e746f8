"""Ingest: read news as it arrives (text, HTML, JSONL, WARC, feeds, directories, stdin).

The readers are imported on first use (PEP 562): ``import newsgraph`` and the query commands
need only :mod:`.base`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .base import IngestFailure, InputDocument

if TYPE_CHECKING:
    from .decoding import decode, decode_text
    from .readers import detect_format, html_document, iter_documents

_LAZY = {
    "decode": "decoding",
    "decode_text": "decoding",
    "detect_format": "readers",
    "html_document": "readers",
    "iter_documents": "readers",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "IngestFailure",
    "InputDocument",
    "decode",
    "decode_text",
    "detect_format",
    "html_document",
    "iter_documents",
]
