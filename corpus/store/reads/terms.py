"""Keyword counts of a selection."""

from __future__ import annotations

import pandas as pd

from corpus.store.articles import Store
from corpus.store.selection import ALL, Selection


def term_totals(store: Store, selection: Selection = ALL, *, n: int | None = None, limit: int = 50) -> pd.DataFrame:
    """Top terms: columns term, n (1 unigram, 2 bigram), count, articles."""
    where, params = selection.where()
    size = "AND t.n = ?" if n else ""
    return store.con.execute(
        f"""SELECT i.term, g.n, g.count, g.articles FROM (
                SELECT t.term_id, any_value(t.n) AS n, sum(t.count)::BIGINT AS count,
                       count(*) AS articles  -- one row per article and term
                FROM term_counts t JOIN articles a USING (article_key)
                WHERE {where} {size} GROUP BY t.term_id
            ) g JOIN term_ids i USING (term_id) ORDER BY g.count DESC, i.term LIMIT ?""",
        [*params, *([n] if n else []), limit],
    ).df()


def term_counts_of(store: Store, selection: Selection = ALL) -> pd.Series:
    """Count of every term over the selection: a Series indexed by term."""
    where, params = selection.where()
    frame = store.con.execute(
        f"""SELECT i.term, g.count FROM (
                SELECT t.term_id, sum(t.count)::BIGINT AS count FROM term_counts t
                JOIN articles a USING (article_key) WHERE {where} GROUP BY t.term_id
            ) g JOIN term_ids i USING (term_id)""",
        params,
    ).df()
    return frame.set_index("term")["count"] if not frame.empty else pd.Series(dtype="int64")


def term_counts_by_outlet(store: Store, selection: Selection = ALL) -> pd.DataFrame:
    """Count of every term per outlet of the selection, in one scan: columns outlet, term, count."""
    where, params = selection.where()
    return store.con.execute(
        f"""SELECT g.outlet, i.term, g.count FROM (
                SELECT a.outlet, t.term_id, sum(t.count)::BIGINT AS count FROM term_counts t
                JOIN articles a USING (article_key) WHERE {where} AND a.outlet IS NOT NULL
                GROUP BY a.outlet, t.term_id
            ) g JOIN term_ids i USING (term_id)""",
        params,
    ).df()


def languages_of(store: Store, selection: Selection = ALL) -> list[str]:
    """The languages of the selection's articles that have terms, the most covered first."""
    where, params = selection.where()
    rows = store.con.execute(
        f"""SELECT a.language FROM articles a WHERE {where} AND a.language IS NOT NULL
              AND EXISTS (SELECT 1 FROM term_counts t WHERE t.article_key = a.article_key)
            GROUP BY a.language ORDER BY count(*) DESC, a.language""",
        params,
    ).fetchall()
    return [row[0] for row in rows]


def words_of(store: Store, selection: Selection = ALL) -> int:
    """Words of the selection's articles that have terms (what a count per 1,000 words divides by)."""
    where, params = selection.where()
    row = store.con.execute(
        f"""SELECT coalesce(sum(a.word_count), 0) FROM articles a WHERE {where}
              AND EXISTS (SELECT 1 FROM term_counts t WHERE t.article_key = a.article_key)""",
        params,
    ).fetchall()[0]
    return int(row[0])


def top_terms_by_language(
    store: Store, selection: Selection = ALL, *, unigrams: int = 100, bigrams: int = 25
) -> pd.DataFrame:
    """The top terms of each language of the selection, in one scan of the counts: columns
    language, n (1 or 2), term, count, articles, ranked within (language, n), the most covered
    language first."""
    where, params = selection.where()
    return store.con.execute(
        f"""WITH totals AS (
                SELECT g.language, g.n, i.term, g.count, g.articles FROM (
                    SELECT a.language, t.n, t.term_id, sum(t.count)::BIGINT AS count,
                           count(*) AS articles  -- one row per article and term
                    FROM term_counts t JOIN articles a USING (article_key)
                    WHERE {where} AND a.language IS NOT NULL GROUP BY ALL
                ) g JOIN term_ids i USING (term_id)
            ), ranked AS (
                SELECT *, row_number() OVER (PARTITION BY language, n ORDER BY count DESC, term) AS rank
                FROM totals
            ), sizes AS (SELECT language, sum(count) AS size FROM totals WHERE n = 1 GROUP BY language)
            SELECT r.language, r.n, r.term, r.count, r.articles FROM ranked r JOIN sizes USING (language)
            WHERE r.rank <= CASE WHEN r.n = 1 THEN ? ELSE ? END
            ORDER BY sizes.size DESC, r.language, r.n, r.rank""",
        [*params, unigrams, bigrams],
    ).df()
