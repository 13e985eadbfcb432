"""Articles in: models, importers (files, web, feeds), de-duplication and the DuckDB store."""
