"""Streamlit glue: cached store reads. The only non-page module that imports streamlit."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from corpus.errors import CorpusError
from corpus.ingest import default_store_path, open_store
from dashboard.queries import article_list


def _store_version(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


@st.cache_data(show_spinner="Reading the corpus store…")
def _articles(path: str, version: float) -> pd.DataFrame:
    # The connection is opened and closed here so that the CLI can write to the
    # store while the dashboard runs; `version` (the file's mtime) refreshes the cache.
    with open_store(path, read_only=True) as store:
        return article_list(store)


def load_articles() -> pd.DataFrame | None:
    """The article list, or None after showing the store error on the page."""
    path = default_store_path()
    try:
        return _articles(str(path), _store_version(path))
    except CorpusError as exc:
        st.error(f"The corpus store could not be read: {exc}")
        return None
