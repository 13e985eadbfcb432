"""Sentence valence from a lexicon: the rules of VADER (Hutto & Gilbert, 2014), written for this project.

A word's valence comes from the lexicon (VADER's scale, -4..+4). It grows with
a booster before it ("very", « très » mapped onto "very"), is shaded and
flipped by a negation among the three words before it, and weighs more after a
contrastive "but" (less before). Capitals that stand out and exclamation marks
add emphasis. The sentence's compound score is the sum normalised into
[-1, 1] by x / sqrt(x² + 15), the paper's normalisation.

Only the rules and constants of the paper are taken; the engine is ours and
reads word lists as data (VADER's lexicon, boosters and negations are loaded
from the vaderSentiment package, never copied). Words come in already mapped
by the language's reader (analysis.sentiment): French negations and
intensifiers arrive as the engine's English words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

BOOST = 0.293  # a booster's step (VADER paper)
CAPS_BOOST = 0.733  # a capitalised word in a sentence that is not all capitals
NEGATION = -0.74  # a negated word keeps part of its strength, with the other sign
BEFORE_BUT, AFTER_BUT = 0.5, 1.5
EXCLAMATION = 0.292  # per "!", up to four
NORMALISER = 15.0
BOOSTER_DECAY = (1.0, 0.95, 0.9)  # by distance: one, two, three words before


@dataclass(frozen=True, slots=True)
class Valence:
    """A sentence's scores: compound in [-1, 1]; pos, neg and neu shares of its weight (sum 1)."""

    compound: float
    pos: float
    neg: float
    neu: float
    positive_words: int
    negative_words: int
    negated: bool


NEUTRAL = Valence(0.0, 0.0, 0.0, 1.0, 0, 0, False)


@dataclass(frozen=True, slots=True)
class Engine:
    """The word lists the rules read: lexicon (lower case), boosters (word -> +/-BOOST scale), negations."""

    lexicon: Mapping[str, float]
    boosters: Mapping[str, float]
    negations: frozenset[str]
    contrast: str = "but"

    def negates(self, word: str) -> bool:
        return word in self.negations or word.endswith("n't")


def _sign(value: float) -> float:
    return 1.0 if value > 0 else -1.0


def sentence_valence(words: Sequence[str], engine: Engine) -> Valence:
    """The valence of one sentence given as words (punctuation kept on them)."""
    lowered = [w.lower().strip(".,;:!?()[]\"'") for w in words]
    lexicon = engine.lexicon
    shouting = any(w.isupper() for w in words) and not all(w.isupper() for w in words if w.isalpha())
    values = [0.0] * len(words)
    negated = False
    for i, word in enumerate(lowered):
        value = lexicon.get(word)
        if value is None or word in engine.boosters:
            continue
        if shouting and words[i].isupper() and len(words[i]) > 1:
            value += _sign(value) * CAPS_BOOST
        for distance, decay in enumerate(BOOSTER_DECAY, start=1):
            if i - distance < 0:
                break
            boost = engine.boosters.get(lowered[i - distance])
            if boost:
                value += _sign(value) * boost * decay
        if any(engine.negates(lowered[j]) for j in range(max(0, i - 3), i)):
            value *= NEGATION
            negated = True
        values[i] = value
    if engine.contrast in lowered:
        pivot = lowered.index(engine.contrast)
        values = [v * BEFORE_BUT if i < pivot else v * AFTER_BUT if i > pivot else v for i, v in enumerate(values)]
    total = sum(values)
    if total:
        bangs = min(4, sum(w.count("!") for w in words))
        total += _sign(total) * bangs * EXCLAMATION
    positive = sum(v for v in values if v > 0)
    negative = -sum(v for v in values if v < 0)
    plain = sum(1 for v in values if v == 0)
    weight = positive + negative + plain
    if not weight:
        return NEUTRAL
    return Valence(
        compound=total / math.sqrt(total * total + NORMALISER),
        pos=positive / weight,
        neg=negative / weight,
        neu=plain / weight,
        positive_words=sum(1 for v in values if v > 0),
        negative_words=sum(1 for v in values if v < 0),
        negated=negated,
    )
