"""The bundled coverage dataset: facts about articles and figures computed from them, no text.

Under data/coverage/: article metadata, per-paragraph results (offsets,
language, tone), actor mentions, quotes (quoted speech may ship), keyword
counts, sources.csv for re-fetching the texts, and a manifest with the
analysers' versions. `export_coverage` writes them from a store,
`load_coverage` puts them in a store: the articles without their text, their
results as if computed there. The way GDELT and Media Cloud publish coverage
data. The files are plain CSV read back by this module: they are data for the
program, not spreadsheets, so no cell is escaped.

Also here: the story's events file (data/events.csv).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from corpus.dates import parse_published
from corpus.models import ImportItem, ImportReport
from corpus.paths import COVERAGE_DIR, EVENTS_FILE
from corpus.store.articles import Store
from corpus.store.results import ensure_result_tables, result_table
from corpus.store.schema import RESULT_COLUMNS, RESULT_INTEGER_COLUMNS, RESULT_TYPES, insert_results

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
BOOLEAN_COLUMNS = frozenset({"heading"})


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Plain CSV (None as an empty cell); returns the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            count += 1
    return count


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def export_coverage(
    store: Store, folder: Path, *, versions: Mapping[str, str], failed: Sequence[ImportItem] = ()
) -> dict[str, Any]:
    """Write the store's articles (no text) and results to `folder`; returns the manifest."""
    con = store.con
    articles = con.execute(
        "SELECT id, url, outlet, title, author, published_text, language, word_count, content_hash, "
        "duplicate_of FROM articles ORDER BY published NULLS LAST, id"
    ).fetchall()
    write_csv(folder / "articles.csv", ARTICLE_FIELDS, articles)
    write_csv(
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
        counts[name] = write_csv(folder / name, ("article_id", *columns), rows)
    manifest = {
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "versions": dict(versions),
        "counts": counts,
        "failed": [item.as_dict() for item in failed],
        "note": "Facts about the articles and figures computed by this project; no article text.",
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


def read_manifest(folder: Path = COVERAGE_DIR) -> dict[str, Any] | None:
    path = folder / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _typed(column: str, value: str) -> Any:
    if column in BOOLEAN_COLUMNS:
        return value == "True"  # a file from before the column: False
    if value == "":
        return None
    kind = RESULT_TYPES.get(column)
    if kind is not None and pa.types.is_floating(kind):
        return float(value)
    if column in RESULT_INTEGER_COLUMNS or column == "n":
        return int(value)
    return value


def load_coverage(store: Store, folder: Path = COVERAGE_DIR) -> ImportReport | None:
    """Put the coverage dataset in the store: articles without text, and their bundled results
    (recorded with the versions they were computed with). None when there is no dataset."""
    manifest = read_manifest(folder)
    if manifest is None:
        return None
    articles = list(read_csv(folder / "articles.csv"))
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
                (hashes[row["article_id"]], *(_typed(c, row.get(c, "")) for c in columns[1:]))
                for row in read_csv(folder / name)
                if row["article_id"] in hashes
            ]
            if rows:
                store.con.register("bundled_rows", result_table(table, rows))
                insert_results(store.con, table, "bundled_rows")
                store.con.unregister("bundled_rows")
        runs = [(h, analyser, version) for h in hashes.values() for analyser, version in manifest["versions"].items()]
        if runs:
            store.con.executemany("INSERT INTO analysis_runs VALUES (?, ?, ?, now())", runs)
        store.con.commit()
    except BaseException:
        store.con.rollback()
        raise
    return report


EVENT_COLUMNS = ["date", "precision", "label", "label_fr", "source_url"]


def load_events(path: Path = EVENTS_FILE) -> pd.DataFrame:
    """The story's dated turns: columns date (Timestamp, UTC), precision, label, label_fr, source_url."""
    if not path.exists():
        return pd.DataFrame(columns=EVENT_COLUMNS)
    rows = []
    for row in read_csv(path):
        when = parse_published(row.get("date"))
        if when is not None:
            rows.append(
                {
                    "date": pd.Timestamp(when.when),
                    "precision": when.precision,
                    "label": row["label"],
                    "label_fr": row.get("label_fr", ""),
                    "source_url": row.get("source_url", ""),
                }
            )
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)
