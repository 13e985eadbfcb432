import streamlit as st

from corpus.store.reads import compare, timelines
from corpus.store.reads.common import FREQS
from dashboard import ui, views

filters = ui.current_filters()
st.title("Outlets")
ui.prefetch(filters, (timelines.counts, {}), (compare.largest_outlets, {"n": 200}))
ui.require_articles(filters)
offered = ui.query(compare.largest_outlets, filters, n=200)
topped_up = ui.top_up_choices("o_outlets", offered, least=2)
left, right = st.columns([3, 1])
chosen = left.multiselect(
    "Outlets to compare (two to four)",
    offered,
    default=None if "o_outlets" in st.session_state else ui.url_choices("cmp", offered, offered[:2])[:4],
    max_selections=4,
    key="o_outlets",
)
if topped_up:
    st.caption(
        f"{', '.join(topped_up)} left the comparison with the filters; the largest outlets of the selection "
        "take their place."
    )
freq = right.segmented_control("Period", FREQS, default=ui.url_choice("freq", FREQS, "month"), key="o_freq") or "month"
ui.keep_in_url("cmp", chosen, offered[:2])
ui.keep_in_url("freq", freq, "month")
if len(chosen) < 2:
    st.info("Pick two outlets or more to compare them." if len(offered) > 1 else "This selection has one outlet only.")
    st.stop()
charts = ui.query(views.outlet_charts, filters, outlets=tuple(chosen), freq=freq)
for chart in charts:
    ui.chart_block(chart, filters)
ui.zip_button("outlets", charts, filters)
ui.browser_note()
