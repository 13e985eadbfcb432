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
# Fixed seeds: signatures must stay comparable across runs and processes.
_SEEDS = np.random.default_rng(20250210).integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64)
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)
_WORD = re.compile(r"\w+")
_POLY = np.uint64(0x100000001B3)
_WORD_HASHES: dict[str, int] = {}


def _word_hash(word: str) -> int:
    found = _WORD_HASHES.get(word)
    if found is None:
        if len(_WORD_HASHES) > 1_000_000:
            _WORD_HASHES.clear()
        found = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
        _WORD_HASHES[word] = found
    return found


def shingle_hashes(text: str) -> np.ndarray:
    """64-bit hashes of the text's distinct word 5-shingles (of the whole text when shorter).

    Each word is hashed once (and remembered); a shingle's hash is a polynomial
    of its words' hashes, computed for all shingles at once.
    """
    words = _WORD.findall(fold_for_matching(text))
    if not words:
        words = [""]
    hashed = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(hashed))
    count = len(hashed) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for k in range(width):
        combined = combined * _POLY + hashed[k : k + count]
    return np.unique(combined)


def signature(text: str) -> np.ndarray:
    """The MinHash signature (NUM_PERM unsigned 32-bit values) of a text."""
    # One splitmix64 finaliser per seed stands in for a random permutation. The
    # textbook (a*x + b) mod p family is not min-wise enough: on a 76% overlap it
    # estimated 49%.
    z = shingle_hashes(text)[:, None] ^ _SEEDS[None, :]
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    z = z ^ (z >> _S31)
    return (z.min(axis=0) >> np.uint64(32)).astype(np.uint32)


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
