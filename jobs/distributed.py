"""The analysers over a Parquet corpus on a Dask `distributed` cluster.

Each month partition of the articles is one task: a worker reads it, runs the
same analysers as the single-machine path (analysis.pipeline.analyze_text, the
rows of jobs.analyze.result_rows) and writes its result files
(corpus.store.parquet). Partitions whose input and analyser versions are
unchanged are skipped; a partition that fails (a worker killed, a corrupt file)
is reported by name and redone by the next run. The cluster is a scheduler
address (`dask scheduler` / `dask worker ADDRESS` on the machines) or a
LocalCluster of N worker processes.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, as_completed

from analysis.pipeline import ANALYSERS, Models, analyze_text, load_models
from corpus.progress import Progress, no_progress
from corpus.store.parquet import (
    Partition,
    is_done,
    partitions,
    read_partition,
    write_dataset_record,
    write_partition_results,
)
from corpus.store.results import Work
from jobs.analyze import current_versions, result_rows


@dataclass(frozen=True, slots=True)
class ScaleReport:
    partitions: int  # in the dataset
    analysed: list[str]  # partitions analysed by this run
    skipped: list[str]  # unchanged since their last analysis
    failed: dict[str, str] = field(default_factory=dict)  # partition -> reason
    articles: int = 0
    words: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@functools.lru_cache(maxsize=1)
def _worker_models() -> Models:
    return load_models()


def analyse_partition(partition: Partition, out: str, versions: dict[str, str]) -> tuple[str, int, int]:
    """Run on a worker: analyse one partition and write its results. (name, articles, words)."""
    models = _worker_models()
    table = read_partition(partition).to_pylist()
    done = []
    words = 0
    for row in table:
        work = Work(row["content_hash"], row["text"], row["language"], ANALYSERS)
        done.append((work, analyze_text(work.text, work.language, models=models, analysers=ANALYSERS)))
        words += len(work.text.split())
    runs = [(w.content_hash, name, versions[name]) for w, _ in done for name in ANALYSERS]
    write_partition_results(Path(out), partition, result_rows(done), runs, versions)
    return partition.name, len(done), words


def client_for(*, scheduler: str | None, local: int | None) -> tuple[Client, LocalCluster | None]:
    """A client of the cluster at `scheduler`, or of a new LocalCluster of `local` worker processes."""
    if scheduler:
        return Client(scheduler, timeout="20s"), None
    cluster = LocalCluster(n_workers=local or 1, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


def analyze_parquet(
    source: Path,
    out: Path,
    *,
    scheduler: str | None = None,
    local: int | None = None,
    progress: Progress = no_progress,
    client_factory: Callable[..., tuple[Client, LocalCluster | None]] = client_for,
) -> ScaleReport:
    """Analyse every partition of `source` whose results in `out` are missing or stale."""
    started = time.perf_counter()
    versions = current_versions()
    found = partitions(source)
    write_dataset_record(out, source)
    failed: dict[str, str] = {p.name: p.error for p in found if p.error}
    todo = [p for p in found if not p.error and not is_done(out, p, versions)]
    skipped = [p.name for p in found if not p.error and p not in todo]
    analysed: list[str] = []
    articles = words = 0
    progress(0, len(todo), "analysing partitions")
    if todo:
        client, cluster = client_factory(scheduler=scheduler, local=local)
        try:
            futures = {client.submit(analyse_partition, p, str(out), versions, pure=False): p.name for p in todo}
            for done_count, future in enumerate(as_completed(futures), start=1):
                name = futures[future]
                try:
                    _, n, w = future.result()
                except Exception as exc:  # a task's own error or a worker lost: the partition is named
                    failed[name] = f"{type(exc).__name__}: {exc}"
                else:
                    analysed.append(name)
                    articles += n
                    words += w
                progress(done_count, len(todo), name)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return ScaleReport(
        len(found), sorted(analysed), skipped, failed, articles, words, round(time.perf_counter() - started, 3)
    )
