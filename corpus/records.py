"""Article records from loose fields: validation and inference of what is missing."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from typing import Any

from corpus.dates import Published, date_from_url, parse_published
from corpus.errors import InputError
from corpus.language import detect_language, normalise_language
from corpus.models import Article, Candidate
from corpus.text import content_hash, normalise_newlines, split_paragraphs
from corpus.urls import canonical_url, check_url, outlet_from_url

RECORD_FIELDS = ("id", "url", "outlet", "title", "published", "language", "text", "author")
MAX_TEXT_CHARS = 2_000_000
MISSING_TEXT = "missing text: the record has no 'text' field or it is empty"
MAX_ID_CHARS = 200
MAX_FIELD_CHARS = 1_000  # a title, author or outlet: longer is cut, with a warning
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
_ID_OK = re.compile(r"^[\w.:\-/]+$")
# Alternative names that feeds, scrapers and spreadsheets use for our fields.
ALIASES = {
    "link": "url",
    "source_url": "url",
    "site": "outlet",
    "site_name": "outlet",
    "sitename": "outlet",
    "source_name": "outlet",
    "headline": "title",
    "date": "published",
    "pubdate": "published",
    "published_at": "published",
    "publication_date": "published",
    "lang": "language",
    "body": "text",
    "content": "text",
    "byline": "author",
}


def _string(value: Any, name: str, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    raise InputError(where, f"field {name!r} should be text, got {type(value).__name__}")


def derive_id(url: str | None, text_hash: str) -> str:
    """A stable id: from the canonical URL when there is one, else from the content."""
    if url:
        return "u" + hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()[:16]
    return "h" + text_hash[:16]


def build_article(
    fields: Mapping[str, Any],
    *,
    where: str,
    source: str,
    default_tz: str = "UTC",
    published: Published | None = None,
) -> Candidate:
    """A Candidate for one record: the article and its warnings, or the reason it fails.

    Reads `RECORD_FIELDS` (and their ALIASES); every other field goes to
    metadata. `published` may be given already parsed (a dateline found in the
    text); the record's own field wins.
    """
    try:
        return _build(fields, where=where, source=source, default_tz=default_tz, found=published)
    except InputError as exc:
        record = dict(fields) if isinstance(fields, Mapping) else None
        return Candidate(where=where, error=exc.problem, record=record)


def _build(
    fields: Mapping[str, Any],
    *,
    where: str,
    source: str,
    default_tz: str,
    found: Published | None,
) -> Candidate:
    if not isinstance(fields, Mapping):
        raise InputError(where, f"a record should be an object, got {type(fields).__name__}")
    known: dict[str, Any] = {}
    metadata: dict[str, Any] = {}
    for key, value in fields.items():
        name = ALIASES.get(str(key).lower(), str(key).lower())
        if name in RECORD_FIELDS and known.get(name) is None:
            known[name] = value
        else:
            metadata[str(key)] = value
    warnings: list[str] = []
    if known.get("text") is not None and not isinstance(known.get("text"), str):
        raise InputError(where, f"field 'text' should be text, got {type(known.get('text')).__name__}")
    text = _string(known.get("text"), "text", where)
    if not text:
        raise InputError(where, MISSING_TEXT)
    text = normalise_newlines(text)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(where, f"text of {len(text):,} characters is over the {MAX_TEXT_CHARS:,} cap")
    url = _string(known.get("url"), "url", where)
    if url:
        url = check_url(url, where=where)
    title = _capped(_string(known.get("title"), "title", where), "title", warnings)
    author = _capped(_string(known.get("author"), "author", where), "author", warnings)
    outlet = _capped(_string(known.get("outlet"), "outlet", where), "outlet", warnings)
    outlet = outlet or (outlet_from_url(url) if url else None)
    when = _published(known.get("published"), default_tz, warnings) or found
    if when is None and url:
        when = date_from_url(url)
        if when is not None:
            warnings.append(f"published {when.isoformat()} taken from the URL")
    given_language = _string(known.get("language"), "language", where)
    language = normalise_language(given_language)
    if language and not _LANGUAGE_CODE.match(language):
        language = detect_language(text)
        warnings.append(
            f"language {(given_language or '')[:40]!r} is not a language code (fr, en…); detected {language!r}"
        )
    if not language:
        language = detect_language(text)
    text_hash = content_hash(text)
    given_id = _string(known.get("id"), "id", where)
    if given_id and (len(given_id) > MAX_ID_CHARS or not _ID_OK.match(given_id)):
        raise InputError(where, f"id {given_id[:60]!r} should be letters, digits and . : - / _ only")
    article = Article(
        id=given_id or derive_id(url, text_hash),
        url=url,
        canonical_url=canonical_url(url) if url else None,
        outlet=outlet,
        title=title,
        author=author,
        published=when,
        language=language,
        text=text,
        paragraphs=tuple(split_paragraphs(text)),
        source=source,
        content_hash=text_hash,
        imported_at=dt.datetime.now(dt.UTC),
        metadata=metadata,
    )
    return Candidate(where=where, article=article, warnings=tuple(warnings))


def _capped(value: str | None, name: str, warnings: list[str]) -> str | None:
    if value is not None and len(value) > MAX_FIELD_CHARS:
        warnings.append(f"{name} of {len(value):,} characters cut to {MAX_FIELD_CHARS:,}")
        return value[:MAX_FIELD_CHARS].rstrip() + "…"
    return value


def _published(value: Any, default_tz: str, warnings: list[str]) -> Published | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        parsed = parse_published(value, default_tz=default_tz)
    except ValueError as exc:
        warnings.append(f"published {value!r}: {exc}; kept as null")
        return None
    if parsed is None:
        warnings.append(f"published {value!r} is not a date this reads; kept as null")
        return None
    try:
        parsed.when.astimezone(dt.UTC)  # the store keeps UTC: a date at the calendar's edge may not fit
    except (OverflowError, ValueError):
        warnings.append(f"published {value!r} falls outside the calendar once in UTC; kept as null")
        return None
    return parsed
