"""The store's tables and column names: the one place they are spelled out."""

from __future__ import annotations

SCHEMA_VERSION = 2

ARTICLE_COLUMNS = (
    "id",
    "url",
    "canonical_url",
    "outlet",
    "title",
    "author",
    "published",
    "published_text",
    "published_precision",
    "language",
    "text",
    "paragraphs",
    "word_count",
    "source",
    "content_hash",
    "imported_at",
    "metadata",
    "duplicate_of",
    "duplicate_similarity",
    "minhash",
)

# Statements that bring a store of version N to N + 1.
MIGRATIONS = {
    1: ("ALTER TABLE articles ALTER COLUMN text DROP NOT NULL",),
}

DDL = (
    "CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    """
    CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR NOT NULL,
        url VARCHAR,
        canonical_url VARCHAR,
        outlet VARCHAR,
        title VARCHAR,
        author VARCHAR,
        published TIMESTAMPTZ,            -- start of the period, in UTC
        published_text VARCHAR,           -- as given, at its own precision and zone
        published_precision VARCHAR,      -- year | month | day | minute | second
        language VARCHAR NOT NULL,
        text VARCHAR,                     -- NULL: the text is not bundled (coverage data), see has_text
        paragraphs VARCHAR[] NOT NULL,
        word_count INTEGER NOT NULL,
        source VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL,
        imported_at TIMESTAMPTZ NOT NULL,
        metadata JSON,
        duplicate_of VARCHAR,             -- earliest copy of a near-duplicate group
        duplicate_similarity DOUBLE,
        minhash UINTEGER[] NOT NULL
    )
    """,
    "CREATE TABLE IF NOT EXISTS article_bands (band_key BIGINT NOT NULL, article_id VARCHAR NOT NULL)",
)
