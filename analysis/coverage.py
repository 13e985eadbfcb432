"""The bundled coverage dataset: facts about articles and figures computed from them, no text.

`build_coverage` runs the project's own pipeline on a corpus (in a temporary
store) and writes, under data/coverage/: article metadata, per-paragraph
results (offsets, language, tone), actor mentions, quotes (quoted speech may
ship), keyword counts, sources.csv for re-fetching the texts, and a manifest
with the analysers' versions. `load_coverage` puts all of it in a store: the
articles without their text, their results as if computed there. The way
GDELT and Media Cloud publish coverage data.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from analysis.results import _TYPES, RESULT_COLUMNS, analyze_store, current_versions, ensure_result_tables
from corpus.ingest import DATA_DIR, ingest
from corpus.models import ImportReport
from corpus.spreadsheet import read_safe_csv, write_safe_csv
from corpus.store import Store

COVERAGE_DIR = DATA_DIR / "coverage"
Progress = Callable[[int, int, str], None]


def _quiet(done: int, total: int, label: str) -> None:
    return None


ARTICLE_FIELDS = (
    "id",
    "url",
    "outlet",
    "title",
    "author",
    "published",
    "language",
    "word_count",
    "content_hash",
    "duplicate_of",
)
SOURCE_FIELDS = ("url", "outlet", "title", "published", "language")
# result table -> the file it ships in (article_id stands for content_hash in the files)
FILES = {
    "paragraph_tone": "paragraphs.csv",
    "article_tone": "article_tone.csv",
    "actor_mentions": "mentions.csv",
    "quotes": "quotes.csv",
    "term_counts": "terms.csv",
}
MANIFEST = "manifest.json"


def build_coverage(
    sources: Sequence[str], out: Path, *, workers: int = 1, progress: Progress | None = None
) -> dict[str, Any]:
    """Analyse the sources in a temporary store and write the coverage files to `out`.

    Returns the manifest. Files are written to a temporary folder first and
    moved into place only when all are written.
    """
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "build.duckdb") as store:
            report = ingest(store, sources, store_progress=progress or _quiet)
            analyze_store(store, workers=workers, progress=progress)
            staging = Path(tmp) / "coverage"
            staging.mkdir()
            manifest = _export(store, staging, report)
        out.mkdir(parents=True, exist_ok=True)
        for path in staging.iterdir():
            shutil.move(str(path), out / path.name)
    return manifest


def _export(store: Store, folder: Path, report: ImportReport) -> dict[str, Any]:
    con = store.con
    articles = con.execute(
        "SELECT id, url, outlet, title, author, published_text, language, word_count, content_hash, "
        "duplicate_of FROM articles ORDER BY published NULLS LAST, id"
    ).fetchall()
    write_safe_csv(folder / "articles.csv", ARTICLE_FIELDS, articles)
    write_safe_csv(
        folder / "sources.csv",
        SOURCE_FIELDS,
        [
            (url, outlet, title, published, language)
            for _id, url, outlet, title, _a, published, language, *_rest in articles
            if url
        ],
    )
    counts = {"articles": len(articles)}
    for table, name in FILES.items():
        columns = [c for c in RESULT_COLUMNS[table] if c != "content_hash"]
        rows = con.execute(
            f"SELECT a.id, {', '.join('r.' + c for c in columns)} FROM {table} r "
            f"JOIN articles a USING (content_hash) ORDER BY ALL"
        ).fetchall()
        write_safe_csv(folder / name, ("article_id", *columns), rows)
        counts[name] = len(rows)
    manifest = {
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "versions": current_versions(),
        "counts": counts,
        "failed": [item.as_dict() for item in report.failed],
        "note": "Facts about the articles and figures computed by this project; no article text.",
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


def read_manifest(folder: Path = COVERAGE_DIR) -> dict[str, Any] | None:
    path = folder / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _typed(column: str, value: str) -> Any:
    if value == "":
        return None
    kind = _TYPES.get(column)
    if kind is not None and pa.types.is_floating(kind):
        return float(value)
    if column in (
        "paragraph_index",
        "start_char",
        "end_char",
        "words",
        "scored",
        "most_negative",
        "most_positive",
        "n",
        "count",
    ):
        return int(value)
    return value


def load_coverage(store: Store, folder: Path = COVERAGE_DIR) -> ImportReport | None:
    """Put the coverage dataset in the store: articles without text, and their bundled results
    (recorded with the versions they were computed with). None when there is no dataset."""
    manifest = read_manifest(folder)
    if manifest is None:
        return None
    articles = list(read_safe_csv(folder / "articles.csv"))
    report = store.add_without_text(
        [{**row, "word_count": int(row["word_count"] or 0)} for row in articles],
        source=str(folder / "articles.csv"),
    )
    added = {item.article_id for item in report.added}
    hashes = {row["id"]: row["content_hash"] for row in articles if row["id"] in added}
    ensure_result_tables(store)
    store.con.begin()
    try:
        for table, name in FILES.items():
            columns = RESULT_COLUMNS[table]
            rows = [
                (hashes[row["article_id"]], *(_typed(c, row[c]) for c in columns[1:]))
                for row in read_safe_csv(folder / name)
                if row["article_id"] in hashes
            ]
            if rows:
                values = list(zip(*rows, strict=True))
                arrow = pa.table(
                    {c: pa.array(list(v), type=_TYPES.get(c)) for c, v in zip(columns, values, strict=True)}
                )
                store.con.register("bundled_rows", arrow)
                store.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM bundled_rows")
                store.con.unregister("bundled_rows")
        runs = [(h, analyser, version) for h in hashes.values() for analyser, version in manifest["versions"].items()]
        if runs:
            store.con.executemany("INSERT INTO analysis_runs VALUES (?, ?, ?, now())", runs)
        store.con.commit()
    except BaseException:
        store.con.rollback()
        raise
    return report


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
