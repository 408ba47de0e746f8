"""Dask ingest on a real LocalCluster: the same database as a one-process ingest, even when a worker dies."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import signal
from pathlib import Path

import pytest

from newsgraph.distributed import ingest_distributed, ingest_local, parse_address, partitions, read_partition
from newsgraph.errors import ConfigError
from newsgraph.ingest import InputDocument, iter_documents
from newsgraph.settings import Settings
from newsgraph.store import Store
from tests.conftest import EXAMPLES, shared_path
from tests.corpus.tables import differences, dump_tables

SETTINGS = Settings(batch_size=4)


def _warc(path: Path, pages: list[Path]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for n, page in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://news.example/{n}",
                    "response",
                    payload=io.BytesIO(page.read_bytes()),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": "2024-03-04T10:00:00Z"},
                )
            )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Real articles in every partitioned form: JSONL lines (one broken), a gzip WARC, a folder of files."""
    root = tmp_path_factory.mktemp("inputs")
    texts = sorted(shared_path("data", "polnear", "train", "text").glob("*.txt"))[:10]
    lines = [
        json.dumps({"id": p.stem, "text": p.read_text("utf-8"), "published": "2016-10-0" + str(i % 9 + 1)})
        for i, p in enumerate(texts)
    ]
    lines.insert(6, '{"id": "broken", "text": ')  # line 7: not JSON, reported with its number
    (root / "polnear.jsonl").write_text("\n".join(lines) + "\n")
    pages = sorted(shared_path("data", "news-pages", "html").glob("*.html"))[:5]
    _warc(root / "pages.warc.gz", pages[:3])
    folder = root / "folder"
    folder.mkdir()
    for page in pages[3:]:
        shutil.copy(page, folder / page.name)
    shutil.copy(EXAMPLES / "gallant-2024-03-27.txt", folder / "gallant.txt")
    return [str(root / "polnear.jsonl"), str(root / "pages.warc.gz"), str(folder)]


@pytest.fixture(scope="module")
def one_process(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('one') / 'one.db'}"
    with Store(url, SETTINGS) as store:
        summary = ingest_local(inputs, store, SETTINGS)
    return url, [f.message for f in summary.failures]


def test_partitions_read_what_the_one_process_readers_read(inputs: list[str]) -> None:
    parts = list(partitions(inputs, SETTINGS, size=4))
    assert {p.kind for p in parts} == {"lines", "warc", "files"}
    assert len([p for p in parts if p.kind == "lines"]) == 3  # 11 lines, 4 a partition
    split = [d for p in parts for d in read_partition(p, SETTINGS)]
    whole = list(iter_documents(inputs, SETTINGS))

    def key(d: object) -> object:
        return (d.stable_id(), d.meta.get("record"), d.text) if isinstance(d, InputDocument) else str(d)

    assert [key(d) for d in split] == [key(d) for d in whole]
    assert any("polnear.jsonl:7" in str(d) for d in split)


def test_dask_ingest_writes_what_a_one_process_ingest_writes(
    inputs: list[str], one_process: tuple[str, list[str]], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    seen: list[int] = []
    with Store(url, SETTINGS) as store:
        summary = ingest_distributed(inputs, store, SETTINGS, dask="local:2", progress=lambda s: seen.append(s.stored))
    assert [f.message for f in summary.failures] == one_process[1]
    assert summary.stored == summary.written > 10 and seen == sorted(seen) and summary.dashboard
    assert differences(dump_tables(one_process[0]), dump_tables(url)) == []


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    inputs: list[str], one_process: tuple[str, list[str]], tmp_path: Path
) -> None:
    from distributed import Client, LocalCluster

    url = f"sqlite:///{tmp_path / 'killed.db'}"
    killed: list[int] = []
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):

        def kill_one(_summary: object) -> None:
            if not killed:  # after the first batch is stored, while the other partitions are in flight
                pid = sorted(client.run(os.getpid).values())[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        with Store(url, SETTINGS) as store:
            summary = ingest_distributed(inputs, store, SETTINGS, client=client, progress=kill_one)
        alive = set(client.run(os.getpid).values())
    assert killed and killed[0] not in alive
    assert [f.message for f in summary.failures] == one_process[1]
    assert differences(dump_tables(one_process[0]), dump_tables(url)) == []


def test_cluster_addresses_are_checked() -> None:
    assert parse_address("local") == (None, None)
    assert parse_address("local:3") == (None, 3)
    assert parse_address("tcp://10.0.0.5:8786") == ("tcp://10.0.0.5:8786", None)
    for bad in ("local:0", "local:x", "cluster", "tcp://"):
        with pytest.raises(ConfigError, match=r"\[E020\]"):
            parse_address(bad)


def test_gzip_jsonl_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt") as f:
        f.write(json.dumps({"id": "g1", "text": "Kenya's president visited Ethiopia."}) + "\n")
    [part] = partitions([str(path)], SETTINGS)
    assert part.kind == "files" and [d.id for d in read_partition(part, SETTINGS)] == ["g1"]


def test_published_and_reader_warnings_reach_a_dask_ingest_as_a_one_process_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "gallant-2024-03-27.txt", folder / "undated.txt")
    (folder / "undated.txt").write_text(
        "\n".join(line for line in (folder / "undated.txt").read_text("utf-8").splitlines() if "2024" not in line)
    )
    run = "x" * 1500  # a run without spaces the parser does not see: a W102 warning
    lines = [
        {"id": "l1", "text": f"Kenya's president visited Ethiopia on Monday. {run}"},
        {"id": "l2", "text": "Japan sent aid."},
    ]
    (folder / "lines.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    results = []
    for name in ("one", "dask"):
        url = f"sqlite:///{tmp_path / name}.db"
        warned: list[str] = []
        failed: list[str] = []
        with Store(url, SETTINGS) as store:
            kwargs = {"published": "2023-05-06", "on_warning": warned.append, "on_failure": failed.append}
            if name == "one":
                summary = ingest_local([str(folder)], store, SETTINGS, **kwargs)  # type: ignore[arg-type]
            else:
                summary = ingest_distributed([str(folder)], store, SETTINGS, dask="local:1", **kwargs)  # type: ignore[arg-type]
            dates = {a.id: a.published for a in store.iter_articles()}
        results.append((summary.stored, dates, warned, failed))
    assert results[0] == results[1]
    stored, dates, warned, failed = results[0]
    assert stored == 3 and failed == []
    assert set(dates.values()) == {"2023-05-06"}  # none states a date of its own
    assert [w[:7] for w in warned] == ["[W102] "] and "lines.jsonl" in warned[0]
