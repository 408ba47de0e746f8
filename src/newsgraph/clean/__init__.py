"""Clean: find title, date, byline and the body spans of scraped plain text, never rewriting it."""

from __future__ import annotations

from .scraped import CleanResult, clean_text

__all__ = ["CleanResult", "clean_text"]
