"""Articles from the web: pages and RSS/Atom feeds, through one network function.

`fetch` is the only place the product opens a connection: http and https
only (redirects included), a byte cap, and a total deadline on every request
(connection, headers and body together: a server that trickles is cut off).
Hosts that resolve to loopback, private, link-local or otherwise reserved
addresses are refused, at every connection (so after each redirect too),
unless CORPUS_ALLOW_PRIVATE_URLS=1 allows them (tests, an intranet).
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import os
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from corpus.errors import FetchError, InputError
from corpus.htmlpage import article_fields_from_html
from corpus.models import Candidate
from corpus.records import build_article
from corpus.text import decode_bytes
from corpus.urls import ALLOWED_SCHEMES, check_url

MAX_PAGE_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
MAX_FEED_ENTRIES = 200
FEED_WORKERS = 8  # entry pages fetched at once
FEED_DEADLINE_SECONDS = 180.0  # for all of a feed's entries together
USER_AGENT = "press-coverage-analytics/1.0 (+article importer)"
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str | None
    data: bytes


ALLOW_PRIVATE_ENV = "CORPUS_ALLOW_PRIVATE_URLS"


def private_allowed() -> bool:
    return os.environ.get(ALLOW_PRIVATE_ENV) == "1"


def check_public_host(host: str, port: int) -> None:
    """FetchError when the host resolves to an address the importer must not reach."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"{host}: cannot resolve the host ({exc.strerror or exc})") from exc
    for *_rest, address in infos:
        ip = ipaddress.ip_address(address[0])
        if not ip.is_global or ip.is_multicast:
            raise FetchError(
                f"{host} resolves to {ip}, a loopback, private or reserved address: refused "
                f"(set {ALLOW_PRIVATE_ENV}=1 to allow it)"
            )


