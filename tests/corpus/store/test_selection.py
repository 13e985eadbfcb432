import datetime as dt

import pytest

from corpus.records import build_article
from corpus.store import Selection, Store
from corpus.store.reads.terms import term_totals
from corpus.store.reads.timelines import terms_over_time
from dashboard.data import actor_tone, distinctive_terms
from jobs.analyze import analyze_store

ARTICLES = [
    (
        "e1",
        "en",
        "2025-02-10",
        "a.example",
        "Musk called Altman a liar and a fraud.\n\nThe bid was made on Monday.",
    ),
    ("e2", "en", "2025-02-11", "b.example", "Altman mocked Musk.\n\nOpenAI said the offer was not welcome."),
    ("f1", "fr", "2025-03", "c.example", "Musk accuse Altman de trahison.\n\nLe conseil a examiné l'offre."),
    ("f2", "fr", None, "c.example", "Sam Altman a présenté le nouveau modèle d'OpenAI à Paris."),
]


@pytest.fixture
def store(store_path):
    with Store(store_path) as s:
        s.add(
            [
                build_article(
                    {"id": i, "language": lang, "published": date, "outlet": outlet, "text": text},
                    where=i,
                    source="test",
                )
                for i, lang, date, outlet, text in ARTICLES
            ]
        )
        analyze_store(s)
        yield s


def test_selection_filters_dates_outlets_languages(store):
    def ids(selection):
        where, params = selection.where()
        return sorted(r[0] for r in store.con.execute(f"SELECT id FROM articles a WHERE {where}", params).fetchall())

    assert ids(Selection()) == ["e1", "e2", "f1", "f2"]
    assert ids(Selection(start=dt.date(2025, 2, 11))) == ["e2", "f1"]
    assert ids(Selection(end=dt.date(2025, 2, 10))) == ["e1"]
    assert ids(Selection(outlets=("c.example",), languages=("fr",))) == ["f1", "f2"]
    assert ids(Selection(article_ids=("e2",))) == ["e2"]


def test_actor_tone_with_and_without_rival(store):
    tone = actor_tone(store).set_index("actor")
    assert tone.loc["Elon Musk", "paragraphs"] == 3
    # every Musk paragraph also names Altman, his rival
    assert tone.loc["Elon Musk", "paragraphs_without_rival"] == 0
    assert tone.loc["Sam Altman", "paragraphs_without_rival"] == 1
    assert tone.loc["Elon Musk", "share_negative"] == 1.0


def test_term_totals_and_language_filter(store):
    french = term_totals(store, Selection(languages=("fr",)))
    assert "trahison" in set(french["term"])
    assert "liar" not in set(french["term"])
    bigrams = term_totals(store, n=2)
    assert set(bigrams["n"]) == {2}
    assert "sam altman" in set(bigrams["term"])


def test_distinctive_terms_between_groups(store):
    result = distinctive_terms(store, Selection(languages=("en",)), Selection(languages=("fr",)))
    assert result.iloc[0]["z"] > 0
    assert result.iloc[0]["count_b"] == 0
    assert list(result.columns) == ["term", "count_a", "count_b", "delta", "z"]


def test_terms_over_time_respects_date_precision(store):
    monthly = terms_over_time(store, ["musk"], freq="month")
    assert len(monthly) == 2  # February (e1, e2) and March (f1, a month-precision date)
    daily = terms_over_time(store, ["musk"], freq="day")
    assert sorted(d.day for d in daily["period"]) == [10, 11]  # the month-only article is left out
    with pytest.raises(ValueError, match="freq"):
        terms_over_time(store, ["musk"], freq="hour")
