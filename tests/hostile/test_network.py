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
