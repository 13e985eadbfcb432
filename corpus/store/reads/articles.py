"""Articles of a selection, one article's rows for the reader, the sidebar's choices."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from corpus.store.articles import Store
from corpus.store.reads.common import query_frame
from corpus.store.selection import Selection, like_pattern


def article_list(store: Store, sel: Selection, *, limit: int = 2000) -> pd.DataFrame:
    """Articles with their figures: columns published_text, outlet, language, title, url, words,
    mean_tone, share_negative, quotes, text_bundled, near_duplicate_of, id."""
    where, params = sel.where()
    return query_frame(
        store,
        f"""
        SELECT coalesce(a.published_text, 'undated') AS published_text, a.outlet, a.language, a.title, a.url,
               a.word_count AS words,
               t.mean AS mean_tone, t.share_negative,
               (SELECT count(*) FROM quotes q WHERE q.article_key = a.article_key AND q.kind = 'direct') AS quotes,
               a.text IS NOT NULL AS text_bundled, a.duplicate_of AS near_duplicate_of, a.id
        FROM articles a LEFT JOIN article_tone t USING (article_key)
        WHERE {where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?""",
        [*params, limit],
    )


def filter_choices(store: Store) -> dict[str, Any]:
    """What the sidebar offers: outlets, languages, actors and speakers, and the date span."""
    outlets = [
        r[0]
        for r in store.con.execute(
            "SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet"
        ).fetchall()
    ]
    languages = [
        r[0]
        for r in store.con.execute("SELECT language FROM articles GROUP BY language ORDER BY count(*) DESC").fetchall()
    ]
    actors = [
        r[0]
        for r in store.con.execute(
            """SELECT name FROM (SELECT actor AS name FROM actor_mentions UNION ALL
                             SELECT speaker FROM quotes WHERE speaker IS NOT NULL AND kind = 'direct')
           GROUP BY name ORDER BY count(*) DESC, name"""
        ).fetchall()
    ]
    first, last = store.con.execute("SELECT min(published), max(published) FROM articles").fetchall()[0]
    return {
        "outlets": outlets,
        "languages": languages,
        "actors": actors,
        "first": first.date() if first else None,
        "last": last.date() if last else None,
    }


def data_version(store: Store) -> tuple[Any, ...]:
    """Changes whenever articles or results change: the key that refreshes cached queries."""
    return tuple(
        store.con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT max(imported_at) FROM articles), "
            "(SELECT count(*) FROM analysis_runs), (SELECT max(computed_at) FROM analysis_runs)"
        ).fetchall()[0]
    )


ARTICLE_KEYS = ("id", "title", "outlet", "author", "published_text", "language", "url", "text", "content_hash", "words")


def article_rows(
    store: Store, article_id: str
) -> tuple[dict[str, Any], pd.DataFrame, pd.DataFrame, pd.DataFrame] | None:
    """One article for the reader: its fields (ARTICLE_KEYS), and its paragraph_tone, direct quotes and
    actor_mentions rows (the result tables' columns), in text order; None for an unknown id."""
    rows = store.con.execute(
        "SELECT id, title, outlet, author, published_text, language, url, text, content_hash, word_count "
        "FROM articles WHERE id = ?",
        [article_id],
    ).fetchall()
    if not rows:
        return None
    article = dict(zip(ARTICLE_KEYS, rows[0], strict=True))
    h = article["content_hash"]
    paragraphs = query_frame(
        store, "SELECT * EXCLUDE (article_key) FROM paragraph_tone WHERE content_hash = ? ORDER BY paragraph_index", [h]
    )
    quotes = query_frame(
        store,
        "SELECT * EXCLUDE (article_key) FROM quotes WHERE content_hash = ? AND kind = 'direct' ORDER BY start_char",
        [h],
    )
    mentions = query_frame(
        store, "SELECT * EXCLUDE (article_key) FROM actor_mentions WHERE content_hash = ? ORDER BY start_char", [h]
    )
    return article, paragraphs, quotes, mentions


def ids_matching(store: Store, keyword: str) -> set[str]:
    """Ids of the articles whose title, text or one of whose quotes holds the keyword (any case)."""
    pattern = like_pattern(keyword)
    rows = store.con.execute(
        """SELECT a.id FROM articles a WHERE a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM quotes q WHERE q.article_key = a.article_key
                      AND q.quote ILIKE ? ESCAPE '\\')""",
        [pattern, pattern, pattern],
    ).fetchall()
    return {r[0] for r in rows}


def ids_naming(store: Store, actors: Sequence[str]) -> set[str]:
    """Ids of the articles that mention one of the actors or quote one of them as speaker."""
    rows = store.con.execute(
        """SELECT a.id FROM articles a WHERE
           EXISTS (SELECT 1 FROM actor_mentions m WHERE m.article_key = a.article_key
                   AND m.actor IN (SELECT unnest(?)))
           OR EXISTS (SELECT 1 FROM quotes q WHERE q.article_key = a.article_key
                      AND q.speaker IN (SELECT unnest(?)))""",
        [list(actors), list(actors)],
    ).fetchall()
    return {r[0] for r in rows}
