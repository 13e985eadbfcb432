"""What the read models share: running a query into a frame, periods by date precision."""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd

from corpus.store.articles import Store

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
