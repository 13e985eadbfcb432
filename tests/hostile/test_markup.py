"""Markup in article data (titles, outlets, speakers, terms) is shown as written: never rendered
by plotly's labels or Streamlit's Markdown, never a link or a remote image."""

import pandas as pd
import pytest

from dashboard import charts
from dashboard.export import Chart, with_caption

HOSTILE = [
    '<img src="https://tracker.example/pixel.gif">',
    '<a href="https://evil.example">click</a>',
    "<b>bold</b> & <i>more</i>",
    "javascript:<script>alert(1)</script>",
]


@pytest.mark.parametrize("label", HOSTILE)
def test_chart_labels_from_data_are_escaped(label):
    volume = pd.DataFrame({"period": pd.to_datetime(["2025-01-01"], utc=True), "group": [label], "articles": [1]})
    chart = Chart("volume", "Volume", charts.volume_figure(volume), volume)
    spec = chart.figure.to_dict()
    names = [t["name"] for t in spec["data"]]
    assert all("<" not in n and ">" not in n for n in names)
    assert "&lt;" in names[0]


@pytest.mark.parametrize("label", HOSTILE)
def test_categorical_axes_and_titles_are_escaped(label):
    frame = pd.DataFrame({"term": [label, "plain"], "z": [2.0, 1.0]})
    chart = Chart(
        "bars", f"Distinctive of {label}", charts.bar_figure(frame, x="z", y="term", title=label, x_title="z"), frame
    )
    spec = chart.figure.to_dict()
    assert all("<" not in str(v) for v in spec["data"][0]["y"])
    assert "<" not in spec["layout"]["title"]["text"]


def test_the_image_caption_escapes_the_filters():
    frame = pd.DataFrame({"term": ["a"], "z": [1.0]})
    fig = charts.bar_figure(frame, x="z", y="term", title="t", x_title="z")
    captioned = with_caption(fig, "Terms", "outlets: <img src=x>")
    assert "<img" not in captioned.layout.title.text
    assert "&lt;img src=x&gt;" in captioned.layout.title.text
