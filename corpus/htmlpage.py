"""A saved or fetched HTML page to article fields, with trafilatura."""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from lxml import html as lxml_html

from corpus.errors import InputError

# Meta tags that carry the full publication instant; trafilatura keeps only the day.
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "sailthru.date",
    "parsely-pub-date",
)


def _meta_published(html: str) -> str | None:
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key in _DATE_META and content and key not in found:
            found[key] = content
    for key in _DATE_META:
        if key in found:
            return found[key]
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.text)
        if match:
            return match.group(1)
    return None


_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*?(/?)>")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
MAX_HTML_DEPTH = 255  # libxml2 gives up on elements nested deeper, and their text is lost


def html_depth(html: str) -> int:
    """How deep the page's elements nest (void and self-closed tags do not count)."""
    depth = deepest = 0
    for closing, name, self_closed in _TAG.findall(html):
        if closing:
            depth = max(0, depth - 1)
        elif not self_closed and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _no_text_reason(html: str) -> str:
    depth = html_depth(html)
    if depth > MAX_HTML_DEPTH:
        return f"HTML nested {depth:,} elements deep, past the {MAX_HTML_DEPTH} the parser reads: no article text found"
    return "no article text found in the HTML page"


def article_fields_from_html(html: str, *, where: str, url: str | None = None) -> dict[str, Any]:
    """Main text and metadata (title, date, author, site name, canonical URL) of a page.

    Paragraphs come out separated by blank lines. Raises InputError when the
    page holds no article text.
    """
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError, LookupError) as exc:
        raise InputError(where, f"HTML could not be parsed: {exc}") from exc
    if doc is None:
        raise InputError(where, _no_text_reason(html))
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    lines = [line.strip() for line in (data.get("text") or "").split("\n") if line.strip()]
    title = (data.get("title") or "").strip() or None
    if lines and title and lines[0] == title:
        lines = lines[1:]
    if not lines:
        raise InputError(where, _no_text_reason(html))
    fields: dict[str, Any] = {
        "text": "\n\n".join(lines),
        "title": title,
        "author": data.get("author"),
        "url": url or data.get("url"),
        "published": _meta_published(html) or data.get("date"),
        "language": data.get("language"),
    }
    # The outlet is the URL's registered domain, as for every other importer;
    # the page's own site name is kept beside it.
    if not fields["url"]:
        fields["outlet"] = data.get("sitename")
    if data.get("sitename"):
        fields["site_name"] = data["sitename"]
    if data.get("description"):
        fields["description"] = data["description"]
    return {key: value for key, value in fields.items() if value}
