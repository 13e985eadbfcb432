"""Analysis results in the store, computed incrementally and in parallel.

Results are keyed by the article's content hash and each analyser's version:
`analyze_store` computes only what is missing or stale, in chunks of articles
spread over worker processes; each chunk is written in one transaction, so a
killed run keeps what it finished and the next run picks up the rest.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from analysis.actors import load_actors
from analysis.pipeline import ANALYSERS, ArticleAnalysis, Models, analyser_versions, analyze_text, load_models
from corpus.ingest import open_store
from corpus.store import Store

Progress = Callable[[int, int, str], None]
Work = tuple[str, str, str, tuple[str, ...]]  # content_hash, text, language, analysers
Done = tuple[str, tuple[str, ...], ArticleAnalysis]
CHUNK = 250

RESULT_DDL = (
    """CREATE TABLE IF NOT EXISTS analysis_runs (
        content_hash VARCHAR NOT NULL, analyser VARCHAR NOT NULL, version VARCHAR NOT NULL,
        computed_at TIMESTAMPTZ NOT NULL)""",
    # every paragraph; tone columns null where its language is not scored
    """CREATE TABLE IF NOT EXISTS paragraph_tone (
        content_hash VARCHAR NOT NULL, paragraph_index INTEGER NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, language VARCHAR NOT NULL,
        words INTEGER NOT NULL, compound DOUBLE, pos DOUBLE, neu DOUBLE, neg DOUBLE,
        label VARCHAR, min_sentence DOUBLE)""",
    """CREATE TABLE IF NOT EXISTS article_tone (
        content_hash VARCHAR NOT NULL, scored INTEGER NOT NULL, mean DOUBLE,
        share_negative DOUBLE, share_positive DOUBLE, most_negative INTEGER, most_positive INTEGER)""",
    """CREATE TABLE IF NOT EXISTS actor_mentions (
        content_hash VARCHAR NOT NULL, paragraph_index INTEGER NOT NULL, actor VARCHAR NOT NULL,
        mention VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        matched_by VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS term_counts (
        content_hash VARCHAR NOT NULL, term VARCHAR NOT NULL, n TINYINT NOT NULL, count INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS quotes (
        content_hash VARCHAR NOT NULL, paragraph_index INTEGER NOT NULL, start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL, quote VARCHAR NOT NULL, speaker VARCHAR, mention VARCHAR, cue VARCHAR,
        step VARCHAR NOT NULL, resolution VARCHAR NOT NULL, confidence DOUBLE NOT NULL,
        language VARCHAR NOT NULL, kind VARCHAR NOT NULL)""",
)
TABLES = {
    "tone": ("paragraph_tone", "article_tone"),
    "actors": ("actor_mentions",),
    "keywords": ("term_counts",),
    "quotes": ("quotes",),
}


def ensure_result_tables(store: Store) -> None:
    store.con.begin()
    for statement in RESULT_DDL:
        store.con.execute(statement)
    store.con.commit()


@dataclass(frozen=True, slots=True)
class AnalyzeReport:
    articles: int  # articles in the store
    analysed: int  # articles that had at least one analyser to run
    runs: dict[str, int]  # analyser -> articles it ran on
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def stale_work(store: Store, versions: dict[str, str]) -> list[Work]:
    """(content_hash, text, language, analysers to run) for every article missing a current result."""
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
    return [(h, text, language, tuple(names)) for h, text, language, names in rows]


# -- workers -------------------------------------------------------------------------

_WORKER_MODELS: Models | None = None


def _init_worker() -> None:
    global _WORKER_MODELS
    _WORKER_MODELS = load_models()


def _analyse_chunk(chunk: Sequence[Work]) -> list[Done]:
    models = _WORKER_MODELS or load_models()
    return [
        (h, names, analyze_text(text, language, models=models, analysers=names)) for h, text, language, names in chunk
    ]


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- writing -------------------------------------------------------------------------


RESULT_COLUMNS = {
    "paragraph_tone": (
        "content_hash",
        "paragraph_index",
        "start_char",
        "end_char",
        "language",
        "words",
        "compound",
        "pos",
        "neu",
        "neg",
        "label",
        "min_sentence",
    ),
    "article_tone": (
        "content_hash",
        "scored",
        "mean",
        "share_negative",
        "share_positive",
        "most_negative",
        "most_positive",
    ),
    "actor_mentions": (
        "content_hash",
        "paragraph_index",
        "actor",
        "mention",
        "start_char",
        "end_char",
        "matched_by",
    ),
    "term_counts": ("content_hash", "term", "n", "count"),
    "quotes": (
        "content_hash",
        "paragraph_index",
        "start_char",
        "end_char",
        "quote",
        "speaker",
        "mention",
        "cue",
        "step",
        "resolution",
        "confidence",
        "language",
        "kind",
    ),
}
_TYPES = {
    "compound": pa.float64(),
    "pos": pa.float64(),
    "neu": pa.float64(),
    "neg": pa.float64(),
    "min_sentence": pa.float64(),
    "mean": pa.float64(),
    "share_negative": pa.float64(),
    "share_positive": pa.float64(),
    "most_negative": pa.int32(),
    "most_positive": pa.int32(),
    "label": pa.string(),
    "n": pa.int8(),
    "speaker": pa.string(),
    "mention": pa.string(),
    "cue": pa.string(),
    "confidence": pa.float64(),
}


def _result_rows(done: Sequence[Done]) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in RESULT_COLUMNS}
    for h, names, result in done:
        if "tone" in names:
            for p in result.paragraphs:
                t = p.tone
                scores = (t.compound, t.pos, t.neu, t.neg, t.label, t.min_sentence) if t else (None,) * 6
                rows["paragraph_tone"].append((h, p.index, p.start, p.end, p.language, p.words, *scores))
            s = result.tone
            rows["article_tone"].append(
                (h, s.scored, s.mean, s.share_negative, s.share_positive, s.most_negative, s.most_positive)
            )
        if "actors" in names:
            rows["actor_mentions"].extend(
                (h, p.index, m.actor, m.text, m.start, m.end, m.by) for p in result.paragraphs for m in p.mentions
            )
        if "keywords" in names:
            rows["term_counts"].extend((h, term, term.count(" ") + 1, n) for term, n in result.terms.items())
        if "quotes" in names:
            rows["quotes"].extend(
                (
                    h,
                    q.paragraph_index,
                    q.start,
                    q.end,
                    q.quote,
                    q.speaker,
                    q.mention,
                    q.cue,
                    q.step,
                    q.resolution,
                    q.confidence,
                    q.language,
                    q.kind,
                )
                for q in result.quotes
            )
    return rows


def _arrow(name: str, rows: list[tuple[Any, ...]]) -> pa.Table:
    columns = RESULT_COLUMNS[name]
    values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    return pa.table({c: pa.array(list(v), type=_TYPES.get(c)) for c, v in zip(columns, values, strict=True)})


def write_results(store: Store, done: Sequence[Done], versions: dict[str, str]) -> None:
    """Replace the results of these articles' re-run analysers, in one transaction."""
    if not done:
        return
    con = store.con
    tables = {name: _arrow(name, rows) for name, rows in _result_rows(done).items()}
    now = dt.datetime.now(dt.UTC)
    con.begin()
    try:
        for analyser in ANALYSERS:
            hashes = [h for h, names, _ in done if analyser in names]
            if not hashes:
                continue
            for name in TABLES[analyser]:
                con.execute(f"DELETE FROM {name} WHERE content_hash IN (SELECT unnest(?))", [hashes])
            con.execute(
                "DELETE FROM analysis_runs WHERE analyser = ? AND content_hash IN (SELECT unnest(?))",
                [analyser, hashes],
            )
            runs = pa.table(
                {
                    "content_hash": hashes,
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
                con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM new_rows")
                con.unregister("new_rows")
        con.commit()
    except BaseException:
        con.rollback()
        raise


def analyze_store(
    store: Store, *, workers: int = 1, models: Models | None = None, progress: Progress | None = None
) -> AnalyzeReport:
    """Run every analyser whose result is missing or stale; nothing when all are current."""
    started = time.perf_counter()
    ensure_result_tables(store)
    versions = models.versions() if models else current_versions()
    work = stale_work(store, versions)
    total = store.count()
    runs = {name: sum(name in names for *_rest, names in work) for name in ANALYSERS}
    report = progress or (lambda done, total, label: None)
    report(0, len(work), "analysing")
    done_count = 0
    chunks = list(_chunks(work, CHUNK))
    if workers > 1 and len(chunks) > 1 and models is None:
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
            for done in pool.map(_analyse_chunk, chunks):
                write_results(store, done, versions)
                done_count += len(done)
                report(done_count, len(work), "analysing")
    else:
        active = models if models is not None else (load_models() if work else None)
        for chunk in chunks:
            done = [
                (h, names, analyze_text(text, language, models=active, analysers=names))
                for h, text, language, names in chunk
            ]
            write_results(store, done, versions)
            done_count += len(done)
            report(done_count, len(work), "analysing")
    return AnalyzeReport(total, len(work), runs, round(time.perf_counter() - started, 3))


def current_versions() -> dict[str, str]:
    """Each analyser's version, without loading the scorers or spaCy (the models' own versions are read
    from their package metadata)."""
    return analyser_versions(load_actors())


def is_current(store: Store) -> bool:
    """True when every article has every analyser's current result (works read-only)."""
    tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not {"analysis_runs", *RESULT_COLUMNS} <= tables:
        return False
    return not stale_work(store, current_versions())


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def open_analyzed_store(path: Path | str | None = None, *, read_only: bool = False) -> Store:
    """The store with every analysis current: built from data/ when new, brought up to
    date when articles or analysers changed since the last run (see corpus.ingest.open_store)."""
    from analysis.coverage import build_new_store

    store = open_store(path, read_only=True, on_create=build_new_store)
    if is_current(store):
        if not read_only:
            store.close()
            return open_store(path)
        return store
    store.close()
    with open_store(path) as writable:
        analyze_store(writable)
    return open_store(path, read_only=read_only)
