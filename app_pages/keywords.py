import datetime as dt

import streamlit as st

from corpus.store.reads import terms as term_reads
from dashboard import ui, views

filters = ui.current_filters()
st.title("Keywords")
ui.require_articles(filters)
st.caption("Terms without French and English stop words; acronyms and brands keep their case (AI, IA, xAI).")
choices = ui.choices()
top = ui.query(term_reads.term_totals, filters, n=1, limit=60)
left, middle, right = st.columns(3)
chosen = left.multiselect("Terms over time", list(top["term"]), default=list(top["term"].head(4)), key="k_terms")
outlet = middle.selectbox("Distinctive terms of an outlet", ["none", *choices["outlets"]], key="k_outlet")
events = ui.events()
labels = ["none", *[f"{e.date.date()} · {e.label}" for e in events.itertuples()]]
picked = right.selectbox("Before / after an event", labels, key="k_event")
split = dt.date.fromisoformat(picked.split(" · ")[0]) if picked != "none" else None
charts = ui.query(
    views.keyword_charts, filters, terms=tuple(chosen), outlet=None if outlet == "none" else outlet, split=split
)
for chart in charts:
    ui.chart_block(chart, filters)
ui.zip_button("keywords", charts, filters)
