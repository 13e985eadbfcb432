from __future__ import annotations

import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# The actors the analysis tests are written against (not the product's data/actors.toml).
ACTORS_FIXTURE = FIXTURES / "analysis" / "actors.toml"


@pytest.fixture
def corpus_fixtures() -> Path:
    return FIXTURES / "corpus"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


@pytest.fixture(autouse=True)
def _keep_main_module():
    # AppTest runs app.py as the __main__ module and leaves it there; a process spawned later
    # (a Dask worker) would import app.py again and open the dashboard's store.
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture(autouse=True)
def _no_store_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests never touch the developer's own store.
    monkeypatch.delenv("CORPUS_DB", raising=False)


@pytest.fixture(scope="session")
def bundled_store_path(tmp_path_factory) -> Path:
    """A store built from data/ as on a first start (seed article and coverage), once per run."""
    from corpus.ingest import open_store
    from jobs.bundle import build_new_store

    path = tmp_path_factory.mktemp("bundled") / "store.duckdb"
    open_store(path, on_create=build_new_store).close()
    return path


@pytest.fixture
def bundled_store(bundled_store_path):
    from corpus.store import Store

    # Read-write like the dashboard's own connection to the same file in this process (AppTest):
    # DuckDB refuses two connections to one file with different settings.
    with Store(bundled_store_path) as store:
        yield store
