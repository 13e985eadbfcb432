"""Every page of the dashboard, run by Streamlit's AppTest on the bundled corpus."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["overview", "sentiment", "quotes", "keywords", "languages", "outlets", "articles", "import_articles"]


@pytest.fixture
def app(bundled_store_path, monkeypatch):
    monkeypatch.setenv("CORPUS_DB", str(bundled_store_path))

    def start(**params):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        for key, value in params.items():
            at.query_params[key] = value
        return at.run()

    return start


def metrics(at):
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_bundled_corpus_without_exception(app, page):
    at = app()
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception
    assert at.title[0].value.lower().startswith(page.split("_")[0][:6])


def test_overview_shows_bundled_corpus(app):
    shown = metrics(app())
    assert int(shown["Articles"]) >= 25
    assert int(shown["Outlets"]) >= 15
    assert int(shown["Quotes"]) > 50


def test_filter_change_changes_the_numbers_and_the_link(app):
    at = app()
    before = int(metrics(at)["Articles"])
    at.multiselect(key="f_languages").set_value(["fr"]).run()
    assert not at.exception
    after = int(metrics(at)["Articles"])
    assert 0 < after < before
    assert at.query_params["lang"] in ("fr", ["fr"])  # the link now carries the filter


def test_query_params_restore_the_filters(app):
    at = app(lang="fr", q="OpenAI")
    assert at.multiselect(key="f_languages").value == ["fr"]
    assert at.text_input(key="f_keyword").value == "OpenAI"
    assert int(metrics(at)["Articles"]) < int(metrics(app())["Articles"])


def test_empty_selection_says_so(app):
    at = app(q="no article says this phrase anywhere")
    assert not at.exception
    assert "No article matches" in at.info[0].value
    assert not at.get("plotly_chart")


def test_reader_opens_an_article_from_the_link(app):
    at = app(article="en-macrumors-bid")
    at.switch_page("app_pages/articles.py").run()
    assert not at.exception
    assert any("not bundled" in i.value for i in at.info)


def test_a_link_with_values_the_corpus_lacks_names_them(app):
    at = app(outlet="nowhere.example", lang="fr")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "nowhere" in warnings
    assert at.multiselect(key="f_languages").value == ["fr"]


def test_negative_share_is_shown_as_a_percentage(app):
    at = app()
    at.switch_page("app_pages/articles.py").run()
    assert not at.exception
    config = at.dataframe[0].proto.columns
    assert '"format":"percent"' in config.replace(" ", "") or "percent" in config


def test_pages_open_while_the_analysis_runs_in_the_background(tmp_path, corpus_fixtures, monkeypatch):
    """An article committed before its analysis (a kill, a changed analyser) never holds the
    dashboard on "Opening the corpus store…": the page renders and shows the analysis's progress."""
    import threading

    from corpus.ingest import ingest
    from corpus.store import Store
    from jobs import background

    path = tmp_path / "unanalysed.duckdb"
    with Store(path) as store:
        ingest(store, [str(corpus_fixtures)])
    release, finished = threading.Event(), threading.Event()
    real = background.analyze_store

    def held(store, *, progress):
        progress(0, 5, "analysing")
        release.wait(60)
        try:
            return real(store, progress=progress)
        finally:
            finished.set()

    monkeypatch.setattr(background, "analyze_store", held)
    monkeypatch.setenv("CORPUS_DB", str(path))
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
        assert not at.exception
        assert any("in the background" in (bar.proto.text or "") for bar in at.sidebar.get("progress"))
        assert at.title[0].value == "Overview"
    finally:
        release.set()
        assert finished.wait(120)  # no thread left writing when the test process ends


def test_page_controls_restore_from_the_link_and_write_back_to_it(app):
    at = app(freq="week", by="language")
    assert [(b.key, b.value) for b in at.get("button_group")] == [("ov_freq", "week"), ("ov_by", "language")]
    at.get("button_group")[0].set_value("day").run()
    assert at.query_params["freq"] in ("day", ["day"])
    at.get("button_group")[0].set_value("month").run()  # the default leaves the link
    assert "freq" not in at.query_params


def test_outlet_comparison_restores_its_outlets_from_the_link(app, bundled_store):
    from corpus.store import Selection
    from corpus.store.reads import compare

    third, fourth = compare.largest_outlets(bundled_store, Selection(), n=4)[2:]
    at = app(cmp=[third, fourth])
    at.switch_page("app_pages/outlets.py").run()
    assert not at.exception
    assert at.multiselect(key="o_outlets").value == [third, fourth]  # not the two largest, the default


def test_outlets_taken_out_by_a_filter_are_replaced_by_the_largest_left(app, bundled_store):
    from corpus.store import Selection
    from corpus.store.reads import compare

    english = compare.largest_outlets(bundled_store, Selection(languages=("en",)), n=2)
    french = compare.largest_outlets(bundled_store, Selection(languages=("fr",)), n=1)[0]
    at = app(cmp=[french, english[0]])
    at.switch_page("app_pages/outlets.py").run()
    assert at.multiselect(key="o_outlets").value == [french, english[0]]
    at.multiselect(key="f_languages").set_value(["en"]).run()
    assert not at.exception
    assert at.multiselect(key="o_outlets").value == english  # the French outlet's place taken
    assert any(french in c.value and "left the comparison" in c.value for c in at.caption)
    assert len(at.get("plotly_chart")) >= 2
    assert not [i.value for i in at.info if "Pick two" in i.value]


def test_keyword_and_quote_controls_restore_from_the_link(app):
    at = app(scale="per1000", kout="none", qtext="merci")
    at.switch_page("app_pages/keywords.py").run()
    assert not at.exception
    assert at.toggle(key="k_scale").value is True
    at.switch_page("app_pages/quotes.py").run()
    assert at.text_input(key="q_text").value == "merci"


def test_the_open_article_is_in_the_link(app, bundled_store):
    seed = bundled_store.one("SELECT id FROM articles WHERE text IS NOT NULL")[0]
    at = app(article=seed)
    at.switch_page("app_pages/articles.py").run()
    assert not at.exception
    assert at.query_params["article"] in (seed, [seed])
    assert at.header[0].value  # the reader is open on it


class _Handover(dict):
    """ui._READY that remembers what prefetch computed and what the page's queries took."""

    def __init__(self):
        super().__init__()
        self.computed: set = set()
        self.taken: set = set()

    def update(self, other=(), **kw):
        self.computed |= set(dict(other))
        super().update(other, **kw)

    def pop(self, key, *default):
        self.taken.add(key)
        return super().pop(key, *default)


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("overview", {}),
        ("overview", {"freq": "week", "by": "language"}),
        ("sentiment", {}),
        ("quotes", {}),
        ("quotes", {"freq": "week", "minwords": "2", "qtext": "billion"}),
        ("keywords", {}),
        ("languages", {"freq": "day"}),
        ("outlets", {}),
        ("articles", {}),
    ],
)
def test_every_read_a_page_prefetches_is_the_one_it_then_asks_for(app, monkeypatch, page, params):
    import streamlit as st

    from dashboard import ui

    handover = _Handover()
    monkeypatch.setattr(ui, "_READY", handover)
    monkeypatch.setattr(ui, "_ANSWERED", {})
    st.cache_data.clear()
    at = app(**params)
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception
    assert len(handover.computed) >= 2  # the page's reads ran side by side
    assert handover.computed <= handover.taken  # and the page took each one: none computed in vain
    assert not handover
