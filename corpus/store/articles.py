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
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from corpus import dedup
from corpus.dates import parse_published
from corpus.errors import StoreBusyError, StoreError
from corpus.models import (
    Article,
    Candidate,
    ImportItem,
    ImportReport,
    Status,
)
from corpus.progress import Progress, no_progress
from corpus.store.schema import ARTICLE_COLUMNS, DDL, MIGRATIONS, SCHEMA_VERSION
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
                for statement in MIGRATIONS[step]:
                    self.con.execute(statement)
            self.con.execute("UPDATE store_meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    # -- import --------------------------------------------------------------------

    def add(self, candidates: Sequence[Candidate], *, progress: Progress = no_progress) -> ImportReport:
        """Store every good candidate in one transaction; report on every item."""
        self.con.begin()
        try:
            report = self._add(candidates, progress)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return report

    def _add(self, candidates: Sequence[Candidate], progress: Progress) -> ImportReport:
        by_url: dict[str, str] = {}
        by_hash: dict[str, str] = {}
        ids: set[str] = set()
        textless: set[str] = set()
        for article_id, curl, chash, has_text in self.con.execute(
            "SELECT id, canonical_url, content_hash, text IS NOT NULL FROM articles"
        ).fetchall():
            ids.add(article_id)
            if not has_text:
                textless.add(article_id)
            by_hash[chash] = article_id
            if curl:
                by_url[curl] = article_id
        items: list[ImportItem | None] = [None] * len(candidates)
        pending: list[tuple[int, Article, dedup.Banded]] = []
        total = len(candidates)
        for index, cand in enumerate(candidates):
            if index % 200 == 0:
                progress(index, total, cand.where)
            article = cand.article
            if article is None:
                status = Status.SKIPPED if cand.skipped else Status.FAILED
                items[index] = ImportItem(cand.where, status, reason=cand.error, warnings=cand.warnings)
                continue
            twin = (by_url.get(article.canonical_url) if article.canonical_url else None) or by_hash.get(
                article.content_hash
            )
            if twin and twin in textless:
                # An article known by its metadata only (bundled coverage) gets its full text.
                self._fill_text(twin, article)
                textless.discard(twin)
                items[index] = ImportItem(
                    cand.where, Status.ADDED, article_id=twin, reason="full text filled in", warnings=cand.warnings
                )
                continue
            if twin:
                items[index] = ImportItem(
                    cand.where, Status.DUPLICATE, article_id=twin, duplicate_of=twin, warnings=cand.warnings
                )
                continue
            if article.id in ids:
                items[index] = ImportItem(
                    cand.where,
                    Status.FAILED,
                    article_id=article.id,
                    warnings=cand.warnings,
                    reason=f"id {article.id!r} already names another article (other URL and text)",
                )
                continue
            ids.add(article.id)
            by_hash[article.content_hash] = article.id
            if article.canonical_url:
                by_url[article.canonical_url] = article.id
            sig = dedup.signature(article.text)
            pending.append((index, article, dedup.Banded(article.id, sig, dedup.band_keys(sig))))
        progress(total, total, "writing to the store")
        links = self._link_near_duplicates(pending)
        self._insert(pending, links)
        roots = self._relink_groups({root for root, _ in links.values() if root})
        for index, article, _banded in pending:
            cand = candidates[index]
            items[index] = ImportItem(
                cand.where,
                Status.ADDED,
                article_id=article.id,
                near_duplicate_of=roots.get(article.id),
                warnings=cand.warnings,
            )
        return ImportReport(tuple(item for item in items if item is not None))

    def _fill_text(self, article_id: str, article: Article) -> None:
        sig = dedup.signature(article.text)
        self.con.execute(
            "UPDATE articles SET text = ?, paragraphs = ?, word_count = ?, content_hash = ?, minhash = ? WHERE id = ?",
            [
                article.text,
                list(article.paragraphs),
                article.word_count,
                article.content_hash,
                sig.tolist(),
                article_id,
            ],
        )
        keys = dedup.band_keys(sig)
        self.con.executemany("INSERT INTO article_bands VALUES (?, ?)", [(k, article_id) for k in keys])

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
            columns = ", ".join(ARTICLE_COLUMNS)
            self.con.begin()
            try:
                self.con.register("bundled_articles", table)
                self.con.execute(f"INSERT INTO articles ({columns}) SELECT {columns} FROM bundled_articles")
                self.con.unregister("bundled_articles")
                self.con.commit()
            except BaseException:
                self.con.rollback()
                raise
        return ImportReport(tuple(items))

    def _link_near_duplicates(self, pending: list[tuple[int, Article, dedup.Banded]]) -> dict[str, dedup.Link]:
        """For each new article, the group root it nearly duplicates (or None) and the similarity."""
        keys = sorted({key for *_rest, banded in pending for key in banded.keys})
        known: dict[int, list[dedup.Banded]] = {}
        if keys:
            rows = self.con.execute(
                "SELECT b.band_key, a.id, a.minhash, a.duplicate_of FROM article_bands b "
                "JOIN articles a ON a.id = b.article_id WHERE b.band_key IN (SELECT unnest(?))",
                [keys],
            ).fetchall()
            for key, other, minhash, root in rows:
                known.setdefault(key, []).append(dedup.Banded(other, np.asarray(minhash, dtype=np.uint32), (), root))
        return dedup.link_near_duplicates([banded for *_rest, banded in pending], known)

    def _insert(
        self,
        pending: list[tuple[int, Article, dedup.Banded]],
        links: dict[str, dedup.Link],
    ) -> None:
        if not pending:
            return
        articles = [article for _i, article, _b in pending]
        table = article_table(articles, links=links, signatures=[b.signature for _i, _a, b in pending])
        bands = pa.table(
            {
                "band_key": pa.array([k for _i, _a, b in pending for k in b.keys], type=pa.int64()),
                "article_id": [a.id for _i, a, b in pending for _k in b.keys],
            }
        )
        columns = ", ".join(ARTICLE_COLUMNS)
        self.con.register("new_articles", table)
        self.con.register("new_bands", bands)
        try:
            self.con.execute(f"INSERT INTO articles ({columns}) SELECT {columns} FROM new_articles")
            self.con.execute("INSERT INTO article_bands SELECT band_key, article_id FROM new_bands")
        finally:
            self.con.unregister("new_articles")
            self.con.unregister("new_bands")

    def _relink_groups(self, roots: set[str]) -> dict[str, str]:
        """Point every member of each touched group at its earliest copy; return id -> root."""
        if not roots:
            return {}
        rows = self.con.execute(
            "SELECT id, coalesce(duplicate_of, id) AS grp, published, imported_at FROM articles "
            "WHERE id IN (SELECT unnest(?)) OR duplicate_of IN (SELECT unnest(?))",
            [sorted(roots), sorted(roots)],
        ).fetchall()
        result, updates = dedup.earliest_roots(dedup.Member(*row) for row in rows)
        if updates:
            relinks = pa.table(
                {
                    "root": pa.array([root for root, _ in updates], type=pa.string()),
                    "id": [article_id for _, article_id in updates],
                }
            )
            self.con.register("relinks", relinks)
            try:
                self.con.execute(
                    "UPDATE articles SET duplicate_of = relinks.root FROM relinks WHERE articles.id = relinks.id"
                )
            finally:
                self.con.unregister("relinks")
        return result

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
                "(SELECT 1 FROM paragraph_tone t WHERE t.content_hash = a.content_hash)) "
                "FROM paragraph_tone p JOIN articles a USING (content_hash)"
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


def article_table(
    articles: Sequence[Article],
    *,
    links: Mapping[str, dedup.Link] | None = None,
    signatures: Sequence[np.ndarray] | None = None,
) -> pa.Table:
    """Articles as an Arrow table of the store's article columns (ARTICLE_COLUMNS): what the store
    inserts and what a Parquet dataset holds. `links`: id -> near-duplicate root and similarity."""
    links = links or {}
    utc = [a.published.when.astimezone(dt.UTC) if a.published else None for a in articles]
    return pa.table(
        {
            "id": [a.id for a in articles],
            "url": pa.array([a.url for a in articles], type=pa.string()),
            "canonical_url": pa.array([a.canonical_url for a in articles], type=pa.string()),
            "outlet": pa.array([a.outlet for a in articles], type=pa.string()),
            "title": pa.array([a.title for a in articles], type=pa.string()),
            "author": pa.array([a.author for a in articles], type=pa.string()),
            "published": pa.array(utc, type=pa.timestamp("us", tz="UTC")),
            "published_text": pa.array(
                [a.published.isoformat() if a.published else None for a in articles], type=pa.string()
            ),
            "published_precision": pa.array(
                [str(a.published.precision) if a.published else None for a in articles], type=pa.string()
            ),
            "language": [a.language for a in articles],
            "text": [a.text for a in articles],
            "paragraphs": pa.array([list(a.paragraphs) for a in articles], type=pa.list_(pa.string())),
            "word_count": pa.array([a.word_count for a in articles], type=pa.int32()),
            "source": [a.source for a in articles],
            "content_hash": [a.content_hash for a in articles],
            "imported_at": pa.array([a.imported_at for a in articles], type=pa.timestamp("us", tz="UTC")),
            "metadata": [json.dumps(a.metadata, ensure_ascii=False, default=str) for a in articles],
            "duplicate_of": pa.array([links.get(a.id, (None, None))[0] for a in articles], type=pa.string()),
            "duplicate_similarity": pa.array([links.get(a.id, (None, None))[1] for a in articles], type=pa.float64()),
            "minhash": pa.array(
                [s.tolist() for s in signatures] if signatures is not None else [[] for _ in articles],
                type=pa.list_(pa.uint32()),
            ),
        }
    )
