"""Side by side: the languages of a selection, or a few of its outlets, with the n behind
every figure (a mean over three paragraphs is not a finding)."""

from __future__ import annotations

import pandas as pd

from corpus.store.articles import Store
from corpus.store.reads.common import LOW_COUNT, Freq, dated_articles, query_frame
from corpus.store.selection import Selection

SIDES = ("language", "outlet")


def _side(by: str) -> str:
    if by not in SIDES:
        raise ValueError(f"by should be one of {SIDES}, got {by!r}")
    return f"coalesce(a.{by}, '(unknown)')"


def summary(store: Store, sel: Selection, *, by: str) -> pd.DataFrame:
    """One row per language (or outlet): columns side, articles, outlets, paragraphs (scored),
    mean_compound, share_negative, share_positive, quotes (direct), speakers (distinct),
    low_count (fewer than LOW_COUNT scored paragraphs behind the mean). Tone is over the
    paragraphs in the side's own language scoring; languages are never pooled in one mean."""
    side = _side(by)
    where, params = sel.where()
    frame = query_frame(
        store,
        f"""
        WITH arts AS (SELECT {side} AS side, a.* FROM articles a WHERE {where}),
        tone AS (
            SELECT s.side, count(*) AS paragraphs, avg(p.compound) AS mean_compound,
                   avg((p.label = 'negative')::INT) AS share_negative,
                   avg((p.label = 'positive')::INT) AS share_positive
            FROM paragraph_tone p JOIN arts s USING (article_key)
            WHERE p.compound IS NOT NULL AND NOT p.heading GROUP BY s.side
        ),
        said AS (
            SELECT s.side, count(*) AS quotes, count(DISTINCT q.speaker) AS speakers
            FROM quotes q JOIN arts s USING (article_key) WHERE q.kind = 'direct' GROUP BY s.side
        )
        SELECT s.side, count(*) AS articles, count(DISTINCT s.outlet) AS outlets,
               coalesce(any_value(t.paragraphs), 0) AS paragraphs, any_value(t.mean_compound) AS mean_compound,
               any_value(t.share_negative) AS share_negative, any_value(t.share_positive) AS share_positive,
               coalesce(any_value(q.quotes), 0) AS quotes, coalesce(any_value(q.speakers), 0) AS speakers
        FROM arts s LEFT JOIN tone t USING (side) LEFT JOIN said q USING (side)
        GROUP BY s.side ORDER BY articles DESC, s.side""",
        params,
    )
    frame["low_count"] = frame["paragraphs"] < LOW_COUNT
    return frame


def tone_over_time(store: Store, sel: Selection, *, by: str, freq: Freq = "month") -> pd.DataFrame:
    """Mean paragraph tone per period and language (or outlet): columns period, side,
    mean_compound, paragraphs, low_count. Articles dated less precisely than the period are
    left out (their day is unknown), never placed on an invented one."""
    side = _side(by)
    arts, params = dated_articles(sel, freq, by)
    frame = query_frame(
        store,
        f"""
        WITH {arts}
        SELECT a.period, {side} AS side, avg(p.compound) AS mean_compound, count(*) AS paragraphs
        FROM paragraph_tone p JOIN arts a USING (article_key)
        WHERE p.compound IS NOT NULL AND NOT p.heading
        GROUP BY ALL ORDER BY a.period, side""",
        params,
    )
    frame["low_count"] = frame["paragraphs"] < LOW_COUNT
    return frame


def label_shares(store: Store, sel: Selection, *, by: str) -> pd.DataFrame:
    """Paragraph labels per language (or outlet): columns side, label, paragraphs, share (of the side's)."""
    side = _side(by)
    where, params = sel.where()
    frame = query_frame(
        store,
        f"""
        SELECT {side} AS side, p.label, count(*) AS paragraphs
        FROM paragraph_tone p JOIN articles a USING (article_key)
        WHERE {where} AND p.label IS NOT NULL AND NOT p.heading
        GROUP BY ALL ORDER BY side, p.label""",
        params,
    )
    if not frame.empty:
        frame["share"] = frame["paragraphs"] / frame.groupby("side")["paragraphs"].transform("sum")
    return frame


def speakers(store: Store, sel: Selection, *, by: str, top: int = 6) -> pd.DataFrame:
    """Who each language's (or outlet's) articles quote: columns side, speaker, quotes, share (of
    the side's direct quotes with a speaker), for the `top` speakers of the whole selection and
    "others"."""
    side = _side(by)
    where, params = sel.where()
    frame = query_frame(
        store,
        f"""
        WITH q AS (
            SELECT {side} AS side, q.speaker FROM quotes q JOIN articles a USING (article_key)
            WHERE {where} AND q.kind = 'direct' AND q.speaker IS NOT NULL
        ), top AS (SELECT speaker FROM q GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT ?)
        SELECT side, CASE WHEN speaker IN (SELECT speaker FROM top) THEN speaker ELSE 'others' END AS speaker,
               count(*) AS quotes
        FROM q GROUP BY ALL ORDER BY side, quotes DESC, speaker""",
        [*params, top],
    )
    if not frame.empty:
        frame["share"] = frame["quotes"] / frame.groupby("side")["quotes"].transform("sum")
    return frame


def largest_outlets(store: Store, sel: Selection, *, n: int = 2) -> list[str]:
    """The `n` outlets with the most articles in the selection (ties by name)."""
    where, params = sel.where()
    rows = store.con.execute(
        f"""SELECT a.outlet FROM articles a WHERE {where} AND a.outlet IS NOT NULL
            GROUP BY a.outlet ORDER BY count(*) DESC, a.outlet LIMIT ?""",
        [*params, n],
    ).fetchall()
    return [row[0] for row in rows]
