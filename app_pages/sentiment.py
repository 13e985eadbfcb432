import streamlit as st

from corpus.store.reads import timelines, tone
from dashboard import ui, views
from dashboard.reader import escape, text_or, tone_badge

filters = ui.current_filters()
st.title("Sentiment")
ui.prefetch(filters, (timelines.counts, {}), (views.sentiment_charts, {}), (tone.extreme_paragraphs, {}))
ui.require_articles(filters)
st.caption(
    "Tone per paragraph: VADER with a news-tone layer, in English and French; other languages are not "
    "scored. French and English are shown side by side, never pooled."
)
charts = ui.query(views.sentiment_charts, filters)
for chart in charts:
    ui.chart_block(chart, filters)
ui.zip_button("sentiment", charts, filters)

st.subheader("Most negative and most positive paragraphs")
extremes = ui.query(tone.extreme_paragraphs, filters)
for side in ("most negative", "most positive"):
    st.markdown(f"**{side.capitalize()}**")
    for row in extremes[extremes["side"] == side].itertuples():
        with st.container(border=True):
            st.markdown(
                f"{tone_badge(row.label, row.compound)} {escape(text_or(row.outlet, ''))} · "
                f"{escape(text_or(row.published_text, 'undated'))} · {escape(text_or(row.title, row.article_id))}"
            )
            text = text_or(row.text, "")
            st.markdown(escape(text) if text else "_The text of this article is not bundled._")
            if st.button("Open the article", key=f"open-{side}-{row.article_id}-{row.paragraph_index}"):
                st.session_state["article_id"] = row.article_id
                st.switch_page("app_pages/articles.py")
