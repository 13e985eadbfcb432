"""Cells that are safe to open in a spreadsheet: no cell starts a formula.

A text cell beginning with = + - @ or a tab/carriage return is prefixed with an
apostrophe (OWASP's advice against CSV injection); numbers stay numbers. A text
that already starts with apostrophes before such a sign gets one more, so
`unsafe_cell` gives back exactly the text written.
"""

from __future__ import annotations

import re
from typing import Any

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
