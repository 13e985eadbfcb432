"""Streamlit glue: the shared store, cached views, the sidebar filters, chart blocks with downloads.

The only module outside app_pages/ that imports streamlit. Queries are cached
by the filter values and the store's data version, so a filter change runs
queries only; the store, the analysers and the export browser are resources
loaded once per process.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Concatenate, ParamSpec, TypeVar

import pandas as pd
import streamlit as st

from corpus.errors import CorpusError
from corpus.ingest import default_store_path
from corpus.store import Selection, Store
from corpus.store.bundle import load_events
from corpus.store.parquet import open_parquet_store
from corpus.store.reads import articles as article_reads
from corpus.store.reads import timelines
from dashboard import data
from dashboard.charts import language_name
from dashboard.export import Chart, PngExporter, browser_path, chart_png, csv_bytes, safe_frame, slug, zip_bytes
from dashboard.filters import Filters, to_selection
from dashboard.reader import escape
from jobs.background import BackgroundAnalysis
from jobs.bundle import open_dashboard_store

FILTERS_KEY = "filters"
P = ParamSpec("P")
T = TypeVar("T")
View = Callable[Concatenate[Store, Selection, P], T]


PARQUET_ENV = "CORPUS_PARQUET"  # a Parquet results directory (see README "Past one machine")


@st.cache_resource(show_spinner="Opening the corpus store (built from data/ on first start)…")
def _store(path: str, parquet_folder: str | None) -> Store:
    if parquet_folder:
        return open_parquet_store(parquet_folder)
    store = open_dashboard_store(path)
    # what is left to analyse, while the pages show what is done; a few seconds later, so that the
    # first page is drawn before the models load
    _background().start(store, delay=BACKGROUND_DELAY)
    return store


BACKGROUND_DELAY = 6.0


@st.cache_resource
def _background() -> BackgroundAnalysis:
    return BackgroundAnalysis()


def analysis_status() -> None:
    """The background analysis's progress, refreshed every two seconds while it runs; the page
    reruns once when it ends, so that every chart holds the new results."""
    if parquet_folder():
        return

    @st.fragment(run_every=2.0 if _background().state().running else None)
    def status() -> None:
        state = _background().state()
        if state.running:
            share = state.done / state.total if state.total else 0.0
            st.progress(share, text=f"Analysing {state.total - state.done} article(s) in the background…")
            st.session_state["analysis_was_running"] = True
        elif state.error:
            st.error(f"The background analysis stopped: {state.error}. The pages show what was analysed before.")
        elif st.session_state.pop("analysis_was_running", False):
            st.rerun()

    status()


def wait_for_background_analysis() -> None:
    """Before an import's own analysis: the background run must end first (one writer of results)."""
    if _background().state().running:
        with st.spinner("Waiting for the background analysis to finish…"):
            _background().wait()


def parquet_folder() -> str | None:
    """The Parquet dataset the dashboard reads instead of the DuckDB store, when one is set."""
    return os.environ.get(PARQUET_ENV) or None


@st.cache_resource
def png_exporter() -> PngExporter:
    return PngExporter()


_THREAD = threading.local()


def store() -> Store:
    """This thread's cursor on the process's store (made once per thread, not per query); stops the
    page with a message when the store cannot be opened."""
    try:
        shared = _store(str(default_store_path()), parquet_folder())
        cursor = getattr(_THREAD, "cursor", None)
        if cursor is None or getattr(_THREAD, "shared", None) is not shared:
            _THREAD.cursor, _THREAD.shared = shared.cursor(), shared
        cursor_of_thread: Store = _THREAD.cursor
        return cursor_of_thread
    except CorpusError as exc:
        st.error(f"The corpus store could not be opened: {exc}")
        st.stop()
        raise  # unreachable: st.stop ends the script


def version() -> tuple[Any, ...]:
    return article_reads.data_version(store())


@st.cache_data(show_spinner=False, max_entries=64)
def _choices(version_key: str) -> dict[str, Any]:  # noqa: ARG001 (the cache key)
    # keyed by the data version's text: Streamlit's cache ignores parameters named with a leading _
    return article_reads.filter_choices(store())


def choices() -> dict[str, Any]:
    """What the sidebar offers, fresh after every import or analysis."""
    return _choices(repr(version()))


