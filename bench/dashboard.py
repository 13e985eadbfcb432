"""Dashboard server time: python -m bench.dashboard [--sizes 1000 10000 100000] [--browser].

Builds the bundled store (seed article and coverage), scales it up synthetically
to each size (copies of the bundled articles and of their results, spread over
the dates), and prints, for a filtered view (one language and a date range) with
cold caches as a filter change has them:
- each page's work: every query and view the page script asks for with its
  default controls (PAGES mirrors app_pages/), and each main query alone;
- with --browser, at the largest size: the real server's script run of each page,
  from the browser's request to Streamlit's "script finished" message, read on
  the websocket of a real Chromium (Streamlit's own work included).
Then: the time of a cold start to the first chart (a new process: imports,
store, overview), the warm PNG export time per chart, a page's ZIP, and with
--browser the time until a real Chromium shows the first chart on a fresh clone
and how long a filter change takes to settle there at 10,000 articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from corpus.ingest import open_store
from corpus.store import Store, parquet
from corpus.store.concurrent import side_by_side
from corpus.store.reads import articles, compare, quotes, timelines, tone
from corpus.store.schema import KEY
from dashboard import data, views
from dashboard.export import PngExporter, _cloud, browser_path, chart_png, zip_bytes
from dashboard.filters import Filters, to_selection
from dashboard.views import PAGE_CHARTS
from jobs.bundle import build_new_store

ROOT = Path(__file__).resolve().parents[1]

# the copies carry their analysis record too, so that a dashboard on the scaled store finds it analysed
RESULT_TABLES = ("paragraph_tone", "article_tone", "actor_mentions", "quotes", "term_counts", "analysis_runs")
FILTERS = Filters(start=dt.date(2024, 6, 1), end=dt.date(2026, 3, 31), languages=("en",))


def _counts(s: Store, sel: Any) -> Any:
    return timelines.counts(s, sel)


def _overview(store: Store, sel: Any) -> None:
    side_by_side(store, lambda s: _counts(s, sel), lambda s: views.overview_charts(s, sel))


def _sentiment(store: Store, sel: Any) -> None:
    side_by_side(
        store,
        lambda s: _counts(s, sel),
        lambda s: views.sentiment_charts(s, sel),
        lambda s: tone.extreme_paragraphs(s, sel),
    )


def _quotes(store: Store, sel: Any) -> None:
    side_by_side(
        store,
        lambda s: _counts(s, sel),
        lambda s: views.quote_charts(s, sel),
        lambda s: quotes.top_speakers(s, sel, n=50),
        lambda s: quotes.quote_search(s, sel, text="", speaker=None),
        lambda s: data.shared_quotes(s, sel),
    )


def _keywords(store: Store, sel: Any) -> None:
    _, terms = side_by_side(store, lambda s: _counts(s, sel), lambda s: views.picker_terms(s, sel))
    views.keyword_charts(store, sel, terms=tuple(terms[:4]))


def _languages(store: Store, sel: Any) -> None:
    side_by_side(store, lambda s: _counts(s, sel), lambda s: views.language_charts(s, sel))


def _outlets(store: Store, sel: Any) -> None:
    _, offered = side_by_side(store, lambda s: _counts(s, sel), lambda s: compare.largest_outlets(s, sel, n=200))
    views.outlet_charts(store, sel, outlets=tuple(offered[:2]))


def _articles(store: Store, sel: Any) -> None:
    side_by_side(store, lambda s: _counts(s, sel), lambda s: articles.article_list(s, sel))


# What each page script asks of the core with its default controls, grouped as the page prefetches
# them (ui.prefetch: side by side, each on its own cursor); keep in step with app_pages/.
PAGES: dict[str, Any] = {
    "overview": _overview,
    "sentiment": _sentiment,
    "quotes": _quotes,
    "keywords": _keywords,
    "languages": _languages,
    "outlets": _outlets,
    "articles": _articles,
}
QUERIES = {
    "counts": lambda s, sel: timelines.counts(s, sel),
    "volume": lambda s, sel: timelines.volume(s, sel),
    "tone_over_time": lambda s, sel: timelines.tone_over_time(s, sel),
    "share_of_voice": lambda s, sel: timelines.share_of_voice(s, sel),
    "tone_distribution": lambda s, sel: tone.tone_distribution(s, sel),
    "top_speakers": lambda s, sel: quotes.top_speakers(s, sel),
    "quote_search": lambda s, sel: quotes.quote_search(s, sel, text="billion"),
    "article_list": lambda s, sel: articles.article_list(s, sel),
}


def scale(store: Store, size: int) -> None:
    """Copies of every article and of its results until the store holds `size` articles."""
    con = store.con
    base = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    copies = max(0, -(-size // base) - 1)
    con.execute(f"CREATE TEMP TABLE k AS SELECT range AS k FROM range(1, {copies + 1})")
    last = con.execute(f"SELECT coalesce(max({KEY}), 0) FROM content_keys").fetchall()[0][0]
    con.execute(f"""
        INSERT INTO articles SELECT a.* REPLACE (
            a.id || '-s' || k AS id, a.url || '?s=' || k AS url, a.canonical_url || '?s=' || k AS canonical_url,
            a.content_hash || '-s' || k AS content_hash, {last} + row_number() OVER (ORDER BY k, a.id) AS {KEY},
            a.published + to_days(CAST((k * 37) % 200 - 100 AS INTEGER)) AS published)
        FROM articles a CROSS JOIN k ORDER BY k, a.id LIMIT {size - base}""")
    con.execute(f"INSERT INTO content_keys SELECT content_hash, {KEY} FROM articles WHERE {KEY} > {last}")
    for table in RESULT_TABLES:
        keyed = f", c.{KEY} AS {KEY}" if table != "analysis_runs" else ""
        # each copy's rows together, as an import writes an article's results
        con.execute(f"""
            INSERT INTO {table} SELECT t.* REPLACE (c.content_hash AS content_hash{keyed})
            FROM {table} t CROSS JOIN k JOIN content_keys c ON c.content_hash = t.content_hash || '-s' || k.k
            ORDER BY c.{KEY}""")
    con.execute("DROP TABLE k")


def page_work(name: str, store: Store) -> None:
    """A page's server work for FILTERS: the filters resolved, then what the page asks for."""
    PAGES[name](store, to_selection(store, FILTERS))


