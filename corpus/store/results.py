"""Analysis results in the store: their tables, what is missing or stale, and their writes.

The store does not know the analysers: callers pass the versions they want
and the rows they computed (one tuple per row, in `RESULT_COLUMNS` order).
Each write replaces the results of the given articles and analysers in one
transaction, so a killed run keeps what it finished.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from corpus.store.articles import Store
from corpus.store.schema import RESULT_COLUMNS, RESULT_DDL, RESULT_TABLES, insert_results, result_type

Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Work:
    """An article with analysers to (re)run on it."""

    content_hash: str
    text: str
    language: str
    analysers: tuple[str, ...]


def ensure_result_tables(store: Store) -> None:
    store.con.begin()
    for statement in RESULT_DDL:
        store.con.execute(statement)
    store.con.commit()


def has_result_tables(store: Store) -> bool:
    tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return {"analysis_runs", *RESULT_COLUMNS} <= tables


def stale_work(store: Store, versions: Mapping[str, str]) -> list[Work]:
    """Every article with text missing a result of the wanted analyser versions."""
    rows = store.con.execute(
        """
        WITH wanted AS (SELECT unnest(?) AS analyser, unnest(?) AS version)
        SELECT a.content_hash, any_value(a.text), any_value(a.language), list(w.analyser ORDER BY w.analyser)
        FROM articles a CROSS JOIN wanted w
        LEFT JOIN analysis_runs r
          ON r.content_hash = a.content_hash AND r.analyser = w.analyser AND r.version = w.version
        WHERE r.content_hash IS NULL AND a.text IS NOT NULL  -- bundled results stand for text-less articles
        GROUP BY a.content_hash ORDER BY a.content_hash
        """,
        [list(versions), list(versions.values())],
    ).fetchall()
    return [Work(h, text, language, tuple(names)) for h, text, language, names in rows]


def is_current(store: Store, versions: Mapping[str, str]) -> bool:
    """True when every article has a result of every wanted version (works read-only)."""
    return has_result_tables(store) and not stale_work(store, versions)


def result_table(name: str, rows: Sequence[Row]) -> pa.Table:
    """Rows of a result table (tuples in `RESULT_COLUMNS[name]` order) as an Arrow table."""
    columns = RESULT_COLUMNS[name]
    values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    return pa.table({c: pa.array(list(v), type=result_type(c)) for c, v in zip(columns, values, strict=True)})


def write_results(
    store: Store,
    rows: Mapping[str, Sequence[Row]],
    ran: Mapping[str, Sequence[str]],
    versions: Mapping[str, str],
) -> None:
    """Replace the results of the analysers that `ran` (analyser -> content hashes) by `rows`
    (result table -> rows), in one transaction."""
    if not any(ran.values()):
        return
    con = store.con
    tables = {name: result_table(name, table_rows) for name, table_rows in rows.items()}
    now = dt.datetime.now(dt.UTC)
    con.begin()
    try:
        for analyser, hashes in ran.items():
            if not hashes:
                continue
            for name in RESULT_TABLES[analyser]:
                con.execute(f"DELETE FROM {name} WHERE content_hash IN (SELECT unnest(?))", [list(hashes)])
            con.execute(
                "DELETE FROM analysis_runs WHERE analyser = ? AND content_hash IN (SELECT unnest(?))",
                [analyser, list(hashes)],
            )
            runs = pa.table(
                {
                    "content_hash": list(hashes),
                    "analyser": [analyser] * len(hashes),
                    "version": [versions[analyser]] * len(hashes),
                    "computed_at": pa.array([now] * len(hashes), type=pa.timestamp("us", tz="UTC")),
                }
            )
            con.register("new_runs", runs)
            con.execute("INSERT INTO analysis_runs SELECT * FROM new_runs")
            con.unregister("new_runs")
        for name, table in tables.items():
            if table.num_rows:
                con.register("new_rows", table)
                insert_results(con, name, "new_rows")
                con.unregister("new_rows")
        con.commit()
    except BaseException:
        con.rollback()
        raise
