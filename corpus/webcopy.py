"""Text copied from a web page, with its site chrome taken out by general rules.

A page pasted as text carries more than the article: a title line, datelines
("Publié le …", "Updated …"), an author box that the page repeats at the end,
a breadcrumb trail and teasers of unrelated articles after it. The rules here
look at the shape of the page, never at the strings of one site:

1. a line the page repeats (author boxes, bios, "Advertisement") is chrome;
2. where a line of the page's head comes back after the body, the footer
   starts: it and all that follows it (breadcrumbs, teasers) go;
3. a line after the body that carries the title, cut short or run into other
   words, is a breadcrumb trail: it and all that follows it go;
4. datelines are dropped, and the first one is kept as the date found;
5. a block of one-line paragraphs becomes paragraphs separated by blank lines,
   a hard-wrapped block becomes one paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.dates import Published, parse_published
from corpus.text import fold_for_matching, normalise_newlines
from corpus.words import DATELINE_WORDS

_DATELINE = re.compile(r"^(?:" + "|".join(re.escape(w) for w in DATELINE_WORDS) + r")\b", re.IGNORECASE)
_BODY_WORDS = 25  # a line this long is article body, not chrome
_TERMINAL = tuple(".!?…:;»\"”')")
_WRAP_WIDTH = 90


@dataclass(frozen=True, slots=True)
class CleanCopy:
    text: str
    title: str | None
    dateline: Published | None
    removed_lines: int


def _is_body(line: str) -> bool:
    return len(line.split()) >= _BODY_WORDS


def _repeated(lines: list[str]) -> set[str]:
    seen: dict[str, int] = {}
    for line in lines:
        key = fold_for_matching(line)
        if key:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count > 1}


def _guess_title(lines: list[str]) -> str | None:
    for i, line in enumerate(lines):
        if not line:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        short = len(line) <= 200 and not line.endswith(".")
        if short and (not following or _DATELINE.match(following)):
            return line
        return None
    return None


def _is_breadcrumb(line: str, title_key: str) -> bool:
    """The title cut short ("… le critique...") or run into other words."""
    key = fold_for_matching(line)
    if not title_key or len(title_key) < 20 or key == title_key:
        return False
    if title_key in key:
        return True
    stem = key.rstrip(".… ")
    if stem != key and len(stem) >= 20:
        # the line ends with the title's first n characters (n >= 20): only n up to the title's
        # length can, so a paragraph of megabytes costs what a line does
        for n in range(min(len(stem), len(title_key)), 19, -1):
            if stem.endswith(title_key[:n]):
                return True
    return False


def _footer_start(lines: list[str], repeated: set[str], title_key: str) -> int:
    first_body = next(
        (i for i, line in enumerate(lines) if _is_body(line) and fold_for_matching(line) not in repeated),
        None,
    )
    if first_body is None:
        return len(lines)
    head = {fold_for_matching(line) for line in lines[:first_body]} & repeated
    last_body = first_body
    for i in range(first_body + 1, len(lines)):
        line = lines[i]
        key = fold_for_matching(line)
        if (key in head or _is_breadcrumb(line, title_key)) and i > last_body:
            return i
        if _is_body(line):
            last_body = i
    return len(lines)


def _paragraphs(block: list[str]) -> list[str]:
    wrapped = len(block) > 1 and max(map(len, block)) <= _WRAP_WIDTH
    if wrapped and sum(not line.endswith(_TERMINAL) for line in block) > len(block) // 2:
        return [" ".join(block)]
    return block


def clean_web_copy(text: str, *, title: str | None = None, default_tz: str = "UTC") -> CleanCopy:
    """Article text out of a page copied as text; see the module docstring for the rules.

    `default_tz` reads a dateline that gives no zone.
    """
    lines = [line.strip() for line in normalise_newlines(text).split("\n")]
    found_title = title or _guess_title(lines)
    title_key = fold_for_matching(found_title or "")
    repeated = _repeated(lines)
    end = _footer_start(lines, repeated, title_key)
    kept: list[str] = []
    dateline: Published | None = None
    dropped = len(lines) - end
    title_dropped = False
    for line in lines[:end]:
        key = fold_for_matching(line)
        if not line:
            kept.append("")
            continue
        if not title_dropped and title_key and key == title_key:
            title_dropped = True
            dropped += 1
            continue
        if _DATELINE.match(line) and len(line) <= 120:
            found = parse_published(line, default_tz=default_tz)
            if found is not None:
                dateline = dateline or found
                dropped += 1
                continue
        if key in repeated:
            dropped += 1
            continue
        kept.append(line)
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*kept, ""]:
        if line:
            block.append(line)
        elif block:
            paragraphs.extend(_paragraphs(block))
            block = []
    if not paragraphs and title_dropped and not title:
        # a one-line text is its own body, not a title over nothing
        return CleanCopy(found_title or "", None, dateline, dropped - 1)
    return CleanCopy("\n\n".join(paragraphs), found_title, dateline, dropped)
