import pytest

from corpus.language import UNDETERMINED, detect_language, normalise_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Sam Altman a rejeté l'offre d'Elon Musk, qu'il juge opportuniste et déplacée.", "fr"),
        ("Sam Altman rejected Elon Musk's offer, calling it opportunistic and misplaced.", "en"),
        ("Sam Altman lehnte das Angebot von Elon Musk ab und nannte es opportunistisch.", "de"),
        ("Sam Altman rechazó la oferta de Elon Musk y la calificó de oportunista.", "es"),
    ],
)
def test_detect_language_names_language_not_forced_into_fr_or_en(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "Swindler.", "OK"])
def test_detect_language_short_unsure_text_is_undetermined(text):
    assert detect_language(text) == UNDETERMINED


@pytest.mark.parametrize(("value", "code"), [("FR", "fr"), ("fr-FR", "fr"), ("English", "en"), ("", None)])
def test_normalise_language(value, code):
    assert normalise_language(value) == code
