"""Analysis results in the store, computed incrementally and in parallel.

Results are keyed by the article's content hash and each analyser's version:
`analyze_store` computes only what is missing or stale, in chunks of articles
spread over worker processes; each chunk is written in one transaction, so a
killed run keeps what it finished and the next run picks up the rest.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from analysis.actors import load_actors
from analysis.pipeline import ANALYSERS, ArticleAnalysis, Models, analyser_versions, analyze_text, load_models
from corpus.progress import Progress, no_progress
from corpus.store import Store
from corpus.store.results import Row, Work, ensure_result_tables, is_current, stale_work, write_results
from corpus.store.schema import RESULT_COLUMNS

Done = tuple[Work, ArticleAnalysis]
T = TypeVar("T")
CHUNK = 250
PR_SET_PDEATHSIG = 1  # linux/prctl.h


@dataclass(frozen=True, slots=True)
class AnalyzeReport:
    articles: int  # articles in the store
    analysed: int  # articles that had at least one analyser to run
    runs: dict[str, int]  # analyser -> articles it ran on
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


# -- workers -------------------------------------------------------------------------

_WORKER_MODELS: Models | None = None


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the process that started it dies (SIGKILL included),
    so a killed `analyze --workers N` leaves no worker behind. Elsewhere the pool's own shutdown
    is all there is."""
    if sys.platform != "linux":
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before prctl: go now
        os._exit(1)


def _init_worker() -> None:
    global _WORKER_MODELS
    _die_with_parent()
    _WORKER_MODELS = load_models()


def _analyse(chunk: Sequence[Work], models: Models) -> list[Done]:
    return [(w, analyze_text(w.text, w.language, models=models, analysers=w.analysers)) for w in chunk]


def _analyse_in_worker(chunk: Sequence[Work]) -> list[Done]:
    return _analyse(chunk, _WORKER_MODELS or load_models())


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- results as rows -----------------------------------------------------------------


def result_rows(done: Sequence[Done]) -> dict[str, list[Row]]:
    """The store's result rows (see corpus.store.schema.RESULT_COLUMNS) of analysed articles."""
    rows: dict[str, list[Row]] = {name: [] for name in RESULT_COLUMNS}
    for work, result in done:
        h, names = work.content_hash, work.analysers
        if "tone" in names:
            for p in result.paragraphs:
                t = p.tone
                scores = (t.compound, t.pos, t.neu, t.neg, t.label, t.min_sentence) if t else (None,) * 6
                rows["paragraph_tone"].append((h, p.index, p.start, p.end, p.language, p.words, *scores, p.heading))
            s = result.tone
            rows["article_tone"].append(
                (h, s.scored, s.mean, s.share_negative, s.share_positive, s.most_negative, s.most_positive)
            )
        if "actors" in names:
            rows["actor_mentions"].extend(
                (h, p.index, m.actor, m.text, m.start, m.end, m.by) for p in result.paragraphs for m in p.mentions
            )
        if "keywords" in names:
            rows["term_counts"].extend((h, term, term.count(" ") + 1, n) for term, n in result.terms.items())
        if "quotes" in names:
            rows["quotes"].extend(
                (
                    h,
                    q.paragraph_index,
                    q.start,
                    q.end,
                    q.quote,
                    q.speaker,
                    q.mention,
                    q.cue,
                    q.step,
                    q.resolution,
                    q.confidence,
                    q.language,
                    q.kind,
                )
                for q in result.quotes
            )
    return rows


def _write(store: Store, done: Sequence[Done], versions: dict[str, str]) -> None:
    ran = {name: [w.content_hash for w, _ in done if name in w.analysers] for name in ANALYSERS}
    write_results(store, result_rows(done), ran, versions)


def analyze_store(
    store: Store, *, workers: int = 1, models: Models | None = None, progress: Progress | None = None
) -> AnalyzeReport:
    """Run every analyser whose result is missing or stale; nothing when all are current."""
    started = time.perf_counter()
    ensure_result_tables(store)
    versions = models.versions() if models else current_versions()
    work = stale_work(store, versions)
    total = store.count()
    runs = {name: sum(name in w.analysers for w in work) for name in ANALYSERS}
    report = progress or no_progress
    report(0, len(work), "analysing")
    done_count = 0
    chunks = list(_chunks(work, CHUNK))
    if workers > 1 and len(chunks) > 1 and models is None:
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
            for done in pool.map(_analyse_in_worker, chunks):
                _write(store, done, versions)
                done_count += len(done)
                report(done_count, len(work), "analysing")
    elif chunks:
        active = models if models is not None else load_models()
        for chunk in chunks:
            done = _analyse(chunk, active)
            _write(store, done, versions)
            done_count += len(done)
            report(done_count, len(work), "analysing")
    return AnalyzeReport(total, len(work), runs, round(time.perf_counter() - started, 3))


def current_versions() -> dict[str, str]:
    """Each analyser's version, without loading the scorers or spaCy (the models' own versions are read
    from their package metadata)."""
    return analyser_versions(load_actors())


def is_analysed(store: Store) -> bool:
    """True when every article with text has every current analyser's result (works read-only)."""
    return is_current(store, current_versions())


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))
