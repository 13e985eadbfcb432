"""Import throughput (no analysis): python -m bench.ingest [CORPUS.jsonl] [--scale N] [--wire].

Prints articles/s for a first import into a new store and for a re-import of
the same file (every article a duplicate), and the peak memory. `--wire` imports
near-duplicate wire copy (a few stories reprinted N times, the near-duplicate
linker's worst case) at N and 4N rows and prints the time ratio (linear: about 4).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from bench.corpus_scale import DEV_CORPUS, load_records, scale_records, wire_copy_records, write_jsonl
from corpus.ingest import ingest
from corpus.store import Store


def _import(records: Iterable[dict], label: str, *, twice: bool) -> float:
    """Seconds of the first import of the records into a new store (and prints a re-import)."""
    first = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        source = write_jsonl(records, Path(tmp) / "scaled.jsonl")
        size_mb = source.stat().st_size / 1e6
        with Store(Path(tmp) / "bench.duckdb") as store:
            for run in ("first import", "re-import") if twice else ("first import",):
                start = time.perf_counter()
                report = ingest(store, [str(source)])
                seconds = time.perf_counter() - start
                first = first or seconds
                near = sum(1 for item in report.added if item.near_duplicate_of)
                print(
                    f"{label} {run:<13} {len(report.items):>7,} articles ({size_mb:.1f} MB) in {seconds:6.2f} s = "
                    f"{len(report.items) / seconds:8,.0f} articles/s  (added {len(report.added)}, "
                    f"near-duplicates {near}, duplicates {len(report.duplicates)}, failed {len(report.failed)})",
                    flush=True,
                )
    return first


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _wire_run(corpus: Path, rows: int) -> tuple[float, float]:
    """In a process of its own, so that each size's peak memory is its own: (seconds, peak MiB)."""
    seconds = _import(wire_copy_records(load_records(corpus), rows), "wire", twice=False)
    return seconds, _peak_mib()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEV_CORPUS)
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--wire", action="store_true", help="near-duplicate wire copy at N and 4N rows")
    args = parser.parse_args()
    if args.wire:
        timings = []
        context = multiprocessing.get_context("spawn")
        for rows in (args.scale, 4 * args.scale):
            with context.Pool(1) as pool:
                seconds, peak = pool.apply(_wire_run, (args.corpus, rows))
            print(f"wire {rows:>7,} rows: peak memory {peak:,.0f} MiB")
            timings.append(seconds)
        print(f"4x the rows took {timings[1] / timings[0]:.2f}x the time (linear: 4)")
    else:
        _import(scale_records(load_records(args.corpus), args.scale), "distinct", twice=True)
        print(f"peak memory   {_peak_mib():,.0f} MiB")


if __name__ == "__main__":
    main()
