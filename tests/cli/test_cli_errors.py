"""One error path: coded one-line messages and exit statuses for every command, values checked
where they enter, tracebacks only with --debug, user text never read as markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.record import PLOVER_TYPES

runner = CliRunner()


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    from newsgraph.store import Store

    url = f"sqlite:///{tmp_path / 'news.db'}"
    Store(url).close()
    return url


def _one_coded_line(stderr: str, code: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error ") and f"[{code}]" in lines[0], lines[0]
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize("command", [["list"], ["stats"], ["show", "x"], ["quotes"], ["events"], ["search", "x"]])
def test_a_mistyped_database_is_refused_not_created(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    res = runner.invoke(app, [*command, "--db", f"sqlite:///{missing}"])
    assert res.exit_code == 2
    line = _one_coded_line(res.stderr, "E310")
    assert str(missing) in line
    assert not missing.exists()


def test_a_file_that_is_no_database_is_a_coded_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("these are my notes, not a database\n" * 200)
    res = runner.invoke(app, ["list", "--db", f"sqlite:///{notes}"])
    assert res.exit_code == 2
    _one_coded_line(res.stderr, "E300")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["list", "--since", "2019-13-45"], "E010"),
        (["list", "--until", "garbage"], "E010"),
        (["quotes", "--since", "2019-02-30"], "E010"),
        (["events", "--type", "FOO"], "E011"),
        (["network", "--type", "consulting"], "E011"),
        (["events", "--limit", "0"], "E012"),
        (["quotes", "--limit", "-1"], "E012"),
        (["search", "x", "--limit", "9" * 30], "E012"),
        (["actors", "show", "9" * 25], "E012"),
        (["actors", "merge", "0", "3"], "E012"),
        (["quotes", "--speaker", "x" * 100_000], "E013"),
        (["search", "y" * 5000], "E013"),
        (["timeline", "  "], "E014"),
        (["quotes", "--speaker", ""], "E014"),
        (["list", "--since", "2020-01-01", "--until", "2019-01-01"], "E015"),
    ],
)
def test_values_are_checked_where_they_enter(args: list[str], code: str, empty_db: str) -> None:
    res = runner.invoke(app, [*args, "--db", empty_db])
    assert res.exit_code == 2, res.stderr
    line = _one_coded_line(res.stderr, code)
    assert len(line) < 800  # a 100,000-character value is not echoed back


def test_lowercase_event_types_are_read(empty_db: str) -> None:
    res = runner.invoke(app, ["events", "--type", "consult", "--db", empty_db])
    assert res.exit_code == 0 and res.stderr == "no events match\n"


def test_help_lists_the_plover_types() -> None:
    res = runner.invoke(app, ["events", "--help"], env={"COLUMNS": "400"})
    assert res.exit_code == 0
    assert all(t in res.stdout for t in PLOVER_TYPES)


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(
    empty_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.corpus import queries

    def broken(*_: object) -> None:
        raise RuntimeError("something broke\nwith a second line")

    monkeypatch.setattr(queries, "search", broken)
    res = runner.invoke(app, ["search", "ceasefire", "--db", empty_db])
    assert res.exit_code == 1
    line = _one_coded_line(res.stderr, "E900")
    assert "RuntimeError: something broke" in line and "--debug" in line
    debug = runner.invoke(app, ["--debug", "search", "ceasefire", "--db", empty_db])
    assert isinstance(debug.exception, RuntimeError)


def test_an_export_path_that_cannot_be_written_is_a_coded_error(empty_db: str, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    res = runner.invoke(app, ["export", "jsonl", str(blocker / "out.jsonl"), "--db", empty_db])
    assert res.exit_code == 1
    line = _one_coded_line(res.stderr, "E005")
    assert str(blocker / "out.jsonl") in line


def test_user_text_is_never_markup(tmp_path: Path) -> None:
    src = tmp_path / "[bold]odd[" / "[/x]name.jsonl"
    src.parent.mkdir(parents=True)  # the folders '[bold]odd[' and '[': the path reads '[/x]'
    title = "[/x] closing tag and [bold]not bold[/bold]"
    text = 'Officials in Kyiv said on Monday that talks had resumed. "We [red]will not[/red] stop," the minister said.'
    src.write_text(json.dumps({"id": "m1", "title": title, "text": text}) + "\n")
    res = runner.invoke(app, ["extract", str(src), "--format", "table"])
    assert res.exit_code == 0, res.stderr
    assert title in res.stdout and "[red]will not[/red]" in res.stdout
    assert str(src) in res.stdout


def test_messages_are_one_line_whatever_the_width(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["a-rather-long-folder-name"] * 8)
    deep.mkdir(parents=True)
    (deep / "empty.txt").write_text("")
    res = runner.invoke(app, ["extract", str(deep)], env={"COLUMNS": "40"})
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [f"skipped [E102] {deep / 'empty.txt'}: empty file, nothing to read."]


def test_an_empty_query_result_says_so_on_stderr(empty_db: str) -> None:
    res = runner.invoke(app, ["quotes", "--speaker", "Nobody", "--db", empty_db])
    assert res.exit_code == 1 and "[E400]" in res.stderr  # no such actor: a coded error
    res = runner.invoke(app, ["duplicates", "--db", empty_db])
    assert res.exit_code == 0 and res.stdout == "" and res.stderr == "no copies of a story are stored\n"
