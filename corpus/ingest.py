"""Sources (paths, URLs, feeds) to the store, and the store's first build from data/."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from corpus.importers import iter_path
from corpus.models import Candidate, ImportReport
from corpus.paths import BUNDLED_ARTICLES, DEFAULT_STORE
from corpus.progress import Progress, no_progress
from corpus.records import MISSING_TEXT, build_article
from corpus.store import Store, replace_atomically
from corpus.store.articles import remove_stale_builds
from corpus.web import candidates_from_url

STORE_ENV = "CORPUS_DB"


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read_sources(sources: Sequence[str], *, progress: Progress = no_progress, fetch: bool = False) -> list[Candidate]:
    """Every candidate of every source, in order (see iter_sources)."""
    return list(iter_sources(sources, progress=progress, fetch=fetch))


def iter_sources(
    sources: Sequence[str], *, progress: Progress = no_progress, fetch: bool = False
) -> Iterator[Candidate]:
    """Every candidate of every source, in order, as it is read; unreadable sources become failed items.

    `fetch`: a record that has a URL but no text (sources.csv) is fetched from its URL;
    the record's own fields (outlet, title, date, language) win over the page's.
    """
    for done, source in enumerate(sources):
        progress(done, len(sources), source)
        if is_url(source):
            found: Iterable[Candidate] = candidates_from_url(source)
        elif "://" in source:
            found = [Candidate(source, error="only http and https URLs can be fetched")]
        else:
            found = iter_path(Path(source))
        for candidate in found:
            yield _fetched(candidate) if fetch and _fetchable(candidate) else candidate
    progress(len(sources), len(sources), "read")


def _fetchable(candidate: Candidate) -> bool:
    record = candidate.record or {}
    return candidate.error == MISSING_TEXT and bool(record.get("url") or record.get("link"))


def _fetched(candidate: Candidate) -> Candidate:
    record = candidate.record or {}
    url = str(record.get("url") or record.get("link"))
    results = list(candidates_from_url(url))
    pages = [c.article for c in results if c.article is not None]
    if not pages:
        reason = results[0].error if results else "no answer"
        return Candidate(candidate.where, error=f"no text in the record, and fetching {url} failed: {reason}")
    page = pages[0]
    fields = {
        "url": page.url,
        "title": page.title,
        "author": page.author,
        "outlet": page.outlet,
        "published": page.published.isoformat() if page.published else None,
        "language": page.language,
    }
    fields.update({k: v for k, v in record.items() if v not in (None, "") and k != "text"})
    fields["text"] = page.text
    return build_article(fields, where=f"{candidate.where} ({url})", source=url)


def ingest(
    store: Store,
    sources: Sequence[str],
    *,
    progress: Progress = no_progress,
    store_progress: Progress = no_progress,
    fetch: bool = False,
) -> ImportReport:
    """Read the sources and store what is good, in one transaction (see iter_sources for `fetch`).

    Sources are read as they are stored, so memory holds one chunk of articles (and the
    file being read), not the whole import."""
    return store.add(iter_sources(sources, progress=progress, fetch=fetch), progress=store_progress)


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
    if target.parent.is_dir():
        remove_stale_builds(target)  # a first build killed earlier left its temporary files
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)

        def build(tmp: Path) -> None:
            with Store(tmp) as fresh:
                ingest(fresh, bootstrap_sources())
                if on_create is not None:
                    on_create(fresh)

        replace_atomically(build, target)
    return Store(target, read_only=read_only)
