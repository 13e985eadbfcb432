"""Near-duplicate detection: word shingles, MinHash signatures and LSH bands.

Syndicated wire copy is the same story with a changed headline, a trimmed
paragraph or an added sentence. Its word 5-shingles overlap heavily: MinHash
estimates that overlap (Jaccard) from 64 numbers per article, and 16 bands of
4 rows find the candidates sharing at least one band, so a new article is
compared with a handful of others, not the whole store.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from corpus.text import fold_for_matching

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
NEAR_DUPLICATE_JACCARD = 0.5
_MERSENNE = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20250210)  # fixed: signatures must stay comparable across runs
_A = _rng.integers(1, 1 << 32, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the text's word 5-shingles (of the whole text when shorter)."""
    words = _WORD.findall(fold_for_matching(text))
    if len(words) <= SHINGLE_WORDS:
        grams = [" ".join(words)]
    else:
        grams = [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]
    hashes = {
        int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "little")
        for g in grams
    }
    return np.fromiter(hashes, dtype=np.uint64, count=len(hashes))


def signature(text: str) -> np.ndarray:
    """The MinHash signature (NUM_PERM unsigned 32-bit values) of a text."""
    x = shingle_hashes(text)
    # a*x + b stays below 2**64 because a, b and x are all below 2**32.
    values = (np.outer(x, _A) + _B) % _MERSENNE
    return (values.min(axis=0) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band: articles sharing a key are candidates."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))
