"""How long work reports its progress: a callback of (done, total, label); the faces draw it."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]


def no_progress(_done: int, _total: int, _label: str) -> None:
    """The callback of work nobody watches."""
