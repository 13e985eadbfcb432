"""A corpus as a Parquet dataset, for corpora past one machine.

Layout of a dataset directory (documented in README "Past one machine"):

    DIR/articles/month=YYYY-MM/part-0.parquet    the store's article columns (ARTICLE_COLUMNS, and
    DIR/articles/month=undated/part-0.parquet    article_key when written here), partitioned by
                                                 publication month
    OUT/results/<table>/month=…/part-0.parquet   result tables (RESULT_COLUMNS and article_key), and
                                                 analysis_runs
    OUT/results/_done/<month>.json               a partition's input fingerprint and versions
    OUT/dataset.json                             where the articles are (OUT may be DIR)

Other tools may write `articles/` as long as they follow ARTICLE_COLUMNS and the
partitioning; the article key (schema.hashed_sql) is then computed as the files are
read. Result files of a partition are written under temporary names and renamed,
and its `_done` record last: a partition whose record is missing or stale is
analysed again, whole, so a killed worker loses only its partition.

`open_parquet_store` gives the dashboard and the CLI a read-only Store whose
tables are DuckDB views over the files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from corpus.errors import StoreError
from corpus.store.articles import Store
from corpus.store.results import Row, result_table
from corpus.store.schema import ARTICLE_COLUMNS, KEY, RESULT_COLUMNS, TERM_ID, hashed, hashed_sql, insert_articles

ARTICLES = "articles"
RESULTS = "results"
DONE = "_done"
DATASET_FILE = "dataset.json"
RUNS = "analysis_runs"
RUN_COLUMNS = ("content_hash", "analyser", "version", "computed_at")


@dataclass(frozen=True, slots=True)
class Partition:
    """One month of articles: its name (YYYY-MM or "undated"), its files and their fingerprint."""

    name: str
    files: tuple[Path, ...]
    fingerprint: str
    error: str | None = None  # a partition whose files cannot be read is reported, never dropped


def write_articles(store: Store, folder: Path) -> int:
    """The store's articles as a Parquet dataset under folder/articles, one partition per month.
    Replaces an earlier export of the same folder; returns the number of articles written."""
    target = folder / ARTICLES
    folder.mkdir(parents=True, exist_ok=True)
    columns = ", ".join(ARTICLE_COLUMNS)
    count = int(store.con.execute("SELECT count(*) FROM articles").fetchall()[0][0])
    store.con.execute(
        f"""COPY (SELECT {columns}, {hashed_sql("content_hash")} AS {KEY},
                         coalesce(strftime(published, '%Y-%m'), 'undated') AS month
                  FROM articles ORDER BY published NULLS LAST, id)
            TO '{_quoted(target)}' (FORMAT PARQUET, PARTITION_BY (month), OVERWRITE, FILENAME_PATTERN 'part-{{i}}')"""
    )
    return count


def export_store(store: Store, folder: Path) -> int:
    """A whole store (articles and every result table) as a Parquet dataset the dashboard can open
    with CORPUS_PARQUET; returns the number of articles. Partitions carry no `_done` record: an
    `analyze --parquet` of the folder recomputes them."""
    written = write_articles(store, folder)
    (folder / RESULTS).mkdir(parents=True, exist_ok=True)
    for name in (*RESULT_COLUMNS, RUNS):
        # the dataset's numbers are its own (hashed_sql), as its workers write them: not the store's
        wanted = ", ".join(f"t.{c}" for c in RESULT_COLUMNS.get(name, RUN_COLUMNS))
        if name in RESULT_COLUMNS:
            wanted += f", {hashed_sql('t.content_hash')} AS {KEY}"
        if name == "term_counts":
            wanted += f", {hashed_sql('t.term')} AS {TERM_ID}"
        target = _quoted(folder / RESULTS / name)
        store.con.execute(
            f"""COPY (SELECT {wanted}, coalesce(strftime(a.published, '%Y-%m'), 'undated') AS month
                      FROM {name} t JOIN articles a USING (content_hash))
                TO '{target}' (FORMAT PARQUET, PARTITION_BY (month), OVERWRITE, FILENAME_PATTERN 'part-{{i}}')"""
        )
    return written


def load_articles(store: Store, folder: Path) -> int:
    """Put a dataset's Parquet articles into a store (before adding more to the dataset); 0 when
    the folder holds none yet."""
    root = folder / ARTICLES
    if not root.is_dir() or not any(root.glob("*/*.parquet")):
        return 0
    pattern = _quoted(root / "*" / "*.parquet")
    before = store.count()
    insert_articles(store.con, f"read_parquet('{pattern}', hive_partitioning = true)")
    return store.count() - before


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def partitions(folder: Path) -> list[Partition]:
    """The month partitions of a dataset's articles, in order. StoreError when there is none."""
    root = folder / ARTICLES
    if not root.is_dir():
        raise StoreError(f"{folder} holds no {ARTICLES}/ folder: write one with `ingest --to-parquet {folder}`")
    found = []
    for directory in sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("month=")):
        files = tuple(sorted(directory.glob("*.parquet")))
        if not files:
            continue
        name = directory.name.removeprefix("month=")
        # the partition's input is its texts: the sorted content hashes (import times may differ)
        try:
            hashes = ds.dataset([str(f) for f in files], format="parquet").to_table(columns=["content_hash"])
        except (pa.ArrowException, OSError) as exc:
            found.append(Partition(name, files, "", f"unreadable Parquet: {exc}"))
            continue
        digest = hashlib.sha1("\n".join(sorted(hashes.column("content_hash").to_pylist())).encode())
        found.append(Partition(name, files, digest.hexdigest()[:16]))
    return found


