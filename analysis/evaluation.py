"""Agreement with hand-labelled gold: sentiment labels per paragraph (and quotes, see quotes eval)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.sentiment import LABELS, NEGATIVE, NEUTRAL, Analyzers, Thresholds, score_text
from analysis.text import paragraph_language, paragraphs_of
from corpus.errors import InputError
from corpus.models import Article

AVERAGED_LABELS = (NEGATIVE, NEUTRAL)  # positive is too rare in news gold to average


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold records of a JSONL file; InputError naming the line of a malformed one."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path} line {number}", f"not valid JSON: {exc.msg}") from exc
    return records


@dataclass(frozen=True, slots=True)
class LabelScores:
    n: int
    accuracy: float
    f1: dict[str, float]
    precision: dict[str, float]
    recall: dict[str, float]
    macro_f1: float
    confusion: dict[str, dict[str, int]]  # gold label -> predicted label -> count

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def label_scores(pairs: Sequence[tuple[str, str]], *, labels: Sequence[str] = LABELS) -> LabelScores:
    """Accuracy, per-label P/R/F1 and macro-F1 over AVERAGED_LABELS of (gold, predicted) pairs."""
    counts = Counter(pairs)
    n = len(pairs)
    precision, recall, f1 = {}, {}, {}
    for label in labels:
        tp = counts[(label, label)]
        predicted = sum(c for (g, p), c in counts.items() if p == label)
        actual = sum(c for (g, p), c in counts.items() if g == label)
        precision[label] = tp / predicted if predicted else 0.0
        recall[label] = tp / actual if actual else 0.0
        both = precision[label] + recall[label]
        f1[label] = 2 * precision[label] * recall[label] / both if both else 0.0
    confusion = {g: {p: counts[(g, p)] for p in labels} for g in labels}
    correct = sum(counts[(label, label)] for label in labels)
    return LabelScores(
        n=n,
        accuracy=correct / n if n else 0.0,
        f1=f1,
        precision=precision,
        recall=recall,
        macro_f1=sum(f1[label] for label in AVERAGED_LABELS) / len(AVERAGED_LABELS),
        confusion=confusion,
    )


def sentiment_pairs(
    articles: Mapping[str, Article], gold: Iterable[Mapping[str, Any]], *,
    analyzers: Analyzers, thresholds: Thresholds = Thresholds(),
) -> list[dict[str, Any]]:
    """One row per gold paragraph: language, gold label, predicted label (None: not scored)."""
    rows = []
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
        tone = score_text(text, language, analyzers=analyzers, thresholds=thresholds)
        rows.append({
            "article_id": article.id, "paragraph_index": index,
            "language": record.get("language") or article.language,
            "gold": record["label"], "predicted": tone.label if tone else None,
        })
    return rows


def sentiment_report(rows: Sequence[Mapping[str, Any]]) -> dict[str, LabelScores]:
    """Scores per language and overall ("all"); an unscored paragraph counts as wrong."""
    by_language: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        pair = (row["gold"], row["predicted"] or "not scored")
        by_language.setdefault(row["language"], []).append(pair)
        by_language.setdefault("all", []).append(pair)
    return {language: label_scores(pairs) for language, pairs in sorted(by_language.items())}


def format_label_report(report: Mapping[str, LabelScores]) -> str:
    lines = []
    for language, scores in report.items():
        lines.append(
            f"[{language}] n={scores.n}  accuracy {scores.accuracy:.3f}  "
            f"macro-F1(negative, neutral) {scores.macro_f1:.3f}"
        )
        for label in LABELS:
            lines.append(
                f"    {label:<9} P {scores.precision[label]:.3f}  R {scores.recall[label]:.3f}  "
                f"F1 {scores.f1[label]:.3f}"
            )
        lines.append("    confusion (rows gold, columns predicted): " + "  ".join(f"{p[:3]}" for p in LABELS))
        for gold_label, row in scores.confusion.items():
            lines.append(f"      {gold_label:<9} " + "  ".join(f"{row[p]:>3}" for p in LABELS))
    return "\n".join(lines)
