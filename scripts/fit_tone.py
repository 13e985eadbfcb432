"""Fit the tone model's weights on labelled articles and write analysis/tone_weights.json.

    python -m scripts.fit_tone [ARTICLES.jsonl GOLD.jsonl ...] [--folds 5] [--dry-run]

Defaults: ../shared/corpus/dev.jsonl and dev2.jsonl with their sentiment gold. Prints the
article-level k-fold cross-validated figures (the honest forecast) and the in-sample
figures of the model fitted on every article, then writes the weights of that model, its
penalty chosen by cross-validation over all articles.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analysis import tone_evaluation
from analysis.evaluation import load_gold
from analysis.sentiment import ToneOptions, load_analyzers
from analysis.tone_model import WEIGHTS_FILE
from corpus.importers import iter_path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT = [
    SHARED / "corpus" / "dev.jsonl",
    SHARED / "gold" / "sentiment-dev.jsonl",
    SHARED / "corpus" / "dev2.jsonl",
    SHARED / "gold" / "sentiment-dev2.jsonl",
]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="ARTICLES.jsonl GOLD.jsonl, one pair per set")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dry-run", action="store_true", help="report only; leave the weights file as it is")
    args = parser.parse_args(argv)
    files = args.files or DEFAULT
    if len(files) % 2:
        parser.error("give files in pairs: ARTICLES.jsonl GOLD.jsonl")
    articles, gold = {}, []
    for articles_file, gold_file in zip(files[::2], files[1::2], strict=True):
        articles.update({c.article.id: c.article for c in iter_path(articles_file) if c.article})
        gold.extend(load_gold(gold_file))
    # the features do not depend on the model: measure with the method's steps, no model needed
    rows = tone_evaluation.examples(articles, gold, analyzers=load_analyzers(ToneOptions(model=False)))
    headings = tone_evaluation.headings_by_gold(rows)
    print(f"{len(rows)} labelled paragraphs; {sum(headings.values())} headings, not scored (gold labels: {headings})")
    cv = tone_evaluation.cross_validation(rows, folds=args.folds)
    print(tone_evaluation.format_cross_validation(cv))
    l2 = tone_evaluation.choose_l2(rows, folds=args.folds)
    model = tone_evaluation.fit(rows, l2)
    in_sample = tone_evaluation.report(rows, tone_evaluation.predictions(model, rows))
    for view, languages in in_sample.items():
        for language, scores in languages.items():
            print(f"[{language}] in-sample ({view})  accuracy {scores.accuracy:.3f}  macro-F1 {scores.macro_f1:.3f}")
    if not args.dry_run:
        payload = {
            **model.as_dict(),
            "fitted_on": [p.name for p in files],
            "note": "fitted by python -m scripts.fit_tone; do not edit by hand",
        }
        WEIGHTS_FILE.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE} (l2={l2})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
