"""Pure NLP over articles: text, sentiment, quotes, keywords, actors. `python -m analysis` is the CLI."""
