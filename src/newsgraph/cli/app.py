"""The Typer application object every command module adds its commands to."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from .output import GuardedGroup

app = typer.Typer(
    name="newsgraph",
    cls=GuardedGroup,
    help="Read news and keep a structured, source-linked record of who said and did what, when.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", envvar="NEWSGRAPH_DEBUG", help="Show the traceback of an unexpected error (for a bug report)."
        ),
    ] = False,
) -> None:
    """Read news and keep a structured, source-linked record of who said and did what, when."""
