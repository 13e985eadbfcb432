import pytest

from corpus.store import Selection
from corpus.store.reads import compare, timelines
from corpus.store.reads.common import LOW_COUNT

ALL = Selection()


def test_summary_per_language_adds_up_to_the_selection(bundled_store):
    summary = compare.summary(bundled_store, ALL, by="language")
    counts = timelines.counts(bundled_store, ALL)
    assert set(summary["side"]) == {"en", "fr"}
    assert summary["articles"].sum() == counts["articles"]
    assert summary["quotes"].sum() == counts["quotes"]
    assert summary["mean_compound"].between(-1, 1).all()
    assert (summary["low_count"] == (summary["paragraphs"] < LOW_COUNT)).all()


def test_summary_of_one_language_is_that_language_alone(bundled_store):
    both = compare.summary(bundled_store, ALL, by="language").set_index("side")
    french = compare.summary(bundled_store, Selection(languages=("fr",)), by="language").set_index("side")
    assert list(french.index) == ["fr"]
    assert french.loc["fr"].to_dict() == both.loc["fr"].to_dict()  # never pooled with English


def test_label_shares_and_speakers_sum_to_one_per_side(bundled_store):
    for by in ("language", "outlet"):
        shares = compare.label_shares(bundled_store, ALL, by=by)
        assert shares.groupby("side")["share"].sum().round(9).eq(1).all()
        said = compare.speakers(bundled_store, ALL, by=by, top=3)
        assert said.groupby("side")["share"].sum().round(9).eq(1).all()
        assert said["speaker"].nunique() <= 4  # the top three and "others"


def test_tone_over_time_per_language_places_only_what_its_period_can_hold(bundled_store):
    monthly = compare.tone_over_time(bundled_store, ALL, by="language", freq="month")
    daily = compare.tone_over_time(bundled_store, ALL, by="language", freq="day")
    assert monthly["paragraphs"].sum() > daily["paragraphs"].sum()  # month-dated articles have no day
    assert (monthly["low_count"] == (monthly["paragraphs"] < LOW_COUNT)).all()


def test_two_outlets_compared_keep_to_themselves(bundled_store):
    outlets = compare.largest_outlets(bundled_store, ALL, n=2)
    assert len(outlets) == 2
    summary = compare.summary(bundled_store, Selection(outlets=tuple(outlets)), by="outlet")
    assert sorted(summary["side"]) == sorted(outlets)


def test_an_unknown_side_is_refused(bundled_store):
    with pytest.raises(ValueError, match="by should be one of"):
        compare.summary(bundled_store, ALL, by="author")
