"""One import into the store, inside the caller's transaction: duplicates, near-duplicate
links and the article rows, written chunk by chunk.

A chunk of candidates is decided (exact duplicate by canonical URL or content hash,
a bundled article's missing text, an id clash, or a new article), its new articles
linked to the near-duplicate index and inserted; memory holds one chunk of texts,
whatever the batch's size. Groups whose root may have changed are relinked to their
earliest copy once, at the end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence

import duckdb
import numpy as np
import pyarrow as pa

from corpus import dedup
from corpus.models import Article, Candidate, ImportItem, ImportReport, Status
from corpus.progress import Progress
from corpus.store.schema import KEY, assign_keys, insert_articles

CHUNK = 2_000  # candidates decided and written at a time
PROGRESS_EVERY = 200

Pending = tuple[int, Article, dedup.Banded]  # (position in the report, article, its index entry)


def _text_fields(article: Article) -> list[object]:
    return [article.text, list(article.paragraphs), article.word_count, article.content_hash]


class BatchWriter:
    """Writes one batch of candidates; knows the store's ids, URLs and hashes as it goes."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.by_url: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}
        self.ids: set[str] = set()
        self.textless: set[str] = set()
        for article_id, curl, chash, has_text in con.execute(
            "SELECT id, canonical_url, content_hash, text IS NOT NULL FROM articles"
        ).fetchall():
            self.ids.add(article_id)
            if not has_text:
                self.textless.add(article_id)
            self.by_hash[chash] = article_id
            if curl:
                self.by_url[curl] = article_id

    def write(self, candidates: Iterable[Candidate], *, progress: Progress, total: int) -> ImportReport:
        """Every candidate decided and every new article written; the report, in input order."""
        items: list[ImportItem] = []
        touched: set[str] = set()
        chunk: list[Candidate] = []
        for cand in candidates:
            if len(items) % PROGRESS_EVERY == 0:
                progress(len(items), total, cand.where)
            chunk.append(cand)
            if len(chunk) >= CHUNK:
                touched |= self._write_chunk(chunk, items)
                chunk = []
        touched |= self._write_chunk(chunk, items)
        progress(len(items), total or len(items), "linking near-duplicate groups")
        roots = self._relink_groups(touched)
        if roots:
            items = [
                dataclasses.replace(item, near_duplicate_of=roots[item.article_id])
                if item.status is Status.ADDED and item.article_id in roots and item.reason is None
                else item
                for item in items
            ]
        return ImportReport(tuple(items))

    def _write_chunk(self, chunk: Sequence[Candidate], items: list[ImportItem]) -> set[str]:
        """Decide and write one chunk, appending its items; returns the group roots it touched."""
        pending: list[Pending] = []
        for cand in chunk:
            item = self._decide(cand, len(items), pending)
            items.append(item)
        if not pending:
            return set()
        linking = self._link_near_duplicates(pending)
        self._insert(pending, linking)
        return {root for root, _ in linking.links.values() if root}

    def _decide(self, cand: Candidate, position: int, pending: list[Pending]) -> ImportItem:
        article = cand.article
        if article is None:
            status = Status.SKIPPED if cand.skipped else Status.FAILED
            return ImportItem(cand.where, status, reason=cand.error, warnings=cand.warnings)
        twin = (self.by_url.get(article.canonical_url) if article.canonical_url else None) or self.by_hash.get(
            article.content_hash
        )
        if twin and twin in self.textless:
            # An article known by its metadata only (bundled coverage) gets its full text.
            self._fill_text(twin, article)
            self.textless.discard(twin)
            return ImportItem(
                cand.where, Status.ADDED, article_id=twin, reason="full text filled in", warnings=cand.warnings
            )
        if twin:
            return ImportItem(cand.where, Status.DUPLICATE, article_id=twin, duplicate_of=twin, warnings=cand.warnings)
        if article.id in self.ids:
            return ImportItem(
                cand.where,
                Status.FAILED,
                article_id=article.id,
                warnings=cand.warnings,
                reason=f"id {article.id!r} already names another article (other URL and text)",
            )
        self.ids.add(article.id)
        self.by_hash[article.content_hash] = article.id
        if article.canonical_url:
            self.by_url[article.canonical_url] = article.id
        sig = dedup.signature(article.text)
        pending.append((position, article, dedup.Banded(article.id, sig, dedup.band_keys(sig))))
        return ImportItem(cand.where, Status.ADDED, article_id=article.id, warnings=cand.warnings)

    def _fill_text(self, article_id: str, article: Article) -> None:
        sig = dedup.signature(article.text)
        self.con.execute(
            "UPDATE articles SET text = ?, paragraphs = ?, word_count = ?, content_hash = ?, minhash = ? WHERE id = ?",
            [*_text_fields(article), sig.tolist(), article_id],
        )
        # a new text is a new content: its own key, so that the results of the old text no longer join
        self.con.register("filled", pa.table({"content_hash": [article.content_hash]}))
        try:
            assign_keys(self.con, "filled")
        finally:
            self.con.unregister("filled")
        self.con.execute(
            f"UPDATE articles SET {KEY} = k.{KEY} FROM content_keys k "
            "WHERE articles.id = ? AND k.content_hash = articles.content_hash",
            [article_id],
        )
        linking = self._link_near_duplicates([(0, article, dedup.Banded(article_id, sig, dedup.band_keys(sig)))])
        self.con.executemany("INSERT INTO article_bands VALUES (?, ?)", [list(pair) for pair in linking.indexed])

    def _link_near_duplicates(self, pending: Sequence[Pending]) -> dedup.Linking:
        """For each new article, the group root it nearly duplicates (or None) and the similarity."""
        keys = sorted({key for *_rest, banded in pending for key in banded.keys})
        known: dict[int, list[dedup.Banded]] = {}
        if keys:
            # At most BUCKET_CAP members per key (a store written before the cap may hold more).
            rows = self.con.execute(
                "SELECT b.band_key, a.id, a.minhash, a.duplicate_of FROM article_bands b "
                "JOIN articles a ON a.id = b.article_id WHERE b.band_key IN (SELECT unnest(?)) "
                "QUALIFY row_number() OVER (PARTITION BY b.band_key ORDER BY a.imported_at, a.id) <= ?",
                [keys, dedup.BUCKET_CAP],
            ).fetchall()
            for key, other, minhash, root in rows:
                known.setdefault(key, []).append(dedup.Banded(other, np.asarray(minhash, dtype=np.uint32), (), root))
        return dedup.link_near_duplicates([banded for *_rest, banded in pending], known)

    def _insert(self, pending: Sequence[Pending], linking: dedup.Linking) -> None:
        articles = [article for _i, article, _b in pending]
        table = article_table(articles, links=linking.links, signatures=[b.signature for _i, _a, b in pending])
        bands = pa.table(
            {
                "band_key": pa.array([key for key, _id in linking.indexed], type=pa.int64()),
                "article_id": pa.array([article_id for _key, article_id in linking.indexed], type=pa.string()),
            }
        )
        self.con.register("new_articles", table)
        self.con.register("new_bands", bands)
        try:
            insert_articles(self.con, "new_articles")
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
