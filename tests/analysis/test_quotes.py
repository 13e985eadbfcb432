import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.actors import load_actors
from analysis.evaluation import quote_report
from analysis.nlp import entity_finder, model_installed
from analysis.quotes import extract_quotes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "analysis"
# Quality gate on the project's own labelled quotes: floors only go up.
FLOORS = {"precision": 0.95, "recall": 0.95, "speaker_accuracy": 0.95}


def load(name):
    return [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()]


def direct(text, language, **kwargs):
    return [q for q in extract_quotes(text, language, actors=load_actors(), **kwargs) if q.kind == "direct"]


@pytest.mark.parametrize("use_model", [False, True], ids=["no-model", "spacy-model"])
def test_quotes_quality_gate_on_own_labelled_articles(use_model):
    if use_model and not model_installed("fr"):
        pytest.skip("fr_core_news_sm is not installed")
    articles = load("quotes_articles.jsonl")
    predicted = []
    for a in articles:
        finder = entity_finder(a["language"]) if use_model else None
        predicted += [q.as_dict() for q in direct(a["text"], a["language"], article_id=a["id"], entities=finder)]
    report = quote_report(predicted, load("quotes_gold.jsonl"), {a["id"]: a["language"] for a in articles})
    for language in ("en", "fr"):
        for metric, floor in FLOORS.items():
            assert report[language][metric] >= floor, (language, metric, report[language])


def test_quote_offsets_index_the_article_text():
    text = "Intro.\n\n« Non merci », a répondu Altman.\n\nMusk a répliqué : « Escroc »."
    for q in extract_quotes(text, "fr", actors=load_actors()):
        assert text[q.start : q.end] == q.quote


@pytest.mark.parametrize(
    ("text", "language", "speaker", "resolution"),
    [
        ('"We will fight this," said Musk\'s lawyer, Marc Toberoff.', "en", "Marc Toberoff", "description"),
        ('"We will fight this," said Jane Roe, a lawyer for the company.', "en", "Jane Roe", "name"),
        ('"We will fight this," the billionaire wrote on X.', "en", "Elon Musk", "description"),
        ("Sam Altman spoke first. “It is not for sale,” he said.", "en", "Sam Altman", "pronoun"),
        ("« Ce n'est pas à vendre », a déclaré le patron d’OpenAI.", "fr", "Sam Altman", "description"),
        ("Elon Musk était furieux. « C'est une honte », a-t-il lancé.", "fr", "Elon Musk", "pronoun"),
        ("D'après Elon Musk, l'offre reste « sur la table ».", "fr", "Elon Musk", "name"),
        ("« Jamais de la vie », déclara Elon Musk devant la presse.", "fr", "Elon Musk", "name"),
        ('The offer is "a sham," according to a statement from OpenAI.', "en", "OpenAI", "name"),
        ("Jane Doe, an analyst, was asked. “Nobody expected it,” Doe said.", "en", "Jane Doe", "surname"),
        ("OpenAI sued Musk in April. “He never stopped,” the lawsuit says.", "en", "OpenAI", "document"),
    ],
)
def test_speaker_patterns(text, language, speaker, resolution):
    (quote,) = direct(text, language)
    assert (quote.speaker, quote.resolution) == (speaker, resolution)


def test_scare_quotes_and_titles_kept_apart():
    text = "The “capped” model and the “Stargate” project were discussed on “Game of Thrones Tonight.”"
    quotes = extract_quotes(text, "en", actors=load_actors())
    assert [q.kind for q in quotes] == ["scare", "scare", "scare"]
    assert all(q.speaker is None for q in quotes)


def test_short_quote_counts_when_cued():
    (quote,) = direct("Musk replied with one word: “Swindler.”", "en")
    assert quote.speaker == "Elon Musk" and quote.cue == "replied"


def test_unattributed_quote_stays_unresolved_never_guessed():
    (quote,) = direct("The weather was bad. “Nobody saw this coming at all,” a witness remembered.", "en")
    assert quote.speaker is None and quote.resolution == "unresolved" and quote.confidence == 0.0


def test_other_language_article_uses_english_rules_without_crashing():
    assert direct('Der Chef sagte: "Nein danke, wirklich nicht."', "de")[0].quote == "Nein danke, wirklich nicht."


PIECES = [
    "Musk",
    "Altman",
    "said",
    "a déclaré",
    ", a-t-il dit",
    "selon",
    "according to",
    "he",
    "il",
    ":",
    ",",
    ".",
    " ",
    "\n\n",
    "«",
    "»",
    "“",
    "”",
    '"',
    "'",
    "’",
    "the lawsuit",
    "la plainte",
    "Jane Doe",
    "x",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from(["en", "fr", "de"]))
def test_extract_quotes_never_crashes_and_offsets_hold(pieces, language):
    text = " ".join(pieces)
    for quote in extract_quotes(text, language, actors=load_actors()):
        assert text[quote.start : quote.end] == quote.quote
        assert quote.kind in ("direct", "scare") and 0.0 <= quote.confidence <= 1.0
        assert quote.speaker is None or quote.resolution != "unresolved"
