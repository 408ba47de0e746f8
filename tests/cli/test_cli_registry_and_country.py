"""Registry edits from the command line refuse what would lose or mix actors with a coded error and
a non-zero exit status; ``--country`` widens a country's name to every actor coded with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('examples') / 'news.db'}"
    res = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", url, "--quiet"])
    assert res.exit_code == 0, res.stderr
    return url


def _rows(args: list[str], db: str) -> list[dict]:  # type: ignore[type-arg]
    res = runner.invoke(app, [*args, "--db", db])
    assert res.exit_code == 0, res.stderr
    return [json.loads(line) for line in res.stdout.splitlines()]


def _entry(name: str, db: str) -> dict:  # type: ignore[type-arg]
    return next(r for r in _rows(["actors", "list", name], db) if r["name"] == name)


def test_country_widens_a_country_to_the_actors_coded_with_it(db: str) -> None:
    israel = _entry("Israel", db)
    assert israel["kind"] == "country" and israel["country"] == "ISR"
    coded = {r["id"] for r in _rows(["actors", "list", "--limit", "1000"], db) if r["country"] == "ISR"}
    assert len(coded) > 1  # the state and people of it: Gallant, the army, ...
    plain = _rows(["quotes", "--speaker", "Israel"], db)
    wide = _rows(["quotes", "--speaker", "Israel", "--country"], db)
    assert {q["speaker_id"] for q in plain} <= {israel["id"]}
    assert len(wide) > len(plain) and {q["speaker_id"] for q in wide} <= coded
    assert "Yoav Gallant" in {q["speaker_name"] for q in wide}
    # the ISO3 code names the country too, and events and the timeline widen alike
    assert _rows(["quotes", "--speaker", "ISR", "--country"], db) == wide
    events = _rows(["events", "--actor", "Israel", "--country"], db)
    assert len(events) >= len(_rows(["events", "--actor", "Israel"], db))
    timeline = _rows(["timeline", "Israel", "--country"], db)
    assert sum(item["what"] == "said" for item in timeline) == len(wide)


def test_country_is_documented_in_help() -> None:
    for command in ("quotes", "events", "timeline"):
        res = runner.invoke(app, [command, "--help"], env={"COLUMNS": "300"})
        assert "--country" in res.stdout and "ISO3" in res.stdout, command


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (["merge", "{israel}", "{israel}"], "E411"),
        (["merge", "{israel}", "987654"], "E410"),
        (["merge", "987654", "{israel}"], "E410"),
        (["merge", "{israel}", "{gallant}"], "E412"),
        (["split", "987654", "Israel"], "E410"),
        (["split", "{israel}", "Nobody"], "E413"),
        (["split", "{gallant}", "Yoav Gallant"], "E414"),
    ],
)
def test_refused_registry_edits_are_coded_and_change_nothing(edit: list[str], code: str, db: str) -> None:
    ids = {"israel": _entry("Israel", db)["id"], "gallant": _entry("Yoav Gallant", db)["id"]}
    before = _rows(["actors", "list", "--limit", "1000"], db)
    res = runner.invoke(app, ["actors", *(a.format(**ids) for a in edit), "--db", db])
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error [{code}]"), lines
    assert _rows(["actors", "list", "--limit", "1000"], db) == before


def test_a_forced_merge_and_its_split_restore_the_entries(tmp_path: Path, db: str) -> None:
    israel, gallant = _entry("Israel", db), _entry("Yoav Gallant", db)
    res = runner.invoke(app, ["actors", "merge", str(israel["id"]), str(gallant["id"]), "--force", "--db", db])
    assert res.exit_code == 0, res.stderr
    assert not [r for r in _rows(["actors", "list", "Yoav Gallant"], db) if r["id"] == gallant["id"]]
    res = runner.invoke(app, ["actors", "split", str(israel["id"]), "Yoav Gallant", "--db", db])
    assert res.exit_code == 0, res.stderr
    back = _entry("Yoav Gallant", db)
    assert (back["kind"], back["country"], back["sector"]) == (gallant["kind"], gallant["country"], gallant["sector"])
    assert _entry("Israel", db)["kind"] == "country"
