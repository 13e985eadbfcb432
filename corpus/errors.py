"""One small hierarchy of errors for everything that brings articles in.

The core raises these with a message that names the bad value and what was
expected; the CLI and the dashboard turn them into plain messages.
"""

from __future__ import annotations


class CorpusError(Exception):
    """Base class of every error raised by the corpus package."""


class InputError(CorpusError):
    """A file, row or record that cannot become an article.

    `where` names the file (and row) so that a batch report can point at it.
    """

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


class FetchError(CorpusError):
    """A URL that could not be fetched within the network rules."""


class StoreError(CorpusError):
    """The DuckDB store cannot be opened, read or written."""


class StoreBusyError(StoreError):
    """Another process holds the store's write lock."""
