"""Read models: a Store and a Selection in, a DataFrame (or a dict) out. No Streamlit.

Each function's docstring names the columns it returns. Dates are grouped by
day, week or month only for articles dated at least that precisely; the
others are counted apart, never placed on an invented day.
"""
