import streamlit as st

st.set_page_config(page_title="Musk–Altman press coverage", layout="wide")
st.navigation([st.Page("app_pages/overview.py", title="Overview", default=True)]).run()
