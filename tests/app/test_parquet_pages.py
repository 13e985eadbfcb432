"""Every page of the dashboard over a Parquet dataset (CORPUS_PARQUET), as a cluster would leave it."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from corpus.ingest import ingest
from corpus.store import Store, parquet
from jobs.analyze import current_versions
from jobs.distributed import analyse_partition

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["overview", "sentiment", "quotes", "keywords", "articles", "import_articles"]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("parquet-app")
    fixtures = ROOT / "tests" / "fixtures"
    with Store(root / "staging.duckdb") as store:
        ingest(
            store, [str(fixtures / "analysis" / "quotes_articles.jsonl"), str(fixtures / "corpus" / "records.jsonl")]
        )
        parquet.write_articles(store, root / "dataset")
    versions = current_versions()
    for partition in parquet.partitions(root / "dataset"):
        analyse_partition(partition, str(root / "dataset"), versions)  # what each Dask worker runs
    return root / "dataset"


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_a_parquet_dataset(dataset, monkeypatch, page):
    monkeypatch.setenv("CORPUS_PARQUET", str(dataset))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception
    if page == "overview":
        with parquet.open_parquet_store(dataset) as store:
            assert int(next(m.value for m in at.metric if m.label == "Articles")) == store.count()
    if page == "import_articles":
        assert "Parquet dataset" in at.info[0].value
