"""JSONL import throughput (no analysis): python -m bench.ingest [CORPUS.jsonl] [--scale N].

Prints articles/s for a first import into a new store and for a re-import of
the same file (every article a duplicate), and the peak memory.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from bench.corpus_scale import DEV_CORPUS, load_records, scale_records, write_jsonl
from corpus.ingest import ingest
from corpus.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEV_CORPUS)
    parser.add_argument("--scale", type=int, default=10_000)
    args = parser.parse_args()
    records = scale_records(load_records(args.corpus), args.scale)
    with tempfile.TemporaryDirectory() as tmp:
        source = write_jsonl(records, Path(tmp) / "scaled.jsonl")
        size_mb = source.stat().st_size / 1e6
        with Store(Path(tmp) / "bench.duckdb") as store:
            for label in ("first import", "re-import"):
                start = time.perf_counter()
                report = ingest(store, [str(source)])
                seconds = time.perf_counter() - start
                print(
                    f"{label:<13} {args.scale:>7,} articles ({size_mb:.1f} MB) in {seconds:6.2f} s = "
                    f"{args.scale / seconds:8,.0f} articles/s  "
                    f"(added {len(report.added)}, duplicates {len(report.duplicates)}, "
                    f"failed {len(report.failed)})"
                )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory   {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
