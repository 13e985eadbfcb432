import pytest

from analysis.valence import NEUTRAL, Engine, sentence_valence

ENGINE = Engine(
    lexicon={"good": 1.9, "bad": -2.5, "liar": -2.6, "great": 3.1},
    boosters={"very": 0.293, "slightly": -0.293},
    negations=frozenset({"not", "never"}),
)


def valence(text):
    return sentence_valence(text.split(), ENGINE)


def test_a_sentence_without_lexicon_words_is_neutral():
    assert valence("The board met on Monday") == NEUTRAL


def test_compound_is_the_normalised_sum():
    assert valence("a bad plan").compound == pytest.approx(-2.5 / (2.5**2 + 15) ** 0.5)


def test_negation_flips_and_shades_the_word():
    assert valence("not good").compound < 0 < valence("good").compound
    assert valence("not good").negated


def test_boosters_strengthen_and_dampeners_weaken():
    assert valence("very bad").compound < valence("bad").compound < valence("slightly bad").compound


def test_words_after_but_weigh_more_than_before():
    assert valence("good but bad").compound < 0
    assert valence("bad but good").compound > 0


def test_capitals_and_exclamations_add_emphasis():
    assert valence("he is a LIAR").compound < valence("he is a liar").compound
    assert valence("bad!!").compound < valence("bad").compound


def test_shares_sum_to_one():
    v = valence("a good and a bad day")
    assert v.pos + v.neg + v.neu == pytest.approx(1.0)
    assert (v.positive_words, v.negative_words) == (1, 1)
