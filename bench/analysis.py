"""Analysis throughput: python -m bench.analysis [CORPUS.jsonl] [--scale N] [--workers N].

Prints words/s of each stage on one core (language, sentiment, actors,
keywords) and of all together, then the time to analyse the scaled corpus
from scratch in a store with N worker processes, the time of a re-run on the
unchanged store (the whole `python -m analysis analyze` command), and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.keywords import term_counts
from analysis.pipeline import analyze_text, load_models
from analysis.quotes import extract_quotes
from analysis.sentiment import score_text
from analysis.text import paragraph_language, paragraph_spans
from bench.corpus_scale import DEV_CORPUS, load_records, scale_records, write_jsonl
from corpus.ingest import ingest
from corpus.store import Store
from jobs.analyze import analyze_store

ROOT = Path(__file__).resolve().parents[1]


def rate(label: str, words: int, seconds: float) -> None:
    print(f"{label:<44} {words / seconds:>12,.0f} words/s  ({seconds:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEV_CORPUS)
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    records = scale_records(load_records(args.corpus), args.scale)
    models = load_models()
    paragraphs = []
    for record in records:
        text = record["text"]
        paragraphs.extend((text[s:e], record.get("language") or "en") for s, e in paragraph_spans(text))
    words = sum(len(p.split()) for p, _ in paragraphs)
    print(f"{len(records):,} articles, {len(paragraphs):,} paragraphs, {words:,} words")

    start = time.perf_counter()
    languages = [paragraph_language(p, lang) for p, lang in paragraphs]
    rate("language", words, time.perf_counter() - start)
    start = time.perf_counter()
    for (p, _), lang in zip(paragraphs, languages, strict=True):
        score_text(p, lang, analyzers=models.analyzers)
    rate("sentiment", words, time.perf_counter() - start)
    start = time.perf_counter()
    for (p, _), lang in zip(paragraphs, languages, strict=True):
        models.actors.mentions(p, lang)
    rate("actors", words, time.perf_counter() - start)
    start = time.perf_counter()
    for (p, _), lang in zip(paragraphs, languages, strict=True):
        term_counts(p, lang)
    rate("keywords", words, time.perf_counter() - start)
    start = time.perf_counter()
    for record in records:
        extract_quotes(
            record["text"],
            record.get("language") or "en",
            actors=models.actors,
            entities=models.entities.get(record.get("language") or "en"),
        )
    rate("quotes (spaCy NER where needed)", words, time.perf_counter() - start)
    four = ("tone", "actors", "keywords")
    start = time.perf_counter()
    for record in records:
        analyze_text(record["text"], record.get("language") or "en", models=models, analysers=four)
    rate("language+sentiment+actors+keywords, 1 core", words, time.perf_counter() - start)
    start = time.perf_counter()
    for record in records:
        analyze_text(record["text"], record.get("language") or "en", models=models)
    rate("all stages with quotes, 1 core", words, time.perf_counter() - start)

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        source = write_jsonl(records, Path(tmp) / "scaled.jsonl")
        with Store(db) as store:
            ingest(store, [str(source)])
            start = time.perf_counter()
            report = analyze_store(store, workers=args.workers)
            seconds = time.perf_counter() - start
        print(
            f"store analysis from scratch, {args.workers} workers: {report.analysed:,} articles in "
            f"{seconds:.1f} s ({words / seconds:,.0f} words/s)"
        )
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "analysis", "--db", str(db), "analyze"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        print(f"re-run on the unchanged store (whole command): {time.perf_counter() - start:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (this process) {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
