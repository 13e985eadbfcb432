import streamlit as st

from corpus.store.reads import timelines
from corpus.store.reads.common import FREQS, GROUP_BYS
from dashboard import ui, views

filters = ui.current_filters()
st.title("Overview")
ui.prefetch(
    filters,
    (timelines.counts, {}),
    (
        views.overview_charts,
        {
            "freq": ui.control_value("ov_freq", "freq", FREQS, "month"),
            "by": ui.control_value("ov_by", "by", GROUP_BYS, "outlet"),
        },
    ),
)
counts = ui.require_articles(filters)
# two rows of three: nothing is cut at 800 pixels
for row in (
    (("Articles", counts["articles"]), ("Outlets", counts["outlets"]), ("Paragraphs", counts["paragraphs"])),
    (("Quotes", counts["quotes"]), ("First", counts["first"] or "—"), ("Last", counts["last"] or "—")),
):
    for column, (label, value) in zip(st.columns(3), row, strict=True):
        column.metric(label, value)
st.caption(ui.dating_note(counts))
left, right = st.columns(2)
freq = left.segmented_control("Period", FREQS, default=ui.url_choice("freq", FREQS, "month"), key="ov_freq") or "month"
by = (
    right.segmented_control("Stack by", GROUP_BYS, default=ui.url_choice("by", GROUP_BYS, "outlet"), key="ov_by")
    or "outlet"
)
ui.keep_in_url("freq", freq, "month")
ui.keep_in_url("by", by, "outlet")
charts = ui.query(views.overview_charts, filters, freq=freq, by=by)
for chart in charts:
    ui.chart_block(chart, filters)
ui.zip_button("overview", charts, filters)
ui.browser_note()
