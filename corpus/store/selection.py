"""Which articles a read covers.

A `Selection` (dates, outlets, languages, with or without syndicated copies,
a set of article ids) becomes one parameterised SQL condition on the articles
table; every read model takes one, so the dashboard and the CLI filter the
same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Selection:
    """Which articles a measure covers; empty tuples mean "all"."""

    start: dt.date | None = None
    end: dt.date | None = None  # inclusive
    outlets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    include_duplicates: bool = True  # syndicated copies (near-duplicates) counted or not
    article_ids: tuple[str, ...] | None = field(default=None)  # e.g. a keyword search's hits
    # Dates are spans at their precision (2025-02 is the whole of February). False: an article is
    # in the dates when its span overlaps them; True: only when its span lies wholly inside them
    # (a before/after comparison, where a month-dated article of the split month is on neither side).
    whole: bool = False

    def where(self, alias: str = "a") -> tuple[str, list[object]]:
        """SQL condition on the articles table (aliased `alias`) and its parameters."""
        clauses: list[str] = ["TRUE"]
        params: list[object] = []
        first, last = f"{alias}.published", published_end(alias)
        if self.start:
            clauses.append(f"{first if self.whole else last} {'>=' if self.whole else '>'} ?")
            params.append(dt.datetime.combine(self.start, dt.time(), tzinfo=dt.UTC))
        if self.end:
            clauses.append(f"{last if self.whole else first} {'<=' if self.whole else '<'} ?")
            params.append(dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC))
        if self.outlets:
            clauses.append(f"{alias}.outlet IN (SELECT unnest(?))")
            params.append(list(self.outlets))
        if self.languages:
            clauses.append(f"{alias}.language IN (SELECT unnest(?))")
            params.append(list(self.languages))
        if not self.include_duplicates:
            clauses.append(f"{alias}.duplicate_of IS NULL")
        if self.article_ids is not None:
            clauses.append(f"{alias}.id IN (SELECT unnest(?))")
            params.append(list(self.article_ids))
        return " AND ".join(clauses), params


ALL = Selection()


def published_end(alias: str = "a") -> str:
    """SQL for the end (exclusive) of an article's publication span at its precision."""
    return (
        f"CASE {alias}.published_precision WHEN 'year' THEN {alias}.published + INTERVAL 1 YEAR "
        f"WHEN 'month' THEN {alias}.published + INTERVAL 1 MONTH WHEN 'day' THEN {alias}.published + INTERVAL 1 DAY "
        f"ELSE {alias}.published + INTERVAL 1 SECOND END"
    )


def like_pattern(text: str) -> str:
    """An ILIKE pattern (with ESCAPE '\\') matching `text` anywhere, its % and _ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
