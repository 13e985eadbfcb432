import streamlit as st

from corpus.store.reads.common import FREQS, GROUP_BYS
from dashboard import ui, views

filters = ui.current_filters()
st.title("Overview")
counts = ui.require_articles(filters)
cols = st.columns(6)
cols[0].metric("Articles", counts["articles"])
cols[1].metric("Outlets", counts["outlets"])
cols[2].metric("Paragraphs", counts["paragraphs"])
cols[3].metric("Quotes", counts["quotes"])
cols[4].metric("First", counts["first"] or "—")
cols[5].metric("Last", counts["last"] or "—")
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
