"""Paragraph tone of a selection: distributions, around actors, by position, extremes."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from corpus.store.articles import Store
from corpus.store.reads.common import query_frame
from corpus.store.selection import ALL, Selection


def tone_distribution(store: Store, sel: Selection) -> pd.DataFrame:
    """Paragraph labels per outlet and language: columns outlet, language, label, paragraphs, share
    (of that outlet's paragraphs in that language; languages are never pooled)."""
    where, params = sel.where()
    frame = query_frame(
        store,
        f"""
        SELECT coalesce(a.outlet, '(unknown)') AS outlet, p.language, coalesce(p.label, 'not scored') AS label,
               count(*) AS paragraphs
        FROM paragraph_tone p JOIN articles a USING (article_key) WHERE {where} AND NOT p.heading
        GROUP BY ALL ORDER BY outlet, p.language, label""",
        params,
    )
    if not frame.empty:
        frame["share"] = frame["paragraphs"] / frame.groupby(["outlet", "language"])["paragraphs"].transform("sum")
    return frame


def actor_tone_by_outlet(store: Store, sel: Selection, *, top: int = 8) -> pd.DataFrame:
    """Tone of the paragraphs naming each of the most named actors, per outlet: columns actor,
    outlet, mean_compound, paragraphs."""
    where, params = sel.where()
    # A paragraph is keyed by one integer (the article's number in this selection, shifted, plus its
    # index): the distinct (actor, paragraph) pairs and the join to the tones then hash integers
    # instead of 64-character content hashes, a third of the query's time at 100,000 articles.
    return query_frame(
        store,
        f"""
        WITH arts AS MATERIALIZED (
            SELECT row_number() OVER () AS k, a.article_key, coalesce(a.outlet, '(unknown)') AS outlet
            FROM articles a WHERE {where}
        ), named AS MATERIALIZED (
            SELECT DISTINCT m.actor, (a.k << 32) + m.paragraph_index AS paragraph
            FROM actor_mentions m JOIN arts a USING (article_key)
        ), scored AS MATERIALIZED (
            SELECT (a.k << 32) + p.paragraph_index AS paragraph, a.outlet, p.compound
            FROM paragraph_tone p JOIN arts a USING (article_key) WHERE p.compound IS NOT NULL
        ), top AS (SELECT actor FROM named GROUP BY actor ORDER BY count(*) DESC, actor LIMIT ?)
        SELECT n.actor, p.outlet, avg(p.compound) AS mean_compound, count(*) AS paragraphs
        FROM named n JOIN scored p USING (paragraph)
        WHERE n.actor IN (SELECT actor FROM top)
        GROUP BY ALL ORDER BY n.actor, p.outlet""",
        [*params, top],
    )


def actor_tone(store: Store, selection: Selection = ALL, *, rivals: Mapping[str, str | None]) -> pd.DataFrame:
    """Tone around each actor: columns actor, paragraphs, mean_compound, share_negative,
    and the same three restricted to paragraphs that do not mention the actor's rival
    (`*_without_rival`; equal to the others for actors without a rival)."""
    rival_table = pd.DataFrame(list(rivals.items()), columns=["actor", "rival"])
    where, params = selection.where()
    store.con.register("actor_rivals", rival_table)
    try:
        return store.con.execute(
            f"""
            WITH mentioned AS (
                SELECT DISTINCT m.article_key, m.paragraph_index, m.actor
                FROM actor_mentions m JOIN articles a USING (article_key) WHERE {where}
            ), scored AS (
                SELECT m.actor, r.rival, p.compound, p.label,
                       EXISTS (SELECT 1 FROM mentioned o WHERE o.article_key = m.article_key
                               AND o.paragraph_index = m.paragraph_index AND o.actor = r.rival) AS with_rival
                FROM mentioned m
                JOIN paragraph_tone p USING (article_key, paragraph_index)
                LEFT JOIN actor_rivals r ON r.actor = m.actor
                WHERE p.label IS NOT NULL
            )
            SELECT actor, count(*) AS paragraphs, avg(compound) AS mean_compound,
                   avg((label = 'negative')::INT) AS share_negative,
                   count(*) FILTER (WHERE NOT with_rival) AS paragraphs_without_rival,
                   avg(compound) FILTER (WHERE NOT with_rival) AS mean_compound_without_rival,
                   avg((label = 'negative')::INT) FILTER (WHERE NOT with_rival)
                       AS share_negative_without_rival
            FROM scored GROUP BY actor ORDER BY paragraphs DESC, actor
            """,
            params,
        ).df()
    finally:
        store.con.unregister("actor_rivals")


def position_heatmap(store: Store, sel: Selection, *, limit: int = 60) -> pd.DataFrame:
    """Tone by paragraph position for the most recent articles: columns article (label),
    article_id, paragraph_index, compound, label."""
    where, params = sel.where()
    return query_frame(
        store,
        f"""
        WITH chosen AS (
            SELECT a.id, a.article_key, coalesce(a.outlet, '?') || ' · ' || coalesce(a.published_text, 'undated')
                   || ' · ' || left(coalesce(a.title, a.id), 40) AS article, a.published
            FROM articles a WHERE {where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?
        )
        SELECT c.article, c.id AS article_id, p.paragraph_index, p.compound, p.label
        FROM chosen c JOIN paragraph_tone p USING (article_key)
        ORDER BY c.published DESC NULLS LAST, c.id, p.paragraph_index""",
        [*params, limit],
    )


def extreme_paragraphs(store: Store, sel: Selection, *, n: int = 5) -> pd.DataFrame:
    """The most negative and most positive paragraphs: columns side, compound, label, article_id,
    title, outlet, published_text, url, paragraph_index, text (None where the text is not bundled)."""
    where, params = sel.where()
    parts = []
    for side, order in (("most negative", "ASC"), ("most positive", "DESC")):
        # the n paragraphs are found on the narrow columns first; only they then fetch their
        # article's text and title (carrying every text through the sort cost most of the page)
        parts.append(
            query_frame(
                store,
                f"""
            WITH chosen AS (
                SELECT a.id, p.paragraph_index, p.compound, p.label, p.start_char, p.end_char
                FROM paragraph_tone p JOIN articles a USING (article_key)
                WHERE {where} AND p.compound IS NOT NULL
                ORDER BY p.compound {order}, a.id, p.paragraph_index LIMIT ?
            )
            SELECT '{side}' AS side, c.compound, c.label, a.id AS article_id, a.title, a.outlet,
                   a.published_text, a.url, c.paragraph_index,
                   CASE WHEN a.text IS NULL THEN NULL ELSE substring(a.text, c.start_char + 1,
                        c.end_char - c.start_char) END AS text
            FROM chosen c JOIN articles a USING (id)
            ORDER BY c.compound {order}, a.id, c.paragraph_index""",
                [*params, n],
            )
        )
    return pd.concat(parts, ignore_index=True)
