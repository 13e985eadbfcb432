import datetime as dt

from corpus.store import Selection
from dashboard.views import PAGE_CHARTS, keyword_charts


def test_every_page_builds_titled_charts_with_their_data(bundled_store):
    for page, build in PAGE_CHARTS.items():
        charts = build(bundled_store, Selection())
        assert charts, page
        for chart in charts:
            assert chart.title
            assert chart.key
            assert chart.figure is not None or chart.image
            assert not chart.data.empty, (page, chart.key)


def test_keywords_distinctive_terms_for_outlet_and_period(bundled_store):
    charts = {
        c.key: c
        for c in keyword_charts(bundled_store, Selection(), outlet="boursorama.com", split=dt.date(2025, 2, 10))
    }
    assert {"distinctive-outlet", "distinctive-period"} <= set(charts)
    assert charts["distinctive-outlet"].data["z"].is_monotonic_decreasing


def test_language_charts_say_the_n_behind_each_figure(bundled_store):
    from dashboard.views import language_charts

    charts = {c.key: c for c in language_charts(bundled_store, Selection())}
    bars = charts["language-tone"].figure.to_dict()["data"][0]
    assert list(bars["x"]) == ["English", "French"]  # names, not codes
    assert all(text.startswith("n = ") for text in bars["text"])
    labels = charts["language-labels"].figure.to_dict()["data"]
    assert {trace["name"] for trace in labels} == {"negative", "neutral", "positive"}
    assert all("(n = " in y for trace in labels for y in trace["y"])


def test_outlet_charts_compare_the_chosen_outlets_and_say_when_no_term_is_significant(bundled_store):
    from corpus.store.reads import compare
    from dashboard.views import outlet_charts

    outlets = tuple(compare.largest_outlets(bundled_store, Selection(), n=3))
    charts = {c.key: c for c in outlet_charts(bundled_store, Selection(), outlets=outlets)}
    assert set(charts["outlet-tone"].data["side"]) <= set(outlets)
    terms = charts["outlet-terms"]
    assert set(terms.data["outlet"]) <= set(outlets)
    assert terms.note  # either which bars are significant or for whom none is
    if not terms.data["significant"].all():
        assert "1.96" in terms.note


def _trace_colours(chart):
    out = {}
    for trace in chart.figure.to_dict()["data"]:
        colour = (trace.get("marker") or {}).get("color") or (trace.get("line") or {}).get("color")
        out[trace["name"]] = colour
    return out


def test_an_outlet_keeps_its_colour_in_every_chart_and_under_any_filter(bundled_store):
    from corpus.store.reads import compare
    from dashboard.charts import colour_book
    from dashboard.views import outlet_charts, overview_charts

    first, second, third = compare.largest_outlets(bundled_store, Selection(), n=3)
    overview = {c.key: c for c in overview_charts(bundled_store, Selection(outlets=(first, second)))}
    compared = {c.key: c for c in outlet_charts(bundled_store, Selection(), outlets=(first, third))}
    in_overview = _trace_colours(overview["volume"])
    in_comparison = _trace_colours(compared["outlet-volume"])
    assert in_overview[first] == in_comparison[first]
    assert len({in_overview[first], in_overview[second], in_comparison[third]}) == 3
    outlets = bundled_store.con.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL").fetchall()
    book = colour_book([o for (o,) in outlets])
    assert len(set(book.values())) == len(book)  # every outlet of the bundled corpus its own colour
