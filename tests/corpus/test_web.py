"""The URL and feed path against a local HTTP server on 127.0.0.1 serving fixture pages."""

import http.server
import threading
import time
from pathlib import Path

import pytest

from corpus import web
from corpus.errors import FetchError
from corpus.ingest import ingest
from corpus.store import Store

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"
CORPUS = WEB.parent / "corpus"  # the saved pages of the importer tests, served as they are
pytestmark = pytest.mark.network


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, code, body: bytes, kind="text/html; charset=utf-8", headers=()):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/feed.xml":
            body = (WEB / "feed.xml").read_text(encoding="utf-8").replace("{base}", base)
            self._send(200, body.encode(), "application/rss+xml")
        elif self.path == "/to-ftp":
            self._send(302, b"", headers=[("Location", "ftp://127.0.0.1/file")])
        elif self.path == "/to-page":
            self._send(301, b"", headers=[("Location", "/page.html")])
        elif self.path == "/huge":
            self._send(200, b"<p>" + b"x" * 5000 + b"</p>")
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, b"<p>late</p>")
        elif (WEB / self.path.lstrip("/")).is_file():
            self._send(200, (WEB / self.path.lstrip("/")).read_bytes())
        elif self.path.endswith(".html") and (CORPUS / self.path.lstrip("/")).is_file():
            self._send(200, (CORPUS / self.path.lstrip("/")).read_bytes())
        else:
            self._send(404, b"not found")


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the time-limit test hangs up on /slow on purpose


@pytest.fixture(autouse=True)
def _local_server_allowed(monkeypatch):
    # the test server listens on 127.0.0.1, which the importer refuses unless allowed
    monkeypatch.setenv("CORPUS_ALLOW_PRIVATE_URLS", "1")


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_web_page_url_becomes_article(server, store_path):
    with Store(store_path) as store:
        report = ingest(store, [f"{server}/page.html"])
        row = store.con.execute("SELECT title, author, published_text, url FROM articles").fetchone()
    assert [i.status for i in report.items] == ["added"]
    assert row[0] == "Musk and OpenAI head to trial"
    assert row[1] == "John Smith"
    assert row[2] == "2026-03-02T08:15:00-08:00"
    assert row[3].endswith("/page.html")


def test_web_feed_imports_each_entry_and_names_the_failing_one(server, store_path):
    with Store(store_path) as store:
        report = ingest(store, [f"{server}/feed.xml"])
        titles = {r[0] for r in store.con.execute("SELECT title FROM articles").fetchall()}
    statuses = [(i.status, i.where.split(" (")[0].rsplit(" ", 1)[-1]) for i in report.items]
    assert statuses == [("added", "1"), ("added", "2"), ("failed", "3")]
    assert "HTTP 404" in report.items[2].reason
    assert "missing.html" in report.items[2].where
    assert titles == {"Musk and OpenAI head to trial", "Altman répond à Musk"}


def test_web_redirect_followed_within_http(server):
    page = web.fetch(f"{server}/to-page")
    assert page.url.endswith("/page.html")
    assert b"head to trial" in page.data


def test_web_redirect_to_other_scheme_refused(server):
    with pytest.raises(FetchError, match="non-http"):
        web.fetch(f"{server}/to-ftp")


def test_web_size_cap(server):
    with pytest.raises(FetchError, match="over the 1,000-byte cap"):
        web.fetch(f"{server}/huge", max_bytes=1000)


def test_web_time_limit(server):
    with pytest.raises(FetchError, match=r"within 0\.3 s|timed out"):
        web.fetch(f"{server}/slow", timeout=0.3)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)"])
def test_web_only_http_and_https(url):
    with pytest.raises(FetchError, match="not an http"):
        web.fetch(url)


def test_ingest_non_http_url_source_fails_that_item(store_path):
    with Store(store_path) as store:
        report = ingest(store, ["ftp://example.org/a.html"])
    assert report.items[0].reason == "only http and https URLs can be fetched"


def test_web_fetch_fills_records_that_have_only_a_url(server, store_path, tmp_path):
    sources = tmp_path / "sources.csv"
    sources.write_text(
        f"url,outlet,title,published,language\n{server}/page.html,times.example,Bundled title,2026-03,en\n",
        encoding="utf-8",
    )
    with Store(store_path) as store:
        without = ingest(store, [str(sources)])
        assert without.items[0].status == "failed"
        assert without.items[0].reason.startswith("missing text")
        report = ingest(store, [str(sources)], fetch=True)
        row = store.con.execute("SELECT title, outlet, published_text, text FROM articles").fetchall()[0]
    assert report.items[0].status == "added"
    assert row[:3] == ("Bundled title", "times.example", "2026-03")  # the record's own fields win
    assert "jury in Oakland" in row[3]


def test_web_feed_past_the_entry_cap_says_how_many_were_left(server, store_path, monkeypatch):
    monkeypatch.setattr(web, "MAX_FEED_ENTRIES", 2)
    with Store(store_path) as store:
        report = ingest(store, [f"{server}/feed.xml"])
    skipped = [item for item in report.items if item.status == "skipped"]
    assert len(skipped) == 1
    assert "1 more entries past the 2-entry cap" in skipped[0].reason
    assert sum(item.status == "added" for item in report.items) == 2
