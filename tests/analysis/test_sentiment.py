import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.evaluation import label_scores
from analysis.sentiment import (
    BASELINE,
    NEGATIVE,
    NEUTRAL,
    ToneOptions,
    load_analyzers,
    measure,
    score_text,
)

LABELLED = Path(__file__).resolve().parents[1] / "fixtures" / "analysis" / "tone_labelled.jsonl"
# Quality gate on the project's own labelled paragraphs: floors only go up.
FLOORS = {"en": {"accuracy": 0.90, "macro_f1": 0.90}, "fr": {"accuracy": 0.90, "macro_f1": 0.90}}


@pytest.fixture(scope="module")
def analyzers():
    return load_analyzers()


def test_sentiment_quality_gate_on_own_labelled_paragraphs(analyzers):
    pairs: dict[str, list[tuple[str, str]]] = {"en": [], "fr": []}
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        tone = score_text(record["text"], record["language"], analyzers=analyzers)
        pairs[record["language"]].append((record["label"], tone.label))
    for language, floor in FLOORS.items():
        scores = label_scores(pairs[language])
        assert scores.accuracy >= floor["accuracy"], (language, scores.confusion)
        assert scores.macro_f1 >= floor["macro_f1"], (language, scores.confusion)


def test_sentiment_french_is_scored_not_zero(analyzers):
    tone = score_text("OpenAI accuse Musk de fraude et dénonce une campagne de harcèlement.", "fr", analyzers=analyzers)
    assert tone.compound < -0.3
    assert tone.label == NEGATIVE
    raw = SentimentIntensityAnalyzer().polarity_scores("Altman traite Musk d'escroc et de menteur.")
    assert raw["compound"] == 0.0  # what English VADER gives French: the reason for the French lexicon


def test_sentiment_french_negation_flips_tone(analyzers):
    plain = score_text("Musk est un escroc.", "fr", analyzers=analyzers)
    negated = score_text("Musk n'est pas un escroc.", "fr", analyzers=analyzers)
    assert plain.compound < 0 < negated.compound or negated.compound > plain.compound


def test_sentiment_quoted_insult_makes_paragraph_negative(analyzers):
    text = (
        "Musk posted a long message on Tuesday about the company's plans for next year and its "
        "hiring in Texas. He ended it with one word about Altman: “Swindler.”"
    )
    assert score_text(text, "en", analyzers=analyzers).label == NEGATIVE


def test_sentiment_procedural_court_report_is_neutral(analyzers):
    text = "The jury rejected Musk's claims and the judge dismissed the case on Monday."
    assert score_text(text, "en", analyzers=analyzers).label == NEUTRAL


def test_sentiment_other_language_is_not_scored(analyzers):
    assert score_text("Der Vorstand lehnte das Angebot ab.", "de", analyzers=analyzers) is None


def test_probabilities_are_the_stored_scores_and_compound_is_their_difference(analyzers):
    tone = score_text("Musk called Altman a liar and a fraud.", "en", analyzers=analyzers)
    assert tone.pos + tone.neu + tone.neg == pytest.approx(1.0, abs=1e-3)
    assert tone.compound == pytest.approx(tone.pos - tone.neg, abs=1e-3)


def test_quoted_praise_after_a_refusal_reads_as_a_jab(analyzers):
    jab = score_text(
        "Altman turned the offer down: “No thank you, but we will gladly buy your company.”", "en", analyzers=analyzers
    )
    assert jab.label != "positive"
    measured = measure(
        "« Non merci », a répondu Altman, « mais nous serions ravis de racheter X ».", "fr", analyzers["fr"]
    )
    assert measured.rejection
    assert measured.features()["irony"] == 1.0


def test_hand_set_rule_is_kept_to_measure_what_the_model_buys():
    rule = load_analyzers(ToneOptions(model=False))
    assert rule["en"].model is None
    assert score_text("Musk called Altman a liar.", "en", analyzers=rule).label == NEGATIVE


def test_tone_options_switch_steps_off():
    bare = load_analyzers(BASELINE)
    text = "Musk branded Altman a swindler."
    assert score_text(text, "en", analyzers=load_analyzers()).label == NEGATIVE
    assert score_text(text, "en", analyzers=bare).compound == 0.0  # "swindler" is not in VADER's lexicon


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=300), st.sampled_from(["en", "fr"]))
def test_sentiment_scores_stay_in_range(text, language):
    tone = score_text(text, language, analyzers=load_analyzers())
    if tone is not None:
        assert -1.0 <= tone.compound <= 1.0
        assert -1.0 <= tone.min_sentence <= 1.0
        assert all(0.0 <= v <= 1.0 for v in (tone.pos, tone.neu, tone.neg))