CacheKey = tuple[str, Filters, str, str]
_ANSWERED: dict[CacheKey, None] = {}  # what `_cached` computed in this process, oldest first (bounded)
_READY: dict[CacheKey, Any] = {}  # what `prefetch` computed, for `_cached` to hand over
_LOCK = threading.Lock()
_PAGE_READS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="page-read")


def _view_key(view: View[..., Any]) -> str:
    return f"{view.__module__}.{view.__qualname__}"


def _cache_key(view_key: str, filters: Filters, version_key: str, options: dict[str, Any]) -> CacheKey:
    # the options by their text: a list among them would not hash, and Streamlit's cache takes it
    return (view_key, filters, version_key, repr(sorted(options.items())))


# view_key and version_key are the cache key (Streamlit does not hash _view); the body does not read them.
@st.cache_data(show_spinner="Querying…", max_entries=256)
def _cached(_view: View[..., Any], view_key: str, filters: Filters, version_key: str, **options: Any) -> Any:
    key = _cache_key(view_key, filters, version_key, options)
    with _LOCK:
        _ANSWERED[key] = None
        while len(_ANSWERED) > 512:
            del _ANSWERED[next(iter(_ANSWERED))]
        if key in _READY:
            return _READY.pop(key)
    current = store()
    return _view(current, to_selection(current, filters), **options)


def query(view: View[P, T], filters: Filters, *args: P.args, **options: P.kwargs) -> T:
    """A view or read model of the dashboard for these filters, cached by its name, the filters, the
    options and the store's data version (recomputed when the store changes)."""
    if args:
        raise TypeError("query() takes a view's options by name")
    result: T = _cached(view, _view_key(view), filters, repr(version()), **options)
    return result


def prefetch(filters: Filters, *calls: tuple[View[..., Any], dict[str, Any]]) -> None:
    """Compute side by side, each on its own cursor, the page's (view, options) calls that this
    process has not answered yet, so that the `query` calls of the page that follow find them
    ready: a page's reads then overlap instead of queueing (DuckDB releases Python's lock while
    it works). Calls answered before are left to the cache; an error is raised here, as `query`
    would raise it."""
    version_key = repr(version())
    with _LOCK:
        missing = [
            (view, options, key)
            for view, options in calls
            if (key := _cache_key(_view_key(view), filters, version_key, options)) not in _ANSWERED
            and key not in _READY
        ]
    if len(missing) < 2:
        return
    shared = store()

    def run(view: View[..., Any], options: dict[str, Any]) -> Any:
        cursor = shared.cursor()
        try:
            return view(cursor, to_selection(cursor, filters), **options)
        finally:
            cursor.close()

    pending = [(key, _PAGE_READS.submit(run, view, options)) for view, options, key in missing]
    results = {key: done.result() for key, done in pending}
    with _LOCK:
        _READY.update(results)
        while len(_READY) > 64:  # computed for a page that then stopped early: let the oldest go
            del _READY[next(iter(_READY))]


FILTER_PARAMS = ("from", "to", "outlet", "lang", "actor", "q", "copies")


S = TypeVar("S", bound=str)


def url_choice(key: str, options: Sequence[S], default: S) -> S:
    """A page control's value from the link (when it is one of the options), else the default."""
    value = st.query_params.get(key)
    return next((option for option in options if option == value), default)


def control_value(key: str, url_key: str, options: Sequence[S], default: S) -> S:
    """The value the page control `key` takes in this run, known before it is drawn (for
    `prefetch`): what the analyst last picked, else the link's value, else the default."""
    picked = st.session_state.get(key)
    return next((option for option in options if option == picked), None) or url_choice(url_key, options, default)


def url_choices(key: str, options: Sequence[str], default: Sequence[str]) -> list[str]:
    """A multi-valued page control from the link (the values that are options), else the default."""
    values = [v for v in st.query_params.get_all(key) if v in options]
    return values or list(default)


def top_up_choices(key: str, options: Sequence[str], *, least: int) -> list[str]:
    """When a filter change takes chosen values of the multiselect `key` out of its options and
    fewer than `least` remain, the first other options fill it back to `least` (before the widget
    is drawn); returns the values that left, for the page to say so."""
    held = st.session_state.get(key)
    if not isinstance(held, list):
        return []
    gone = [v for v in held if v not in options]
    kept = [v for v in held if v in options]
    if gone and len(kept) < least:
        st.session_state[key] = kept + [v for v in options if v not in kept][: least - len(kept)]
    elif gone:
        st.session_state[key] = kept
    return gone


