"""The command line (`press`, or `python -m analysis` / `python -m cli`) over the corpus store and the analysers.

Errors of the core arrive here as typed exceptions and leave as one plain
line on standard error with exit code 2; reports go to standard output
(machine-readable with --json), progress to standard error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from analysis import tone_evaluation
from analysis.evaluation import (
    format_cross_validation,
    format_label_report,
    format_quote_report,
    load_gold,
    quote_cross_validation,
    quote_report,
)
from analysis.pipeline import analyze_text, load_models
from analysis.quotes import SHORT_WORDS, SHORT_WORDS_GRID, Quote, extract_quotes
from analysis.sentiment import load_analyzers
from analysis.tone_model import load_model
from cli.progress import ProgressBar
from corpus.errors import CorpusError
from corpus.ingest import STORE_ENV, default_store_path, ingest, open_store, read_sources
from corpus.models import Article, ImportReport
from corpus.store import Store, parquet
from jobs.analyze import analyze_store, default_workers
from jobs.bundle import build_coverage, build_new_store, stale_coverage

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


def _open(args: argparse.Namespace, *, read_only: bool = False) -> Store:
    """The store of --db; a new one is built from data/ and analysed before first use."""
    return open_store(args.db, read_only=read_only, on_create=build_new_store)


def cmd_ingest(args: argparse.Namespace) -> int:
    if args.to_parquet:
        return _ingest_to_parquet(args)
    with _open(args) as store:
        report = _ingest_sources(store, args)
        if args.analyze and report.added:
            analyze_store(store, workers=args.workers, progress=ProgressBar("analysing"))
    if args.json:
        _print_json(report.as_dict())
    else:
        _print_report(report)
    return EXIT_OK if report.ok else EXIT_ITEMS_FAILED


def _ingest_sources(store: Store, args: argparse.Namespace) -> ImportReport:
    return ingest(
        store, args.sources, progress=ProgressBar("reading"), store_progress=ProgressBar("storing"), fetch=args.fetch
    )


def _ingest_to_parquet(args: argparse.Namespace) -> int:
    """The sources added to the Parquet dataset at --to-parquet (its articles first, so that
    duplicates are recognised), through a temporary store; the dataset is rewritten by month."""
    folder = Path(args.to_parquet)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "staging.duckdb") as store:
        kept = parquet.load_articles(store, folder)
        report = _ingest_sources(store, args)
        written = parquet.write_articles(store, folder)
    if args.json:
        _print_json({**report.as_dict(), "parquet": {"folder": str(folder), "articles": written, "kept": kept}})
    else:
        _print_report(report)
        print(f"{folder}: {written} articles ({kept} there before), one Parquet partition per month")
    return EXIT_OK if report.ok else EXIT_ITEMS_FAILED


def cmd_stats(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as store:
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


def _articles_from_files(paths: Sequence[str]) -> list[Article]:
    """The articles of record files (what `ingest` reads), failures named on stderr."""
    articles = []
    for candidate in read_sources(paths, progress=ProgressBar("reading")):
        if candidate.article is not None:
            articles.append(candidate.article)
        elif not candidate.skipped:
            print(f"skipped {candidate.where}: {candidate.error}", file=sys.stderr)
    return articles


def cmd_analyze(args: argparse.Namespace) -> int:
    if args.parquet:
        return _analyze_parquet(args)
    with _open(args) as store:
        report = analyze_store(store, workers=args.workers, progress=ProgressBar("analysing"))
    if args.json:
        _print_json(report.as_dict())
    else:
        runs = ", ".join(f"{name} {count}" for name, count in report.runs.items())
        print(f"{report.analysed} of {report.articles} articles analysed in {report.seconds:.2f} s ({runs})")
    return EXIT_OK


def _analyze_parquet(args: argparse.Namespace) -> int:
    from jobs.distributed import analyze_parquet  # imported when used: Dask starts slowly

    source = Path(args.parquet)
    out = Path(args.out) if args.out else source
    report = analyze_parquet(
        source, out, scheduler=args.scheduler, local=args.local or args.workers, progress=ProgressBar("partitions")
    )
    if args.json:
        _print_json(report.as_dict())
    else:
        rate = f", {report.words / report.seconds:,.0f} words/s" if report.seconds and report.words else ""
        print(
            f"{len(report.analysed)} of {report.partitions} partitions analysed ({report.articles} articles) "
            f"in {report.seconds:.1f} s{rate}; {len(report.skipped)} unchanged; results in {out}"
        )
        for name, reason in report.failed.items():
            print(f"  failed   partition {name}: {reason}")
    return EXIT_OK if not report.failed else EXIT_ITEMS_FAILED


def cmd_sentiment(args: argparse.Namespace) -> int:
    models = load_models()
    articles = _articles_from_files(args.articles)
    bar = ProgressBar("scoring")
    for done, article in enumerate(articles, start=1):
        result = analyze_text(article.text, article.language, models=models, analysers=("tone",))
        for p in result.paragraphs:
            tone = p.tone
            row = {
                "article_id": article.id,
                "paragraph_index": p.index,
                "language": p.language,
                "compound": tone.compound if tone else None,
                "pos": tone.pos if tone else None,
                "neu": tone.neu if tone else None,
                "neg": tone.neg if tone else None,
                "label": tone.label if tone else None,
                "heading": p.heading,
            }
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        bar(done, len(articles), article.id)
    return EXIT_OK


def _quotes_of(articles: Sequence[Article], *, use_models: bool = True, short_words: int = SHORT_WORDS) -> list[Quote]:
    models = load_models()
    bar = ProgressBar("quotes")
    found: list[Quote] = []
    for done, article in enumerate(articles, start=1):
        entities = models.entities.get(article.language) if use_models else None
        subjects = models.subjects.get(article.language) if use_models else None
        found.extend(
            extract_quotes(
                article.text,
                article.language,
                actors=models.actors,
                article_id=article.id,
                entities=entities,
                subject_of=subjects,
                short_words=short_words,
            )
        )
        bar(done, len(articles), article.id)
    return found


def cmd_quotes(args: argparse.Namespace) -> int:
    for quote in _quotes_of(_articles_from_files(args.articles), use_models=args.models):
        if args.all or quote.kind == "direct":
            sys.stdout.write(json.dumps(quote.as_dict(), ensure_ascii=False) + "\n")
    return EXIT_OK


def _eval_inputs(files: Sequence[str]) -> tuple[dict[str, Article], list[dict[str, Any]]]:
    """Articles and gold from ARTICLES.jsonl GOLD.jsonl pairs (several sets evaluate as one)."""
    if len(files) % 2:
        raise CorpusError("eval: give the files in pairs, ARTICLES.jsonl GOLD.jsonl [ARTICLES.jsonl GOLD.jsonl …]")
    articles: dict[str, Article] = {}
    gold: list[dict[str, Any]] = []
    for articles_file, gold_file in zip(files[::2], files[1::2], strict=True):
        articles.update({a.id: a for a in _articles_from_files([articles_file])})
        gold.extend(load_gold(Path(gold_file)))
    return articles, gold


def cmd_eval(args: argparse.Namespace) -> int:
    articles, gold = _eval_inputs(args.files)
    if args.task == "quotes":
        languages = {a.id: a.language for a in articles.values()}

        def predict(short_words: int) -> list[dict[str, Any]]:
            found = _quotes_of(list(articles.values()), use_models=args.models, short_words=short_words)
            return [q.as_dict() for q in found if q.kind == "direct"]

        report = quote_report(predict(SHORT_WORDS), gold, languages)
        cv = (
            quote_cross_validation(predict, SHORT_WORDS_GRID, gold, languages, folds=args.folds) if args.folds else None
        )
        if args.json:
            _print_json({"in_sample": report, "cross_validation": cv})
        else:
            print("in-sample (the rules were developed on these articles):")
            print(format_quote_report(report))
            if cv is not None:
                print(format_cross_validation(cv, option_name="short_words"))
        return EXIT_OK
    if args.task == "sentiment":
        rows = tone_evaluation.examples(articles, gold, analyzers=load_analyzers())
        in_sample = tone_evaluation.report(rows, tone_evaluation.predictions(load_model(), rows))
        tone_cv = tone_evaluation.cross_validation(rows, folds=args.folds) if args.folds else None
        headings = tone_evaluation.headings_by_gold(rows)
        if args.json:
            _print_json(
                {
                    "in_sample": {
                        view: {language: s.as_dict() for language, s in scores.items()}
                        for view, scores in in_sample.items()
                    },
                    "headings_not_scored": headings,
                    "cross_validation": tone_cv,
                }
            )
        else:
            print("in-sample, prose paragraphs (the model was fitted on these articles):")
            print(format_label_report(in_sample["prose"]))
            print(f"headings not scored, by gold label: {headings}; counted as neutral:")
            for language, scores in in_sample["all"].items():
                print(f"[{language}] all paragraphs  accuracy {scores.accuracy:.3f}  macro-F1 {scores.macro_f1:.3f}")
            if tone_cv is not None:
                print(tone_evaluation.format_cross_validation(tone_cv))
    return EXIT_OK


def cmd_build_coverage(args: argparse.Namespace) -> int:
    if args.check:
        stale = stale_coverage(Path(args.out))
        for name, (bundled, current) in stale.items():
            print(f"stale    {name}: bundled {bundled}, current {current}")
        if not stale:
            print(f"{args.out}: every analyser's bundled results are current")
        return EXIT_ITEMS_FAILED if stale else EXIT_OK
    if not args.articles:
        print("error: give the articles to build from (or --check)", file=sys.stderr)
        return EXIT_ERROR
    manifest = build_coverage(args.articles, Path(args.out), workers=args.workers, progress=ProgressBar("building"))
    if args.json:
        _print_json(manifest)
    else:
        counts = ", ".join(f"{name} {count}" for name, count in manifest["counts"].items())
        print(f"wrote {args.out}: {counts}")
        for item in manifest["failed"]:
            print(f"  failed   {item['where']}: {item['reason']}")
    return EXIT_OK if not manifest["failed"] else EXIT_ITEMS_FAILED


def cmd_export(args: argparse.Namespace) -> int:
    # imported when used: plotly and kaleido would slow every other command's start
    from dashboard.export import ExportError, PngExporter, chart_png, csv_bytes
    from dashboard.filters import Filters, to_selection
    from dashboard.views import PAGE_CHARTS

    filters = Filters(start=args.start, end=args.end, outlets=tuple(args.outlet), languages=tuple(args.language))
    out = Path(args.out)
    exporter = PngExporter()
    if not exporter.available:
        print("no Chromium on PATH: writing CSV only (apt-get install chromium for PNG)", file=sys.stderr)
    written = 0
    with _open(args, read_only=True) as store:
        selection = to_selection(store, filters)
        bar = ProgressBar("exporting")
        for done, (page, build) in enumerate(PAGE_CHARTS.items(), start=1):
            folder = out / page
            folder.mkdir(parents=True, exist_ok=True)
            for number, chart in enumerate(build(store, selection), start=1):
                stem = folder / f"{number:02d}-{chart.key}"
                stem.with_suffix(".csv").write_bytes(csv_bytes(chart.data))
                written += 1
                if chart.image is not None or exporter.available:
                    try:
                        stem.with_suffix(".png").write_bytes(chart_png(chart, exporter, filters.describe()))
                    except ExportError as exc:  # once: the exporter is off from now on, CSVs go on
                        print(f"PNG export stopped: {exc}", file=sys.stderr)
                    else:
                        written += 1
            bar(done, len(PAGE_CHARTS), page)
    exporter.close()
    print(f"wrote {written} files under {out} ({filters.describe()})")
    return EXIT_OK


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2025-02-10") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Press coverage analytics: import articles and analyse them.",
    )
    parser.add_argument(
        "--db",
        default=None,
        help=f"store file (default ${STORE_ENV} or {default_store_path()}); built from data/ when new",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("ingest", help="import files, folders, zip archives, URLs and feeds")
    p.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    p.add_argument(
        "--no-analyze",
        dest="analyze",
        action="store_false",
        help="store only; run `analyze` later (the dashboard also catches up)",
    )
    p.add_argument("--workers", type=int, default=default_workers(), help="analysis worker processes")
    p.add_argument("--to-parquet", metavar="DIR", help="add to the Parquet dataset DIR instead of the store")
    p.add_argument(
        "--fetch",
        action="store_true",
        help="fetch the text of records that have a URL and no text (data/coverage/sources.csv)",
    )
    p.set_defaults(run=cmd_ingest, interrupted="nothing of this import was stored (one transaction)")

    p = commands.add_parser("build-coverage", help="analyse articles and write the bundled coverage dataset (no text)")
    p.add_argument("articles", nargs="*", metavar="ARTICLES")
    p.add_argument("--out", default="data/coverage", help="folder to write (default data/coverage)")
    p.add_argument("--check", action="store_true", help="only say which analysers changed since the dataset was built")
    p.add_argument("--workers", type=int, default=default_workers())
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_build_coverage, interrupted="no coverage file was replaced")

    p = commands.add_parser("stats", help="articles per outlet, language and month")
    p.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    p.set_defaults(run=cmd_stats)

    p = commands.add_parser("analyze", help="compute what is missing or stale: tone, actors, keywords")
    p.add_argument("--workers", type=int, default=default_workers(), help="worker processes")
    p.add_argument("--parquet", metavar="IN_DIR", help="analyse the Parquet dataset IN_DIR on a Dask cluster")
    p.add_argument("--out", metavar="OUT_DIR", help="with --parquet: where the results go (default IN_DIR)")
    cluster = p.add_mutually_exclusive_group()
    cluster.add_argument("--scheduler", metavar="ADDRESS", help="with --parquet: a Dask scheduler (tcp://host:8786)")
    cluster.add_argument("--local", type=int, metavar="N", help="with --parquet: a LocalCluster of N worker processes")
    p.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    p.set_defaults(
        run=cmd_analyze,
        interrupted="the articles analysed before the interruption are stored; run analyze again to finish",
    )

    p = commands.add_parser("sentiment", help="tone of every paragraph of article files, as JSON lines")
    p.add_argument("articles", nargs="+", metavar="ARTICLES", help="files ingest reads (JSONL, CSV, ...)")
    p.set_defaults(run=cmd_sentiment)

    p = commands.add_parser("quotes", help="direct quotes and their speakers of article files, as JSON lines")
    p.add_argument("articles", nargs="+", metavar="ARTICLES", help="files ingest reads (JSONL, CSV, ...)")
    p.add_argument("--all", action="store_true", help="also the scare quotes and titles (kind 'scare')")
    p.add_argument(
        "--no-models",
        dest="models",
        action="store_false",
        help="do not use installed spaCy models (capitalisation and the actors file only)",
    )
    p.set_defaults(run=cmd_quotes)

    p = commands.add_parser("export", help="write every dashboard chart as PNG and its data as CSV")
    p.add_argument("--out", required=True, help="folder to write (one subfolder per page)")
    p.add_argument("--from", dest="start", type=_day, default=None, help="first publication day (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", type=_day, default=None, help="last publication day (YYYY-MM-DD)")
    p.add_argument("--outlet", action="append", default=[], help="an outlet to keep (repeatable)")
    p.add_argument("--language", action="append", default=[], help="a language to keep (repeatable)")
    p.set_defaults(run=cmd_export)

    p = commands.add_parser("eval", help="agreement with hand-labelled gold")
    p.add_argument("task", choices=["sentiment", "quotes"])
    p.add_argument("--no-models", dest="models", action="store_false", help="quotes: without spaCy models")
    p.add_argument("files", nargs="+", metavar="FILE", help="ARTICLES.jsonl GOLD.jsonl, one pair per set")
    p.add_argument("--folds", type=int, default=0, help="also k-fold cross-validation by article (e.g. 5)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_eval)
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
        note = getattr(args, "interrupted", "the store was not changed")
        print(f"interrupted: {note}", file=sys.stderr)
        return 130
