"""What each step of the tone method buys on labelled gold, and how fast the tone step is.

python -m bench.sentiment [ARTICLES.jsonl GOLD.jsonl ...]   (default: ../shared dev + dev2 and their gold)

Prints accuracy and macro-F1 (negative, neutral) per language over prose paragraphs
(headings are not scored) for raw VADER, vaderSentiment-fr as published (when
installed: it needs fuzzywuzzy and unidecode, which the product does not ship),
then for the product's method with its steps added one at a time (in-sample: the
lexicons and the model were developed on these articles), the model's
article-level 5-fold cross-validated figures, and the words/s of the whole tone
step on one core (paragraph language, heading test, measurement, model).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from analysis import tone_evaluation
from analysis.evaluation import label_scores, load_gold
from analysis.sentiment import BASELINE, ToneOptions, load_analyzers, score_text
from analysis.text import is_heading, paragraph_language, paragraphs_of
from corpus.importers import iter_path
from corpus.language import detect_language

ROOT = Path(__file__).resolve().parents[1]

SHARED = ROOT.parent / "shared"
STEPS = [
    (
        "valence engine, base lexicons (fr: exact lookup)",
        BASELINE,
    ),
    (
        "+ stop words carry no tone",
        ToneOptions(news_layer=False, positive_damping=1.0, procedural_damping=1.0, by_sentence=False, model=False),
    ),
    (
        "+ news-tone layer (conflict words, neutral words, phrases)",
        ToneOptions(positive_damping=1.0, procedural_damping=1.0, by_sentence=False, model=False),
    ),
    ("+ praise words damped x0.5", ToneOptions(procedural_damping=1.0, by_sentence=False, model=False)),
    ("+ court-procedure sentences damped x0.5", ToneOptions(by_sentence=False, model=False)),
    ("+ sentence-level scoring, hand-set label rule", ToneOptions(model=False)),
    ("+ calibrated logistic model (the product)", ToneOptions()),
]


def vader_label(compound: float) -> str:
    return "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"


def show(name: str, pairs: dict[str, list[tuple[str, str]]], words: int, seconds: float) -> None:
    cells = []
    for language in ("en", "fr"):
        scores = label_scores(pairs[language])
        cells.append(f"{language} acc {scores.accuracy:.3f} F1 {scores.macro_f1:.3f}")
    print(f"{name:<62} {' | '.join(cells)} | {words / seconds:>9,.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, help="ARTICLES.jsonl GOLD.jsonl, one pair per set")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the paragraphs for the speed figure")
    args = parser.parse_args()
    files = args.files or [
        SHARED / "corpus" / "dev.jsonl",
        SHARED / "gold" / "sentiment-dev.jsonl",
        SHARED / "corpus" / "dev2.jsonl",
        SHARED / "gold" / "sentiment-dev2.jsonl",
    ]
    articles, gold = {}, []
    for articles_file, gold_file in zip(files[::2], files[1::2], strict=True):
        articles.update({c.article.id: c.article for c in iter_path(articles_file) if c.article})
        gold.extend(load_gold(gold_file))
    rows = []
    for record in gold:
        article = articles[record["article_id"]]
        text = paragraphs_of(article.text)[record["paragraph_index"]]
        if not is_heading(text):
            rows.append((record["language"], record["label"], text, paragraph_language(text, article.language)))
    words = sum(len(text.split()) for _l, _g, text, _p in rows)
    print(f"{len(gold)} labelled paragraphs, {len(rows)} of prose ({words:,} words); headings are not scored\n")

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    pairs: dict[str, list[tuple[str, str]]] = {"en": [], "fr": []}
    for language, label, text, _ in rows:
        pairs[language].append((label, vader_label(vader.polarity_scores(text)["compound"])))
    show("raw VADER (English lexicon on both languages)", pairs, words, time.perf_counter() - start)
    try:
        from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer as FrenchVader
    except ImportError as exc:
        print(
            f"{'vaderSentiment-fr as published':<62} not installed ({exc.name}): "
            "pip install vadersentiment-fr fuzzywuzzy unidecode to compare"
        )
    else:
        french = FrenchVader()
        start = time.perf_counter()
        pairs = {"en": [], "fr": []}
        for language, label, text, _ in rows:
            engine = french if language == "fr" else vader
            pairs[language].append((label, vader_label(engine.polarity_scores(text)["compound"])))
        show("raw VADER (en) + vaderSentiment-fr with fuzzy matching (fr)", pairs, words, time.perf_counter() - start)
    for name, options in STEPS:
        analyzers = load_analyzers(options)
        start = time.perf_counter()
        pairs = {"en": [], "fr": []}
        for language, label, text, detected in rows:
            tone = score_text(text, detected, analyzers=analyzers)
            pairs[language].append((label, tone.label if tone else "not scored"))
        show(name, pairs, words, time.perf_counter() - start)

    examples = tone_evaluation.examples(articles, gold, analyzers=load_analyzers(ToneOptions(model=False)))
    cv = tone_evaluation.cross_validation(examples, folds=5)
    print()
    print(tone_evaluation.format_cross_validation(cv))

    # the whole tone step as the pipeline runs it, on every paragraph of the articles, one core
    paragraphs = [(p, a.language) for a in articles.values() for p in paragraphs_of(a.text)]
    total = sum(len(p.split()) for p, _ in paragraphs) * args.repeat
    analyzers = load_analyzers()
    detect_language("Warm up the language model once, as a running analysis would have.")
    start = time.perf_counter()
    for _ in range(args.repeat):
        for text, article_language in paragraphs:
            language = paragraph_language(text, article_language)
            if not is_heading(text):
                score_text(text, language, analyzers=analyzers)
    seconds = time.perf_counter() - start
    print(f"\nwhole tone step (language, heading, measures, model): {total / seconds:,.0f} words/s on one core")


if __name__ == "__main__":
    main()
