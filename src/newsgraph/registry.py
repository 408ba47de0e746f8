"""One idempotent place that registers Doc extensions and component factories.

Nothing registers on import (spaCy learned this the hard way, see its
``registrations.py``): :func:`register` is called by :func:`newsgraph.nlp.load_language`
and by tests. Calling it twice is harmless.

Doc extensions (all plain Python objects from :mod:`newsgraph.record`):

================  ==========================  ======================================
extension         type                        set by
================  ==========================  ======================================
``published``     ``str | None`` (ISO date)   the pipeline, before the components run
``timexes``       ``list[Timex]``             ``newsgraph_dates``
``actors``        ``list[Actor]``             ``newsgraph_actors``
``quotes``        ``list[Quote]``             ``newsgraph_quotes``
``events``        ``list[Event]``             ``newsgraph_events``
================  ==========================  ======================================
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

# newsgraph's components in pipeline order: misread place names first (every later stage
# reads places from entities), dates (quotes and events take their dates), then actors
# (quotes and events point to them).
COMPONENTS: tuple[str, ...] = (
    "newsgraph_places",
    "newsgraph_dates",
    "newsgraph_actors",
    "newsgraph_quotes",
    "newsgraph_events",
)

DOC_EXTENSIONS: dict[str, Any] = {
    "published": None,
    "timexes": None,
    "actors": None,
    "quotes": None,
    "events": None,
}

_registered = False


def register() -> None:
    """Set the Doc extensions and register the component factories (idempotent)."""
    global _registered
    for name, default in DOC_EXTENSIONS.items():
        Doc.set_extension(name, default=default, force=True)
    if _registered:
        return
    # Importing the component modules runs their @Language.factory decorators.
    from .actors import component as _actors  # noqa: F401
    from .actors import places as _places  # noqa: F401
    from .dates import component as _dates  # noqa: F401
    from .events import component as _events  # noqa: F401
    from .quotes import component as _quotes  # noqa: F401

    _registered = True
