"""The store's tables and column names: the one place they are spelled out.

Article tables first, then the analysis results: results are keyed by the
article's content hash, and `analysis_runs` records which analyser version
computed them.

Every article and result row also carries `article_key`, a small integer standing
for its content hash: reads join results to articles on it. `content_keys` gives
each content hash the next number the first time the store sees it, and keeps it:
the key goes stale exactly when the hash does (a text filled in gets a new one),
and joining on it finds the same rows as joining on the hash. Hashing one integer
per row costs a fraction of a 64-character string, and DuckDB filters the probe
side of a join by the dense range of the wanted keys (at 100,000 articles the term
counts are 16 million rows).

Term counts carry `term_id` the same way (`term_ids`): they are summed per number
and only the top ones are looked up by name.

A Parquet dataset (corpus.store.parquet) is written by workers that share no
table: there a key or a term's number is a function of its text (`hashed_sql`,
`hashed`), 63 bits of its MD5; two texts sharing one would be merged, a chance of
about one in 10^7 for a dataset of ten million distinct terms.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import duckdb
import pyarrow as pa

SCHEMA_VERSION = 3
KEY = "article_key"
TERM_ID = "term_id"


def hashed_sql(column: str) -> str:
    """SQL of a text's number in a Parquet dataset: 63 bits of its MD5 (the first 8 bytes,
    little-endian, shifted right), what `hashed` computes."""
    return f"(md5_number_upper({column}) >> 1)::BIGINT"


def hashed(text: str) -> int:
    """A text's number in a Parquet dataset (an article key, a term's number), as `hashed_sql`."""
    digest = hashlib.md5(text.encode("utf-8"), usedforsecurity=False).digest()
    return int.from_bytes(digest[:8], "little") >> 1


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

# every content hash the store has seen and its key (see the module's docstring)
CONTENT_KEYS_DDL = (
    "CREATE TABLE IF NOT EXISTS content_keys (content_hash VARCHAR NOT NULL, article_key BIGINT NOT NULL)"
)

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
        minhash UINTEGER[] NOT NULL,
        article_key BIGINT NOT NULL       -- content_keys: what result rows join on
    )
    """,
    "CREATE TABLE IF NOT EXISTS article_bands (band_key BIGINT NOT NULL, article_id VARCHAR NOT NULL)",
    CONTENT_KEYS_DDL,
)


def _number(con: duckdb.DuckDBPyConnection, table: str, column: str, number: str, source: str) -> None:
    """Give each value of `column` in `source` that `table` does not number yet the next number."""
    con.execute(
        f"""INSERT INTO {table}
            SELECT s.{column}, (SELECT coalesce(max({number}), 0) FROM {table}) + row_number() OVER (ORDER BY first)
            FROM (SELECT {column}, min(position) AS first
                  FROM (SELECT {column}, row_number() OVER () AS position FROM {source}) GROUP BY {column}) s
            WHERE NOT EXISTS (SELECT 1 FROM {table} k WHERE k.{column} = s.{column})"""
    )


def assign_keys(con: duckdb.DuckDBPyConnection, source: str) -> None:
    """Give each content hash of `source` (a relation with content_hash) that has no key the next one."""
    _number(con, "content_keys", "content_hash", KEY, source)


def assign_term_ids(con: duckdb.DuckDBPyConnection, source: str) -> None:
    """Give each term of `source` (a relation with term) that has no number the next one."""
    _number(con, "term_ids", "term", TERM_ID, source)


def insert_articles(con: duckdb.DuckDBPyConnection, source: str) -> None:
    """Insert the articles of `source` (a relation with ARTICLE_COLUMNS), with their keys."""
    assign_keys(con, source)
    columns = ", ".join(ARTICLE_COLUMNS)
    picked = ", ".join(f"s.{c}" for c in ARTICLE_COLUMNS)
    con.execute(
        f"INSERT INTO articles ({columns}, {KEY}) SELECT {picked}, k.{KEY} FROM {source} s "
        "JOIN content_keys k ON k.content_hash = s.content_hash"
    )


