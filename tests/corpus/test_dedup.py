from hypothesis import given
from hypothesis import strategies as st

from corpus.dedup import BANDS, NUM_PERM, band_keys, signature, similarity

STORY = (
    "Elon Musk's attorneys told a judge on Friday that OpenAI had abandoned the nonprofit mission "
    "that the billionaire had paid for, and asked for the conversion to be halted before the trial "
    "opens next spring in Oakland, where a jury will hear from Sam Altman and other founders."
)


def test_signature_is_stable_and_sized():
    assert signature(STORY).tolist() == signature(STORY).tolist()
    assert len(signature(STORY)) == NUM_PERM and len(band_keys(signature(STORY))) == BANDS


def test_similarity_high_for_edited_copy_low_for_other_story():
    edited = STORY.replace("on Friday", "late on Friday") + " OpenAI declined to comment."
    other = "Sam Altman said OpenAI would keep building products and had no plans to sell the company."
    assert similarity(signature(STORY), signature(edited)) > 0.5
    assert similarity(signature(STORY), signature(other)) < 0.2


@given(st.text(min_size=1, max_size=300))
def test_similarity_of_text_with_itself_is_one(text):
    assert similarity(signature(text), signature(text)) == 1.0
