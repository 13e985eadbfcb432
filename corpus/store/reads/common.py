"""What the read models share: running a query into a frame, periods by date precision."""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd

from corpus.store.articles import Store
from corpus.store.selection import Selection

Freq = Literal["day", "week", "month"]
FREQS: tuple[Freq, ...] = ("day", "week", "month")
GroupBy = Literal["outlet", "language"]
GROUP_BYS: tuple[GroupBy, ...] = ("outlet", "language")
PRECISE_ENOUGH = {
    "day": ("day", "minute", "second"),
    "week": ("day", "minute", "second"),
    "month": ("month", "day", "minute", "second"),
}
LOW_COUNT = 5  # a mean over fewer paragraphs is flagged


def query_frame(store: Store, sql: str, params: list[Any]) -> pd.DataFrame:
    return store.con.execute(sql, params).df()


def period(freq: Freq) -> tuple[str, list[Any]]:
    """The SQL period expression of `freq` and the parameter listing the date precisions it can place."""
    if freq not in FREQS:
        raise ValueError(f"freq should be one of {FREQS}, got {freq!r}")
    return f"date_trunc('{freq}', a.published)", [list(PRECISE_ENOUGH[freq])]


def dated_articles(sel: Selection, freq: Freq, *columns: str) -> tuple[str, list[Any]]:
    """A CTE `arts`: the selection's articles dated precisely enough for `freq`, with their
    article_key, period and the article `columns` named; and its parameters.

    The period is computed once per article, before any join: truncating a zoned timestamp
    costs a calendar computation, and done after the join to paragraphs or mentions it ran once
    per joined row (a million at 100,000 articles, most of a query's time)."""
    where, params = sel.where()
    period_sql, extra = period(freq)
    extra_columns = "".join(f", a.{column}" for column in columns)
    return (
        f"""arts AS MATERIALIZED (
            SELECT a.article_key, {period_sql} AS period{extra_columns} FROM articles a
            WHERE {where} AND a.published_precision IN (SELECT unnest(?)))""",
        [*params, *extra],
    )