def read_partition(partition: Partition) -> pa.Table:
    """content_hash, text and language of a partition's articles with text (one row per content)."""
    table = ds.dataset(list(map(str, partition.files)), format="parquet").to_table(
        columns=["content_hash", "text", "language"], filter=ds.field("text").is_valid()
    )
    return table


def _done_path(out: Path, name: str) -> Path:
    return out / RESULTS / DONE / f"{name}.json"


def is_done(out: Path, partition: Partition, versions: Mapping[str, str]) -> bool:
    """Whether the partition's results are there for exactly this input and these versions."""
    path = _done_path(out, partition.name)
    if not path.exists():
        return False
    record = json.loads(path.read_text(encoding="utf-8"))
    return bool(record.get("fingerprint") == partition.fingerprint and record.get("versions") == dict(versions))


def _write_atomically(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def write_partition_results(
    out: Path,
    partition: Partition,
    rows: Mapping[str, Sequence[Row]],
    runs: Sequence[tuple[str, str, str]],
    versions: Mapping[str, str],
) -> None:
    """The partition's result rows (result table -> rows in RESULT_COLUMNS order) and its runs
    (content_hash, analyser, version), then its `_done` record."""
    for name in RESULT_COLUMNS:
        table = result_table(name, list(rows.get(name, ())))
        hashes = table.column("content_hash").to_pylist()
        keys = {h: hashed(h) for h in set(hashes)}
        table = table.append_column(KEY, pa.array([keys[h] for h in hashes], type=pa.int64()))
        if name == "term_counts":
            terms = table.column("term").to_pylist()
            numbers = {t: hashed(t) for t in set(terms)}
            table = table.append_column(TERM_ID, pa.array([numbers[t] for t in terms], type=pa.int64()))
        _write_atomically(table, out / RESULTS / name / f"month={partition.name}" / "part-0.parquet")
    now = dt.datetime.now(dt.UTC)
    runs_table = pa.table(
        {
            "content_hash": pa.array([r[0] for r in runs], type=pa.string()),
            "analyser": pa.array([r[1] for r in runs], type=pa.string()),
            "version": pa.array([r[2] for r in runs], type=pa.string()),
            "computed_at": pa.array([now] * len(runs), type=pa.timestamp("us", tz="UTC")),
        }
    )
    _write_atomically(runs_table, out / RESULTS / RUNS / f"month={partition.name}" / "part-0.parquet")
    done = _done_path(out, partition.name)
    done.parent.mkdir(parents=True, exist_ok=True)
    record = {"partition": partition.name, "fingerprint": partition.fingerprint, "versions": dict(versions)}
    tmp = done.with_name(f".{done.name}.tmp")
    tmp.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
    os.replace(tmp, done)


def write_dataset_record(out: Path, articles_folder: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    record = {"articles": str(articles_folder.resolve() / ARTICLES)}
    (out / DATASET_FILE).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def _articles_root(folder: Path) -> Path:
    record = folder / DATASET_FILE
    root = Path(json.loads(record.read_text(encoding="utf-8"))["articles"]) if record.exists() else folder / ARTICLES
    if not root.is_dir():
        raise StoreError(f"no Parquet articles at {root}")
    return root


def open_parquet_store(folder: Path | str) -> Store:
    """A read-only Store over a Parquet dataset: DuckDB views over its article and result files."""
    folder = Path(folder)
    con = duckdb.connect(":memory:")
    con.execute("SET TimeZone = 'UTC'")
    root = _articles_root(folder)
    articles = str(root / "**" / "*.parquet").replace("'", "''")
    columns = ", ".join(ARTICLE_COLUMNS)
    key = KEY if _keyed(root.rglob("*.parquet"), KEY) else f"{hashed_sql('content_hash')} AS {KEY}"
    con.execute(
        f"CREATE VIEW articles AS SELECT {columns}, {key} FROM read_parquet('{articles}', hive_partitioning = true)"
    )
    for name in (*RESULT_COLUMNS, RUNS):
        files = folder / RESULTS / name
        if not any(files.glob("*/*.parquet")):
            raise StoreError(f"{folder} has no {name} results: run `analyze --parquet` first")
        pattern = str(files / "*" / "*.parquet").replace("'", "''")
        wanted = ", ".join(RESULT_COLUMNS.get(name, RUN_COLUMNS))
        if name in RESULT_COLUMNS:
            wanted += f", {_number(files, KEY, 'content_hash')}"
        if name == "term_counts":
            wanted += f", {_number(files, TERM_ID, 'term')}"
        con.execute(f"CREATE VIEW {name} AS SELECT {wanted} FROM read_parquet('{pattern}', hive_partitioning = true)")
    # the terms' names, read once: the reads sum the counts per number and name the top ones
    con.execute("CREATE TABLE term_ids AS SELECT DISTINCT term, term_id FROM term_counts")
    for what, sql in (
        ("terms", "SELECT term_id, list(term ORDER BY term) FROM term_ids GROUP BY term_id HAVING count(*) > 1"),
        (
            "article texts",
            f"SELECT {KEY}, list(DISTINCT content_hash ORDER BY content_hash) FROM articles GROUP BY {KEY} "
            "HAVING count(DISTINCT content_hash) > 1",
        ),
    ):
        shared = con.execute(sql + " LIMIT 1").fetchall()
        if shared:
            con.close()
            raise StoreError(
                f"{folder}: the {what} {', '.join(map(repr, shared[0][1]))} share the number {shared[0][0]} "
                "(an MD5 coincidence); import the articles into a store instead (`ingest`, then `analyze`)"
            )
    return Store.on_connection(con, folder, writable=False)


def _number(files: Path, column: str, source: str) -> str:
    """The view's SQL for a number column: read from the files, or computed from `source` if any lacks it."""
    return column if _keyed(files.glob("*/*.parquet"), column) else f"{hashed_sql(source)} AS {column}"


def _keyed(files: Iterable[Path], column: str) -> bool:
    """Whether every one of the Parquet files carries the number `column` (files written before it
    was added, or by other tools, have it computed as they are read: slower, the same numbers)."""
    try:
        return all(column in pq.read_schema(str(f)).names for f in files)
    except (pa.ArrowException, OSError):
        return False  # DuckDB's own read then names the unreadable file


def counts(folder: Path) -> dict[str, Any]:
    """Articles and partitions of a dataset (for reports)."""
    found = partitions(folder)
    total = sum(pq.ParquetFile(str(f)).metadata.num_rows for p in found for f in p.files)
    return {"partitions": len(found), "articles": total}
