"""`python -m analysis`: the command line over the corpus store and the analysers.

Errors of the core arrive here as typed exceptions and leave as one plain
line on standard error with exit code 2; reports go to standard output
(machine-readable with --json), progress to standard error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from analysis.progress import ProgressBar
from corpus.errors import CorpusError
from corpus.ingest import STORE_ENV, default_store_path, ingest, open_store
from corpus.models import ImportReport

EXIT_OK, EXIT_ITEMS_FAILED, EXIT_ERROR = 0, 1, 2


def _print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _print_report(report: ImportReport) -> None:
    summary = report.as_dict()
    print(
        f"added {summary['added']} (near-duplicates {summary['near_duplicates']}), "
        f"duplicates {summary['duplicates']}, failed {summary['failed']}, "
        f"skipped {summary['skipped']}"
    )
    for item in report.items:
        if item.status == "failed":
            print(f"  failed   {item.where}: {item.reason}")
        elif item.status == "skipped":
            print(f"  skipped  {item.where}: {item.reason}")
        for warning in item.warnings:
            print(f"  warning  {item.where}: {warning}")


def cmd_ingest(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        report = ingest(
            store, args.sources,
            progress=ProgressBar("reading"), store_progress=ProgressBar("storing"),
        )
    if args.json:
        _print_json(report.as_dict())
    else:
        _print_report(report)
    return EXIT_OK if report.ok else EXIT_ITEMS_FAILED


def cmd_stats(args: argparse.Namespace) -> int:
    with open_store(args.db, read_only=True) as store:
        stats = store.stats()
    if args.json:
        _print_json(stats)
        return EXIT_OK
    print(
        f"{stats['articles']} articles from {stats['outlets']} outlets, {stats['words']:,} words, "
        f"{stats['paragraphs']:,} paragraphs; {stats['near_duplicates']} near-duplicates; "
        f"{stats['undated']} undated; published {stats['first_published']} to {stats['last_published']}"
    )
    for title, key in (("outlet", "by_outlet"), ("language", "by_language"), ("month", "by_month")):
        print(f"\nby {title}:")
        rows = stats[key].items()
        ordered = sorted(rows, key=lambda kv: (-kv[1], kv[0])) if key == "by_outlet" else sorted(rows)
        for name, count in ordered:
            print(f"  {name:<40} {count:>6}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Press coverage analytics: import articles and analyse them.",
    )
    parser.add_argument(
        "--db", default=None,
        help=f"store file (default ${STORE_ENV} or {default_store_path()}); built from data/ when new",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("ingest", help="import files, folders, zip archives, URLs and feeds")
    p.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    p.set_defaults(run=cmd_ingest)

    p = commands.add_parser("stats", help="articles per outlet, language and month")
    p.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    p.set_defaults(run=cmd_stats)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader of our output (head, less) went away: not an error of ours.
        # Point stdout at /dev/null so that the interpreter's final flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted: nothing of this run was stored", file=sys.stderr)
        return 130
