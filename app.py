import streamlit as st

from dashboard.ui import sidebar_filters

st.set_page_config(page_title="Musk–Altman press coverage", layout="wide")
pages = st.navigation(
    [
        st.Page("app_pages/overview.py", title="Overview", default=True),
        st.Page("app_pages/sentiment.py", title="Sentiment"),
        st.Page("app_pages/quotes.py", title="Quotes"),
        st.Page("app_pages/keywords.py", title="Keywords"),
        st.Page("app_pages/languages.py", title="Languages"),
        st.Page("app_pages/outlets.py", title="Outlets"),
        st.Page("app_pages/articles.py", title="Articles"),
        st.Page("app_pages/import_articles.py", title="Import"),
    ]
)
sidebar_filters()  # shared by every page and kept in the URL
pages.run()
