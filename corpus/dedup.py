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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

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
    # One splitmix64 finaliser per seed stands in for a random permutation: it needs no
    # modulus, so it runs in uint64 without care. An earlier (a*x + b) mod p version
    # estimated 49% on a 76% overlap because a*x overflowed uint64 before the modulus,
    # not because that family is unfit.
    z = shingle_hashes(text)[:, None] ^ _SEEDS[None, :]
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    z = z ^ (z >> _S31)
    sig: np.ndarray = (z.min(axis=0) >> np.uint64(32)).astype(np.uint32)
    return sig


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


# -- near-duplicate decisions (pure: the store feeds them rows and writes their answers) --

MAX_COMPARED_PER_GROUP = 4  # a large group of copies is judged by a few of its members
BUCKET_CAP = 32  # members indexed per band key: candidates stay bounded however many copies arrive


def similarities(sig: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of one signature with each row of `others`."""
    result: np.ndarray = (others == sig[None, :]).mean(axis=1)
    return result


@dataclass(frozen=True, slots=True)
class Banded:
    """An article as the near-duplicate index sees it: id, signature, band keys and group root."""

    article_id: str
    signature: np.ndarray
    keys: Sequence[int]
    root: str | None = None  # the earliest copy it duplicates; None for a group's root or a lone article


Link = tuple[str | None, float | None]  # (group root it nearly duplicates, similarity), or (None, None)


@dataclass(frozen=True, slots=True)
class Linking:
    """The decisions for a batch: each new article's link, and the (band key, id) pairs to index."""

    links: dict[str, Link]
    indexed: list[tuple[int, str]]


def link_near_duplicates(new: Sequence[Banded], known: Mapping[int, Sequence[Banded]]) -> Linking:
    """For each new article (in order), the group root it nearly duplicates and the similarity.

    `known` holds the stored articles per band key; each new article joins the index once
    decided, so a later one in the same batch can duplicate it. The index is bounded: a band
    key holds at most BUCKET_CAP members and at most MAX_COMPARED_PER_GROUP of one group, so
    an article is compared with at most BANDS x BUCKET_CAP others and linking a batch takes
    time linear in its size (a thousandth reprint of a wire story costs what the fifth did).
    An article left out of a full bucket is still indexed under its other keys, and its
    group is found through the members that are indexed.
    """
    index: dict[int, list[Banded]] = {}
    per_key_group: dict[int, dict[str, int]] = {}

    def admit(key: int, member: Banded, group: str) -> bool:
        members = index.setdefault(key, [])
        counts = per_key_group.setdefault(key, {})
        if len(members) >= BUCKET_CAP or counts.get(group, 0) >= MAX_COMPARED_PER_GROUP:
            return False
        members.append(member)
        counts[group] = counts.get(group, 0) + 1
        return True

    for key, stored in known.items():
        for member in stored:
            admit(key, member, member.root or member.article_id)
    links: dict[str, Link] = {}
    indexed: list[tuple[int, str]] = []
    for article in new:
        candidates: dict[str, Banded] = {}
        for key in article.keys:
            for other in index.get(key, ()):
                candidates.setdefault(other.article_id, other)
        best: tuple[str, float] | None = None
        if candidates:
            found = list(candidates.values())
            scores = similarities(article.signature, np.stack([other.signature for other in found]))
            top = int(np.argmax(scores))
            if scores[top] >= NEAR_DUPLICATE_JACCARD:
                best = (found[top].root or found[top].article_id, float(scores[top]))
        links[article.article_id] = best if best else (None, None)
        group = best[0] if best else article.article_id
        placed = Banded(article.article_id, article.signature, article.keys, best[0] if best else None)
        indexed.extend((key, article.article_id) for key in article.keys if admit(key, placed, group))
    return Linking(links, indexed)


@dataclass(frozen=True, slots=True)
class Member:
    """A member of a near-duplicate group: its id, current group, publication and import times."""

    article_id: str
    group: str
    published: Any  # datetime or None
    imported_at: Any


def earliest_roots(members: Iterable[Member]) -> tuple[dict[str, str], list[tuple[str | None, str]]]:
    """Each group's earliest copy (published first, undated last, then imported first, then id).

    Returns id -> root for every member that is not a root, and the (new root or None, id)
    updates that make the stored links say so.
    """
    groups: dict[str, list[Member]] = {}
    for member in members:
        groups.setdefault(member.group, []).append(member)
    roots: dict[str, str] = {}
    updates: list[tuple[str | None, str]] = []
    for group, found in groups.items():
        found.sort(key=lambda m: (m.published is None, m.published or m.imported_at, m.imported_at, m.article_id))
        earliest = found[0].article_id
        for member in found:
            if member.article_id != earliest:
                roots[member.article_id] = earliest
            if earliest != group or member.article_id == earliest:
                updates.append((None if member.article_id == earliest else earliest, member.article_id))
    return roots, updates
