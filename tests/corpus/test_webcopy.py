from corpus.webcopy import clean_web_copy

PAGE = """Altman says OpenAI is not for sale

Published February 11, 2025 9:00 am
Jane Roe
Staff writer covering artificial intelligence, startups and the people who fund them across the Bay Area.

Sam Altman told reporters in Paris on Tuesday that OpenAI was not for sale, a day after Elon Musk led a group of investors in an unsolicited bid for the company that he helped start.
Altman said he felt sorry for Musk and suggested that the offer was an attempt to slow down a competitor.

Jane Roe
Staff writer covering artificial intelligence, startups and the people who fund them across the Bay Area.
Home › Tech › Altman says OpenAI is not for sale
Ten gadgets for summer
the best gadgets of the season, chosen by our editors.
"""


def test_clean_web_copy_english_page():
    clean = clean_web_copy(PAGE)
    assert clean.title == "Altman says OpenAI is not for sale"
    assert clean.dateline.isoformat() == "2025-02-11T09:00+00:00"
    assert clean.text.split("\n\n") == [
        "Sam Altman told reporters in Paris on Tuesday that OpenAI was not for sale, a day after Elon "
        "Musk led a group of investors in an unsolicited bid for the company that he helped start.",
        "Altman said he felt sorry for Musk and suggested that the offer was an attempt to slow down a competitor.",
    ]


def test_clean_web_copy_joins_hard_wrapped_lines():
    text = (
        "Le milliardaire a de nouveau attaqué OpenAI en justice,\n"
        "accusant ses dirigeants d'avoir trahi la mission\n"
        "d'origine de l'organisation."
    )
    assert clean_web_copy(text, title="x").text == (
        "Le milliardaire a de nouveau attaqué OpenAI en justice, accusant ses dirigeants "
        "d'avoir trahi la mission d'origine de l'organisation."
    )


def test_clean_web_copy_plain_article_unchanged():
    text = "Musk a porté plainte contre OpenAI.\n\nAltman dénonce une manœuvre."
    clean = clean_web_copy(text, title="Un autre titre")
    assert clean.text == text
    assert clean.removed_lines == 0
