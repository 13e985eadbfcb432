import streamlit as st

from corpus.store.reads import quotes
from corpus.store.reads.common import FREQS
from dashboard import data, ui, views

filters = ui.current_filters()
st.title("Quotes")
ui.require_articles(filters)
freq = st.segmented_control("Period", FREQS, default="month", key="q_freq") or "month"
charts = ui.query(views.quote_charts, filters, freq=freq)
for chart in charts:
    ui.chart_block(chart, filters)
ui.zip_button("quotes", charts, filters)

st.subheader("Search the quotes")
left, right = st.columns([2, 1])
text = left.text_input("Words in the quote", key="q_text")
speakers = ui.query(quotes.top_speakers, filters, n=50)
speaker = right.selectbox("Speaker", ["anyone", *speakers["speaker"]], key="q_speaker")
found = ui.query(quotes.quote_search, filters, text=text.strip(), speaker=None if speaker == "anyone" else speaker)
st.caption(f"{len(found)} quote(s)")
ui.table(found, hide_index=True, column_config={"url": st.column_config.LinkColumn("url")})

st.subheader("Quotes carried by several outlets")
shared = ui.query(data.shared_quotes, filters)
if shared.empty:
    st.caption("No quote of this selection was carried by two outlets or more.")
else:
    ui.table(shared, hide_index=True)
