import streamlit as st

from corpus.store.reads import timelines
from corpus.store.reads.common import FREQS
from dashboard import ui, views

filters = ui.current_filters()
st.title("Languages")
ui.prefetch(
    filters,
    (timelines.counts, {}),
    (views.language_charts, {"freq": ui.control_value("l_freq", "freq", FREQS, "month")}),
)
ui.require_articles(filters)
st.caption(
    "French and English coverage side by side: each language's paragraphs are scored by its own model "
    "and never pooled into one mean; every bar and point says how many paragraphs stand behind it."
)
freq = st.segmented_control("Period", FREQS, default=ui.url_choice("freq", FREQS, "month"), key="l_freq") or "month"
ui.keep_in_url("freq", freq, "month")
charts = ui.query(views.language_charts, filters, freq=freq)
for chart in charts:
    ui.chart_block(chart, filters)
ui.zip_button("languages", charts, filters)
ui.browser_note()
