"""The store's tables and column names: the one place they are spelled out.

Article tables first, then the analysis results: results are keyed by the
article's content hash, and `analysis_runs` records which analyser version
computed them.
"""

from __future__ import annotations

import pyarrow as pa

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


# -- analysis results ---------------------------------------------------------------

RESULT_DDL = (
    """CREATE TABLE IF NOT EXISTS analysis_runs (
        content_hash VARCHAR NOT NULL, analyser VARCHAR NOT NULL, version VARCHAR NOT NULL,
        computed_at TIMESTAMPTZ NOT NULL)""",
    # every paragraph; tone columns null where its language is not scored
    """CREATE TABLE IF NOT EXISTS paragraph_tone (
        content_hash VARCHAR NOT NULL, paragraph_index INTEGER NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, language VARCHAR NOT NULL,
        words INTEGER NOT NULL, compound DOUBLE, pos DOUBLE, neu DOUBLE, neg DOUBLE,
        label VARCHAR, min_sentence DOUBLE, heading BOOLEAN NOT NULL DEFAULT FALSE)""",
    # stores made before headings were told apart (results are recomputed: the tone version changed)
    "ALTER TABLE paragraph_tone ADD COLUMN IF NOT EXISTS heading BOOLEAN DEFAULT FALSE",
    """CREATE TABLE IF NOT EXISTS article_tone (
        content_hash VARCHAR NOT NULL, scored INTEGER NOT NULL, mean DOUBLE,
        share_negative DOUBLE, share_positive DOUBLE, most_negative INTEGER, most_positive INTEGER)""",
    """CREATE TABLE IF NOT EXISTS actor_mentions (
        content_hash VARCHAR NOT NULL, paragraph_index INTEGER NOT NULL, actor VARCHAR NOT NULL,
        mention VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        matched_by VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS term_counts (
        content_hash VARCHAR NOT NULL, term VARCHAR NOT NULL, n TINYINT NOT NULL, count INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS quotes (
        content_hash VARCHAR NOT NULL, paragraph_index INTEGER NOT NULL, start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL, quote VARCHAR NOT NULL, speaker VARCHAR, mention VARCHAR, cue VARCHAR,
        step VARCHAR NOT NULL, resolution VARCHAR NOT NULL, confidence DOUBLE NOT NULL,
        language VARCHAR NOT NULL, kind VARCHAR NOT NULL)""",
)
# analyser -> the tables its results go to
RESULT_TABLES = {
    "tone": ("paragraph_tone", "article_tone"),
    "actors": ("actor_mentions",),
    "keywords": ("term_counts",),
    "quotes": ("quotes",),
}

RESULT_COLUMNS = {
    "paragraph_tone": (
        "content_hash",
        "paragraph_index",
        "start_char",
        "end_char",
        "language",
        "words",
        "compound",
        "pos",
        "neu",
        "neg",
        "label",
        "min_sentence",
        "heading",
    ),
    "article_tone": (
        "content_hash",
        "scored",
        "mean",
        "share_negative",
        "share_positive",
        "most_negative",
        "most_positive",
    ),
    "actor_mentions": (
        "content_hash",
        "paragraph_index",
        "actor",
        "mention",
        "start_char",
        "end_char",
        "matched_by",
    ),
    "term_counts": ("content_hash", "term", "n", "count"),
    "quotes": (
        "content_hash",
        "paragraph_index",
        "start_char",
        "end_char",
        "quote",
        "speaker",
        "mention",
        "cue",
        "step",
        "resolution",
        "confidence",
        "language",
        "kind",
    ),
}
# Arrow types of the result columns that are not strings or integers by default (nullable columns)
RESULT_TYPES = {
    "compound": pa.float64(),
    "pos": pa.float64(),
    "neu": pa.float64(),
    "neg": pa.float64(),
    "min_sentence": pa.float64(),
    "mean": pa.float64(),
    "share_negative": pa.float64(),
    "share_positive": pa.float64(),
    "most_negative": pa.int32(),
    "most_positive": pa.int32(),
    "label": pa.string(),
    "n": pa.int8(),
    "speaker": pa.string(),
    "mention": pa.string(),
    "cue": pa.string(),
    "confidence": pa.float64(),
    "heading": pa.bool_(),
}
# integer columns of the result tables (the rest not in RESULT_TYPES are strings)
RESULT_INTEGER_COLUMNS = frozenset(
    {"paragraph_index", "start_char", "end_char", "words", "scored", "most_negative", "most_positive", "count"}
)


def result_type(column: str) -> pa.DataType:
    """The Arrow type of a result column, so that an empty table still has its schema."""
    found = RESULT_TYPES.get(column)
    if found is not None:
        return found
    return pa.int32() if column in RESULT_INTEGER_COLUMNS else pa.string()
