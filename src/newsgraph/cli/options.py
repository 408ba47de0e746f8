"""Options the commands share, and the checks values pass where they enter.

Every value is checked before any work starts, and a wrong one ends the command with one
coded line and exit status 2: dates must be ISO dates (``--since 2019-13-45`` is refused, not
read as "no filter"), event types one of the 16 PLOVER types, limits and registry ids whole
numbers in range, names and search words non-empty and of a sane length.

This module imports nothing heavy: ``newsgraph --help`` and the query commands start without
spaCy, scipy or datasketch (see ``tests/cli/test_cli_startup.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from ..errors import Errors
from ..ingest.dates import plausible_date
from ..record import PLOVER_TYPES

MAX_LIMIT = 1_000_000  # rows a query command prints; far above any screen, far below overflow
MAX_ID = 2**63 - 1  # SQLite and PostgreSQL integers are 64-bit
MAX_NAME_CHARS = 300  # the longest actor names are organisations' full titles, under 200
MAX_QUERY_CHARS = 1000


def _usage(ctx: typer.Context, param: Any, message: str) -> typer.BadParameter:
    return typer.BadParameter(message, ctx=ctx, param=param)


def check_date(ctx: typer.Context, param: Any, value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD), returned as such; anything else is a usage error [E010]."""
    if value is None:
        return None
    date = plausible_date(value.strip(), strict=True)
    if date is None:
        raise _usage(ctx, param, Errors.E010.format(value=value))
    return date


def check_type(ctx: typer.Context, param: Any, value: str | None) -> str | None:
    """A PLOVER event type, any case, returned in capitals [E011]."""
    if value is None:
        return None
    upper = value.strip().upper()
    if upper not in PLOVER_TYPES:
        raise _usage(ctx, param, Errors.E011.format(value=value, known=", ".join(PLOVER_TYPES)))
    return upper


def _checked_int(low: int, high: int) -> Callable[[typer.Context, Any, Any], Any]:
    def check(ctx: typer.Context, param: Any, value: int | None) -> int | None:
        if value is not None and not low <= value <= high:
            shown = value if len(str(value)) < 40 else f"a number of {len(str(value))} digits"
            raise _usage(ctx, param, Errors.E012.format(low=low, high=high, value=shown))
        return value

    return check


check_limit = _checked_int(1, MAX_LIMIT)
check_offset = _checked_int(0, MAX_ID)
check_id = _checked_int(1, MAX_ID)


def _checked_text(limit: int, required: bool) -> Callable[[typer.Context, Any, Any], Any]:
    def check(ctx: typer.Context, param: Any, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.strip():
            if required:
                raise _usage(ctx, param, Errors.E014)
            return None
        if len(value) > limit:
            raise _usage(ctx, param, Errors.E013.format(length=len(value), limit=limit))
        return value

    return check


check_name = _checked_text(MAX_NAME_CHARS, required=True)
check_query = _checked_text(MAX_QUERY_CHARS, required=True)


def check_range(since: str | None, until: str | None) -> None:
    """--since after --until can match nothing: a usage error [E015]."""
    if since and until and since > until:
        raise typer.BadParameter(Errors.E015.format(since=since, until=until))


TYPES_HELP = "PLOVER event type (any case): " + ", ".join(PLOVER_TYPES) + "."

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="NEWSGRAPH_DB", help="Database URL [default: sqlite:///newsgraph.db]."),
]
TableOption = Annotated[bool, typer.Option("--table", help="A readable table instead of JSON lines.")]
SinceOption = Annotated[
    str | None, typer.Option(help="On or after this date (YYYY-MM-DD).", callback=check_date, metavar="DATE")
]
UntilOption = Annotated[
    str | None, typer.Option(help="On or before this date (YYYY-MM-DD).", callback=check_date, metavar="DATE")
]
DupOption = Annotated[bool, typer.Option("--duplicates", help="Also count near-duplicate copies of a story.")]
TypeOption = Annotated[str | None, typer.Option("--type", help=TYPES_HELP, callback=check_type, metavar="TYPE")]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Publication date (YYYY-MM-DD) of inputs that state none in their own metadata "
        "(plain text files, stdin); beats a date guessed from the text, URL or file name.",
        callback=check_date,
        metavar="DATE",
    ),
]


LimitOption = Annotated[int, typer.Option(help=f"At most this many rows (1 to {MAX_LIMIT:,}).", callback=check_limit)]
OffsetOption = Annotated[int, typer.Option(help="Skip this many first.", callback=check_offset)]
RegistryId = Annotated[int, typer.Argument(help="Registry id (see 'newsgraph actors list').", callback=check_id)]
NameOption = Annotated[str | None, typer.Option(help="Who (any name variant).", callback=check_name)]
