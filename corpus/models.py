"""Records that move through the corpus package: articles and import reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from corpus.dates import Published


class Status(StrEnum):
    """What became of one item of an import."""

    ADDED = "added"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class Article:
    """One article as the store keeps it.

    `id` is stable: the id a record brings, else derived from the canonical
    URL, else from the content hash. `paragraphs` are the non-empty pieces of
    `text` split on blank lines. `metadata` keeps every field the source gave
    that has no column of its own.
    """

    id: str
    url: str | None
    canonical_url: str | None
    outlet: str | None
    title: str | None
    author: str | None
    published: Published | None
    language: str
    text: str
    paragraphs: tuple[str, ...]
    source: str
    content_hash: str
    imported_at: dt.datetime
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Candidate:
    """What an importer read at one place: an article, or the reason it could not."""

    where: str
    article: Article | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    skipped: bool = False
    record: dict[str, Any] | None = None  # the fields of a record that failed, for a retry (--fetch)


@dataclass(frozen=True, slots=True)
class ImportItem:
    """The outcome for one item of a batch."""

    where: str
    status: Status
    article_id: str | None = None
    reason: str | None = None
    duplicate_of: str | None = None
    near_duplicate_of: str | None = None
    warnings: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) not in (None, ())}


@dataclass(frozen=True, slots=True)
class ImportReport:
    """Every item of a batch: added, duplicate, failed (with reason) or skipped."""

    items: tuple[ImportItem, ...]

    def _of(self, status: Status) -> list[ImportItem]:
        return [item for item in self.items if item.status == status]

    @property
    def added(self) -> list[ImportItem]:
        return self._of(Status.ADDED)

    @property
    def duplicates(self) -> list[ImportItem]:
        return self._of(Status.DUPLICATE)

    @property
    def failed(self) -> list[ImportItem]:
        return self._of(Status.FAILED)

    @property
    def skipped(self) -> list[ImportItem]:
        return self._of(Status.SKIPPED)

    @property
    def ok(self) -> bool:
        """True when every item was added or a duplicate (skipped files aside)."""
        return not self.failed

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "duplicates": len(self.duplicates),
            "failed": len(self.failed),
            "skipped": len(self.skipped),
            "near_duplicates": sum(1 for i in self.added if i.near_duplicate_of),
            "warnings": sum(len(i.warnings) for i in self.items),
            "items": [item.as_dict() for item in self.items],
        }
