"""Files in: text, Markdown, HTML, JSON, JSONL, CSV, folders and zip archives.

Each importer yields one Candidate per item (an article, or the reason it
failed, naming the file and row); nothing here touches the store.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from corpus.dates import time_zone
from corpus.errors import InputError
from corpus.htmlpage import article_fields_from_html
from corpus.models import Candidate
from corpus.records import MAX_TEXT_CHARS, build_article
from corpus.text import decode_bytes, normalise_newlines
from corpus.webcopy import clean_web_copy

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".csv", ".tsv"})
ARCHIVE_SUFFIXES = frozenset({".zip"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | ARCHIVE_SUFFIXES

MAX_ARTICLE_BYTES = 20 * 1024 * 1024  # one text or HTML page
MAX_RECORDS_BYTES = 512 * 1024 * 1024  # one JSON/JSONL/CSV file of many articles
MAX_ZIP_MEMBERS = 20_000
MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_ZIP_RATIO = 200  # uncompressed/compressed beyond this is a zip bomb
MAX_ZIP_DEPTH = 2


def _cap_for(suffix: str) -> int:
    return MAX_RECORDS_BYTES if suffix in RECORD_SUFFIXES | ARCHIVE_SUFFIXES else MAX_ARTICLE_BYTES


def iter_path(path: Path) -> Iterator[Candidate]:
    """Candidates from a file or, recursively, a folder (hidden files left out)."""
    where = str(path)
    if path.is_dir():
        root = path.resolve()
        for child in sorted(path.rglob("*")):  # rglob does not descend into linked folders: no loops
            relative = child.relative_to(path).parts
            if any(part.startswith(".") for part in relative):
                continue
            if child.is_symlink():
                target = child.resolve()
                if not target.is_relative_to(root):
                    yield Candidate(str(child), error="a link out of the imported folder: not followed")
                    continue
            if not child.is_file():
                continue
            if child.suffix.lower() not in SUPPORTED_SUFFIXES:
                yield Candidate(str(child), error="not an article file type", skipped=True)
                continue
            yield from iter_path(child)
        return
    if not path.exists():
        yield Candidate(where, error="no such file or folder")
        return
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield Candidate(where, error=_unsupported(suffix))
        return
    size = path.stat().st_size
    if size > _cap_for(suffix):
        yield Candidate(where, error=f"file of {size:,} bytes is over the {_cap_for(suffix):,}-byte cap")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Candidate(where, error=f"cannot read: {exc.strerror or exc}")
        return
    yield from iter_bytes(where, data)


def _unsupported(suffix: str) -> str:
    kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
    return f"unsupported file type {suffix or '(none)'!r}; expected one of {kinds}"


def iter_bytes(name: str, data: bytes, *, depth: int = 0) -> Iterator[Candidate]:
    """Candidates from the bytes of a file called `name` (an upload, a zip member)."""
    suffix = PurePosixPath(name).suffix.lower()
    try:
        if suffix in ARCHIVE_SUFFIXES:
            yield from _zip(name, data, depth)
        elif suffix not in SUPPORTED_SUFFIXES:
            yield Candidate(name, error=_unsupported(suffix))
        elif len(data) > _cap_for(suffix):
            yield Candidate(name, error=f"file of {len(data):,} bytes is over the cap")
        elif suffix in TEXT_SUFFIXES:
            yield _text_file(name, data, markdown=suffix != ".txt" and suffix != ".text")
        elif suffix in HTML_SUFFIXES:
            yield _html_file(name, data)
        elif suffix == ".json":
            yield from _json_file(name, data)
        elif suffix in {".jsonl", ".ndjson"}:
            yield from _jsonl_file(name, data)
        else:
            yield from _csv_file(name, data, tab=suffix == ".tsv")
    except InputError as exc:
        yield Candidate(exc.where or name, error=exc.problem)
    except (RecursionError, MemoryError, UnicodeError, ValueError, TypeError) as exc:
        # a file the readers did not foresee fails alone, named, with the reason; the batch goes on
        yield Candidate(name, error=f"cannot read this file: {type(exc).__name__}: {exc}")


# -- one article per file ------------------------------------------------------------


MAX_FRONT_MATTER_CHARS = 16_384  # a title, an author, a date and a few fields: far less than this


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases: front matter needs none, and aliases nested in aliases
    ("billion laughs") expand to gigabytes from a few lines."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases (*name) are not allowed in front matter")
        return super().compose_node(parent, index)


def split_front_matter(text: str, *, where: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between '---' lines at the top, and the rest of the text."""
    text = normalise_newlines(text).lstrip("\ufeff")
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        raise InputError(where, "front matter opened with '---' is never closed")
    block = text[4:end]
    rest = text[end + 4 :]
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise InputError(where, f"front matter of {len(block):,} characters is over the {MAX_FRONT_MATTER_CHARS:,} cap")
    rest = rest[rest.find("\n") + 1 :] if "\n" in rest else ""
    try:
        meta = yaml.load(block, Loader=_NoAliasLoader) or {}
    except yaml.YAMLError as exc:
        raise InputError(where, f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise InputError(where, "front matter should be a YAML mapping of field: value")
    return meta, rest


def _text_file(name: str, data: bytes, *, markdown: bool) -> Candidate:
    text = decode_bytes(data, where=name)
    meta, body = split_front_matter(text, where=name)
    if markdown:
        body = "\n".join(line.lstrip("#").strip() if line.startswith("#") else line for line in body.split("\n"))
    zone = str(meta.pop("timezone", "") or "UTC")
    try:
        time_zone(zone)
    except ValueError as exc:
        raise InputError(name, f"front matter timezone: {exc} (an IANA name such as Europe/Paris, or +01:00)") from exc
    title = str(meta["title"]) if meta.get("title") is not None else None
    cleaned = clean_web_copy(body, title=title, default_tz=zone)
    fields = {**meta, "text": cleaned.text}
    if cleaned.title and not meta.get("title"):
        fields["title"] = cleaned.title
    return build_article(fields, where=name, source=name, default_tz=zone, published=cleaned.dateline)


def _html_file(name: str, data: bytes) -> Candidate:
    fields = article_fields_from_html(decode_bytes(data, where=name), where=name)
    return build_article(fields, where=name, source=name)


# -- many articles per file ----------------------------------------------------------


def _json_file(name: str, data: bytes) -> Iterator[Candidate]:
    text = decode_bytes(data, where=name)
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise InputError(name, "JSON nested too deep to read (about 1,000 levels at most)") from exc
    if isinstance(payload, dict):
        for key in ("articles", "items", "records", "data"):
            if isinstance(payload.get(key), list):
                payload = payload[key]
                break
        else:
            payload = [payload]
    if not isinstance(payload, list):
        raise InputError(name, "JSON should be an article object or a list of them")
    for index, record in enumerate(payload):
        where = f"{name} item {index}"
        yield build_article(record, where=where, source=name)


def _lines(text: str) -> Iterator[str]:
    """The lines of a JSONL text, one at a time (no list of them all); split on newlines only,
    since a JSON string may hold U+2028 and friends, which str.splitlines also splits on."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield text[start:end].removesuffix("\r")
        start = end + 1


def _jsonl_file(name: str, data: bytes) -> Iterator[Candidate]:
    text = decode_bytes(data, where=name)
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Candidate(where, error=f"not valid JSON at column {exc.colno}: {exc.msg}")
            continue
        except RecursionError:
            yield Candidate(where, error="JSON nested too deep to read (about 1,000 levels at most)")
            continue
        yield build_article(record, where=where, source=name)


def _csv_file(name: str, data: bytes, *, tab: bool) -> Iterator[Candidate]:
    text = decode_bytes(data, where=name)
    csv.field_size_limit(MAX_TEXT_CHARS + 1)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if tab else max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise InputError(name, f"no CSV header row ({exc})") from exc
    header = [column.strip().lstrip("\ufeff") for column in header]
    if "text" not in {c.lower() for c in header} and not {"url", "link"} & {c.lower() for c in header}:
        raise InputError(name, f"CSV header {header[:8]} has neither a 'text' nor a 'url' column")
    row_number = 0
    while True:
        row_number += 1
        where = f"{name} row {row_number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Candidate(f"{where} (line {reader.line_num})", error=f"malformed CSV: {exc}")
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Candidate(where, error=f"row has {len(row)} fields where the header has {len(header)}")
            continue
        yield build_article(dict(zip(header, row, strict=True)), where=where, source=name)


# -- archives ------------------------------------------------------------------------


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":"):
        return f"unsafe path {name!r} in archive"
    if info.flag_bits & 0x1:
        return "encrypted archive member"
    if info.file_size > MAX_RECORDS_BYTES:
        return f"member of {info.file_size:,} bytes is over the cap"
    if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
        return f"compression ratio over {MAX_ZIP_RATIO}: refused as a possible zip bomb"
    return None


def _zip(name: str, data: bytes, depth: int) -> Iterator[Candidate]:
    if depth >= MAX_ZIP_DEPTH:
        yield Candidate(name, error=f"archives nested more than {MAX_ZIP_DEPTH} deep")
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(name, f"not a readable zip archive: {exc}") from exc
    if len(members) > MAX_ZIP_MEMBERS:
        raise InputError(name, f"{len(members):,} files in the archive, over the {MAX_ZIP_MEMBERS:,} cap")
    total = 0
    for info in sorted(members, key=lambda i: i.filename):
        where = f"{name}!{info.filename}"
        problem = _member_problem(info)
        if problem:
            yield Candidate(where, error=problem)
            continue
        parts = PurePosixPath(info.filename).parts
        if any(part.startswith((".", "__MACOSX")) for part in parts):
            continue
        suffix = PurePosixPath(info.filename).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            yield Candidate(where, error="not an article file type", skipped=True)
            continue
        try:
            with archive.open(info) as handle:
                # The declared size can lie: never read past the cap.
                content = handle.read(_cap_for(suffix) + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, RuntimeError, ValueError, EOFError) as exc:
            yield Candidate(where, error=f"cannot read archive member: {exc}")
            continue
        total += len(content)
        if len(content) > _cap_for(suffix) or total > MAX_ZIP_TOTAL_BYTES:
            yield Candidate(where, error="archive expands past the size cap; rest refused")
            return
        yield from iter_bytes(where, content, depth=depth + 1)