class _Deadline:
    """Shuts the request's sockets when the total time is up, whatever they are waiting for."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                sock.shutdown(socket.SHUT_RDWR)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                with contextlib.suppress(OSError):  # already closed: nothing left to cut
                    sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _guarded(base: type[http.client.HTTPConnection], deadline: _Deadline) -> type[http.client.HTTPConnection]:
    class Guarded(base):  # type: ignore[valid-type, misc]
        def connect(self) -> None:
            if not private_allowed():
                check_public_host(self.host, self.port)
            super().connect()
            deadline.watch(self.sock)

    return Guarded


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_guarded(http.client.HTTPConnection, self.deadline), req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_guarded(http.client.HTTPSConnection, self.deadline), req)


class _SchemeCheckingRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in ALLOWED_SCHEMES:
            raise FetchError(f"{req.full_url}: redirect to a non-http(s) URL {newurl!r} refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, max_bytes: int = MAX_PAGE_BYTES, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """GET an http(s) URL within the byte cap and the total deadline; FetchError otherwise."""
    try:
        check_url(url)
    except InputError as exc:
        raise FetchError(str(exc)) from exc
    deadline = _Deadline(timeout)
    opener = urllib.request.build_opener(_HTTP(deadline), _HTTPS(deadline), _SchemeCheckingRedirect())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with deadline, opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"{url}: {int(declared):,} bytes is over the {max_bytes:,}-byte cap")
            data = response.read(max_bytes + 1)
            if deadline.expired:  # the deadline cut the body short: a partial page is no page
                raise FetchError(f"{url}: no complete answer within {timeout:g} s (the total deadline)")
            if len(data) > max_bytes:
                raise FetchError(f"{url}: response is over the {max_bytes:,}-byte cap")
            headers: Message = response.headers
            return Fetched(
                url=response.geturl(),
                content_type=headers.get_content_type(),
                charset=headers.get_content_charset(),
                data=data,
            )
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:
        if deadline.expired:
            raise FetchError(f"{url}: no complete answer within {timeout:g} s (the total deadline)") from exc
        raise _fetch_error(url, exc, timeout) from exc
    raise AssertionError("unreachable")


def _fetch_error(url: str, exc: BaseException, timeout: float) -> FetchError:
    """The plain message of a failed request."""
    if isinstance(exc, urllib.error.URLError):
        return FetchError(f"{url}: {exc.reason}")
    if isinstance(exc, TimeoutError):
        return FetchError(f"{url}: no answer within {timeout:g} s")
    return FetchError(f"{url}: {exc}")


def _text(page: Fetched) -> str:
    if page.charset:
        try:
            return page.data.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(page.data, where=page.url)


def is_feed(page: Fetched) -> bool:
    kind = page.content_type
    return "rss" in kind or "atom" in kind or bool(_FEED_START.match(page.data[:4096]))


def _page_candidate(page: Fetched, *, where: str, extra: dict[str, str] | None = None) -> Candidate:
    fields = article_fields_from_html(_text(page), where=where, url=page.url)
    for key, value in (extra or {}).items():
        fields.setdefault(key, value)
    return build_article(fields, where=where, source=page.url)


def candidates_from_url(url: str) -> Iterator[Candidate]:
    """One candidate for an article page; one per entry for a feed."""
    try:
        page = fetch(url)
        if not is_feed(page):
            yield _page_candidate(page, where=url)
            return
    except (FetchError, InputError) as exc:
        yield Candidate(url, error=str(exc).removeprefix(f"{url}: "))
        return
    feed = feedparser.parse(page.data)
    entries = feed.entries[:MAX_FEED_ENTRIES]
    if not entries:
        problem = getattr(feed, "bozo_exception", None)
        yield Candidate(url, error=f"feed has no entries{f' ({problem})' if problem else ''}")
        return
    if len(feed.entries) > MAX_FEED_ENTRIES:
        left = len(feed.entries) - MAX_FEED_ENTRIES
        yield Candidate(
            f"{url} entries {MAX_FEED_ENTRIES + 1}-{len(feed.entries)}",
            error=f"{left:,} more entries past the {MAX_FEED_ENTRIES}-entry cap per feed: not fetched",
            skipped=True,
        )
    yield from _entry_candidates(url, page.url, entries)


def _entry_candidates(url: str, base: str, entries: list[Any]) -> Iterator[Candidate]:
    """The entries' pages, fetched FEED_WORKERS at a time and yielded in feed order: an entry
    that trickles holds its own slot up to the per-request deadline, not the others'. What is
    not fetched within FEED_DEADLINE_SECONDS fails, named, and the rest of the feed stands."""
    pool = ThreadPoolExecutor(max_workers=FEED_WORKERS, thread_name_prefix="feed-entry")
    deadline = time.monotonic() + FEED_DEADLINE_SECONDS
    try:
        jobs: list[tuple[str, Future[Candidate] | None]] = []
        for number, entry in enumerate(entries, start=1):
            link = urljoin(base, entry["link"]) if entry.get("link") else None
            where = f"{url} entry {number}"
            if not link:
                jobs.append((where, None))
                continue
            extra = {
                k: v
                for k, v in (
                    ("title", entry.get("title")),
                    ("published", entry.get("published") or entry.get("updated")),
                    ("author", entry.get("author")),
                )
                if v
            }
            jobs.append((f"{where} ({link})", pool.submit(_entry_candidate, link, f"{where} ({link})", extra)))
        for where, job in jobs:
            if job is None:
                yield Candidate(where, error="feed entry has no link")
                continue
            try:
                yield job.result(timeout=max(0.0, deadline - time.monotonic()))
            except FuturesTimeout:
                job.cancel()
                yield Candidate(where, error=f"not fetched within the feed's {FEED_DEADLINE_SECONDS:g} s deadline")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # a fetch under way ends at its own deadline


def _entry_candidate(link: str, where: str, extra: dict[str, str]) -> Candidate:
    try:
        return _page_candidate(fetch(link), where=where, extra=extra)
    except (FetchError, InputError) as exc:
        return Candidate(where, error=str(exc))
