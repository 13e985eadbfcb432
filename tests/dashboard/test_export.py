import io
import zipfile

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.export import (
    Chart,
    PngExporter,
    browser_path,
    chart_png,
    csv_bytes,
    with_caption,
    wordcloud_png,
    zip_bytes,
)


def chart():
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    return Chart("bars", "Bars", fig, pd.DataFrame({"label": ["=cmd|' /C calc'!A0", "+1", "ok"], "n": [1, -2, 3]}))


def test_csv_cells_never_start_a_formula():
    text = csv_bytes(chart().data).decode("utf-8-sig")
    assert text.splitlines() == ["label,n", "'=cmd|' /C calc'!A0,1", "'+1,-2", "ok,3"]


def test_caption_carries_title_and_filters_and_leaves_original():
    original = chart().figure
    captioned = with_caption(original, "Bars", "languages: fr")
    assert captioned.layout.title.text == "Bars<br><sup>languages: fr</sup>"
    assert original.layout.title.text is None


def test_wordcloud_is_a_png_and_its_download_carries_a_caption_band():
    png = wordcloud_png({"musk": 10, "altman": 7, "OpenAI": 5})
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    cloud = Chart("word-cloud", "Word cloud", None, pd.DataFrame({"term": ["musk"]}), image=png)
    download = chart_png(cloud, None, "languages: fr")
    height = int.from_bytes(png[20:24], "big")
    assert int.from_bytes(download[20:24], "big") == height + 56


def test_zip_without_browser_holds_csv_and_readme():
    archive = zipfile.ZipFile(io.BytesIO(zip_bytes([chart()], None, "all articles")))
    assert sorted(archive.namelist()) == ["01-bars.csv", "README.txt"]
    assert "all articles" in archive.read("README.txt").decode()


@pytest.mark.skipif(browser_path() is None, reason="no Chromium on PATH")
def test_png_export_through_warm_chromium():
    exporter = PngExporter()
    try:
        first = exporter.png(with_caption(chart().figure, "Bars", "all articles"), width=640, height=360)
        second = exporter.png(chart().figure, width=640, height=360)
    finally:
        exporter.close()
    for image in (first, second):
        assert image.startswith(b"\x89PNG\r\n\x1a\n")
        assert int.from_bytes(image[16:20], "big") == 640
        assert int.from_bytes(image[20:24], "big") == 360
    archive = zipfile.ZipFile(io.BytesIO(zip_bytes([chart()], PngExporter(), "all")))
    assert "01-bars.png" in archive.namelist()


def test_safe_frame_keeps_numbers_and_neutralises_text_formulas():
    from dashboard.export import safe_frame

    frame = pd.DataFrame({"title": ["=1+1", "@x", "ok"], "n": [-1, 2, 3]})
    safe = safe_frame(frame)
    assert list(safe["title"]) == ["'=1+1", "'@x", "ok"]
    assert list(safe["n"]) == [-1, 2, 3]
    assert list(frame["title"]) == ["=1+1", "@x", "ok"]  # the original is left alone


@pytest.mark.skipif(browser_path() is None, reason="needs Debian's chromium on PATH")
def test_png_keeps_one_colour_per_series_with_streamlit_imported():
    import streamlit  # noqa: F401  (as in the app: plotly's default template becomes Streamlit's)
    from PIL import Image

    from dashboard import charts

    volume = pd.DataFrame(
        {
            "period": pd.to_datetime(["2025-01-01", "2025-02-01"] * 3, utc=True),
            "group": ["lemonde.fr"] * 2 + ["nytimes.com"] * 2 + ["bbc.co.uk"] * 2,
            "articles": [3, 4, 2, 5, 1, 2],
        }
    )
    fig = charts.volume_figure(volume)
    exporter = PngExporter()
    try:
        png = chart_png(Chart("volume", "Volume", fig, volume), exporter, "all articles")
    finally:
        exporter.close()
    pixels = set(Image.open(io.BytesIO(png)).convert("RGB").getdata())
    wanted = charts.colours_for(volume["group"])
    for colour in wanted.values():
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert any(sum(abs(a - b) for a, b in zip(rgb, p, strict=True)) < 12 for p in pixels), colour
    assert len(set(wanted.values())) == 3


def test_a_legend_of_up_to_forty_series_never_repeats_a_colour_and_the_choice_is_stable():
    from dashboard import charts

    names = [f"outlet{i}.example" for i in range(30)]
    many = charts.colours_for(names)
    assert len(set(many.values())) == 30
    assert charts.colours_for(names) == many
