"""Read-only queries over the store for the dashboard: DataFrames, no Streamlit."""

from __future__ import annotations

import pandas as pd

from corpus.store import Store

ARTICLE_LIST_COLUMNS = (
    "id",
    "published",
    "published_text",
    "published_precision",
    "outlet",
    "language",
    "title",
    "url",
    "word_count",
    "duplicate_of",
)


def article_list(store: Store) -> pd.DataFrame:
    """One row per article: ARTICLE_LIST_COLUMNS, newest first, undated last."""
    columns = ", ".join(ARTICLE_LIST_COLUMNS)
    return store.con.execute(f"SELECT {columns} FROM articles ORDER BY published DESC NULLS LAST, id").df()


def monthly_volume(articles: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Articles per month and `by` group. Reads published, published_precision and `by`;
    returns month (Timestamp), `by`, articles. Undated and year-only articles are left out.
    """
    dated = articles[articles["published"].notna() & (articles["published_precision"] != "year")]
    if dated.empty:
        return pd.DataFrame({"month": pd.Series(dtype="datetime64[ns]"), by: [], "articles": []})
    months = pd.to_datetime(dated["published_text"].str.slice(0, 7), format="%Y-%m")
    frame = pd.DataFrame({"month": months, by: dated[by].fillna("(unknown)")})
    return frame.groupby(["month", by]).size().rename("articles").reset_index()