def timed(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        _cloud.cache_clear()  # every run draws its word cloud: no warm cache in the figures
        views.forget_selections()  # nor the terms kept for the filters of the last pages
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_start(db: Path) -> float:
    code = (
        "import time; t=time.perf_counter()\n"
        "from corpus.store import Store\nfrom dashboard.filters import Filters, to_selection\n"
        "from dashboard.views import overview_charts\n"
        f"s=Store({str(db)!r}, read_only=True); overview_charts(s, to_selection(s, Filters()))\n"
        "print(time.perf_counter()-t)"
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def _metric_text(page: Any, label: str) -> str:
    box = page.locator("[data-testid='stMetric']").filter(has_text=label)
    return str(box.locator("[data-testid='stMetricValue']").inner_text())


def browser_timings(db: Path, *, fresh: bool) -> dict[str, float] | None:
    """In a real Chromium: how long the server takes to start (`make run`'s preparation
    included), then seconds from the server's first answer to the first chart, and, on a store
    that is there already, from a filter change (Languages: French) until the page has settled on
    the new figures. `fresh`: `db` does not exist yet and is built on first start. The browser is
    started before the server, as an analyst's browser is open already."""
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        return None
    if browser_path() is None:
        return None
    from tests.browser.dashboard import CHROMIUM_ARGS, dashboard

    timings: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        started = time.perf_counter()
        with dashboard(db) as url:
            answered = time.perf_counter()
            timings["server start"] = answered - started
            page.goto(url)
            page.locator(".js-plotly-plot").first.wait_for(timeout=120_000)
            timings["first chart after the server answers"] = time.perf_counter() - answered
            if not fresh:
                expect(page.locator("[data-testid='stMetric']").first).to_be_visible(timeout=60_000)
                before = _metric_text(page, "Articles")
                page.locator("[data-testid='stMultiSelect']").filter(has_text="Languages").click()
                start = time.perf_counter()
                page.get_by_role("option", name="French", exact=True).click()
                expect(
                    page.locator("[data-testid='stMetric']")
                    .filter(has_text="Articles")
                    .locator("[data-testid='stMetricValue']")
                ).not_to_have_text(before, timeout=60_000)
                page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=60_000)
                timings["filter change settled"] = time.perf_counter() - start
        browser.close()
    return timings


def script_times(db: Path, repeat: int = 3) -> dict[str, dict[str, float]] | None:
    """Each page's script run in the real server for FILTERS, read on the page's websocket from the
    browser's request to run it to Streamlit's "script finished" message, median of `repeat`:
    - "new session": the page opened by its link (a new session: Streamlit's session start, and
      the browser loading its code on the same cores, included);
    - "filter change": on the open page, English and French selected, French removed from the
      languages (the page re-runs in its session, as when an analyst changes a filter);
    - "settled": the same filter change until the page has drawn the new figures.
    Every run is cold: each moves the start date a day, so no cached read answers it."""
    try:
        from playwright.sync_api import sync_playwright
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    except ImportError:
        return None
    if browser_path() is None:
        return None
    from tests.browser.dashboard import CHROMIUM_ARGS, dashboard

    runs: list[list[float]] = []  # [requested, finished] per script run

    def listen(ws: Any) -> None:
        def sent(payload: bytes | str) -> None:
            if isinstance(payload, bytes):
                message = BackMsg()
                message.ParseFromString(payload)
                if message.HasField("rerun_script"):
                    runs.append([time.perf_counter(), 0.0])

        def received(payload: bytes | str) -> None:
            if isinstance(payload, bytes):
                message = ForwardMsg()
                message.ParseFromString(payload)
                if message.HasField("script_finished") and runs and not runs[-1][1]:
                    runs[-1][1] = time.perf_counter()

        ws.on("framesent", sent)
        ws.on("framereceived", received)

    def one_run(page: Any, name: str) -> float:
        deadline = time.monotonic() + 120
        while not (runs and runs[0][1]) and time.monotonic() < deadline:
            page.wait_for_timeout(10)
        if not (runs and runs[0][1]):
            raise RuntimeError(f"the {name} page did not finish its run within 120 s")
        page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=60_000)
        return runs[0][1] - runs[0][0]

    found: dict[str, dict[str, float]] = {}
    with dashboard(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("websocket", listen)
        page.goto(url)  # the process's first run (the store opened) is not a page's time
        page.locator(".js-plotly-plot").first.wait_for(timeout=120_000)
        shift = 0
        for name in PAGES:
            times: dict[str, list[float]] = {"new session": [], "filter change": [], "settled": []}
            path = f"{url}/{'' if name == 'overview' else name}"
            for _ in range(repeat):
                shift += 1
                start = (FILTERS.start or dt.date(2024, 6, 1)) + dt.timedelta(days=shift)
                runs.clear()
                page.goto(f"{path}?from={start}&to={FILTERS.end}&lang=en")
                times["new session"].append(one_run(page, name))
                shift += 1
                start = (FILTERS.start or dt.date(2024, 6, 1)) + dt.timedelta(days=shift)
                runs.clear()
                page.goto(f"{path}?from={start}&to={FILTERS.end}&lang=en&lang=fr")
                one_run(page, name)
                page.locator("[data-testid='stMultiSelect']").filter(has_text="Languages").locator("input").click()
                page.keyboard.press("Escape")
                runs.clear()
                clicked = time.perf_counter()
                page.locator("[data-testid='stMultiSelect']").filter(has_text="Languages").locator("input").press(
                    "Backspace"
                )
                times["filter change"].append(one_run(page, name))
                times["settled"].append(time.perf_counter() - clicked)
                if "French" in page.locator("[data-testid='stMultiSelect']").filter(has_text="Languages").inner_text():
                    raise RuntimeError(f"the {name} page still shows French after it was removed")
                if name != "articles" and not page.locator(".js-plotly-plot").count():
                    raise RuntimeError(f"the {name} page shows no chart after the filter change: nothing was timed")
            found[name] = {kind: statistics.median(values) for kind, values in times.items()}
        browser.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--browser", action="store_true", help="also time a real Chromium to the first chart")
    parser.add_argument("--parquet", action="store_true", help="also time each size over a Parquet dataset")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bundled = Path(tmp) / "bundled.duckdb"
        open_store(bundled, on_create=build_new_store).close()
        print(f"cold start to the first chart (new process, bundled store): {cold_start(bundled):.2f} s")
        if args.browser:
            fresh = browser_timings(Path(tmp) / "fresh" / "store.duckdb", fresh=True)
            print(
                "fresh clone (store built on first start), Chromium: "
                + ", ".join(f"{k} {v:.2f} s" for k, v in fresh.items())
                if fresh
                else "browser timing: no Chromium or Playwright here"
            )
        exporter = PngExporter()
        if exporter.available:
            with Store(bundled, read_only=True) as store:
                charts = PAGE_CHARTS["overview"](store, to_selection(store, Filters()))
                start = time.perf_counter()
                chart_png(charts[0], exporter, "all articles")
                first = time.perf_counter() - start
                warm = timed(lambda: chart_png(charts[1], exporter, "all articles"), repeat=5)
                page_zip = timed(lambda: zip_bytes(charts, exporter, "all articles"), repeat=3)
            exporter.close()
            print(
                f"PNG export: first {first:.2f} s (browser start), warm {warm:.3f} s per chart, "
                f"overview ZIP ({len(charts)} charts) {page_zip:.2f} s"
            )
        else:
            print("PNG export: no Chromium on PATH")
        print(f"\nserver work of each page for a filtered view ({FILTERS.describe()}), median of 3, cold caches:")
        print(f"{'articles':>9}  " + "  ".join(f"{name:>10}" for name in PAGES))
        query_rows = []
        for size in args.sizes:
            db = Path(tmp) / f"scaled-{size}.duckdb"
            shutil.copy(bundled, db)
            with Store(db) as store:
                scale(store, size)
                cells = [timed(lambda n=name, s=store: page_work(n, s)) for name in PAGES]
                selection = to_selection(store, FILTERS)
                query_rows.append(
                    (size, [timed(lambda q=query, s=store, sel=selection: q(s, sel)) for query in QUERIES.values()])
                )
                count = store.count()
                if args.parquet:
                    parquet.export_store(store, Path(tmp) / f"parquet-{size}")
            print(f"{count:>9,}  " + "  ".join(f"{seconds * 1000:>8.0f}ms" for seconds in cells))
            if args.browser and size == 10_000:
                found = browser_timings(db, fresh=False)
                if found:
                    print("           Chromium at 10,000: " + ", ".join(f"{k} {v:.2f} s" for k, v in found.items()))
            if args.browser and size == max(args.sizes):
                runs = script_times(db)
                if runs:
                    print(f"           in the real server at {count:,} (Streamlit's work included):")
                    for kind in ("new session", "filter change", "settled"):
                        print(
                            f"           - {kind}: "
                            + ", ".join(f"{name} {found[kind] * 1000:.0f} ms" for name, found in runs.items())
                        )
            db.unlink()
            if args.parquet:
                over = parquet.open_parquet_store(Path(tmp) / f"parquet-{size}")
                cells = [timed(lambda n=name, s=over: page_work(n, s)) for name in PAGES]
                print(f"{'parquet':>9}  " + "  ".join(f"{seconds * 1000:>8.0f}ms" for seconds in cells))
                over.close()
        print("\neach main query alone, same view:")
        print(f"{'articles':>9}  " + "  ".join(f"{name:>17}" for name in QUERIES))
        for size, cells in query_rows:
            print(f"{size:>9,}  " + "  ".join(f"{seconds * 1000:>15.0f}ms" for seconds in cells))


if __name__ == "__main__":
    main()