def text_value(key: str, url_key: str, *, limit: int = 200) -> str:
    """The text a page's text control (or select box) `key` holds in this run, known before it is
    drawn (for `prefetch`): what the analyst last entered, else the link's; stripped."""
    entered = st.session_state.get(key)
    return (entered if isinstance(entered, str) else url_text(url_key, limit=limit)).strip() or ""


def url_text(key: str, *, limit: int = 200) -> str:
    return (st.query_params.get(key) or "")[:limit]


def keep_in_url(key: str, value: str | Sequence[str] | None, default: str | Sequence[str] | None = None) -> None:
    """Write a page control to the link (left out when it is the default), so the view is shareable."""
    wanted = [] if value is None else [value] if isinstance(value, str) else list(value)
    usual = [] if default is None else [default] if isinstance(default, str) else list(default)
    wanted = [v for v in wanted if v]
    if not wanted or wanted == usual:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get_all(key) != wanted:
        st.query_params[key] = wanted if len(wanted) > 1 or not isinstance(value, str) else wanted[0]


def _params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def sidebar_filters() -> Filters:
    """The filters every page shares, drawn in the sidebar and kept in the URL."""
    start_from = Filters.from_params(_params())
    store()  # opened first: the background analysis starts with it
    with st.sidebar:
        analysis_status()
    offered = choices()
    first, last = offered["first"] or dt.date(2024, 1, 1), offered["last"] or dt.date.today()
    with st.sidebar:
        st.header("Filters")
        span = st.date_input(
            "Published between",
            value=(start_from.start or first, start_from.end or last),
            min_value=min(first, start_from.start or first),
            max_value=max(last, start_from.end or last),
            key="f_dates",
        )
        outlets = st.multiselect(
            "Outlets",
            offered["outlets"],
            default=[o for o in start_from.outlets if o in offered["outlets"]],
            key="f_outlets",
            placeholder="all outlets",
        )
        languages = st.multiselect(
            "Languages",
            offered["languages"],
            format_func=language_name,
            key="f_languages",
            placeholder="all",
            default=[lang for lang in start_from.languages if lang in offered["languages"]],
        )
        actors = st.multiselect(
            "Actors or speakers",
            offered["actors"],
            key="f_actors",
            placeholder="anyone",
            default=[a for a in start_from.actors if a in offered["actors"]],
        )
        keyword = st.text_input("Keyword (titles, texts, quotes)", value=start_from.keyword, key="f_keyword")
        duplicates = st.toggle("Count syndicated copies", value=start_from.duplicates, key="f_copies")
        unknown = unknown_values(start_from, offered)
        if unknown:
            st.warning("Not in this corpus, left out of the filters: " + escape("; ".join(unknown)))
    start, end = span if isinstance(span, tuple) and len(span) == 2 else (None, None)
    filters = Filters(
        start=start if start and start != first else None,
        end=end if end and end != last else None,
        outlets=tuple(outlets),
        languages=tuple(languages),
        actors=tuple(actors),
        keyword=keyword.strip(),
        duplicates=duplicates,
    )
    if filters != start_from:
        # the filters' own parameters only: a page's controls (period, terms, open article) stay in the link
        for key in FILTER_PARAMS:
            if key in st.query_params:
                del st.query_params[key]
        st.query_params.update(filters.to_params())
    st.session_state[FILTERS_KEY] = filters
    return filters


@st.cache_data(show_spinner=False)
def events() -> pd.DataFrame:
    """The story's events (data/events.csv); they do not depend on the filters."""
    return load_events()


def unknown_values(filters: Filters, offered: dict[str, Any]) -> list[str]:
    """The values of a shared link that this corpus does not have (an outlet, a language, an actor)."""
    pairs = (("outlet", filters.outlets, "outlets"), ("language", filters.languages, "languages"))
    found = [f"{label} {value}" for label, values, key in pairs for value in values if value not in offered[key]]
    found += [f"actor {value}" for value in filters.actors if value not in offered["actors"]]
    return found


def current_filters() -> Filters:
    return st.session_state.get(FILTERS_KEY) or Filters.from_params(_params())


