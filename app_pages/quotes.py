import streamlit as st

from corpus.store.reads import quotes, timelines
from corpus.store.reads.common import FREQS
from dashboard import data, ui, views

LENGTHS = ("1", "2", "4", "8")

filters = ui.current_filters()
st.title("Quotes")
said_by = ui.text_value("q_speaker", "speaker")  # "anyone" is no one in particular
ui.prefetch(
    filters,
    (timelines.counts, {}),
    (
        views.quote_charts,
        {
            "freq": ui.control_value("q_freq", "freq", FREQS, "month"),
            "min_words": int(ui.control_value("q_min", "minwords", LENGTHS, "1")),
        },
    ),
    (quotes.top_speakers, {"n": 50}),
    (
        quotes.quote_search,
        {"text": ui.text_value("q_text", "qtext"), "speaker": None if said_by in ("", "anyone") else said_by},
    ),
    (data.shared_quotes, {}),
)
ui.require_articles(filters)
left, right = st.columns(2)
freq = left.segmented_control("Period", FREQS, default=ui.url_choice("freq", FREQS, "month"), key="q_freq") or "month"
shortest = (
    right.segmented_control(
        "Shortest quote counted (words)", LENGTHS, default=ui.url_choice("minwords", LENGTHS, "1"), key="q_min"
    )
    or "1"
)
ui.keep_in_url("freq", freq, "month")
ui.keep_in_url("minwords", shortest, "1")
charts = ui.query(views.quote_charts, filters, freq=freq, min_words=int(shortest))
for chart in charts:
    ui.chart_block(chart, filters)
ui.zip_button("quotes", charts, filters)

st.subheader("Search the quotes")
left, right = st.columns([2, 1])
text = left.text_input("Words in the quote", value=ui.url_text("qtext"), key="q_text")
speakers = ui.query(quotes.top_speakers, filters, n=50)
names = ["anyone", *speakers["speaker"]]
speaker = right.selectbox(
    "Speaker", names, index=names.index(ui.url_choice("speaker", names, "anyone")), key="q_speaker"
)
ui.keep_in_url("qtext", text.strip())
ui.keep_in_url("speaker", speaker, "anyone")
found = ui.query(quotes.quote_search, filters, text=text.strip(), speaker=None if speaker == "anyone" else speaker)
st.caption(f"{len(found)} quote(s)")
ui.table(found, hide_index=True, column_config={"url": st.column_config.LinkColumn("url")})

st.subheader("Quotes carried by several outlets")
shared = ui.query(data.shared_quotes, filters)
if shared.empty:
    st.caption("No quote of this selection was carried by two outlets or more.")
else:
    ui.table(shared, hide_index=True)
