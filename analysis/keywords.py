"""Keywords: tokens, unigram and bigram counts, distinctive terms by weighted log-odds.

Tokens split French elisions (l’, d’, qu’, with either apostrophe) and the
English possessive; acronyms and brand names keep their case (AI, IA, xAI,
OpenAI); stop words come from spaCy's maintained lists for both languages.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

import numpy as np
import pandas as pd

from analysis.lang import language_data

VERSION = "keywords-1"
# A word, or punctuation that ends a phrase (no bigram across it).
_TOKEN = re.compile(r"(?P<w>[^\W\d_](?:\w|[’'-](?=\w))*)|(?P<b>[.!?;:,()«»\"“”\[\]—–])")
_ELIDED = re.compile(r"^(\w+)[’']")


def _stop_set(language: str) -> frozenset[str]:
    data = language_data(language)
    return data.stop_words if data else frozenset()


def tokens(text: str, language: str) -> list[str | None]:
    """Terms of a text in order; None stands where a stop word, number or punctuation broke the run.

    Lower case, except acronyms and words with inner capitals (AI, xAI, OpenAI).
    """
    data = language_data(language)
    elisions = frozenset(data.elisions) if data else frozenset()
    acronyms = data.acronyms if data else frozenset()
    stop = _stop_set(language)
    out: list[str | None] = []
    for match in _TOKEN.finditer(text):
        word = match.group("w")
        if word is None:
            out.append(None)
            continue
        elided = _ELIDED.match(word)
        if elided and elided.group(1).lower() in elisions:
            word = word[elided.end() :]
        if word.lower().endswith(("'s", "’s")):
            word = word[:-2]
        if not word:
            continue
        tail = word[1:]
        if word in acronyms or tail != tail.lower():  # inner capitals: xAI, OpenAI
            out.append(word)
        elif len(word) < 2 or word.lower() in stop:
            out.append(None)
        else:
            out.append(word.lower())
    return out


def term_counts(text: str, language: str) -> Counter[str]:
    """Unigram and bigram counts of one text; bigrams never span a stop word."""
    seq = tokens(text, language)
    counts: Counter[str] = Counter(t for t in seq if t)
    counts.update(f"{a} {b}" for a, b in itertools.pairwise(seq) if a and b)
    return counts


def log_odds(
    counts_a: pd.Series,
    counts_b: pd.Series,
    prior: pd.Series | None = None,
    *,
    prior_size: float | None = None,
) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    counts_a, counts_b: term -> count in each group; prior: term -> count in a
    background corpus (default: both groups together), scaled to `prior_size`
    pseudo-counts (default: the background's own size). Returns columns term,
    count_a, count_b, delta (log-odds of a over b) and z (delta over its
    standard deviation), sorted by z descending.
    """
    terms = counts_a.index.union(counts_b.index)
    a = counts_a.reindex(terms, fill_value=0).astype(float)
    b = counts_b.reindex(terms, fill_value=0).astype(float)
    background = (a + b) if prior is None else prior.reindex(terms, fill_value=0).astype(float)
    background = background + 0.01  # every term gets some prior mass
    alpha0 = float(prior_size if prior_size is not None else background.sum())
    alpha = background / background.sum() * alpha0
    n_a, n_b = a.sum(), b.sum()
    delta = np.log((a + alpha) / (n_a + alpha0 - a - alpha)) - np.log((b + alpha) / (n_b + alpha0 - b - alpha))
    variance = 1.0 / (a + alpha) + 1.0 / (b + alpha)
    frame = pd.DataFrame(
        {
            "term": terms,
            "count_a": a.astype(int).to_numpy(),
            "count_b": b.astype(int).to_numpy(),
            "delta": delta.to_numpy(),
            "z": (delta / np.sqrt(variance)).to_numpy(),
        }
    )
    return frame.sort_values("z", ascending=False, ignore_index=True)
