from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def test_overview_renders_bundled_corpus_on_new_store(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_DB", str(tmp_path / "app.duckdb"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Articles"]) >= 1 and int(metrics["Undated"]) == 0
    assert (tmp_path / "app.duckdb").exists()
    at.radio[0].set_value("language").run()
    assert not at.exception


def test_overview_unreadable_store_shows_error(tmp_path, monkeypatch):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"not a database" * 200)
    monkeypatch.setenv("CORPUS_DB", str(bad))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert "could not be read" in at.error[0].value
