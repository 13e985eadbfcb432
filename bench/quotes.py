"""Quote extraction: the product against textacy's direct_quotations, and against a full spaCy parse.

python -m bench.quotes [ARTICLES.jsonl GOLD.jsonl ...] [--repeat N] [--folds K]

Default: dev + dev2 of ../shared (66 articles). Also prints the article-level k-fold
cross-validation (held-out-fold means) beside the in-sample figures.

Prints, per language, precision, recall and speaker accuracy of the product
(with and without spaCy models) and of textacy 0.13 (when installed: it is not
a product dependency; `pip install textacy==0.13.0`), and the words/s of each,
with the words/s of a full spaCy parse of the same articles for scale.
textacy needs a parsed document: it runs where a spaCy model for the language
is installed (French here; no English model can be installed offline).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from analysis.actors import load_actors
from analysis.evaluation import (
    format_cross_validation,
    load_gold,
    quote_cross_validation,
    quote_report,
)
from analysis.nlp import entity_finder, model_installed, model_name, subject_parser
from analysis.quotes import SHORT_WORDS_GRID, extract_quotes
from corpus.importers import iter_path

ROOT = Path(__file__).resolve().parents[1]

SHARED = ROOT.parent / "shared"


def show(name: str, report: dict, words: int, seconds: float) -> None:
    cells = [
        f"{lang} P {report[lang]['precision']:.3f} R {report[lang]['recall']:.3f} "
        f"spk {report[lang]['speaker_accuracy']:.3f}"
        for lang in ("en", "fr")
        if lang in report and report[lang]["gold"]
    ]
    print(f"{name:<44} {' | '.join(cells):<80} {words / seconds:>10,.0f} words/s")


def textacy_quotes(articles, actors):
    import spacy
    from textacy.extract.triples import direct_quotations

    rows = []
    pipelines = {lang: spacy.load(model_name(lang)) for lang in ("en", "fr") if model_installed(lang)}
    for article in articles:
        if article.language not in pipelines:
            continue
        doc = pipelines[article.language](article.text)
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on a whole article with unbalanced marks
            continue
        for speaker, _cue, content in triples:
            start, end = content.start_char + 1, content.end_char - 1
            while start < end and article.text[start].isspace():
                start += 1
            while end > start and article.text[end - 1].isspace():
                end -= 1
            said = " ".join(t.text for t in speaker)
            named = actors.mentions(said, article.language)
            rows.append(
                {
                    "article_id": article.id,
                    "start": start,
                    "end": end,
                    "speaker": named[0].actor if named else said,
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        default=[
            SHARED / "corpus" / "dev.jsonl",
            SHARED / "gold" / "quotes-dev.jsonl",
            SHARED / "corpus" / "dev2.jsonl",
            SHARED / "gold" / "quotes-dev2.jsonl",
        ],
        help="ARTICLES.jsonl GOLD.jsonl pairs",
    )
    parser.add_argument("--repeat", type=int, default=5, help="passes over the articles for the timings")
    parser.add_argument("--folds", type=int, default=5, help="k of the cross-validation by article")
    args = parser.parse_args()
    if len(args.files) % 2:
        parser.error("give the files in pairs: ARTICLES.jsonl GOLD.jsonl")
    articles = [c.article for path in args.files[::2] for c in iter_path(path) if c.article]
    gold = [g for path in args.files[1::2] for g in load_gold(path)]
    languages = {a.id: a.language for a in articles}
    words = sum(len(a.text.split()) for a in articles)
    actors = load_actors()
    print(f"{len(articles)} articles, {words:,} words, {len(gold)} gold quotes; timings over {args.repeat} passes\n")

    for use_models in (False, True):
        finders = {a.language: entity_finder(a.language) if use_models else None for a in articles}
        parsers = {a.language: subject_parser(a.language) if use_models else None for a in articles}

        def run(short_words: int, finders=finders, parsers=parsers) -> list[dict]:
            return [
                q.as_dict()
                for a in articles
                for q in extract_quotes(
                    a.text,
                    a.language,
                    actors=actors,
                    article_id=a.id,
                    entities=finders[a.language],
                    subject_of=parsers[a.language],
                    short_words=short_words,
                )
                if q.kind == "direct"
            ]

        start = time.perf_counter()
        for _ in range(args.repeat):
            found = run(3)
        seconds = (time.perf_counter() - start) / args.repeat
        label = "product, spaCy NER + parse where needed" if use_models else "product, no spaCy model"
        show(label + " (in-sample)", quote_report(found, gold, languages), words, seconds)
        cv = quote_cross_validation(run, SHORT_WORDS_GRID, gold, languages, folds=args.folds)
        print("    " + format_cross_validation(cv, option_name="short_words").replace("\n", "\n    "))

    installed = [lang for lang in ("en", "fr") if model_installed(lang)]
    if installed:
        import spacy

        pipelines = {lang: spacy.load(model_name(lang)) for lang in installed}
        parsed = [a for a in articles if a.language in pipelines]
        parsed_words = sum(len(a.text.split()) for a in parsed)
        start = time.perf_counter()
        for a in parsed:
            pipelines[a.language](a.text)
        seconds = time.perf_counter() - start
        print(
            f"{'full spaCy parse (' + ', '.join(installed) + ' articles)':<44} {'':<80} "
            f"{parsed_words / seconds:>10,.0f} words/s"
        )
    try:
        import textacy  # noqa: F401
    except ImportError:
        print("textacy: not installed (pip install textacy==0.13.0 to compare)")
        return
    start = time.perf_counter()
    found = textacy_quotes(articles, actors)
    seconds = time.perf_counter() - start
    covered = [a for a in articles if model_installed(a.language)]
    covered_words = sum(len(a.text.split()) for a in covered)
    report = quote_report(
        found,
        [g for g in gold if languages.get(g["article_id"]) in installed],
        {a.id: a.language for a in covered},
    )
    show(f"textacy direct_quotations ({', '.join(installed)} only)", report, covered_words, seconds)


if __name__ == "__main__":
    main()
