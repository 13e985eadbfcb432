"""Independent reads of one store run side by side, each on its own cursor.

A page asks for several read models of the same selection; run one after the
other, each waits for the previous one's single-threaded phases (planning, the
small joins, the conversion to pandas) while a core sits idle. DuckDB runs
queries on separate cursors of one database at once and releases Python's lock
while it works, so the page's reads overlap; an error in any read is raised here.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from corpus.store.articles import Store

_READERS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="store-read")
T = TypeVar("T")


def _on_own_cursor(store: Store, read: Callable[[Store], T]) -> T:
    cursor = store.cursor()
    try:
        return read(cursor)
    finally:
        cursor.close()


def in_background(store: Store, read: Callable[[Store], T]) -> Future[T]:
    """`read` started now on its own cursor of `store`; its result, or its error, when asked for
    (while it runs, the caller builds what does not depend on it). The read runs in a copy of the
    caller's context, so that context variables set around the call (the charts' colour book)
    hold there too."""
    context = contextvars.copy_context()
    return _READERS.submit(context.run, _on_own_cursor, store, read)


def side_by_side(store: Store, *reads: Callable[[Store], Any]) -> list[Any]:
    """The results of `reads`, in their order; each read gets its own cursor on `store`."""
    if len(reads) < 2:
        return [read(store) for read in reads]
    pending = [in_background(store, read) for read in reads]
    return [done.result() for done in pending]