def require_articles(filters: Filters) -> dict[str, Any]:
    """The counts of the selection; a page with nothing to show says so and stops."""
    counts = query(timelines.counts, filters)
    if not counts["articles"]:
        st.info("No article matches these filters. Widen the dates, clear the keyword or pick other outlets.")
        st.stop()
    return counts


def dating_note(counts: dict[str, Any]) -> str:
    """How the articles of a selection are dated, said under the Overview's figures."""
    parts = []
    if counts["month_only"] or counts["year_only"]:
        parts.append(
            f"{counts['month_only']} article(s) are dated to the month only and {counts['year_only']} to the "
            "year only: date filters keep them when their month or year overlaps the dates; day and week "
            "timelines show them in the first period of their month, as a group of their own"
        )
    if counts["undated"]:
        parts.append(f"{counts['undated']} undated article(s) are counted but left off the timelines")
    if counts["without_text"]:
        parts.append(
            f"{counts['without_text']} article(s) come with their figures but without their text (bundled coverage)"
        )
    return "; ".join(parts) + "." if parts else "Every article is dated to the day."


def chart_block(chart: Chart, filters: Filters) -> None:
    """The chart, then "Download PNG" and "Download CSV" of exactly what it shows."""
    if chart.figure is not None:
        st.plotly_chart(chart.figure, key=f"chart-{chart.key}", config={"displaylogo": False})
    elif chart.image is not None:
        st.image(chart.image, caption=chart.title)
    if chart.note:
        st.caption(chart.note)
    left, right, _ = st.columns([1, 1, 4])
    exporter = png_exporter()
    caption = filters.describe()
    if chart.image is not None or exporter.available:
        left.download_button(
            "Download PNG",
            data=lambda: chart_png(chart, exporter, caption),
            file_name=f"{chart.key}.png",
            mime="image/png",
            key=f"png-{chart.key}",
            on_click="ignore",
        )
    else:
        left.caption("PNG export needs Chromium (`apt-get install chromium`); meanwhile use the chart's camera button.")
    right.download_button(
        "Download CSV",
        data=lambda: csv_bytes(chart.data),  # written when clicked, not on every run of the page
        file_name=f"{chart.key}.csv",
        mime="text/csv",
        key=f"csv-{chart.key}",
        on_click="ignore",
    )


def zip_button(page: str, charts: list[Chart], filters: Filters) -> None:
    exporter = png_exporter()
    st.download_button(
        "Download all charts (ZIP)",
        data=lambda: zip_bytes(charts, exporter if exporter.available else None, filters.describe()),
        file_name=f"{slug(page)}-charts.zip",
        mime="application/zip",
        key=f"zip-{page}",
        on_click="ignore",
    )


COLUMN_NAMES = {"published_text": "published", "n_outlets": "outlets (n)", "article_id": "article"}


def column_name(column: str) -> str:
    """A column as the tables show it: "first_outlet" -> "first outlet", "published_text" -> "published"."""
    return COLUMN_NAMES.get(column, column.replace("_", " "))


def table(frame: Any, **kwargs: Any) -> Any:
    """st.dataframe of a frame made safe for spreadsheets (its own CSV download is safe too), with
    human column names and language names; `column_config` may name the columns as the frame does."""
    shown = safe_frame(frame if hasattr(frame, "columns") else pd.DataFrame(frame))
    if "language" in shown.columns:
        shown = shown.assign(language=shown["language"].map(lambda v: language_name(v) if isinstance(v, str) else v))
    if "url" in shown.columns:  # an article without a URL (the seed) shows an empty cell, not "None"
        shown = shown.assign(url=shown["url"].map(lambda v: v if isinstance(v, str) else ""))
    shown = shown.rename(columns=column_name)
    if "column_config" in kwargs:
        kwargs["column_config"] = {column_name(k): v for k, v in kwargs["column_config"].items()}
    return st.dataframe(shown, **kwargs)


def browser_note() -> None:
    if browser_path() is None:
        st.caption("No Chromium here: charts download as CSV; use each chart's camera button for a PNG.")


@st.cache_data(show_spinner=False, max_entries=128)
def _article(article_id: str, version_key: str) -> dict[str, Any] | None:  # noqa: ARG001 (the cache key)
    return data.article_detail(store(), article_id)


def article(article_id: str) -> dict[str, Any] | None:
    return _article(article_id, repr(version()))
