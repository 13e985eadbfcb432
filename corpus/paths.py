"""Where the project's own files live: the bundled data and the default store."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
BUNDLED_ARTICLES = DATA_DIR / "articles"
COVERAGE_DIR = DATA_DIR / "coverage"
EVENTS_FILE = DATA_DIR / "events.csv"
ACTORS_FILE = DATA_DIR / "actors.toml"
DEFAULT_STORE = DATA_DIR / "corpus.duckdb"
