"""The Typer application object every command module adds its commands to."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="newsgraph",
    help="Read news and keep a structured, source-linked record of who said and did what, when.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
