"""CSV that is safe to open in a spreadsheet: no cell starts a formula.

A text cell beginning with = + - @ or a tab/carriage return is prefixed with an
apostrophe (OWASP's advice against CSV injection); numbers stay numbers. A text
that already starts with apostrophes before such a sign gets one more, so
`unsafe_cell` (and `read_safe_csv`) give back exactly the text written.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile(r"'*[=+\-@\t\r]")  # what a spreadsheet could read as a formula, once apostrophes are dropped


def safe_cell(value: Any) -> Any:
    """The value as a CSV cell that a spreadsheet will not run as a formula."""
    if value is None:
        return ""
    if isinstance(value, (bool, int | float)):
        return value
    text = str(value)
    return "'" + text if _ESCAPED.match(text) else text


def unsafe_cell(text: str) -> str:
    """The original text of a cell written by safe_cell."""
    return text[1:] if text.startswith("'") and _ESCAPED.match(text, 1) else text


def write_safe_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write rows under a header, every text cell made safe; returns the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
            count += 1
    return count


def read_safe_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {key: unsafe_cell(value) for key, value in row.items()}