def insert_results(con: duckdb.DuckDBPyConnection, table: str, source: str) -> None:
    """Insert result rows of `source` (the table's RESULT_COLUMNS) into `table`, with their keys
    (and, for term counts, their terms' numbers)."""
    assign_keys(con, source)
    joins = "JOIN content_keys k ON k.content_hash = s.content_hash"
    if table == "term_counts":
        assign_term_ids(con, source)
        con.execute(
            f"INSERT INTO {table} BY NAME SELECT s.*, k.{KEY}, i.{TERM_ID} FROM {source} s {joins} "
            "JOIN term_ids i ON i.term = s.term"
        )
    else:
        con.execute(f"INSERT INTO {table} BY NAME SELECT s.*, k.{KEY} FROM {source} s {joins}")


def _add_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Version 2 -> 3: the content keys, and the key on the articles and every result table the store
    has; the term numbers on the term counts."""
    con.execute(CONTENT_KEYS_DDL)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    for table in ("articles", *(name for name in RESULT_COLUMNS if name in tables)):
        assign_keys(con, table)
        con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {KEY} BIGINT")
        con.execute(
            f"UPDATE {table} SET {KEY} = k.{KEY} FROM content_keys k WHERE k.content_hash = {table}.content_hash"
        )
    if "term_counts" in tables:
        con.execute(TERM_IDS_DDL)
        assign_term_ids(con, "term_counts")
        con.execute(f"ALTER TABLE term_counts ADD COLUMN IF NOT EXISTS {TERM_ID} BIGINT")
        con.execute(f"UPDATE term_counts SET {TERM_ID} = i.{TERM_ID} FROM term_ids i WHERE i.term = term_counts.term")


# What brings a store of version N to N + 1 (in the migration's transaction).
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], object]] = {
    1: lambda con: con.execute("ALTER TABLE articles ALTER COLUMN text DROP NOT NULL"),
    2: _add_keys,
}


# -- analysis results ---------------------------------------------------------------

# every term the term counts have held and its number: the counts are summed per number (a term is
# one integer to hash instead of a string) and only the top numbers are looked up by name
TERM_IDS_DDL = "CREATE TABLE IF NOT EXISTS term_ids (term VARCHAR NOT NULL, term_id BIGINT NOT NULL)"

RESULT_DDL = (
    TERM_IDS_DDL,
    """CREATE TABLE IF NOT EXISTS analysis_runs (
        content_hash VARCHAR NOT NULL, analyser VARCHAR NOT NULL, version VARCHAR NOT NULL,
        computed_at TIMESTAMPTZ NOT NULL)""",
    # every paragraph; tone columns null where its language is not scored
    """CREATE TABLE IF NOT EXISTS paragraph_tone (
        content_hash VARCHAR NOT NULL, paragraph_index INTEGER NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, language VARCHAR NOT NULL,
        words INTEGER NOT NULL, compound DOUBLE, pos DOUBLE, neu DOUBLE, neg DOUBLE,
        label VARCHAR, min_sentence DOUBLE, heading BOOLEAN NOT NULL DEFAULT FALSE, article_key BIGINT NOT NULL)""",
    # stores made before headings were told apart (results are recomputed: the tone version changed)
    "ALTER TABLE paragraph_tone ADD COLUMN IF NOT EXISTS heading BOOLEAN DEFAULT FALSE",
    """CREATE TABLE IF NOT EXISTS article_tone (
        content_hash VARCHAR NOT NULL, scored INTEGER NOT NULL, mean DOUBLE,
        share_negative DOUBLE, share_positive DOUBLE, most_negative INTEGER, most_positive INTEGER,
        article_key BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS actor_mentions (
        content_hash VARCHAR NOT NULL, paragraph_index INTEGER NOT NULL, actor VARCHAR NOT NULL,
        mention VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        matched_by VARCHAR NOT NULL, article_key BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS term_counts (
        content_hash VARCHAR NOT NULL, term VARCHAR NOT NULL, n TINYINT NOT NULL, count INTEGER NOT NULL,
        article_key BIGINT NOT NULL, term_id BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS quotes (
        content_hash VARCHAR NOT NULL, paragraph_index INTEGER NOT NULL, start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL, quote VARCHAR NOT NULL, speaker VARCHAR, mention VARCHAR, cue VARCHAR,
        step VARCHAR NOT NULL, resolution VARCHAR NOT NULL, confidence DOUBLE NOT NULL,
        language VARCHAR NOT NULL, kind VARCHAR NOT NULL, article_key BIGINT NOT NULL)""",
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
