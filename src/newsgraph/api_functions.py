"""The function API: ``extract`` one text, ``extract_many`` a stream."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .ingest.base import IngestFailure, InputDocument
from .record import Article, Source
from .settings import Settings, load_settings


@lru_cache(maxsize=2)
def _pipeline(settings: Settings) -> Any:
    from .pipeline import Pipeline

    return Pipeline(settings)


def extract(
    text: str,
    published: str | None = None,
    title: str | None = None,
    *,
    id: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """Extract the article record of one plain text.

    Args:
        text: The article as read (scraped leftovers are fine: cleaning marks the body).
        published: Publication date (ISO), used to resolve relative dates; found in
            the text when not given.
        title: The headline, when known.
        id: Record id; by default a hash of ``url`` and ``text``.
        url: Where the article came from.
        settings: Settings to use (model name...); defaults to :func:`load_settings`.

    Returns:
        The :class:`Article` record.
    """
    doc = InputDocument(text=text, source=Source(url=url, format="text"), id=id, title=title, published=published)
    result = _pipeline(settings or load_settings())(doc)
    return result


def extract_many(
    items: Iterable[str | dict[str, Any] | InputDocument], settings: Settings | None = None
) -> Iterator[Article | IngestFailure]:
    """Extract many articles, in batches and in order.

    Args:
        items: Plain texts, dicts like JSONL lines (``{"id", "text", "published", "title", "url"}``)
            or :class:`InputDocument` objects.
        settings: Settings to use (``processes`` > 1 runs worker processes).

    Yields:
        One :class:`Article` per item, or an :class:`IngestFailure` saying why it was skipped.
    """
    from .pipeline import extract_stream

    def docs() -> Iterator[InputDocument]:
        for item in items:
            if isinstance(item, InputDocument):
                yield item
            elif isinstance(item, str):
                yield InputDocument(text=item, source=Source(format="text"))
            else:
                yield InputDocument(
                    text=item["text"],
                    source=Source(url=item.get("url"), format="text"),
                    id=item.get("id"),
                    title=item.get("title"),
                    published=item.get("published"),
                )

    yield from extract_stream(docs(), settings or load_settings())
