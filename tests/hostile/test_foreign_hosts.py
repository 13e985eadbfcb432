"""Article data that names other hosts (links, images, bare URLs, e-mails, shortcodes) in its
title, outlet, author and text: in a real Chromium, every page of the dashboard shows it as text
and the browser requests nothing from any host but the dashboard's own."""

import json
import os
import shutil
from urllib.parse import quote, urlsplit

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

from tests.browser.dashboard import CHROMIUM, chromium, dashboard  # noqa: E402

if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("CI must run the browser tests: .ci/run installs Debian's chromium")
pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH")]

EVIL = "evil.example"
HOSTILE = {
    "id": "hostile-1",
    "url": "https://news.example/hostile",
    "title": f"<img src=http://{EVIL}/t.png> [click](http://{EVIL}/t) ![t](http://{EVIL}/t2.png) :material/home:",
    "outlet": f"<a href='http://{EVIL}/o'>outlet</a> ![o](http://{EVIL}/o.png)",
    "author": f"www.{EVIL} writer@{EVIL}",
    "published": "2025-02-11",
    "language": "en",
    "text": (
        f"Elon Musk wrote to https://{EVIL}/bare.png and www.{EVIL} and ceo@{EVIL} :material/home: :smile: "
        f"![pixel](http://{EVIL}/p.png) <img src='http://{EVIL}/q.png'> [read](http://{EVIL}/l) about OpenAI.\n\n"
        f'"We will see <b>you</b> at https://{EVIL}/court," Sam Altman said of the trial, :material/gavel:.'
    ),
}
PAGES = [
    "",
    "sentiment",
    "quotes",
    "keywords",
    "languages",
    f"outlets?cmp={quote(HOSTILE['outlet'])}&cmp=boursorama.com",  # the hostile outlet in every legend
    f"articles?article={HOSTILE['id']}",
]


@pytest.fixture(scope="module")
def hostile_server(bundled_store_path, tmp_path_factory):
    from corpus.ingest import ingest
    from corpus.store import Store
    from jobs.analyze import analyze_store

    folder = tmp_path_factory.mktemp("hostile-browser")
    store_path = folder / "store.duckdb"
    shutil.copy(bundled_store_path, store_path)
    source = folder / "hostile.jsonl"
    source.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    with Store(store_path) as store:
        assert ingest(store, [str(source)]).ok
        analyze_store(store)
    with dashboard(store_path) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.mark.parametrize(
    "path", PAGES, ids=["overview", "sentiment", "quotes", "keywords", "languages", "outlets", "reader"]
)
def test_no_page_requests_a_host_named_in_article_data(hostile_server, browser, path):
    own = urlsplit(hostile_server).netloc
    foreign: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 1000})

    def guard(route):
        if urlsplit(route.request.url).netloc == own or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    try:
        page.goto(f"{hostile_server}/{path}")
        expect(page.locator("h1").first).to_be_visible(timeout=60_000)
        if path.startswith("articles"):  # the reader's last paragraph: the whole article is drawn
            expect(page.locator("body")).to_contain_text("said of the trial", timeout=60_000)
        else:  # a page of charts: the last chart's downloads are drawn
            expect(page.get_by_role("button", name="Download all charts (ZIP)")).to_be_visible(timeout=60_000)
        page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=60_000)
        page.wait_for_load_state("networkidle", timeout=60_000)
        expect(page.locator("[data-testid='stSpinner']")).to_have_count(0, timeout=60_000)
        assert page.locator("[data-testid='stException']").count() == 0
        links = page.locator(f"a[href*='{EVIL}']").count()
        images = page.locator(f"img[src*='{EVIL}'], image[href*='{EVIL}']").count()
        shown = page.locator("body").inner_text().replace("\u2060", "")
    finally:
        context.close()
    assert foreign == []
    assert (links, images) == (0, 0)
    if path.startswith("outlets"):  # the hostile outlet was compared, its name shown as text
        assert f"<a href='http://{EVIL}/o'>outlet</a>" in shown
    if path.startswith("articles"):
        # the reader shows the article's markup, links and shortcodes as the text they are
        assert f"www.{EVIL} and ceo@{EVIL} :material/home: :smile:" in shown
        assert f"![pixel](http://{EVIL}/p.png) <img src=" in shown
        assert f"[read](http://{EVIL}/l) about OpenAI" in shown
        assert f'"We will see <b>you</b> at https://{EVIL}/court,' in shown
        assert f"<img src=http://{EVIL}/t.png>" in shown  # the title
