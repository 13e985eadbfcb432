"""Articles from the web: pages and RSS/Atom feeds, through one network function.

`fetch` is the only place the product opens a connection: http and https
only (redirects included), a byte cap and a time limit on every request.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
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
USER_AGENT = "press-coverage-analytics/1.0 (+article importer)"
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str | None
    data: bytes


class _SchemeCheckingRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in ALLOWED_SCHEMES:
            raise FetchError(f"{req.full_url}: redirect to a non-http(s) URL {newurl!r} refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, max_bytes: int = MAX_PAGE_BYTES, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """GET an http(s) URL within the byte cap and time limit; FetchError otherwise."""
    try:
        check_url(url)
    except InputError as exc:
        raise FetchError(str(exc)) from exc
    opener = urllib.request.build_opener(_SchemeCheckingRedirect())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"{url}: {int(declared):,} bytes is over the {max_bytes:,}-byte cap")
            data = response.read(max_bytes + 1)
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
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: {exc.reason}") from exc
    except TimeoutError as exc:
        raise FetchError(f"{url}: no answer within {timeout:g} s") from exc
    except (OSError, ValueError) as exc:
        raise FetchError(f"{url}: {exc}") from exc


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
    for number, entry in enumerate(entries, start=1):
        link = urljoin(page.url, entry["link"]) if entry.get("link") else None
        where = f"{url} entry {number}"
        if not link:
            yield Candidate(where, error="feed entry has no link")
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
        try:
            yield _page_candidate(fetch(link), where=f"{where} ({link})", extra=extra)
        except (FetchError, InputError) as exc:
            yield Candidate(f"{where} ({link})", error=str(exc))
