"""Agreement with hand-labelled gold: sentiment labels per paragraph (and quotes, see quotes eval)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.sentiment import LABELS, NEGATIVE, NEUTRAL
from corpus.errors import InputError

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


# -- quotes --------------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return max(0, shared) / shorter if shorter > 0 else 0.0


def match_quotes(
    predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]], *, threshold: float = 0.8
) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs of the same article whose spans overlap
    by at least `threshold` of the shorter one; best overlaps first."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if p["article_id"] == g["article_id"]:
                score = _overlap((p["start"], p["end"]), (g["start"], g["end"]))
                if score >= threshold:
                    pairs.append((score, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _score, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def quote_report(
    predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]], languages: Mapping[str, str]
) -> dict[str, dict[str, Any]]:
    """Per language and overall: quote precision and recall, speaker accuracy on matched quotes
    whose gold speaker is not null, and recall and speaker accuracy by gold difficulty."""
    report: dict[str, dict[str, Any]] = {}
    for language in sorted({*languages.values(), "all"}):

        def keep(row: Mapping[str, Any], language: str = language) -> bool:
            return language == "all" or languages.get(row["article_id"]) == language

        preds = [p for p in predicted if keep(p)]
        golds = [g for g in gold if keep(g)]
        matched = match_quotes(preds, golds)
        speaker_pairs = [
            (preds[i]["speaker"], golds[j]["speaker"]) for i, j in matched if golds[j].get("speaker") is not None
        ]
        row: dict[str, Any] = {
            "predicted": len(preds),
            "gold": len(golds),
            "matched": len(matched),
            "precision": len(matched) / len(preds) if preds else 0.0,
            "recall": len(matched) / len(golds) if golds else 0.0,
            "speaker_accuracy": (sum(p == g for p, g in speaker_pairs) / len(speaker_pairs) if speaker_pairs else 0.0),
            "speaker_n": len(speaker_pairs),
        }
        for difficulty in sorted({g.get("difficulty") or "unknown" for g in golds}):
            ids = {j for j, g in enumerate(golds) if (g.get("difficulty") or "unknown") == difficulty}
            hits = [(i, j) for i, j in matched if j in ids]
            named = [(preds[i]["speaker"], golds[j]["speaker"]) for i, j in hits if golds[j].get("speaker") is not None]
            row[difficulty] = {
                "gold": len(ids),
                "recall": len(hits) / len(ids) if ids else 0.0,
                "speaker_accuracy": sum(p == g for p, g in named) / len(named) if named else 0.0,
                "speaker_n": len(named),
            }
        report[language] = row
    return report


def format_quote_report(report: Mapping[str, Mapping[str, Any]]) -> str:
    lines = []
    for language, row in report.items():
        lines.append(
            f"[{language}] predicted {row['predicted']}  gold {row['gold']}  matched {row['matched']}  "
            f"precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
            f"speaker accuracy {row['speaker_accuracy']:.3f} (n={row['speaker_n']})"
        )
        for difficulty in ("easy", "hard", "unknown"):
            if difficulty in row:
                d = row[difficulty]
                lines.append(
                    f"    {difficulty:<8} gold {d['gold']:>3}  recall {d['recall']:.3f}  "
                    f"speaker accuracy {d['speaker_accuracy']:.3f} (n={d['speaker_n']})"
                )
    return "\n".join(lines)


# -- cross-validation ----------------------------------------------------------------

QUOTE_MEASURES = ("precision", "recall", "speaker_accuracy")


def article_folds(languages: Mapping[str, str], k: int) -> list[set[str]]:
    """k folds of article ids, each language dealt round-robin in a fixed pseudo-random order
    (a hash of the id), so every fold holds both languages and the split never changes."""
    if k < 2:
        raise InputError(f"--folds {k}", "cross-validation needs at least 2 folds")
    folds: list[set[str]] = [set() for _ in range(k)]
    position = 0
    for language in sorted(set(languages.values())):
        ids = sorted(
            (i for i, lang in languages.items() if lang == language),
            key=lambda i: hashlib.sha1(i.encode()).hexdigest(),
        )
        for article_id in ids:
            folds[position % k].add(article_id)
            position += 1
    return folds


def _quote_score(report: Mapping[str, Mapping[str, Any]]) -> float:
    """What fitting maximises: the mean of precision, recall and speaker accuracy per language."""
    rows = [row for language, row in report.items() if language != "all"]
    total = sum(float(row[m]) for row in rows for m in QUOTE_MEASURES)
    return total / max(1, len(rows) * len(QUOTE_MEASURES))


def quote_cross_validation(
    predict: Callable[[Any], Sequence[Mapping[str, Any]]],
    grid: Sequence[Any],
    gold: Sequence[Mapping[str, Any]],
    languages: Mapping[str, str],
    *,
    folds: int = 5,
) -> dict[str, Any]:
    """Article-level k-fold cross-validation of the quote extractor.

    `predict(option)`: the direct quotes of every article with one value of the fitted option
    (`grid` holds the values tried). For each fold the option is chosen on the other folds'
    gold and scored on the held-out fold; the result holds each fold's figures, their mean per
    language, and the option fitted on all articles (what the product ships)."""
    predictions = {option: list(predict(option)) for option in grid}

    def report(option: Any, ids: set[str]) -> dict[str, dict[str, Any]]:
        preds = [p for p in predictions[option] if p["article_id"] in ids]
        golds = [g for g in gold if g["article_id"] in ids]
        return quote_report(preds, golds, {i: languages[i] for i in ids})

    every = set(languages)
    results = []
    for held_out in article_folds(languages, folds):
        train = every - held_out
        chosen = max(grid, key=lambda option: _quote_score(report(option, train)))
        results.append({"option": chosen, "report": report(chosen, held_out), "articles": len(held_out)})
    mean: dict[str, dict[str, float]] = {}
    for language in sorted({*languages.values(), "all"}):
        rows = [r["report"][language] for r in results if language in r["report"]]
        mean[language] = {m: sum(row[m] for row in rows) / len(rows) for m in QUOTE_MEASURES} if rows else {}
    fitted = max(grid, key=lambda option: _quote_score(report(option, every)))
    return {"folds": results, "mean": mean, "fitted_on_all": fitted}


def format_cross_validation(cv: Mapping[str, Any], *, option_name: str) -> str:
    lines = [f"{len(cv['folds'])}-fold cross-validation by article (held-out folds; {option_name} fitted per fold)"]
    for i, fold in enumerate(cv["folds"], start=1):
        row = fold["report"].get("all", {})
        lines.append(
            f"    fold {i}: {fold['articles']} articles, {option_name}={fold['option']}  "
            f"P {row.get('precision', 0):.3f}  R {row.get('recall', 0):.3f}  "
            f"speaker {row.get('speaker_accuracy', 0):.3f}"
        )
    for language, row in cv["mean"].items():
        if row:
            lines.append(
                f"[{language}] held-out mean  precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
                f"speaker accuracy {row['speaker_accuracy']:.3f}"
            )
    lines.append(f"{option_name} fitted on all articles: {cv['fitted_on_all']}")
    return "\n".join(lines)
