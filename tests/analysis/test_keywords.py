import pandas as pd
import pytest

from analysis.keywords import log_odds, term_counts, tokens
from analysis.lang import LANGUAGES, language_data


def test_tokens_split_french_elisions_both_apostrophes():
    assert tokens("L’offre d'OpenAI qu’il juge", "fr") == ["offre", "OpenAI", None, "juge"]


def test_tokens_keep_acronyms_and_brands_drop_stop_words():
    assert tokens("The AI race: xAI, OpenAI and the US.", "en") == [
        None,
        "AI",
        "race",
        None,
        "xAI",
        None,
        "OpenAI",
        None,
        None,
        "US",
        None,
    ]
    assert "IA" in tokens("L'IA générative", "fr")


def test_term_counts_bigrams_do_not_cross_stop_words_or_punctuation():
    counts = term_counts("Sam Altman rejected the bid. Musk sued; OpenAI countersued.", "en")
    assert counts["sam altman"] == 1
    assert counts["altman rejected"] == 1
    assert "rejected bid" not in counts
    assert "bid musk" not in counts
    assert "sued OpenAI" not in counts


def test_stop_words_come_from_maintained_lists_in_both_languages():
    assert {"le", "les", "qui", "dans"} <= LANGUAGES["fr"].stop_words
    assert {"the", "and", "which"} <= LANGUAGES["en"].stop_words
    assert language_data("xx") is None


def test_log_odds_signs_symmetry_and_prior():
    a = pd.Series({"lawsuit": 30, "bid": 5, "musk": 40})
    b = pd.Series({"lawsuit": 3, "bid": 30, "musk": 40})
    ab = log_odds(a, b).set_index("term")
    ba = log_odds(b, a).set_index("term")
    assert ab.loc["lawsuit", "z"] > 2
    assert ab.loc["bid", "z"] < -2
    assert abs(ab.loc["musk", "z"]) < 1
    for term in ab.index:
        assert ab.loc[term, "z"] == pytest.approx(-ba.loc[term, "z"])
    assert list(ab.columns) == ["count_a", "count_b", "delta", "z"]
