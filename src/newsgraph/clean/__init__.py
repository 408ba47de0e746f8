"""Clean: find title, date, byline and the body spans of scraped plain text and of web pages' extracted
text, never rewriting it."""

from __future__ import annotations

from .page import page_body, prune_inline_widgets
from .scraped import CleanResult, clean_text

__all__ = ["CleanResult", "clean_text", "page_body", "prune_inline_widgets"]
