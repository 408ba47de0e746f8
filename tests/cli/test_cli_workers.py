"""Worker processes end with their parent: ``kill -9`` of a ``--processes 2`` run leaves nothing running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

PLACES = ("Nairobi", "Lagos", "Quito", "Hanoi", "Lima", "Oslo", "Dakar", "Manila", "Tunis", "Riga")


def _children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def test_workers_exit_when_the_parent_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(80):
        place = PLACES[i % len(PLACES)]
        (folder / f"a{i:03d}.txt").write_text(
            f"The mayor of {place} met aid agencies on day {i} of the floods.\n\n"
            f'"We need {i + 10} more pumps," the mayor told reporters in {place}.'
        )
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "extract", str(folder), "--format", "jsonl", "-p", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # the workers are loaded and working
        assert first.startswith(b"{"), first
        workers = _children(proc.pid)
        assert len(workers) >= 2, workers
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [w for w in workers if _alive(w)], "workers outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in workers:  # reparented by now: found by the ids read before the kill
            if _alive(w):
                os.kill(w, signal.SIGKILL)
        if proc.stdout is not None:
            proc.stdout.close()
