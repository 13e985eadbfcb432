"""Quoted spans found by pairing quote marks, before any parsing.

« » (with or without non-breaking spaces), “ ”, „ “, ‘ ’ and straight " and '
are paired by position and word boundaries, so an apostrophe (l’offre,
Musk's, don’t) is never taken for a quote mark. Nested quotes are kept with
their depth; a quote opened and never closed runs to the end of its
paragraph (the press convention for a quote continued in the next one) and
an unmatched mark never discards the rest of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

# opening mark -> closing marks it accepts
PAIRS = {
    "«": ("»", "«"),  # a « that can only close ("…vendre« .") is a malformed closing mark
    "»": ("«",),  # »…« as German and Scandinavian outlets write it
    "“": ("”", "“"),  # some outlets close with a second opening curly quote
    "„": ("“", "”"),
    "‘": ("’",),
    "‹": ("›",),
}
CLOSERS = {c for closers in PAIRS.values() for c in closers}
STRAIGHT = ('"', "'")
_SPACES = " \u00a0\u202f\u2009\t"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # first character inside the marks, spaces trimmed
    end: int
    open_mark: str
    close_mark: str | None  # None: never closed in its paragraph
    depth: int  # 0 outermost
    mark_start: int  # offset of the opening mark
    mark_end: int  # offset just past the closing mark (or the paragraph end)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not _is_word(before) and after not in _SPACES + "\n" and after not in ".,;:!?"


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before not in _SPACES + "\n" and not _is_word(after)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Every quoted span of text[start:end] (one paragraph), in order of opening.

    Offsets index `text`. Spans of depth > 0 are quotes inside quotes.
    """
    end = len(text) if end is None else end
    spans: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (opening mark, its offset)
    for i in range(start, end):
        ch = text[i]
        if ch not in PAIRS and ch not in CLOSERS and ch not in STRAIGHT:
            continue
        if ch in "'’" and i + 1 < end and _is_word(text[i + 1]) and i > 0 and _is_word(text[i - 1]):
            continue  # l’offre, don't, Musk's: an apostrophe, not a quote mark
        if ch == "’" and not any(mark == "‘" for mark, _ in stack):
            continue  # investors’ money: a closing single quote with nothing to close
        closing = None
        for depth in range(len(stack) - 1, -1, -1):
            mark = stack[depth][0]
            accepted = (mark,) if mark in STRAIGHT else PAIRS[mark]
            if ch in accepted and (mark not in STRAIGHT or _can_close(text, i)):
                closing = depth
                break
        if closing is not None and not (ch in "“«»" and _can_open(text, i) and not _can_close(text, i)):
            mark, opened = stack[closing]
            del stack[closing:]
            s, e = _trimmed(text, opened + 1, i)
            if e > s:
                spans.append(QuoteSpan(s, e, mark, ch, closing, opened, i + 1))
            continue
        if (ch in PAIRS or ch in STRAIGHT) and (ch not in STRAIGHT or _can_open(text, i)):
            stack.append((ch, i))
    for depth, (mark, opened) in enumerate(stack):
        s, e = _trimmed(text, opened + 1, end)
        e = _trimmed(text, s, e)[1]
        if e > s and depth == 0:
            spans.append(QuoteSpan(s, e, mark, None, depth, opened, end))
    return sorted(spans, key=lambda span: (span.mark_start, span.depth))
