"""The bundled dataset as jobs: build it from sources, give a new store its contents, open a
store with every analysis current.

`build_coverage` runs the project's own pipeline on a corpus in a temporary
store and exports the coverage files (corpus.store.bundle) without any text.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus.ingest import ingest, open_store
from corpus.paths import COVERAGE_DIR
from corpus.progress import Progress, no_progress
from corpus.store import Store
from corpus.store.bundle import export_coverage, load_coverage, read_manifest
from corpus.store.results import ensure_result_tables
from jobs.analyze import analyze_store, current_versions, is_analysed


def build_coverage(
    sources: Sequence[str], out: Path, *, workers: int = 1, progress: Progress | None = None
) -> dict[str, Any]:
    """Analyse the sources in a temporary store and write the coverage files to `out`.

    Returns the manifest. Files are written to a temporary folder first and
    moved into place only when all are written.
    """
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "build.duckdb") as store:
            report = ingest(store, sources, store_progress=progress or no_progress)
            analyze_store(store, workers=workers, progress=progress)
            staging = Path(tmp) / "coverage"
            staging.mkdir()
            manifest = export_coverage(store, staging, versions=current_versions(), failed=report.failed)
        out.mkdir(parents=True, exist_ok=True)
        for path in staging.iterdir():
            shutil.move(str(path), out / path.name)
    return manifest


def build_new_store(store: Store) -> None:
    """What a new store gets: the bundled coverage, then the analysis of the full-text articles."""
    load_coverage(store)
    analyze_store(store)


def stale_coverage(folder: Path = COVERAGE_DIR) -> dict[str, tuple[str, str]]:
    """Analysers whose bundled results are older than the code: name -> (bundled, current).

    Which spaCy models are installed is left out of the comparison: that is the machine, not
    the code (a store recomputes what it can when a model arrives)."""
    manifest = read_manifest(folder)
    if manifest is None:
        return {}

    def code(version: str) -> str:
        return version.rsplit("|", 1)[0] if version.count("|") >= 2 else version

    current = current_versions()
    return {
        name: (manifest["versions"].get(name, "none"), version)
        for name, version in current.items()
        if code(manifest["versions"].get(name, "none")) != code(version)
    }


def open_dashboard_store(path: Path | str | None = None) -> Store:
    """The store as the dashboard opens it: at once. A new one gets the bundled coverage only;
    what is left to analyse is the background analysis's (jobs.background), never the opening's."""
    store = open_store(path, on_create=load_coverage)
    ensure_result_tables(store)  # the pages read them before the first analysis has run
    return store


def open_analyzed_store(path: Path | str | None = None, *, read_only: bool = False) -> Store:
    """The store with every analysis current: built from data/ when new, brought up to
    date when articles or analysers changed since the last run (see corpus.ingest.open_store)."""
    store = open_store(path, read_only=True, on_create=build_new_store)
    if is_analysed(store):
        if not read_only:
            store.close()
            return open_store(path)
        return store
    store.close()
    with open_store(path) as writable:
        analyze_store(writable)
    return open_store(path, read_only=read_only)
