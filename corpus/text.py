"""Bytes to clean article text: encodings, normalisation, paragraphs, content hashes."""

from __future__ import annotations

import codecs
import hashlib
import unicodedata

from corpus.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
# (character, replacement) pairs; a chain of str.replace is ten times faster
# than str.translate with a dict on long texts.
_QUOTE_FOLD = (
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u02bc", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u00ab", '"'),
    ("\u00bb", '"'),
    ("\u201e", '"'),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u00a0", " "),
    ("\u202f", " "),
)


def decode_bytes(data: bytes, *, where: str) -> str:
    """Decode a text file whatever its encoding: BOMs, UTF-8, then cp1252/latin-1.

    Raises InputError naming `where` for empty or binary content.
    """
    if not data.strip():
        raise InputError(where, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(where, f"broken {encoding} text: {exc.reason}") from exc
    sample = data[:8192]
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > len(sample) * 0.02:
        raise InputError(where, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            # UTF-8 text with a damaged byte: read as cp1252 it would turn every accent into
            # mojibake ("CafÃ©") without a word; say where the damage is instead
            raise InputError(
                where, f"invalid UTF-8 at byte {exc.start:,} ({exc.reason}) in text that is otherwise UTF-8"
            ) from exc
    try:
        # cp1252 is what "latin-1" text from Windows and the web really is:
        # it maps 0x80-0x9f to curly quotes and dashes instead of controls.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that fail to decode as UTF-8 still hold well-formed multi-byte UTF-8
    sequences and only a few bad bytes: UTF-8 with damage, not a legacy encoding."""
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    good = sum(1 for ch in decoded if ord(ch) > 0x7F and ch != "\ufffd")
    return good > 0 and bad <= max(3, good // 10)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fold_for_matching(text: str) -> str:
    """NFKC, lower case, one kind of quote and dash, single spaces."""
    folded = unicodedata.normalize("NFKC", text)
    for char, replacement in _QUOTE_FOLD:
        if char in folded:
            folded = folded.replace(char, replacement)
    return " ".join(folded.casefold().split())


def content_hash(text: str) -> str:
    """Hash of the normalised text: the same article typed or encoded differently hashes the same."""
    return hashlib.sha256(fold_for_matching(text).encode("utf-8")).hexdigest()


def split_paragraphs(text: str) -> list[str]:
    """The non-empty, stripped pieces of `text` split on "\\n\\n".

    This is the corpus-wide paragraph convention (the gold files' too):
    paragraph_index counts these pieces. Importers that clean web copy write
    their text with exactly one blank line between paragraphs.
    """
    return [p.strip() for p in normalise_newlines(text).split("\n\n") if p.strip()]
