import datetime as dt
import os
import subprocess
import sys

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from corpus import dedup
from corpus.dedup import (
    BANDS,
    BUCKET_CAP,
    MAX_COMPARED_PER_GROUP,
    NUM_PERM,
    Banded,
    Member,
    band_keys,
    earliest_roots,
    link_near_duplicates,
    signature,
    similarities,
    similarity,
)

STORY = (
    "Elon Musk's attorneys told a judge on Friday that OpenAI had abandoned the nonprofit mission "
    "that the billionaire had paid for, and asked for the conversion to be halted before the trial "
    "opens next spring in Oakland, where a jury will hear from Sam Altman and other founders."
)
# Signatures are stored: a change of the hashing would make old and new articles incomparable.
GOLDEN_SIGNATURE_HEAD = [198268621, 100184496, 2259894, 107318593, 61085483, 92726509, 43938291, 118483760]
GOLDEN_BAND_KEYS_HEAD = [5385469535240708707, 7888402211144644215]


def test_signature_matches_the_stored_golden_values():
    sig = signature(STORY)
    assert len(sig) == NUM_PERM
    assert len(band_keys(sig)) == BANDS
    assert sig[:8].tolist() == GOLDEN_SIGNATURE_HEAD
    assert band_keys(sig)[:2] == GOLDEN_BAND_KEYS_HEAD


def test_signature_is_the_same_in_a_process_with_another_hash_seed():
    code = "import sys; from corpus.dedup import signature; print(signature(sys.argv[1]).tolist())"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code, STORY], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(signature(STORY).tolist())


def test_similarity_high_for_edited_copy_low_for_other_story():
    edited = STORY.replace("on Friday", "late on Friday") + " OpenAI declined to comment."
    other = "Sam Altman said OpenAI would keep building products and had no plans to sell the company."
    assert similarity(signature(STORY), signature(edited)) > 0.5
    assert similarity(signature(STORY), signature(other)) < 0.2


@given(st.text(min_size=1, max_size=300), st.text(min_size=1, max_size=300))
def test_similarity_is_symmetric_and_bounded(a, b):
    forward = similarity(signature(a), signature(b))
    assert forward == similarity(signature(b), signature(a))
    assert 0.0 <= forward <= 1.0


def _banded(article_id, text, root=None):
    sig = signature(text)
    return Banded(article_id, sig, band_keys(sig), root)


def test_link_near_duplicates_links_a_copy_to_the_stored_root_and_leaves_other_stories_alone():
    stored = _banded("wire-1", STORY)
    known = {key: [stored] for key in stored.keys}
    copy = _banded("copy", STORY + " OpenAI declined to comment.")
    other = _banded("other", "Sam Altman said OpenAI would keep building products and had no plans to sell it.")
    links = link_near_duplicates([copy, other], known).links
    assert links["copy"][0] == "wire-1"
    assert links["copy"][1] > 0.5
    assert links["other"] == (None, None)


def test_link_near_duplicates_sees_earlier_articles_of_the_same_batch():
    first = _banded("first", STORY)
    second = _banded("second", STORY + " The hearing lasted an hour.")
    links = link_near_duplicates([first, second], {}).links
    assert links == {"first": (None, None), "second": ("first", links["second"][1])}


def test_link_near_duplicates_compares_a_bounded_number_per_group(monkeypatch):
    members = [Banded(f"m{i}", np.zeros(NUM_PERM, dtype=np.uint32), [1], "root" if i else None) for i in range(10)]
    probe = Banded("probe", np.zeros(NUM_PERM, dtype=np.uint32), [1])
    compared = []
    monkeypatch.setattr(
        dedup, "similarities", lambda sig, others: compared.append(len(others)) or similarities(sig, others)
    )
    link_near_duplicates([probe], {1: members})
    # the index keeps "m0" (its own group) and four of the nine members of "root"
    assert compared == [1 + MAX_COMPARED_PER_GROUP]


def test_link_near_duplicates_keeps_buckets_bounded_for_a_thousand_reprints(monkeypatch):
    base = signature(STORY)
    reprints = []
    for i in range(1000):
        sig = base.copy()
        sig[i % NUM_PERM] ^= np.uint32(i + 1)  # each reprint differs from the story in one of 64 values
        reprints.append(Banded(f"r{i}", sig, band_keys(sig)))
    compared = []
    monkeypatch.setattr(
        dedup, "similarities", lambda sig, others: compared.append(len(others)) or similarities(sig, others)
    )
    linking = link_near_duplicates(reprints, {})
    assert all(root == "r0" for root, _ in list(linking.links.values())[1:])
    per_key: dict[int, int] = {}
    for key, _id in linking.indexed:
        per_key[key] = per_key.get(key, 0) + 1
    assert max(per_key.values()) <= MAX_COMPARED_PER_GROUP  # one group: four members per key, not a thousand
    assert max(compared) <= BANDS * MAX_COMPARED_PER_GROUP


def test_link_near_duplicates_caps_a_bucket_of_distinct_stories():
    # distinct stories that collide on one key (a shared template), each with keys of its own
    stories = [Banded(f"s{i}", np.full(NUM_PERM, i, dtype=np.uint32), [7, 1000 + i]) for i in range(3 * BUCKET_CAP)]
    linking = link_near_duplicates(stories, {})
    assert all(link == (None, None) for link in linking.links.values())
    assert sum(1 for key, _id in linking.indexed if key == 7) == BUCKET_CAP
    assert {article_id for key, article_id in linking.indexed if key != 7} == {s.article_id for s in stories}


def test_earliest_roots_picks_the_first_published_then_the_first_imported():
    day = dt.datetime(2025, 2, 10, tzinfo=dt.UTC)
    members = [
        Member("late", "late", day + dt.timedelta(days=2), day),
        Member("early", "late", day, day + dt.timedelta(days=5)),
        Member("undated", "late", None, day - dt.timedelta(days=9)),
    ]
    roots, updates = earliest_roots(members)
    assert roots == {"late": "early", "undated": "early"}
    assert set(updates) == {(None, "early"), ("early", "late"), ("early", "undated")}
