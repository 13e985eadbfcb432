"""The filters every page shares, and their round trip through the URL's query parameters.

Pure: no Streamlit here. `Filters` is what the sidebar shows; `to_selection`
turns it into the `Selection` the measures take, resolving the keyword search
(titles, texts and quotes) and the actors (named in, or speaking in, an article)
to article ids with one query each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from corpus.store import Store
from corpus.store.reads import articles
from corpus.store.selection import Selection


@dataclass(frozen=True, slots=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    outlets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    keyword: str = ""
    duplicates: bool = True  # count syndicated copies (near-duplicates)

    def to_params(self) -> dict[str, str | list[str]]:
        """Query parameters for a shareable link; defaults are left out."""
        params: dict[str, str | list[str]] = {}
        if self.start:
            params["from"] = self.start.isoformat()
        if self.end:
            params["to"] = self.end.isoformat()
        for key, values in (("outlet", self.outlets), ("lang", self.languages), ("actor", self.actors)):
            if values:
                params[key] = list(values)
        if self.keyword:
            params["q"] = self.keyword
        if not self.duplicates:
            params["copies"] = "no"
        return params

    @classmethod
    def from_params(cls, params: Mapping[str, str | list[str]]) -> Filters:
        """Filters from query parameters; a malformed value is ignored, never an error."""

        def many(key: str) -> tuple[str, ...]:
            value = params.get(key, [])
            values = [value] if isinstance(value, str) else list(value)
            return tuple(dict.fromkeys(v for v in values if v))

        def one(key: str) -> str:
            value = params.get(key, "")
            return (value[-1] if value else "") if isinstance(value, list) else value

        def day(key: str) -> dt.date | None:
            try:
                return dt.date.fromisoformat(one(key)) if one(key) else None
            except ValueError:
                return None

        return cls(
            start=day("from"),
            end=day("to"),
            outlets=many("outlet"),
            languages=many("lang"),
            actors=many("actor"),
            keyword=one("q").strip()[:200],
            duplicates=one("copies") != "no",
        )

    def describe(self) -> str:
        """One line for chart images and exports: what the chart shows."""
        parts = []
        if self.start or self.end:
            parts.append(f"{self.start or '…'} → {self.end or '…'}")
        for label, values in (
            ("outlets", self.outlets),
            ("languages", self.languages),
            ("actors", self.actors),
        ):
            if values:
                shown = ", ".join(values[:4]) + (f" +{len(values) - 4}" if len(values) > 4 else "")
                parts.append(f"{label}: {shown}")
        if self.keyword:
            parts.append(f"keyword: “{self.keyword}”")
        if not self.duplicates:
            parts.append("syndicated copies left out")
        return " · ".join(parts) or "all articles"


def to_selection(store: Store, filters: Filters) -> Selection:
    """The Selection of the filters, with keyword and actors resolved to article ids."""
    ids: set[str] | None = None
    if filters.keyword:
        ids = articles.ids_matching(store, filters.keyword)
    if filters.actors:
        found = articles.ids_naming(store, filters.actors)
        ids = found if ids is None else ids & found
    return Selection(
        start=filters.start,
        end=filters.end,
        outlets=filters.outlets,
        languages=filters.languages,
        include_duplicates=filters.duplicates,
        article_ids=tuple(sorted(ids)) if ids is not None else None,
    )
