"""The embedded DuckDB store: one file, one transaction per import.

An import either commits every good item of its batch or, on any error or a
kill, leaves the store as it was. Re-importing an article changes nothing:
the same canonical URL or the same normalised text is a duplicate. Near
duplicates (syndicated copy) are stored and linked to the earliest copy.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Sequence, Sized
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from corpus.dates import parse_published
from corpus.errors import StoreBusyError, StoreError
from corpus.models import (
    Candidate,
    ImportItem,
    ImportReport,
    Status,
)
from corpus.progress import Progress, no_progress
from corpus.store.batch import BatchWriter
from corpus.store.schema import DDL, MIGRATIONS, SCHEMA_VERSION, insert_articles
from corpus.urls import canonical_url


class Store:
    """A connection to one store file (created with its schema if new)."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreBusyError(
                    f"the store {self.path} is in use by another process; close it or use another --db ({exc})"
                ) from exc
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} is not a readable store: {exc}") from exc
        self.writable = not read_only
        try:
            # Dates are grouped by day, week and month in UTC whatever the machine's zone.
            self.con.execute("SET TimeZone = 'UTC'")
            # long queries would draw DuckDB's own bar on stdout, over the faces' progress and JSON output
            self.con.execute("SET enable_progress_bar = false")
            if not read_only:
                self._refuse_other_databases()
                self._create_schema()
            self._check_version()
        except duckdb.Error as exc:  # a truncated or damaged file shows here
            self.con.close()
            raise StoreError(f"{self.path} is not a readable store: {exc}") from exc
        except StoreError:
            self.con.close()
            raise

    @classmethod
    def on_connection(cls, con: duckdb.DuckDBPyConnection, path: Path | str, *, writable: bool) -> Store:
        """A Store over an open connection (a cursor of a shared one: one per thread)."""
        store = cls.__new__(cls)
        store.path, store.con, store.writable = Path(path), con, writable
        return store

    def cursor(self) -> Store:
        """The same store on a new cursor, for another thread (DuckDB connections are not shared)."""
        con = self.con.cursor()
        con.execute("SET TimeZone = 'UTC'")
        con.execute("SET enable_progress_bar = false")
        return Store.on_connection(con, self.path, writable=self.writable)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema --------------------------------------------------------------------

    def _refuse_other_databases(self) -> None:
        """A DuckDB file with tables of its own and no store_meta is someone else's database:
        never write the corpus tables into it."""
        tables = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if tables and "store_meta" not in tables:
            raise StoreError(
                f"{self.path} is a DuckDB database but not a corpus store (it holds {', '.join(sorted(tables)[:5])}); "
                "nothing was written to it: give --db a new file or a corpus store"
            )

    def _create_schema(self) -> None:
        self.con.begin()
        for statement in DDL:
            self.con.execute(statement)
        self.con.execute(
            "INSERT INTO store_meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
            [str(SCHEMA_VERSION)],
        )
        self.con.commit()

    def _check_version(self) -> None:
        try:
            row = self.one("SELECT value FROM store_meta WHERE key = 'schema_version'")
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path} is a DuckDB file but not a corpus store") from exc
        found = int(row[0]) if row else None
        if found is not None and found < SCHEMA_VERSION and self.writable:
            self._migrate(found)
            found = SCHEMA_VERSION
        if found != SCHEMA_VERSION:
            hint = (
                "open it once with a write command (python -m analysis analyze) to upgrade it"
                if found is not None and found < SCHEMA_VERSION
                else "move the file away and run the command again to rebuild it"
            )
            raise StoreError(
                f"{self.path} has schema version {found if found is not None else 'none'}; "
                f"this version reads {SCHEMA_VERSION}: {hint}"
            )

    def _migrate(self, version: int) -> None:
        self.con.begin()
        try:
            for step in range(version, SCHEMA_VERSION):
                MIGRATIONS[step](self.con)
            self.con.execute("UPDATE store_meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    # -- import --------------------------------------------------------------------

    def add(
        self, candidates: Iterable[Candidate], *, progress: Progress = no_progress, total: int | None = None
    ) -> ImportReport:
        """Store every good candidate in one transaction; report on every item.

        Candidates are read and written in chunks (an iterable is consumed as it comes),
        so a large import holds one chunk in memory, not the batch; `total` (the length
        of a sequence by default, else unknown: 0) is what progress counts towards.
        """
        if total is None:
            total = len(candidates) if isinstance(candidates, Sized) else 0
        self.con.begin()
        try:
            report = BatchWriter(self.con).write(candidates, progress=progress, total=total)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return report

    def add_without_text(self, rows: Sequence[dict[str, Any]], *, source: str) -> ImportReport:
        """Articles known by their metadata only (bundled coverage: the text is not redistributed),
        in one transaction. Each row: id, url, outlet, title, author, published (text at its
        precision), language, word_count, content_hash, duplicate_of. Rows whose id, URL or
        content hash the store holds already are duplicates."""
        known = self.con.execute("SELECT id, canonical_url, content_hash FROM articles").fetchall()
        seen = {value for row in known for value in row if value}
        items: list[ImportItem] = []
        new: list[dict[str, Any]] = []
        for number, row in enumerate(rows, start=1):
            where = f"{source} row {number}"
            curl = canonical_url(row["url"]) if row.get("url") else None
            if {row["id"], curl, row["content_hash"]} & seen:
                items.append(ImportItem(where, Status.DUPLICATE, article_id=row["id"]))
                continue
            seen.update(v for v in (row["id"], curl, row["content_hash"]) if v)
            published = parse_published(row.get("published") or None)
            new.append({**row, "canonical_url": curl, "published_at": published})
            items.append(ImportItem(where, Status.ADDED, article_id=row["id"]))
        if new:
            now = dt.datetime.now(dt.UTC)
            table = pa.table(
                {
                    "id": [r["id"] for r in new],
                    "url": [r.get("url") or None for r in new],
                    "canonical_url": [r["canonical_url"] for r in new],
                    "outlet": [r.get("outlet") or None for r in new],
                    "title": [r.get("title") or None for r in new],
                    "author": [r.get("author") or None for r in new],
                    "published": pa.array(
                        [r["published_at"].when.astimezone(dt.UTC) if r["published_at"] else None for r in new],
                        type=pa.timestamp("us", tz="UTC"),
                    ),
                    "published_text": [r["published_at"].isoformat() if r["published_at"] else None for r in new],
                    "published_precision": [r["published_at"].precision if r["published_at"] else None for r in new],
                    "language": [r["language"] for r in new],
                    "text": pa.array([None] * len(new), type=pa.string()),
                    "paragraphs": pa.array([[] for _ in new], type=pa.list_(pa.string())),
                    "word_count": pa.array([int(r.get("word_count") or 0) for r in new], type=pa.int32()),
                    "source": [source] * len(new),
                    "content_hash": [r["content_hash"] for r in new],
                    "imported_at": pa.array([now] * len(new), type=pa.timestamp("us", tz="UTC")),
                    "metadata": [json.dumps({"text": "not bundled"}) for _ in new],
                    "duplicate_of": [r.get("duplicate_of") or None for r in new],
                    "duplicate_similarity": pa.array([None] * len(new), type=pa.float64()),
                    "minhash": pa.array([[] for _ in new], type=pa.list_(pa.uint32())),
                }
            )
            self.con.begin()
            try:
                self.con.register("bundled_articles", table)
                insert_articles(self.con, "bundled_articles")
                self.con.unregister("bundled_articles")
                self.con.commit()
            except BaseException:
                self.con.rollback()
                raise
        return ImportReport(tuple(items))

    # -- reading -------------------------------------------------------------------

    def one(self, sql: str, params: Sequence[object] = ()) -> tuple[Any, ...] | None:
        """The first row of a query, with the result fully consumed: DuckDB keeps a
        fetchone() result open and refuses the connection's next registration."""
        rows = self.con.execute(sql, list(params)).fetchall()
        return rows[0] if rows else None

    def _one(self, sql: str) -> tuple[Any, ...]:
        """The row of an aggregate query (which always has one)."""
        row = self.one(sql)
        if row is None:
            raise StoreError(self.path, f"no row for {sql!r}")
        return row

    def count(self) -> int:
        return int(self._one("SELECT count(*) FROM articles")[0])

    def ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]

    def text_of(self, article_id: str) -> str | None:
        row = self.one("SELECT text FROM articles WHERE id = ?", [article_id])
        return row[0] if row else None

    def stats(self) -> dict[str, Any]:
        """Totals and breakdowns by outlet, language and month (undated counted apart)."""
        con = self.con
        total, outlets, words, paragraphs, near, undated, first, last, textless = self._one(
            "SELECT count(*), count(DISTINCT outlet), coalesce(sum(word_count), 0), "
            "coalesce(sum(len(paragraphs)), 0), count(duplicate_of), count(*) - count(published), "
            "min(published_text), max(published_text), count(*) - count(text) FROM articles"
        )

        def breakdown(expr: str) -> dict[str, int]:
            rows = con.execute(f"SELECT {expr} AS k, count(*) FROM articles GROUP BY k ORDER BY k").fetchall()
            return {str(k): int(n) for k, n in rows}

        analysed = self._one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'paragraph_tone'")
        if analysed[0]:
            # what the dashboard counts: articles bundled without their text have their paragraphs here
            paragraphs = self._one(
                "SELECT count(*) + (SELECT coalesce(sum(len(a.paragraphs)), 0) FROM articles a WHERE NOT EXISTS "
                "(SELECT 1 FROM paragraph_tone t WHERE t.article_key = a.article_key)) "
                "FROM paragraph_tone p JOIN articles a USING (article_key)"
            )[0]

        return {
            "articles": int(total),
            "outlets": int(outlets),
            "words": int(words),
            "paragraphs": int(paragraphs),
            "near_duplicates": int(near),
            "undated": int(undated),
            "without_text": int(textless),
            "first_published": first,
            "last_published": last,
            "by_outlet": breakdown("coalesce(outlet, '(unknown)')"),
            "by_language": breakdown("language"),
            "by_month": breakdown(
                "CASE WHEN published_text IS NULL THEN 'undated' "
                "WHEN published_precision = 'year' THEN published_text "
                "ELSE left(published_text, 7) END"
            ),
        }


def replace_atomically(build: Callable[[Path], None], target: Path) -> None:
    """Build a store at a temporary path beside `target`, then move it into place.

    A build that fails or is killed leaves no half-built store behind.
    """
    tmp = target.with_name(f".{target.name}.building-{os.getpid()}")
    remove_stale_builds(target)
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        build(tmp)
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def remove_stale_builds(target: Path) -> list[Path]:
    """Delete what killed builds of `target` left beside it (their process is gone); returns them."""
    removed = []
    for path in target.parent.glob(f".{target.name}.building-*"):
        pid = path.name.rsplit("building-", 1)[1].removesuffix(".wal")
        if pid.isdigit() and not _alive(int(pid)):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
