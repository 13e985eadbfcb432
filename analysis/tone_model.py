"""The calibrated decision of a paragraph's tone: a small multinomial logistic model.

The method's own measurements of a paragraph (sentence scores, news-layer and
procedural hits, negation, quoted speech, irony cues, length, language) are its
features; the weights are data (`tone_weights.json`), fitted by
`scripts/fit_tone.py` on the labelled articles with article-level k-fold
cross-validation choosing the regularisation. Positive is said only when the
model is at least `positive_min` sure: in feud coverage it is rare, and when the
product says positive it should be right.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

WEIGHTS_FILE = Path(__file__).with_name("tone_weights.json")
CLASSES = ("negative", "neutral", "positive")
FEATURES = (
    "mean",  # mean sentence compound
    "min",  # most negative sentence
    "max",  # most positive sentence
    "neg_share",  # negative weight of the paragraph's words
    "pos_share",
    "negative_words",  # log(1 + count)
    "positive_words",
    "conflict_words",  # words of the news layer's conflict lexicon
    "conflict_outside_procedure",  # the same, weighed by the share of sentences that are not procedure
    "procedural",  # share of sentences that report court procedure
    "negated",  # a negation turned a word
    "quoted",  # share of the characters inside quotation marks
    "quoted_negative",  # negative words inside quotes
    "quoted_positive",
    "rejection",  # a refusal cue ("no thank you", « non merci », "rejected")
    "irony",  # a refusal cue and praise inside quotes: a jab
    "dated",  # sentences carrying a year: background and history
    "figures",  # numbers, amounts, percentages
    "reporting",  # reporting verbs
    "neutral_words",  # the news layer's plain-description words
    "words",  # log(1 + words)
    "french",
)
L2_GRID = (3.0, 10.0, 30.0, 100.0, 300.0)  # penalty over the sample size: larger is smoother


@dataclass(frozen=True, slots=True)
class ToneModel:
    """Standardisation and weights of the model (one row of weights per class, bias first)."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (classes, 1 + features)
    positive_min: float
    l2: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Class probabilities for a (n, features) array."""
        x = (np.atleast_2d(features) - self.mean) / self.scale
        x = np.hstack([np.ones((len(x), 1)), x])
        return _softmax(x @ self.weights.T)

    def labels(self, features: np.ndarray) -> list[str]:
        """The label of each row of features (see labels_of)."""
        return self.labels_of(self.probabilities(features))

    def labels_of(self, probabilities: np.ndarray) -> list[str]:
        """Argmax of negative and neutral, unless positive reaches `positive_min`."""
        out = []
        for p in probabilities:
            if p[2] >= self.positive_min:
                out.append(CLASSES[2])
            else:
                out.append(CLASSES[0] if p[0] >= p[1] else CLASSES[1])
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "classes": list(CLASSES),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "weights": self.weights.round(6).tolist(),
            "positive_min": self.positive_min,
            "l2": self.l2,
        }


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    result: np.ndarray = e / e.sum(axis=1, keepdims=True)
    return result


def fit(
    features: np.ndarray, labels: Sequence[str], *, l2: float = 10.0, positive_min: float = 0.5, steps: int = 400
) -> ToneModel:
    """Multinomial logistic regression with an L2 penalty (not on the bias), fitted by gradient
    descent whose step grows while the loss falls and halves when it rises. Deterministic."""
    x = np.asarray(features, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    y = np.zeros((len(x), len(CLASSES)))
    for row, label in enumerate(labels):
        y[row, CLASSES.index(label)] = 1.0
    w = np.zeros((len(CLASSES), z.shape[1]))
    penalty = np.ones_like(w)
    penalty[:, 0] = 0.0
    rate = 1.0

    def loss(weights: np.ndarray) -> float:
        p = _softmax(z @ weights.T)
        data = -float(np.sum(y * np.log(np.clip(p, 1e-12, 1.0)))) / len(z)
        return data + 0.5 * l2 * float(np.sum(penalty * weights * weights)) / len(z)

    current = loss(w)
    for _ in range(steps):
        p = _softmax(z @ w.T)
        gradient = (p - y).T @ z / len(z) + l2 * penalty * w / len(z)
        trial = w - rate * gradient
        value = loss(trial)
        if value <= current:
            w, current = trial, value
            rate *= 1.1
        else:
            rate *= 0.5
    return ToneModel(mean, scale, w, positive_min, l2)


def load_model(path: Path = WEIGHTS_FILE) -> ToneModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES or tuple(data["classes"]) != CLASSES:
        raise ValueError(f"{path}: weights were fitted for other features; run python -m scripts.fit_tone")
    return ToneModel(
        np.asarray(data["mean"], dtype=float),
        np.asarray(data["scale"], dtype=float),
        np.asarray(data["weights"], dtype=float),
        float(data["positive_min"]),
        float(data["l2"]),
    )


def vector(values: Mapping[str, float]) -> list[float]:
    """A paragraph's features in FEATURES order."""
    return [float(values[name]) for name in FEATURES]


def log_count(n: int) -> float:
    return math.log1p(n)
