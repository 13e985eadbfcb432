"""What each step of the tone method buys on labelled gold, and how fast each scorer is.

python -m bench.sentiment [ARTICLES.jsonl GOLD.jsonl]   (default: ../shared dev corpus and gold)

Prints accuracy and macro-F1 (negative, neutral) per language for raw VADER,
vaderSentiment-fr as published (when installed: it needs fuzzywuzzy and
unidecode, which the product does not ship), then for the product's method
with its steps added one at a time, and the words/s of each scorer.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from analysis.evaluation import label_scores, load_gold
from analysis.sentiment import BASELINE, ToneOptions, load_analyzers, score_text
from analysis.text import paragraph_language, paragraphs_of
from corpus.importers import iter_path

ROOT = Path(__file__).resolve().parents[1]

SHARED = ROOT.parent / "shared"
STEPS = [
    (
        "VADER engine, base lexicons (fr: exact lookup)",
        BASELINE,
    ),
    (
        "+ stop words carry no tone",
        ToneOptions(news_layer=False, positive_damping=1.0, procedural_damping=1.0, by_sentence=False),
    ),
    (
        "+ news-tone layer (conflict words, neutral words, phrases)",
        ToneOptions(positive_damping=1.0, procedural_damping=1.0, by_sentence=False),
    ),
    ("+ praise words damped x0.5", ToneOptions(procedural_damping=1.0, by_sentence=False)),
    ("+ court-procedure sentences damped x0.5", ToneOptions(by_sentence=False)),
    ("+ sentence-level scoring and label rule (the product)", ToneOptions()),
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
    parser.add_argument("articles", nargs="?", type=Path, default=SHARED / "corpus" / "dev.jsonl")
    parser.add_argument("gold", nargs="?", type=Path, default=SHARED / "gold" / "sentiment-dev.jsonl")
    args = parser.parse_args()
    articles = {c.article.id: c.article for c in iter_path(args.articles) if c.article}
    rows = []
    for record in load_gold(args.gold):
        article = articles[record["article_id"]]
        text = paragraphs_of(article.text)[record["paragraph_index"]]
        rows.append((record["language"], record["label"], text, paragraph_language(text, article.language)))
    words = sum(len(text.split()) for _l, _g, text, _p in rows)
    print(f"{len(rows)} labelled paragraphs, {words:,} words\n")

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    pairs = {"en": [], "fr": []}
    for language, gold, text, _ in rows:
        pairs[language].append((gold, vader_label(vader.polarity_scores(text)["compound"])))
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
        for language, gold, text, _ in rows:
            engine = french if language == "fr" else vader
            pairs[language].append((gold, vader_label(engine.polarity_scores(text)["compound"])))
        show(
            "raw VADER (en) + vaderSentiment-fr with fuzzy matching (fr)",
            pairs,
            words,
            time.perf_counter() - start,
        )
    for name, options in STEPS:
        analyzers = load_analyzers(options)
        start = time.perf_counter()
        pairs = {"en": [], "fr": []}
        for language, gold, text, detected in rows:
            pairs[language].append((gold, score_text(text, detected, analyzers=analyzers).label))
        show(name, pairs, words, time.perf_counter() - start)


if __name__ == "__main__":
    main()
