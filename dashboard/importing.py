"""Imports from the dashboard: uploaded files and pasted URLs, then analysis of what was added."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from corpus.importers import SUPPORTED_SUFFIXES, iter_bytes
from corpus.ingest import is_url
from corpus.models import Candidate, ImportReport
from corpus.store import Store
from corpus.web import candidates_from_url
from jobs.analyze import analyze_store

SUPPORTED = tuple(sorted(SUPPORTED_SUFFIXES))
Progress = Callable[[int, int, str], None]


def import_uploads(
    store: Store, files: Sequence[tuple[str, bytes]], urls: Sequence[str], *, progress: Progress
) -> tuple[ImportReport, int]:
    """Store every good item in one transaction, then analyse what was added; returns the report and
    how many articles were analysed."""
    candidates: list[Candidate] = []
    total = len(files) + len(urls)
    for done, (name, content) in enumerate(files):
        progress(done, total, f"reading {name}")
        candidates.extend(iter_bytes(name, content))
    for done, url in enumerate(urls, start=len(files)):
        progress(done, total, f"fetching {url}")
        candidates.extend(candidates_from_url(url) if is_url(url) else [Candidate(url, error="not an http(s) URL")])
    report = store.add(candidates, progress=lambda d, t, label: progress(d, t, f"storing {label}"))
    analysed = 0
    if report.added:
        analysed = analyze_store(store, progress=lambda d, t, _label: progress(d, t, f"analysing {d}/{t}")).analysed
    return report, analysed
