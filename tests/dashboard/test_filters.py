import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dashboard.filters import Filters, to_selection

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)


@given(
    start=st.none() | st.dates(),
    end=st.none() | st.dates(),
    outlets=st.lists(TEXT, max_size=3, unique=True),
    languages=st.lists(st.sampled_from(["en", "fr", "de"]), unique=True),
    actors=st.lists(TEXT, max_size=2, unique=True),
    keyword=st.text(max_size=20).map(str.strip),
    duplicates=st.booleans(),
)
def test_filters_round_trip_through_query_params(start, end, outlets, languages, actors, keyword, duplicates):
    filters = Filters(start, end, tuple(outlets), tuple(languages), tuple(actors), keyword, duplicates)
    assert Filters.from_params(filters.to_params()) == filters


def test_filters_from_bad_params_are_ignored_not_errors():
    filters = Filters.from_params({"from": "not-a-date", "to": ["2025-13-01"], "copies": "maybe", "q": "  bid "})
    assert filters == Filters(keyword="bid")


def test_filters_describe_names_what_is_active():
    text = Filters(dt.date(2025, 1, 1), None, ("a.com",), ("fr",), ("Elon Musk",), "bid", False).describe()
    assert (
        text
        == "2025-01-01 → … · outlets: a.com · languages: fr · actors: Elon Musk · keyword: “bid” · syndicated copies left out"
    )
    assert Filters().describe() == "all articles"


def test_to_selection_resolves_keyword_in_titles_texts_and_quotes_and_actors(bundled_store):
    by_quote = to_selection(bundled_store, Filters(keyword="9.74 billion"))
    assert by_quote.article_ids
    assert len(by_quote.article_ids) >= 3
    by_text = to_selection(bundled_store, Filters(keyword="FOIRE AUX QUESTIONS"))
    assert len(by_text.article_ids) == 1
    toberoff = to_selection(bundled_store, Filters(actors=("Marc Toberoff",)))
    both = to_selection(bundled_store, Filters(actors=("Marc Toberoff",), keyword="9.74 billion"))
    assert set(both.article_ids) == set(toberoff.article_ids) & set(by_quote.article_ids)
    assert to_selection(bundled_store, Filters(keyword="50%_\\")).article_ids == ()
