"""Tone against hand labels, in sample and by article-level k-fold cross-validation.

Gold labels every paragraph, headings included; the product scores prose only
(headings carry no tone claim). Figures are given two ways: over prose
paragraphs (the product's claim), and over all paragraphs with each heading
counted as neutral.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from analysis import tone_model
from analysis.evaluation import LabelScores, article_folds, label_scores
from analysis.sentiment import NEUTRAL, Analyzers, measure
from analysis.text import is_heading, paragraph_language, paragraphs_of
from analysis.tone_model import L2_GRID, ToneModel
from corpus.errors import InputError
from corpus.models import Article

HEADING = "heading"


@dataclass(frozen=True, slots=True)
class Example:
    """A labelled paragraph: its gold label, language, and features (None for a heading or a
    language without a scorer)."""

    article_id: str
    paragraph_index: int
    language: str
    gold: str
    heading: bool
    features: tuple[float, ...] | None


def examples(
    articles: Mapping[str, Article], gold: Iterable[Mapping[str, Any]], *, analyzers: Analyzers
) -> list[Example]:
    """The labelled paragraphs with the method's features (analyzers give the measurements)."""
    out = []
    paragraphs: dict[str, list[str]] = {}
    for record in gold:
        article = articles.get(record["article_id"])
        if article is None:
            raise InputError(str(record["article_id"]), "gold names an article not in the articles file")
        if article.id not in paragraphs:
            paragraphs[article.id] = paragraphs_of(article.text)
        index = int(record["paragraph_index"])
        text = paragraphs[article.id][index]
        language = paragraph_language(text, article.language)
        heading = is_heading(text)
        scorer = analyzers.get(language)
        features = None
        if scorer is not None and not heading:
            features = tuple(tone_model.vector(measure(text, language, scorer).features()))
        out.append(
            Example(article.id, index, record.get("language") or article.language, record["label"], heading, features)
        )
    return out


def predictions(model: ToneModel, rows: Sequence[Example]) -> list[str]:
    """The model's label of each example; HEADING for a heading, "not scored" without features."""
    scored = [r for r in rows if r.features is not None]
    labels = iter(model.labels(np.asarray([r.features for r in scored])) if scored else [])
    return [HEADING if r.heading else next(labels) if r.features is not None else "not scored" for r in rows]


def report(rows: Sequence[Example], predicted: Sequence[str]) -> dict[str, dict[str, LabelScores]]:
    """Scores per language and overall: "prose" leaves headings out; "all" counts a heading as neutral."""
    out: dict[str, dict[str, LabelScores]] = {}
    for view in ("prose", "all"):
        pairs: dict[str, list[tuple[str, str]]] = {}
        for row, label in zip(rows, predicted, strict=True):
            if label == HEADING:
                if view == "prose":
                    continue
                label = NEUTRAL
            pairs.setdefault(row.language, []).append((row.gold, label))
            pairs.setdefault("all", []).append((row.gold, label))
        out[view] = {language: label_scores(p) for language, p in sorted(pairs.items())}
    return out


def headings_by_gold(rows: Sequence[Example]) -> dict[str, int]:
    return dict(Counter(r.gold for r in rows if r.heading))


def fit(rows: Sequence[Example], l2: float) -> ToneModel:
    train = [r for r in rows if r.features is not None]
    return tone_model.fit(np.asarray([r.features for r in train]), [r.gold for r in train], l2=l2)


def _score(rows: Sequence[Example], model: ToneModel) -> float:
    """What choosing the penalty maximises: mean over languages of accuracy and macro-F1, prose."""
    prose = report(rows, predictions(model, rows))["prose"]
    values = [v for language, s in prose.items() if language != "all" for v in (s.accuracy, s.macro_f1)]
    return sum(values) / max(1, len(values))


def choose_l2(rows: Sequence[Example], *, folds: int = 3, grid: Sequence[float] = L2_GRID) -> float:
    """The penalty with the best mean score over inner folds of these rows (by article)."""
    languages = {r.article_id: r.language for r in rows}
    splits = article_folds(languages, folds)

    def inner(l2: float) -> float:
        return sum(
            _score([r for r in rows if r.article_id in held], fit([r for r in rows if r.article_id not in held], l2))
            for held in splits
        )

    return max(grid, key=inner)


def cross_validation(rows: Sequence[Example], *, folds: int = 5) -> dict[str, Any]:
    """Article-level k-fold cross-validation: the penalty is chosen inside each training part, the
    model fitted on it and scored on the held-out articles. Returns each fold and the mean."""
    languages = {r.article_id: r.language for r in rows}
    results: list[dict[str, Any]] = []
    reports: list[dict[str, dict[str, LabelScores]]] = []
    for held_out in article_folds(languages, folds):
        train = [r for r in rows if r.article_id not in held_out]
        test = [r for r in rows if r.article_id in held_out]
        l2 = choose_l2(train)
        scores = report(test, predictions(fit(train, l2), test))
        reports.append(scores)
        results.append(
            {
                "l2": l2,
                "articles": len(held_out),
                "report": {view: {lang: s.as_dict() for lang, s in by.items()} for view, by in scores.items()},
            }
        )
    mean: dict[str, dict[str, dict[str, float]]] = {}
    for view in ("prose", "all"):
        mean[view] = {}
        for language in sorted({*(r.language for r in rows), "all"}):
            found = [by[view][language] for by in reports if language in by[view]]
            if found:
                mean[view][language] = {
                    "accuracy": sum(s.accuracy for s in found) / len(found),
                    "macro_f1": sum(s.macro_f1 for s in found) / len(found),
                }
    return {"folds": results, "mean": mean}


def format_cross_validation(cv: Mapping[str, Any]) -> str:
    lines = [f"{len(cv['folds'])}-fold cross-validation by article (held-out folds; penalty chosen per fold)"]
    for i, fold in enumerate(cv["folds"], start=1):
        row = fold["report"]["prose"].get("all")
        lines.append(
            f"    fold {i}: {fold['articles']} articles, l2={fold['l2']}  "
            f"accuracy {row['accuracy']:.3f}  macro-F1 {row['macro_f1']:.3f}"
            if row
            else f"    fold {i}: no prose paragraph"
        )
    for view, languages in cv["mean"].items():
        for language, row in languages.items():
            lines.append(
                f"[{language}] held-out mean ({view})  accuracy {row['accuracy']:.3f}  macro-F1 {row['macro_f1']:.3f}"
            )
    return "\n".join(lines)
