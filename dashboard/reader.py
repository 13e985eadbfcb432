"""Article text for the reader as escaped Markdown: shown as text, never as HTML.

Every ASCII punctuation character of the article is backslash-escaped, which stops
every Markdown, HTML and directive construct at the parser. Some rewrites run later,
on the parsed text, where escapes are gone: GFM's bare-URL and e-mail links, emoji
and `:material/…:` shortcodes. A word joiner (U+2060, invisible) after each ":" and
"@" and inside "www." leaves them nothing to match. Only the highlights this module
adds (quotes with their speaker, actor mentions) are markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SPECIAL = frozenset(chr(c) for c in range(33, 127) if not chr(c).isalnum())  # all ASCII punctuation
WORD_JOINER = "\u2060"
_JOINED = {":": ":" + WORD_JOINER, "@": "@" + WORD_JOINER}
TONE_COLOURS = {"negative": "red", "neutral": "gray", "positive": "green"}


def escape(text: str) -> str:
    """Text that Streamlit Markdown shows as written (with invisible word joiners, see above)."""
    escaped = "".join(
        "\\" + _JOINED.get(ch, ch) if ch in _SPECIAL else ch for ch in text.replace("\r", "").replace(WORD_JOINER, "")
    )
    escaped = re.sub(r"(?i)(?<![\w])(w)(ww\\\.)", "\\1" + WORD_JOINER + "\\2", escaped)  # no "www." for autolinks
    return escaped.replace("\n", "  \n")


def highlighted(
    text: str, quotes: Sequence[tuple[int, int, str | None, str]], mentions: Sequence[tuple[int, int, str]]
) -> str:
    """The paragraph with its quotes (and their speaker) and actor mentions marked, the rest escaped.

    quotes: (start, end, speaker, quote) offsets within the paragraph; mentions: (start, end, actor).
    """
    marks: list[tuple[int, int, str, str]] = []
    for start, end, speaker, _quote in quotes:
        marks.append((start, end, "quote", speaker or "unresolved"))
    for start, end, actor in mentions:
        if not any(s <= start < e for s, e, kind, _ in marks if kind == "quote"):
            marks.append((start, end, "mention", actor))
    marks.sort()
    out, position = [], 0
    for start, end, kind, who in marks:
        if start < position:
            continue
        out.append(escape(text[position:start]))
        if kind == "quote":
            out.append(f":orange-background[{escape(text[start:end])}] :orange[**— {escape(who)}**]")
        else:
            out.append(f":blue-background[{escape(text[start:end])}]")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def text_or(value: object, default: str) -> str:
    """A DataFrame cell as text: missing values (None, NaN) give the default."""
    return value if isinstance(value, str) and value else default


def tone_badge(label: str | None, compound: float | None) -> str:
    if label is None:
        return ":gray-background[not scored]"
    return f":{TONE_COLOURS.get(label, 'gray')}-background[{label} {compound:+.2f}]"
