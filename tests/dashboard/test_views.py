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
