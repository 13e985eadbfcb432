"""What a person sees, clicks and downloads: the dashboard in a real headless Chromium."""

import os
import shutil
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

from tests.browser.dashboard import CHROMIUM, ROOT, chromium, dashboard  # noqa: E402

if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("CI must run the browser tests: .ci/run installs Debian's chromium")
pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH")]


@pytest.fixture(scope="module")
def bundled_articles(bundled_store_path) -> str:
    """How many articles the bundled store holds, as the Overview shows it."""
    from corpus.store import Store

    # read-write like the other connections to this file in this process (DuckDB refuses mixed settings)
    with Store(bundled_store_path) as store:
        return str(store.count())


@pytest.fixture(scope="module")
def french_articles(bundled_store_path) -> str:
    from corpus.store import Store

    # read-write like the other connections to this file in this process (DuckDB refuses mixed settings)
    with Store(bundled_store_path) as store:
        return str(store.one("SELECT count(*) FROM articles WHERE language = 'fr'")[0])


@pytest.fixture(scope="module")
def server(bundled_store_path, tmp_path_factory):
    store = tmp_path_factory.mktemp("browser") / "store.duckdb"
    shutil.copy(bundled_store_path, store)
    with dashboard(store) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    yield context.new_page()
    context.close()


def metric(page, label):
    box = page.locator("[data-testid='stMetric']").filter(has_text=label)
    return box.locator("[data-testid='stMetricValue']")


def test_overview_loads_with_the_bundled_corpus(server, page, bundled_articles):
    page.goto(server)
    expect(page.get_by_role("heading", name="Overview")).to_be_visible(timeout=60_000)
    expect(metric(page, "Articles")).to_have_text(bundled_articles, timeout=60_000)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
    assert page.locator("[data-testid='stException']").count() == 0


def test_filter_change_updates_numbers_and_url(server, page, bundled_articles, french_articles):
    page.goto(server)
    expect(metric(page, "Articles")).to_have_text(bundled_articles, timeout=60_000)
    page.locator("[data-testid='stMultiSelect']").filter(has_text="Languages").click()
    page.get_by_role("option", name="French", exact=True).click()  # shown by name, kept as "fr" in the link
    page.keyboard.press("Escape")
    expect(metric(page, "Articles")).to_have_text(french_articles, timeout=60_000)
    page.wait_for_url("**lang=fr**", timeout=30_000)  # the filtered view is a shareable link


def test_download_png_is_a_png_of_the_export_size(server, page):
    page.goto(server)
    button = page.get_by_role("button", name="Download PNG").first
    expect(button).to_be_visible(timeout=60_000)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1200, 675)
    assert info.value.suggested_filename.endswith(".png")


def test_download_csv_is_the_chart_data_made_safe_for_spreadsheets(server, page):
    import csv
    import io

    page.goto(server)
    button = page.get_by_role("button", name="Download CSV").first  # the volume chart's data
    expect(button).to_be_visible(timeout=60_000)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    assert info.value.suggested_filename == "volume.csv"
    rows = list(
        csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig")))
    )  # BOM for spreadsheets
    assert rows
    assert {"period", "group", "articles"} <= set(rows[0])
    assert sum(int(r["articles"]) for r in rows) > 0
    assert not [v for r in rows for v in r.values() if v and v[0] in "=+-@"]


def test_import_a_file_and_see_it_counted(server, page, bundled_articles):
    page.goto(server)
    expect(metric(page, "Articles")).to_have_text(bundled_articles, timeout=60_000)
    page.get_by_role("link", name="Import").click()
    expect(page.get_by_role("heading", name="Import")).to_be_visible(timeout=30_000)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        str(ROOT / "tests" / "fixtures" / "corpus" / "webcopy_en.md")
    )
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text("Added 1, duplicates 0, failed 0")).to_be_visible(timeout=120_000)
    page.get_by_role("link", name="Overview").click()
    expect(metric(page, "Articles")).to_have_text(str(int(bundled_articles) + 1), timeout=60_000)


def test_language_comparison_shows_each_language_with_its_n(server, page):
    page.goto(f"{server}/languages")
    expect(page.get_by_role("heading", name="Languages")).to_be_visible(timeout=60_000)
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_be_visible(timeout=60_000)
    expect(chart.locator("text", has_text="English")).to_have_count(1, timeout=30_000)
    expect(chart.locator("text", has_text="French")).to_have_count(1)
    expect(chart.locator("text", has_text="n = ")).to_have_count(2)  # the paragraphs behind each bar
    assert page.locator("[data-testid='stException']").count() == 0


def test_outlet_comparison_is_restored_from_its_link_with_its_controls(server, page, bundled_store_path):
    from corpus.store import Selection, Store
    from corpus.store.reads import compare

    with Store(bundled_store_path) as store:
        third, fourth = compare.largest_outlets(store, Selection(), n=4)[2:]
    page.goto(f"{server}/outlets?cmp={third}&cmp={fourth}&freq=week")
    expect(page.get_by_role("heading", name="Outlets")).to_be_visible(timeout=60_000)
    picker = page.locator("[data-testid='stMultiSelect']").filter(has_text="Outlets to compare")
    expect(picker).to_contain_text(third, timeout=60_000)
    expect(picker).to_contain_text(fourth)
    expect(page.get_by_role("radio", name="week", exact=True)).to_be_checked()
    legend = page.locator(".js-plotly-plot").first.locator(".legend")
    expect(legend).to_contain_text(third, timeout=60_000)
    page.get_by_role("radio", name="day", exact=True).click()
    page.wait_for_url("**freq=day**", timeout=30_000)
    assert f"cmp={third}" in page.url  # the other controls stay in the link


def test_downloaded_png_keeps_a_colour_per_series(server, page):
    import io

    from PIL import Image

    from dashboard.charts import COLOURS, MAX_SERIES

    page.goto(server)
    button = page.get_by_role("button", name="Download PNG").first  # volume: the 8 largest outlets and the rest
    expect(button).to_be_visible(timeout=60_000)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    image = Image.open(io.BytesIO(Path(info.value.path()).read_bytes())).convert("RGB")
    present = {colour for n, colour in image.getcolors(maxcolors=1 << 20) if n >= 20}
    palette = {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in COLOURS}
    # every series in a colour of its own from the chart's palette, as on screen: not the
    # placeholder greys only a browser's Streamlit theme fills in
    assert len(present & palette) >= MAX_SERIES + 1
