"""The command line: outputs, exit codes, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from tests.conftest import EXAMPLES, shared_path

runner = CliRunner()
SAMPLE = EXAMPLES / "gallant-2024-03-27.txt"


def test_extract_json_gives_the_sample_record() -> None:
    res = runner.invoke(app, ["extract", str(SAMPLE), "--format", "json"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    text = SAMPLE.read_text(encoding="utf-8")
    assert rec["schema"] == "newsgraph.article/1" and rec["text"] == text
    assert rec["published"] == "2024-03-27"
    assert rec["title"].startswith("'Only a decisive victory will bring to an end of this war,'")
    body = "".join(text[b["start"] : b["end"]] for b in rec["body"])
    assert "No comments:" not in body and "Wednesday, March 27, 2024" not in body


def test_extract_jsonl_carries_ids_through(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            json.dumps({"id": f"doc-{i}", "text": t})
            for i, t in enumerate(
                [
                    "The mayor of Paris said the Games would go ahead as planned.",
                    "Canada's prime minister announced new sanctions on Russia on Friday.",
                ]
            )
        )
        + "\n"
    )
    res = runner.invoke(app, ["extract", str(src), "--format", "jsonl"])
    assert res.exit_code == 0
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["doc-0", "doc-1"]


def test_extract_polnear_dev_returns_84_records(tmp_path: Path) -> None:
    folder = shared_path("data", "polnear", "dev", "text")
    src = tmp_path / "dev.jsonl"
    files = sorted(folder.glob("*.txt"))[:12]  # all 84 in the benchmark; a slice keeps the suite fast
    src.write_text("\n".join(json.dumps({"id": f.stem, "text": f.read_text("utf-8")}) for f in files) + "\n")
    res = runner.invoke(app, ["extract", str(src), "--format", "jsonl"])
    assert res.exit_code == 0
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == [f.stem for f in files]


def test_extract_table_is_readable() -> None:
    res = runner.invoke(app, ["extract", str(SAMPLE), "--format", "table"])
    assert res.exit_code == 0 and "Yoav Gallant" in res.stdout and "Quotes" in res.stdout


def test_ingest_stores_good_inputs_and_names_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Egypt's foreign minister met his Qatari counterpart in Cairo.")
    (tmp_path / "in" / "empty.txt").write_text("")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    res = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert res.exit_code == 1
    assert "empty.txt" in res.stderr and "[E102]" in res.stderr
    listed = runner.invoke(app, ["list", "--db", db, "--json"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 1
    shown = runner.invoke(app, ["show", rows[0]["id"], "--db", db])
    assert json.loads(shown.stdout)["id"] == rows[0]["id"]
    stats = json.loads(runner.invoke(app, ["stats", "--db", db]).stdout)
    assert stats["articles"] == 1


def test_ingest_twice_is_idempotent(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    for _ in range(2):
        assert runner.invoke(app, ["ingest", str(SAMPLE), "--db", db, "--quiet"]).exit_code == 0
    assert json.loads(runner.invoke(app, ["stats", "--db", db]).stdout)["articles"] == 1


@pytest.mark.parametrize(
    "args",
    [
        ["extract", str(SAMPLE), "--format", "xml"],
        ["extract", str(SAMPLE), "--model", "no_such_model"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 2


def test_a_missing_input_is_named_and_the_others_are_read(tmp_path: Path) -> None:
    res = runner.invoke(app, ["extract", "/no/such/file.txt", str(SAMPLE), "--format", "jsonl"])
    assert res.exit_code == 1
    assert res.stderr.splitlines() == ["skipped [E100] /no/such/file.txt: no such file or directory."]
    assert json.loads(res.stdout)["published"] == "2024-03-27"


def test_show_unknown_id_fails_clearly(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert runner.invoke(app, ["ingest", str(SAMPLE), "--db", db, "--quiet"]).exit_code == 0
    res = runner.invoke(app, ["show", "nope", "--db", db])
    assert res.exit_code == 1 and "[E302]" in res.stderr


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["extract"],
        ["ingest"],
        ["show"],
        ["list"],
        ["stats"],
        ["eval"],
        ["eval", "attributions"],
        ["eval", "events"],
        ["eval", "actors"],
    ],
)
def test_every_command_has_help(command: list[str]) -> None:
    res = runner.invoke(app, [*command, "--help"])
    assert res.exit_code == 0 and "Usage" in res.stdout


def test_a_record_the_store_refuses_loses_only_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.errors import StoreError
    from newsgraph.store import Store

    real = Store.write_batch

    def refuse_one(self: Store, batch: list, report: object = None) -> object:  # type: ignore[type-arg]
        if any(a.id == "refused" for a in batch):
            raise StoreError("[E303] Writing the batch to the database failed and was rolled back: test.")
        return real(self, batch, report)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "write_batch", refuse_one)
    src = tmp_path / "in.jsonl"
    texts = ["The mayor of Quito met aid agencies.", "Police in Lagos arrested twelve protesters.", "Japan sent aid."]
    src.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(["a", "refused", "b"], texts, strict=True))
    )
    db = f"sqlite:///{tmp_path / 'x.db'}"
    res = runner.invoke(app, ["ingest", str(src), "--db", db, "--quiet"])
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        f"skipped [E312] {src} (id refused): could not be stored ([E303] Writing the batch to the database "
        "failed and was rolled back: test.); the other articles of its batch were stored."
    ]
    listed = runner.invoke(app, ["list", "--db", db, "--json"])
    assert sorted(json.loads(line)["id"] for line in listed.stdout.splitlines()) == ["a", "b"]
