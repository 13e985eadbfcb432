"""Counts over time: articles, actors' share of voice, tone, speakers and terms per period."""

from __future__ import annotations

from typing import Any

import pandas as pd

from corpus.store.articles import Store
from corpus.store.reads.common import LOW_COUNT, Freq, GroupBy, dated_articles, period, query_frame
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
                   (SELECT count(*) FROM paragraph_tone p JOIN articles a USING (article_key) WHERE {where}),
                   (SELECT count(*) FROM quotes q JOIN articles a USING (article_key)
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
    arts, params = dated_articles(sel, freq)
    frame = query_frame(
        store,
        f"""
        WITH {arts},
        m AS (
            SELECT a.period, m.actor, count(*) AS n FROM actor_mentions m JOIN arts a USING (article_key) GROUP BY ALL
        ),
        top AS (SELECT actor FROM m GROUP BY actor ORDER BY sum(n) DESC, actor LIMIT ?)
        SELECT period, CASE WHEN actor IN (SELECT actor FROM top) THEN actor ELSE 'others' END AS actor,
               sum(n)::BIGINT AS mentions
        FROM m GROUP BY ALL ORDER BY period, actor""",
        [*params, top],
    )
    if frame.empty:
        return frame.assign(share=pd.Series(dtype=float))
    frame["share"] = frame["mentions"] / frame.groupby("period")["mentions"].transform("sum")
    return frame


def tone_over_time(store: Store, sel: Selection, *, freq: Freq = "month") -> pd.DataFrame:
    """Mean paragraph tone per period, for all outlets together ("all outlets") and per outlet:
    columns period, outlet, mean_compound, paragraphs, low_count (fewer than LOW_COUNT paragraphs
    behind the mean)."""
    arts, params = dated_articles(sel, freq, "outlet")
    frame = query_frame(
        store,
        f"""
        WITH {arts},
        scored AS (
            SELECT a.period, coalesce(a.outlet, '(unknown)') AS outlet, p.compound
            FROM paragraph_tone p JOIN arts a USING (article_key) WHERE p.compound IS NOT NULL
        )
        SELECT period, 'all outlets' AS outlet, avg(compound) AS mean_compound, count(*) AS paragraphs
        FROM scored GROUP BY period
        UNION ALL
        SELECT period, outlet, avg(compound), count(*) FROM scored GROUP BY period, outlet
        ORDER BY period, outlet""",
        params,
    )
    frame["low_count"] = frame["paragraphs"] < LOW_COUNT
    return frame


def speakers_over_time(store: Store, sel: Selection, *, freq: Freq = "month", top: int = 6) -> pd.DataFrame:
    """Quotes per period of the most quoted speakers: columns period, speaker, quotes."""
    arts, params = dated_articles(sel, freq)
    return query_frame(
        store,
        f"""
        WITH {arts},
        q AS (
            SELECT a.period, q.speaker FROM quotes q JOIN arts a USING (article_key)
            WHERE q.kind = 'direct' AND q.speaker IS NOT NULL
        ), top AS (SELECT speaker FROM q GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT ?)
        SELECT period, speaker, count(*) AS quotes FROM q WHERE speaker IN (SELECT speaker FROM top)
        GROUP BY ALL ORDER BY period, speaker""",
        [*params, top],
    )


def terms_over_time(
    store: Store, terms: list[str], selection: Selection = ALL, *, freq: Freq = "month"
) -> pd.DataFrame:
    """Counts of the given terms per period: columns period (Timestamp), term, count.
    Articles dated less precisely than the period (a month for a weekly count,
    a year, none) are left out rather than placed on an invented day."""
    arts, params = dated_articles(selection, freq)
    return store.con.execute(
        f"""WITH {arts}
            SELECT g.period, i.term, g.count FROM (
                SELECT a.period, t.term_id, sum(t.count)::BIGINT AS count
                FROM term_counts t JOIN arts a USING (article_key)
                WHERE t.term_id IN (SELECT term_id FROM term_ids WHERE term IN (SELECT unnest(?)))
                GROUP BY a.period, t.term_id
            ) g JOIN term_ids i USING (term_id) ORDER BY g.period, i.term""",
        [*params, terms],
    ).df()
