"""Charts (DataFrame -> plotly Figure), queries over the store, export, and the Streamlit glue in ui.py."""
