"""Counts over time: articles, actors' share of voice, tone, speakers and terms per period."""

from __future__ import annotations

from typing import Any

import pandas as pd

from corpus.store.articles import Store
from corpus.store.reads.common import LOW_COUNT, Freq, GroupBy, period, query_frame
from corpus.store.selection import ALL, Selection


def counts(store: Store, sel: Selection) -> dict[str, Any]:
    """articles, outlets, languages, paragraphs, quotes, first, last, undated, without_text, and
    month_only / year_only (articles dated to the month or the year only)."""
    where, params = sel.where()
    row = store.con.execute(
        f"""SELECT count(*), count(DISTINCT a.outlet), count(DISTINCT a.language),
                   min(a.published_text), max(a.published_text), count(*) - count(a.published),
                   count(*) - count(a.text),
                   count(*) FILTER (WHERE a.published_precision = 'month'),
                   count(*) FILTER (WHERE a.published_precision = 'year'),
                   (SELECT count(*) FROM paragraph_tone p JOIN articles a USING (content_hash) WHERE {where}),
                   (SELECT count(*) FROM quotes q JOIN articles a USING (content_hash)
                    WHERE {where} AND q.kind = 'direct')
            FROM articles a WHERE {where}""",
        params * 3,
    ).fetchall()[0]
    keys = (
        "articles",
        "outlets",
        "languages",
        "first",
        "last",
        "undated",
        "without_text",
        "month_only",
        "year_only",
        "paragraphs",
        "quotes",
    )
    return dict(zip(keys, row, strict=True))


def volume(store: Store, sel: Selection, *, freq: Freq = "month", by: GroupBy = "outlet") -> pd.DataFrame:
    """Articles per period and group: columns period, group, articles. Every dated article counts
    once: one dated less precisely than the period (a month-dated article in a weekly view) is put
    in the first period of its span under the group "(dated to the month only)", so the periods
    add up to the same total at any frequency."""
    if by not in ("outlet", "language"):
        raise ValueError(f"by should be outlet or language, got {by!r}")
    where, params = sel.where()
    period_sql, extra = period(freq)
    return query_frame(
        store,
        f"""
        SELECT {period_sql} AS period,
               CASE WHEN a.published_precision IN (SELECT unnest(?)) THEN coalesce(a.{by}, '(unknown)')
                    ELSE '(dated to the ' || a.published_precision || ' only)' END AS "group",
               count(*) AS articles
        FROM articles a WHERE {where} AND a.published IS NOT NULL
        GROUP BY ALL ORDER BY period, "group" """,
        [*extra, *params],
    )


def share_of_voice(store: Store, sel: Selection, *, freq: Freq = "month", top: int = 6) -> pd.DataFrame:
    """Mentions of the most mentioned actors per period and their share of that period's
    mentions: columns period, actor, mentions, share."""
    where, params = sel.where()
    period_sql, extra = period(freq)
    frame = query_frame(
        store,
        f"""
        WITH m AS (
            SELECT {period_sql} AS period, m.actor FROM actor_mentions m JOIN articles a USING (content_hash)
            WHERE {where} AND a.published_precision IN (SELECT unnest(?))
        ), top AS (SELECT actor FROM m GROUP BY actor ORDER BY count(*) DESC, actor LIMIT ?)
        SELECT period, CASE WHEN actor IN (SELECT actor FROM top) THEN actor ELSE 'others' END AS actor,
               count(*) AS mentions
        FROM m GROUP BY ALL ORDER BY period, actor""",
        [*params, *extra, top],
    )
    if frame.empty:
        return frame.assign(share=pd.Series(dtype=float))
    frame["share"] = frame["mentions"] / frame.groupby("period")["mentions"].transform("sum")
    return frame


def tone_over_time(store: Store, sel: Selection, *, freq: Freq = "month") -> pd.DataFrame:
    """Mean paragraph tone per period, for all outlets together ("all outlets") and per outlet:
    columns period, outlet, mean_compound, paragraphs, low_count (fewer than LOW_COUNT paragraphs
    behind the mean)."""
    where, params = sel.where()
    period_sql, extra = period(freq)
    frame = query_frame(
        store,
        f"""
        WITH scored AS (
            SELECT {period_sql} AS period, coalesce(a.outlet, '(unknown)') AS outlet, p.compound
            FROM paragraph_tone p JOIN articles a USING (content_hash)
            WHERE {where} AND p.compound IS NOT NULL AND a.published_precision IN (SELECT unnest(?))
        )
        SELECT period, 'all outlets' AS outlet, avg(compound) AS mean_compound, count(*) AS paragraphs
        FROM scored GROUP BY period
        UNION ALL
        SELECT period, outlet, avg(compound), count(*) FROM scored GROUP BY period, outlet
        ORDER BY period, outlet""",
        [*params, *extra],
    )
    frame["low_count"] = frame["paragraphs"] < LOW_COUNT
    return frame


def speakers_over_time(store: Store, sel: Selection, *, freq: Freq = "month", top: int = 6) -> pd.DataFrame:
    """Quotes per period of the most quoted speakers: columns period, speaker, quotes."""
    where, params = sel.where()
    period_sql, extra = period(freq)
    return query_frame(
        store,
        f"""
        WITH q AS (
            SELECT {period_sql} AS period, q.speaker FROM quotes q JOIN articles a USING (content_hash)
            WHERE {where} AND q.kind = 'direct' AND q.speaker IS NOT NULL
              AND a.published_precision IN (SELECT unnest(?))
        ), top AS (SELECT speaker FROM q GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT ?)
        SELECT period, speaker, count(*) AS quotes FROM q WHERE speaker IN (SELECT speaker FROM top)
        GROUP BY ALL ORDER BY period, speaker""",
        [*params, *extra, top],
    )


def terms_over_time(
    store: Store, terms: list[str], selection: Selection = ALL, *, freq: Freq = "month"
) -> pd.DataFrame:
    """Counts of the given terms per period: columns period (Timestamp), term, count.
    Articles dated less precisely than the period (a month for a weekly count,
    a year, none) are left out rather than placed on an invented day."""
    period_sql, extra = period(freq)
    where, params = selection.where()
    return store.con.execute(
        f"""SELECT {period_sql} AS period, t.term, sum(t.count)::BIGINT AS count
            FROM term_counts t JOIN articles a USING (content_hash)
            WHERE {where} AND a.published_precision IN (SELECT unnest(?))
              AND t.term IN (SELECT unnest(?))
            GROUP BY period, t.term ORDER BY period, t.term""",
        [*params, *extra, terms],
    ).df()
