"""Paragraphs and sentences with character offsets, and the language of each paragraph.

Offsets index the article text, so that every result (a score, a quote, a
mention) points back at the exact characters it came from.
"""

from __future__ import annotations

import re

from analysis.lang import LANGUAGES, language_data
from corpus.dates import parse_published
from corpus.language import UNDETERMINED, detect_language
from corpus.text import normalise_newlines
from corpus.words import DATELINE_WORDS

Span = tuple[int, int]

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”»’)\]]*(?=\s+(?:[\"'“«‘(\[]\s?)?\w)")
_LAST_WORD = re.compile(r"(\w[\w.]*)$")


def paragraph_spans(text: str) -> list[Span]:
    """(start, end) of each paragraph: the non-empty stripped pieces of text split on "\\n\\n".

    Same pieces and order as corpus.text.split_paragraphs; text[start:end] is the paragraph.
    """
    if "\r" in text:
        raise ValueError("paragraph offsets need \\n line ends; normalise the text first")
    spans: list[Span] = []
    offset = 0
    for piece in text.split("\n\n"):
        stripped = piece.strip()
        if stripped:
            start = offset + piece.index(stripped[0])
            spans.append((start, start + len(stripped)))
        offset += len(piece) + 2
    return spans


def paragraphs_of(text: str) -> list[str]:
    text = normalise_newlines(text)
    return [text[start:end] for start, end in paragraph_spans(text)]


def sentence_spans(paragraph: str, language: str | None) -> list[Span]:
    """(start, end) of each sentence of a paragraph; abbreviations ("M.", "Mr.", "U.S.") do not end one."""
    data = language_data(language)
    abbreviations = data.abbreviations if data else frozenset()
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : match.start()]
        word = _LAST_WORD.search(before)
        if match.group().startswith(".") and word:
            token = word.group(1).lower()
            initial = len(token) == 1 and token.isalpha()
            if token in abbreviations or initial or (token.count(".") and len(token) <= 5):
                continue
        end = match.end()
        if paragraph[start:end].strip():
            spans.append((start, end))
        start = end
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return spans


MARKER_SHARE = 0.2  # this share of a language's function words settles it
MARKER_MIN_WORDS = 8


def _marker_share(words: list[str], markers: frozenset[str]) -> float:
    return sum(w in markers for w in words) / len(words)


def paragraph_language(paragraph: str, article_language: str) -> str:
    """The paragraph's own language; a paragraph too short to tell takes the article's.

    A paragraph dense in the article language's function words (lang/<code>/text.py
    MARKERS) and thin in the other covered languages' is in the article's
    language; any other goes to the language model, so a quote in German in an
    English article is still named German.
    """
    data = language_data(article_language)
    if data is not None:
        words = paragraph.lower().replace("’", "'").split()
        if len(words) >= MARKER_MIN_WORDS:
            own = _marker_share(words, data.markers)
            others = max(
                (_marker_share(words, other.markers) for code, other in LANGUAGES.items() if code != article_language),
                default=0.0,
            )
            if own >= MARKER_SHARE and others < own / 4:
                return article_language
    found = detect_language(paragraph)
    return article_language if found == UNDETERMINED else found


HEADING_MAX_WORDS = 12  # a title-like line; a question heading may run to QUESTION_MAX_WORDS
QUESTION_MAX_WORDS = 16
_SENTENCE_CLOSE = tuple(".!…»”\"'")
_OPENING_QUOTES = tuple("«“\"‘'„")
_DATELINE = re.compile(r"^(?:" + "|".join(re.escape(w) for w in DATELINE_WORDS) + r")\b", re.IGNORECASE)


def is_heading(paragraph: str) -> bool:
    """Whether a paragraph is a heading or another non-prose line, not a sentence of the story.

    Headings: a short line without closing punctuation ("Contexte de la rivalité",
    "The Background of the Lawsuit"), a short question that opens a Q&A section
    ("Pourquoi Musk veut-il racheter OpenAI ?"), a dateline ("Publié le 16 février 2025",
    "Updated Feb 10, 2025") or a line that is only a date. A line that opens with a quotation
    mark is speech, never a heading.
    """
    text = paragraph.strip()
    words = text.split()
    if not words or text.startswith(_OPENING_QUOTES) or len(words) > QUESTION_MAX_WORDS:
        return False
    if _DATELINE.match(text) and len(words) <= HEADING_MAX_WORDS:
        return True
    if len(words) <= 6 and not text.endswith(".") and _is_date(text):
        return True
    if text.endswith("?"):
        return "\n" not in text
    if text.endswith(_SENTENCE_CLOSE):
        return False
    return len(words) <= HEADING_MAX_WORDS and "\n" not in text


def _is_date(text: str) -> bool:
    try:
        return parse_published(text) is not None
    except ValueError:  # a zone-like word that is no zone: not a date line
        return False
