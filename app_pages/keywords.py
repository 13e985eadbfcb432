import datetime as dt

import streamlit as st

from corpus.store.reads import timelines
from dashboard import ui, views

filters = ui.current_filters()
st.title("Keywords")
ui.prefetch(filters, (timelines.counts, {}), (views.picker_terms, {}))
ui.require_articles(filters)
st.caption(
    "Terms without French and English stop words, counted in each language apart (never pooled); "
    "acronyms and brands keep their case (AI, IA, xAI)."
)
choices = ui.choices()
offered_terms = ui.query(views.picker_terms, filters)
left, middle, right = st.columns(3)
chosen = left.multiselect(
    "Terms over time", offered_terms, default=ui.url_choices("terms", offered_terms, offered_terms[:4]), key="k_terms"
)
outlets = ["none", *choices["outlets"]]
outlet = middle.selectbox(
    "Distinctive terms of an outlet",
    outlets,
    index=outlets.index(ui.url_choice("kout", outlets, "none")),
    key="k_outlet",
)
events = ui.events()
labels = ["none", *[f"{e.date.date()} · {e.label}" for e in events.itertuples()]]
event_days = ["none", *[str(e.date.date()) for e in events.itertuples()]]
picked = right.selectbox(
    "Before / after an event",
    labels,
    index=event_days.index(ui.url_choice("event", event_days, "none")),
    key="k_event",
)
per_thousand = st.toggle(
    "Counts per 1,000 words", value=ui.url_choice("scale", ["per1000"], "count") == "per1000", key="k_scale"
)
split = dt.date.fromisoformat(picked.split(" · ")[0]) if picked != "none" else None
ui.keep_in_url("terms", chosen, offered_terms[:4])
ui.keep_in_url("kout", outlet, "none")
ui.keep_in_url("event", str(split) if split else None)
ui.keep_in_url("scale", "per1000" if per_thousand else None)
charts = ui.query(
    views.keyword_charts,
    filters,
    terms=tuple(chosen),
    outlet=None if outlet == "none" else outlet,
    split=split,
    per_thousand=per_thousand,
)
for chart in charts:
    ui.chart_block(chart, filters)
ui.zip_button("keywords", charts, filters)
