"""newsgraph: read news and keep a structured, source-linked record of it.

Python API::

    import newsgraph
    article = newsgraph.extract(text, published="2024-03-27")
    print(article.to_json(indent=2))
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

from .api_functions import extract, extract_many  # noqa: E402
from .errors import NewsgraphError  # noqa: E402
from .record import Article  # noqa: E402
from .settings import Settings, load_settings  # noqa: E402

__all__ = ["Article", "NewsgraphError", "Settings", "__version__", "extract", "extract_many", "load_settings"]
