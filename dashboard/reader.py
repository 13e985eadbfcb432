"""Article text for the reader as escaped Markdown: shown as text, never as HTML.

Every Markdown and Streamlit-directive character of the article is escaped;
only the highlights this module adds (quotes with their speaker, actor
mentions) are markup.
"""

from __future__ import annotations

from collections.abc import Sequence

_SPECIAL = set("\\`*_{}[]()#+-.!|<>~:$&=\"'")
TONE_COLOURS = {"negative": "red", "neutral": "gray", "positive": "green"}


def escape(text: str) -> str:
    """Text that Streamlit Markdown shows exactly as written."""
    escaped = "".join("\\" + ch if ch in _SPECIAL else ch for ch in text)
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
