"""Quotes of a selection: speakers, search, who speaks about whom, each wording summed up."""

from __future__ import annotations

import pandas as pd

from corpus.store.articles import Store
from corpus.store.reads.common import query_frame
from corpus.store.selection import ALL, Selection, like_pattern

# the words of a quote, and its wording folded (case, punctuation, spacing) to count distinct quotes
QUOTE_WORDS = r"len(regexp_split_to_array(trim(q.quote), '\s+'))"
QUOTE_KEY = r"trim(regexp_replace(lower(q.quote), '[^[:alnum:]]+', ' ', 'g'))"


def top_speakers(store: Store, sel: Selection, *, n: int = 15, min_words: int = 1) -> pd.DataFrame:
    """Most quoted speakers: columns speaker, distinct_quotes (the same words carried by several
    articles count once), quotes (every occurrence), outlets, articles; only quotes of at least
    `min_words` words (a one-word epithet is a quote too, but not a statement). Most distinct first."""
    where, params = sel.where()
    longer = f"AND {QUOTE_WORDS} >= ?" if min_words > 1 else ""
    return query_frame(
        store,
        f"""
        SELECT q.speaker, count(DISTINCT {QUOTE_KEY}) AS distinct_quotes, count(*) AS quotes,
               count(DISTINCT a.outlet) AS outlets, count(DISTINCT a.id) AS articles
        FROM quotes q JOIN articles a USING (article_key)
        WHERE {where} AND q.kind = 'direct' AND q.speaker IS NOT NULL {longer}
        GROUP BY q.speaker ORDER BY distinct_quotes DESC, quotes DESC, q.speaker LIMIT ?""",
        [*params, *([min_words] if min_words > 1 else []), n],
    )


def quote_search(
    store: Store, sel: Selection, *, text: str = "", speaker: str | None = None, limit: int = 500
) -> pd.DataFrame:
    """Quotes matching a text and a speaker: columns published_text, outlet, speaker, quote, context
    (the paragraph, or "(text not bundled)"), title, url, article_id, resolution, confidence."""
    where, params = sel.where()
    extra, extra_params = "", []
    if text:
        extra += " AND q.quote ILIKE ? ESCAPE '\\'"
        extra_params.append(like_pattern(text))
    if speaker:
        extra += " AND q.speaker = ?"
        extra_params.append(speaker)
    # the `limit` quotes are found on narrow columns first; only they fetch their article's text,
    # title and paragraph (carrying every text through the sort cost most of the query)
    return query_frame(
        store,
        f"""
        WITH found AS (
            SELECT q.article_key, q.paragraph_index, q.start_char, q.quote, q.speaker, q.resolution,
                   q.confidence, a.id, a.published
            FROM quotes q JOIN articles a USING (article_key)
            WHERE {where} AND q.kind = 'direct' {extra}
            ORDER BY a.published DESC NULLS LAST, a.id, q.start_char LIMIT ?
        )
        SELECT a.published_text, a.outlet, coalesce(f.speaker, 'unresolved') AS speaker, f.quote,
               CASE WHEN a.text IS NULL THEN '(text not bundled)' ELSE substring(a.text, p.start_char + 1,
                    p.end_char - p.start_char) END AS context,
               a.title, a.url, a.id AS article_id, f.resolution, f.confidence
        FROM found f JOIN articles a USING (id)
        LEFT JOIN paragraph_tone p ON p.article_key = f.article_key AND p.paragraph_index = f.paragraph_index
        ORDER BY f.published DESC NULLS LAST, f.id, f.start_char""",
        [*params, *extra_params, limit],
    )


def speaker_about(store: Store, sel: Selection, *, top: int = 10) -> pd.DataFrame:
    """Who said what about whom: actors named inside each speaker's quotes: columns speaker, about,
    quotes, mean_compound (tone of the quotes' paragraphs). A quote lies within its paragraph (quotes
    are found paragraph by paragraph), so mentions are paired with quotes of their paragraph only."""
    where, params = sel.where()
    return query_frame(
        store,
        f"""
        SELECT q.speaker, m.actor AS about, count(DISTINCT (q.article_key, q.start_char)) AS quotes,
               avg(p.compound) AS mean_compound
        FROM quotes q JOIN articles a USING (article_key)
        JOIN actor_mentions m ON m.article_key = q.article_key AND m.paragraph_index = q.paragraph_index
             AND m.start_char >= q.start_char AND m.end_char <= q.end_char
        LEFT JOIN paragraph_tone p ON p.article_key = q.article_key AND p.paragraph_index = q.paragraph_index
        WHERE {where} AND q.kind = 'direct' AND q.speaker IS NOT NULL AND m.actor <> q.speaker
        GROUP BY ALL ORDER BY quotes DESC, q.speaker, about LIMIT ?""",
        [*params, top * top],
    )


def quote_wordings(store: Store, selection: Selection = ALL, *, kind: str = "direct") -> pd.DataFrame:
    """Each wording of the selection's quotes summed up: columns quote, occurrences, outlets (list),
    first_article, first_outlet, first_published (the earliest appearance, undated last, then by
    article id), speakers (dict: speaker -> occurrences naming them); in the order of first
    appearance (then of place in the article). A quote reprinted by a thousand articles is one row."""
    where, params = selection.where()
    first = "(a.published IS NULL, a.published, a.id)"
    return store.con.execute(
        f"""SELECT q.quote, count(*) AS occurrences, list(DISTINCT coalesce(a.outlet, '(unknown)')) AS outlets,
                   arg_min(a.id, {first}) AS first_article, arg_min(a.outlet, {first}) AS first_outlet,
                   arg_min(a.published, {first}) AS first_published,
                   histogram(q.speaker) FILTER (WHERE q.speaker IS NOT NULL) AS speakers
            FROM quotes q JOIN articles a USING (article_key)
            WHERE {where} AND q.kind = ?
            GROUP BY q.quote ORDER BY min((a.published IS NULL, a.published, a.id, q.start_char)), q.quote""",
        [*params, kind],
    ).df()
