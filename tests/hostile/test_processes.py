"""Killed work leaves nothing behind: worker processes die with their parent, and the temporary
files of a killed first build are removed at the next start."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from corpus.ingest import open_store
from corpus.records import build_article
from corpus.store import Store
from corpus.store.articles import remove_stale_builds

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temporary_files_of_a_killed_first_build_are_removed_at_the_next_start(tmp_path):
    target = tmp_path / "corpus.duckdb"
    stale = tmp_path / f".corpus.duckdb.building-{_dead_pid()}"
    stale.write_bytes(b"half a store")
    stale.with_name(stale.name + ".wal").write_bytes(b"half a log")
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        other = tmp_path / f".corpus.duckdb.building-{running.pid}"  # another process's build: kept
        other.write_bytes(b"in progress")
        open_store(target).close()
        assert not stale.exists()
        assert not stale.with_name(stale.name + ".wal").exists()
        assert other.exists()
        assert remove_stale_builds(target) == []
    finally:
        running.kill()
        running.wait()


@pytest.mark.skipif(sys.platform != "linux", reason="the parent-death signal is Linux's")
def test_analysis_workers_die_with_a_killed_parent(tmp_path):
    db = tmp_path / "big.duckdb"
    text = "Sam Altman a répondu à Elon Musk lundi, et le conseil d'OpenAI a rejeté l'offre de {n} milliards."
    with Store(db) as store:
        store.add([build_article({"id": f"a{n}", "text": text.format(n=n)}, where="t", source="t") for n in range(900)])
    parent = subprocess.Popen(
        [sys.executable, "-m", "analysis", "--db", str(db), "analyze", "--workers", "2"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[psutil.Process] = []
        while time.monotonic() < deadline and len(workers) < 2 and parent.poll() is None:
            workers = psutil.Process(parent.pid).children(recursive=True)
            time.sleep(0.2)
        if len(workers) < 2:
            pytest.skip("the analysis finished before its workers could be seen")
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        _gone, alive = psutil.wait_procs(workers, timeout=15)
        assert alive == []
    finally:
        if parent.poll() is None:
            parent.kill()
