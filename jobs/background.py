"""Analysis in the background of a long-running process (the dashboard).

The dashboard opens its store at once and shows what is analysed already; the
articles still to analyse (a first start, an article committed before a kill,
an analyser that changed) are analysed by one thread on its own cursor, and the
pages show its progress. Results are written chunk by chunk, so the charts fill
in as it goes; the data version moves with each chunk and the cached views follow.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from corpus.store import Store
from jobs.analyze import analyze_store, is_analysed


@dataclass(frozen=True, slots=True)
class AnalysisState:
    """What the pages show: running or not, how far, and how it ended."""

    running: bool
    done: int
    total: int
    error: str | None = None
    finished_at: float | None = None  # time.monotonic() when it ended (None: not ended, or never ran)


class BackgroundAnalysis:
    """One catch-up analysis of a store, on a daemon thread, with its progress."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = AnalysisState(running=False, done=0, total=0)
        self._thread: threading.Thread | None = None

    def start(self, store: Store, *, delay: float = 0.0) -> bool:
        """Start analysing what the store lacks, unless it lacks nothing or a run is under way;
        whether a run started. `delay`: seconds the thread waits first, so that a page being
        drawn is not slowed by the models' loading (threads share one interpreter lock)."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return False
            if is_analysed(store):
                return False
            cursor = store.cursor()  # DuckDB connections are not shared between threads
            self._state = AnalysisState(running=True, done=0, total=0)
            self._thread = threading.Thread(
                target=self._run, args=(cursor, delay), name="catch-up-analysis", daemon=True
            )
            self._thread.start()
            return True

    def state(self) -> AnalysisState:
        with self._lock:
            return self._state

    def wait(self, timeout: float | None = None) -> AnalysisState:
        """The state once the run under way has ended (or `timeout` seconds passed)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self.state()

    def _progress(self, done: int, total: int, _label: str) -> None:
        with self._lock:
            self._state = AnalysisState(running=True, done=done, total=total)

    def _run(self, cursor: Store, delay: float) -> None:
        error: str | None = None
        time.sleep(delay)
        try:
            analyze_store(cursor, progress=self._progress)
        except Exception as exc:  # shown on the pages; the dashboard goes on with what is analysed
            error = f"{type(exc).__name__}: {exc}"
        with self._lock:
            last = self._state
            self._state = AnalysisState(False, last.done, last.total, error, time.monotonic())
