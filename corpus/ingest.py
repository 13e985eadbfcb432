"""Sources (paths, URLs, feeds) to the store, and the store's first build from data/."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from corpus.importers import iter_path
from corpus.models import Candidate, ImportReport
from corpus.store import Store, replace_atomically
from corpus.web import candidates_from_url

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
BUNDLED_ARTICLES = DATA_DIR / "articles"
DEFAULT_STORE = DATA_DIR / "corpus.duckdb"
STORE_ENV = "CORPUS_DB"

Progress = Callable[[int, int, str], None]


def _quiet(done: int, total: int, label: str) -> None:
    return None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read_sources(sources: Sequence[str], *, progress: Progress = _quiet) -> list[Candidate]:
    """Every candidate of every source, in order; unreadable sources become failed items."""
    candidates: list[Candidate] = []
    for done, source in enumerate(sources):
        progress(done, len(sources), source)
        if is_url(source):
            candidates.extend(candidates_from_url(source))
        elif "://" in source:
            candidates.append(Candidate(source, error="only http and https URLs can be fetched"))
        else:
            candidates.extend(iter_path(Path(source)))
    progress(len(sources), len(sources), "read")
    return candidates


def ingest(
    store: Store,
    sources: Sequence[str],
    *,
    progress: Progress = _quiet,
    store_progress: Progress = _quiet,
) -> ImportReport:
    """Read the sources and store what is good, in one transaction."""
    return store.add(read_sources(sources, progress=progress), progress=store_progress)


def default_store_path() -> Path:
    """$CORPUS_DB when set, else data/corpus.duckdb in the project."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


def bootstrap_sources() -> list[str]:
    """What a new store is built from: the bundled articles of data/."""
    return [str(BUNDLED_ARTICLES)] if BUNDLED_ARTICLES.is_dir() else []


def open_store(
    path: Path | str | None = None,
    *,
    read_only: bool = False,
    on_create: Callable[[Store], object] | None = None,
) -> Store:
    """Open the store, building it from data/ first when the file does not exist yet.

    `on_create` runs on the new store before it is moved into place (the
    analysers use it), so a store is never seen half-built.
    """
    target = Path(path) if path else default_store_path()
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)

        def build(tmp: Path) -> None:
            with Store(tmp) as fresh:
                ingest(fresh, bootstrap_sources())
                if on_create is not None:
                    on_create(fresh)

        replace_atomically(build, target)
    return Store(target, read_only=read_only)
