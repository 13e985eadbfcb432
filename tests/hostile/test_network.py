"""The importer's network seam under hostile servers and addresses: a total deadline, and no
request to loopback, private or link-local hosts unless explicitly allowed."""

import socket
import threading
import time

import pytest

from corpus import web
from corpus.errors import FetchError

pytestmark = pytest.mark.network


def trickling_server(*, headers_first: bool):
    """A server on 127.0.0.1 that answers one byte every 0.2 s (the status line and headers, or the body)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    stop = threading.Event()

    def serve():
        listener.settimeout(0.5)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                try:
                    conn.recv(65536)
                    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
                    slow, rest = (head, b"") if headers_first else (b"x" * 200, head)
                    conn.sendall(rest)
                    for byte in slow:
                        if stop.is_set():
                            break
                        conn.sendall(bytes([byte]))
                        time.sleep(0.2)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}/", stop, listener


@pytest.mark.parametrize("headers_first", [True, False], ids=["slow-headers", "slow-body"])
def test_a_trickling_server_is_cut_off_at_the_total_deadline(monkeypatch, headers_first):
    monkeypatch.setenv("CORPUS_ALLOW_PRIVATE_URLS", "1")
    url, stop, listener = trickling_server(headers_first=headers_first)
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match=r"within 1\.5 s"):
            web.fetch(url, timeout=1.5)
    finally:
        stop.set()
        listener.close()
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",
        "http://localhost:9/",
        "http://[::1]:9/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://0.0.0.0/",
    ],
)
def test_loopback_private_and_link_local_hosts_are_refused(monkeypatch, url):
    monkeypatch.delenv("CORPUS_ALLOW_PRIVATE_URLS", raising=False)
    with pytest.raises(FetchError, match="loopback, private or reserved address"):
        web.fetch(url, timeout=2)


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>
<item><title>Slow</title><link>{base}/slow</link></item>
<item><title>A</title><link>{base}/a</link></item>
<item><title>B</title><link>{base}/b</link></item>
</channel></rss>"""
ENTRY = "<html><body><article><p>{}</p></article></body></html>"


def test_a_trickling_feed_entry_does_not_hold_back_the_others(monkeypatch, store_path):
    """Entry 1 trickles until entries 2 and 3 have been asked for (10 s at most): fetched one
    after another, they would only be asked for once it gave up."""
    import http.server

    from corpus.ingest import ingest
    from corpus.store import Store

    monkeypatch.setenv("CORPUS_ALLOW_PRIVATE_URLS", "1")
    asked = {"a": threading.Event(), "b": threading.Event()}
    seen_while_slow = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, body: str, kind: str = "text/html; charset=utf-8"):
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            base = f"http://127.0.0.1:{self.server.server_port}"
            if self.path == "/feed.xml":
                self._send(FEED.format(base=base), "application/rss+xml")
            elif self.path == "/slow":
                self.send_response(200)
                self.send_header("Content-Length", "100000")
                self.end_headers()
                for _ in range(50):  # a byte every 0.2 s until the others were asked for
                    if asked["a"].is_set() and asked["b"].is_set():
                        break
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
                seen_while_slow.append(asked["a"].is_set() and asked["b"].is_set())
                self.close_connection = True  # hang up mid-body: entry 1 fails
            else:
                name = self.path.strip("/")
                asked[name].set()
                self._send(ENTRY.format(f"Article {name} : Sam Altman a répondu à Elon Musk sur l'avenir d'OpenAI."))

    class Quiet(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass

    httpd = Quiet(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with Store(store_path) as store:
            report = ingest(store, [f"http://127.0.0.1:{httpd.server_port}/feed.xml"])
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert seen_while_slow == [True]
    assert [item.status for item in report.items] == ["failed", "added", "added"]
    assert "entry 1" in report.items[0].where
