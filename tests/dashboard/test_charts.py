import pandas as pd

from corpus.store import Selection, bundle
from corpus.store.reads import timelines
from dashboard import charts


def test_volume_figure_stacks_one_trace_per_group(bundled_store):
    fig = charts.volume_figure(timelines.volume(bundled_store, Selection(), by="language"), by="language")
    spec = fig.to_dict()
    assert {t["type"] for t in spec["data"]} == {"bar"}
    assert {t["name"] for t in spec["data"]} == {"en", "fr"}
    assert spec["layout"]["barmode"] == "stack"


def test_events_drawn_on_timelines(bundled_store):
    fig = charts.add_events(charts.volume_figure(timelines.volume(bundled_store, Selection())), bundle.load_events())
    shapes = fig.to_dict()["layout"]["shapes"]
    assert len(shapes) >= 5
    assert all(s["line"]["dash"] == "dot" for s in shapes)
    hovers = [a.get("hovertext", "") for a in fig.to_dict()["layout"]["annotations"]]
    assert any("97.4 billion" in h for h in hovers)


def test_tone_time_figure_marks_low_counts_hollow():
    tone = pd.DataFrame(
        {
            "period": pd.to_datetime(["2025-01-01", "2025-02-01"] * 2),
            "outlet": ["all outlets"] * 2 + ["a.com"] * 2,
            "mean_compound": [-0.2, 0.1, -0.3, 0.2],
            "paragraphs": [10, 3, 8, 2],
            "low_count": [False, True, False, True],
        }
    )
    spec = charts.tone_time_figure(tone).to_dict()
    symbols = {t["name"]: t["marker"]["symbol"] for t in spec["data"]}
    assert symbols == {"a.com": ["circle", "circle-open"], "all outlets": ["circle", "circle-open"]}
    assert spec["layout"]["yaxis"]["range"] == [-1, 1]


def test_empty_data_gives_a_message_not_an_error():
    spec = charts.bar_figure(pd.DataFrame(columns=["x", "y"]), x="x", y="y", title="T", x_title="x").to_dict()
    assert spec["layout"]["annotations"][0]["text"] == "Nothing to show for these filters"


def test_periods_without_articles_are_zero_counts_or_breaks_never_straight_lines():
    import pandas as pd

    from dashboard.charts import lines_figure, tone_time_figure, with_empty_periods

    months = pd.to_datetime(["2025-01-01", "2025-04-01"]).tz_localize("UTC")
    counts = pd.DataFrame({"period": months, "term": ["OpenAI", "OpenAI"], "count": [3, 5]})
    filled = with_empty_periods(counts, x="period", y="count", series="term", freq="month", fill=0)
    assert filled["count"].tolist() == [3, 0, 0, 5]
    line = lines_figure(counts, x="period", y="count", series="term", title="t", y_title="n", freq="month")
    assert list(line.data[0].y) == [3, 0, 0, 5]
    tone = pd.DataFrame(
        {
            "period": months,
            "outlet": ["lemonde.fr", "lemonde.fr"],
            "mean_compound": [-0.2, 0.1],
            "paragraphs": [7, 2],
            "low_count": [False, True],
        }
    )
    drawn = tone_time_figure(tone, freq="month").data[0]
    assert drawn.connectgaps is False
    assert pd.isna(drawn.y[1])  # the line breaks over February and March
    assert pd.isna(drawn.y[2])


def test_a_stack_of_many_outlets_draws_the_largest_and_sums_the_rest():
    import pandas as pd

    from dashboard.charts import MAX_SERIES, volume_figure

    month = pd.Timestamp("2025-02-01", tz="UTC")
    volume = pd.DataFrame(
        {"period": [month] * 20, "group": [f"outlet{i:02}.example" for i in range(20)], "articles": range(20, 0, -1)}
    )
    fig = volume_figure(volume, by="outlet")
    names = [trace.name for trace in fig.data]
    assert names[:MAX_SERIES] == [f"outlet{i:02}.example" for i in range(MAX_SERIES)]
    assert names[-1] == f"{20 - MAX_SERIES} other outlets"
    assert sum(sum(trace.y) for trace in fig.data) == sum(range(1, 21))  # nothing lost from the total


def test_tone_distribution_has_a_panel_per_language_on_one_outlet_axis():
    dist = pd.DataFrame(
        {
            "outlet": ["a.example", "a.example", "b.example", "b.example"],
            "language": ["en", "fr", "en", "en"],
            "label": ["negative", "positive", "negative", "neutral"],
            "paragraphs": [3, 2, 1, 1],
            "share": [1.0, 1.0, 0.5, 0.5],
        }
    )
    fig = charts.tone_distribution_figure(dist)
    panels = {(t.xaxis, t.yaxis) for t in fig.data}
    assert panels == {("x", "y"), ("x2", "y2")}
    assert [a.text for a in fig.layout.annotations] == ["English", "French"]
    assert fig.layout.yaxis2.matches == "y"
    assert fig.layout.xaxis2.domain[0] > fig.layout.xaxis.domain[1]
    # one legend entry and one colour per label, whatever the panels
    shown = [t.name for t in fig.data if t.showlegend]
    assert sorted(shown) == ["negative", "neutral", "positive"]
    assert {t.name: t.marker.color for t in fig.data} == {k: charts.LABEL_COLOURS[k] for k in shown}
    french = next(t for t in fig.data if t.xaxis == "x2")
    assert list(french.y) == ["a.example"]
    assert list(french.customdata) == [2]
