import streamlit as st

from corpus.store.reads import articles as articles_read
from corpus.store.reads import timelines
from dashboard import ui
from dashboard.reader import escape, highlighted, tone_badge

filters = ui.current_filters()
st.title("Articles")
ui.prefetch(filters, (timelines.counts, {}), (articles_read.article_list, {}))
ui.require_articles(filters)
articles = ui.query(articles_read.article_list, filters)
st.caption(f"{len(articles)} article(s); select one to read it.")
picked = ui.table(
    articles,
    hide_index=True,
    on_select="rerun",
    selection_mode="single-row",
    key="a_table",
    column_config={
        "url": st.column_config.LinkColumn("url"),
        "mean_tone": st.column_config.NumberColumn("mean tone", format="%.2f"),
        "share_negative": st.column_config.NumberColumn("negative share", format="percent"),
    },
)
rows = picked.selection.rows if picked and picked.selection else []
article_id = articles.iloc[rows[0]]["id"] if rows else st.session_state.get("article_id")
if article_id is None and "article" in st.query_params:
    article_id = st.query_params["article"]
if article_id:
    detail = ui.article(article_id)
    if detail is None:
        st.warning(f"No article {escape(repr(article_id))} in the store.")
        st.stop()
    st.session_state["article_id"] = article_id
    ui.keep_in_url("article", article_id)  # the open article is part of the link
    st.header(escape(detail["title"] or detail["id"]), anchor=False)
    st.caption(
        " · ".join(
            escape(str(v))
            for v in (detail["outlet"], detail["published_text"] or "undated", detail["author"], detail["language"])
            if v
        )
    )
    if detail["url"]:
        st.link_button("Read at the source", detail["url"])
    st.markdown(
        "Legend: :orange-background[quote] and its speaker, :blue-background[actor], paragraph tone badge; "
        "hover the ? of a paragraph to see how each of its quotes was attributed."
    )
    if detail["text"] is None:
        st.info(
            "The full text of this article is not bundled (coverage data): its figures are below; "
            "the source link above leads to the text."
        )
    for p in detail["paragraphs"]:
        if p["heading"] and p["text"] is not None:
            # a heading is shown as one and carries no tone
            st.markdown(f"#### {escape(p['text'])}")
            continue
        with st.container(border=True):
            header = f"{tone_badge(p['label'], p['compound'])} ¶{p['index'] + 1} · {p['language']}"
            if p["text"] is None:
                spoken = ", ".join(sorted({q[2] or "unresolved" for q in p["quotes"]}))
                named = ", ".join(sorted({m[2] for m in p["mentions"]}))
                st.markdown(
                    header
                    + (f" · quotes: {escape(spoken)}" if spoken else "")
                    + (f" · names: {escape(named)}" if named else "")
                )
                for _start, _end, speaker, quote in p["quotes"]:
                    st.markdown(f":orange-background[{escape(quote)}] :orange[**— {escape(speaker or 'unresolved')}**]")
            else:
                st.markdown(header)
                # how each quote was attributed, on hover: plain text, escaped like the article
                notes = "  \n".join(escape(note) for note in p["attributions"]) or None
                st.markdown(highlighted(p["text"], p["quotes"], p["mentions"]), help=notes)
