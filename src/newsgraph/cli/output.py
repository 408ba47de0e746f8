"""The command line's one error path: every failure becomes one coded line on stderr and an exit status.

- newsgraph's own errors print their message (``[E302] No article with id 'x' ...``);
- the expected OS and database errors get a code of their own (E005, E311);
- anything else is a bug: one line ([E900]) that says so; ``--debug`` (or
  ``NEWSGRAPH_DEBUG=1``) shows the traceback instead;
- usage errors (bad options, values checked where they enter) print one line and exit 2.

Nothing a user typed or fed is ever read as rich markup: lines are written as plain text, with
line breaks, control characters and undecodable bytes of file names escaped, so one input is
always one line (and a log can be grepped by file name). Nothing is hard-wrapped.

Exit statuses: 0 everything worked, 1 some inputs were skipped or the command failed on the
data, 2 a usage error (options, settings, a database that is not there), 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

from ..errors import ConfigError, Errors, NewsgraphError

# codes that mean the command was called wrongly rather than that the data was bad
USAGE_CODES = ("[E0", "[E300]", "[E301]", "[E310]")

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` made safe for one line of a log: line breaks and control characters escaped,
    lone surrogates (undecodable bytes of file names) shown as ``\\x..``."""
    if text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch.isspace():  # no-break and other spaces: a space
            out.append(" ")
        elif "\udc80" <= ch <= "\udcff":  # a byte os.fsdecode could not decode
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif not ch.isprintable() and ch != " ":
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def say(line: str) -> None:
    """Write one plain line to stderr (never markup, never wrapped)."""
    try:
        sys.stderr.write(one_line(line) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr closed: nothing left to tell
        pass


def skipped(message: str) -> None:
    """An input that was not stored or printed, with its coded reason."""
    say(f"skipped {message}")


def warn(message: str) -> None:
    """An input kept with a change (W codes)."""
    say(f"warning {message}")


def fail(message: str, status: int = 1) -> NoReturn:
    """End the command with one coded line."""
    say(f"error {message}")
    raise typer.Exit(status)


def debug_enabled(ctx: typer.Context | None = None) -> bool:
    if os.environ.get("NEWSGRAPH_DEBUG", "").strip().lower() in {"1", "true", "yes", "on"}:
        return True
    root = ctx.find_root() if ctx is not None else None
    return bool(root is not None and root.params.get("debug"))


def describe(exc: BaseException) -> tuple[str, int]:
    """The coded line and exit status for an exception a command let through."""
    if isinstance(exc, NewsgraphError):
        msg = str(exc)
        status = 2 if isinstance(exc, ConfigError) or msg.startswith(USAGE_CODES) else 1
        return msg, status
    if isinstance(exc, MemoryError):
        return Errors.E006.format(what="running the command"), 1
    if isinstance(exc, OSError):
        path = exc.filename if exc.filename is not None else "-"
        reason = exc.strerror or type(exc).__name__
        return Errors.E005.format(action="use", path=os.fsdecode(path), reason=reason), 1
    try:
        from sqlalchemy.exc import SQLAlchemyError
    except ImportError:  # pragma: no cover - a dependency
        SQLAlchemyError = ()  # type: ignore[assignment,misc]  # noqa: N806
    if isinstance(exc, SQLAlchemyError):
        orig = getattr(exc, "orig", None) or exc
        first = (str(orig).splitlines() or [type(orig).__name__])[0]
        return Errors.E311.format(reason=f"{type(orig).__name__}: {first}"), 1
    first = (str(exc).splitlines() or [""])[0][:300]
    return Errors.E900.format(kind=type(exc).__name__, reason=first or "no message"), 1


class GuardedGroup(TyperGroup):
    """The top-level command group: runs every command inside the one error path."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.TyperException, typer.Abort):
            raise
        except KeyboardInterrupt:
            say("error interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # the reader went away (`| head`): stop quietly, as cat and grep do
            _silence_stdout()
            raise typer.Exit(0) from None
        except Exception as exc:
            if debug_enabled(ctx):
                raise
            line, status = describe(exc)
            say(f"error {line}")
            raise typer.Exit(status) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except typer.TyperException as exc:  # usage errors: one line, exit 2
            ctx = getattr(exc, "ctx", None)
            where = ctx.command_path if ctx is not None else "newsgraph"
            say(f"error {exc.format_message()} (see '{where} --help')")
            sys.exit(exc.exit_code)
        except typer.Abort:
            say("error aborted")
            sys.exit(1)
        except KeyboardInterrupt:
            say("error interrupted")
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
