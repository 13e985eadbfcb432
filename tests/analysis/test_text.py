import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.text import is_heading, paragraph_language, paragraph_spans, paragraphs_of, sentence_spans
from corpus.text import split_paragraphs


@given(st.text(alphabet=st.sampled_from(list("ab \n\t.«»é")), max_size=200))
def test_paragraph_spans_lose_no_character_and_match_split(text):
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == split_paragraphs(text)
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_paragraphs_of_normalises_windows_line_ends():
    assert paragraphs_of("Un.\r\n\r\nDeux.") == ["Un.", "Deux."]


def test_sentence_spans_english_abbreviations():
    text = 'Mr. Musk sued the U.S. unit on Feb. 4. He said: "Swindler." Was it fair? Yes.'
    assert [text[s:e] for s, e in sentence_spans(text, "en")] == [
        "Mr. Musk sued the U.S. unit on Feb. 4.",
        'He said: "Swindler."',
        "Was it fair?",
        "Yes.",
    ]


def test_sentence_spans_french_guillemets_and_titles():
    text = "M. Altman a refusé. « Non merci », a-t-il écrit. Mme Zilis n'a rien dit."
    assert [text[s:e] for s, e in sentence_spans(text, "fr")] == [
        "M. Altman a refusé.",
        "« Non merci », a-t-il écrit.",
        "Mme Zilis n'a rien dit.",
    ]


def test_paragraph_language_names_other_languages():
    german = "Der Vorstand von OpenAI hat das Angebot von Elon Musk abgelehnt, teilte das Unternehmen mit."
    assert paragraph_language(german, "en") == "de"
    english = "The board of OpenAI rejected the offer made by Elon Musk, the company said on Friday."
    assert paragraph_language(english, "fr") == "en"
    assert (
        paragraph_language("Le conseil a rejeté l'offre d'Elon Musk, selon un communiqué publié vendredi.", "fr")
        == "fr"
    )


def test_paragraph_language_short_paragraph_takes_article_language():
    assert paragraph_language("Swindler.", "en") == "en"
    assert paragraph_language("Escroc.", "fr") == "fr"


@pytest.mark.parametrize(
    "line",
    [
        "Contexte de la rivalité",
        "Foire aux questions courantes",
        "The Background of the Lawsuit",
        "Pourquoi Musk veut-il racheter OpenAI ?",
        "What happens next?",
        "Publié le 16 février 2025 à 08h11",
        "Updated Feb 10, 2025",
        "10 février 2025",
    ],
)
def test_headings_datelines_and_question_headings_are_recognised(line):
    assert is_heading(line)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Musk said no.",
        "« Non merci », a répondu Altman",
        "“We are not for sale,” the board chair said",
        "Le conseil d'administration a rejeté l'offre lundi, selon un communiqué publié dans la soirée par la société",
        "",
    ],
)
def test_sentences_and_speech_are_not_headings(paragraph):
    assert not is_heading(paragraph)
