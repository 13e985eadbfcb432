import streamlit as st

from dashboard.charts import volume_figure
from dashboard.queries import monthly_volume
from dashboard.ui import load_articles

st.title("Overview")
articles = load_articles()
if articles is not None:
    if articles.empty:
        st.info("The store holds no article yet: import some with `python -m analysis ingest`.")
    else:
        dated = articles["published"].notna()
        cols = st.columns(4)
        cols[0].metric("Articles", len(articles))
        cols[1].metric("Outlets", articles["outlet"].nunique())
        cols[2].metric("Languages", articles["language"].nunique())
        cols[3].metric("Undated", int((~dated).sum()))
        by = st.radio("Stack by", ["outlet", "language"], horizontal=True)
        st.plotly_chart(volume_figure(monthly_volume(articles, by=by), by=by))
        st.dataframe(
            articles[["published_text", "outlet", "language", "title", "url", "word_count"]],
            hide_index=True,
            column_config={"url": st.column_config.LinkColumn("url")},
        )
