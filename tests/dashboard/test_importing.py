from corpus.store import Store
from dashboard.importing import import_uploads


def test_import_uploads_stores_analyses_and_reports(store_path, corpus_fixtures):
    seen = []
    with Store(store_path) as store:
        report, analysed = import_uploads(
            store,
            [("page.html", (corpus_fixtures / "page.html").read_bytes()), ("empty.txt", b"")],
            ["ftp://example.org/x"],
            progress=lambda _done, _total, label: seen.append(label),
        )
        tables = store.con.execute("SELECT count(*) FROM paragraph_tone").fetchall()[0][0]
    assert [i.status for i in report.items] == ["added", "failed", "failed"]
    assert report.items[1].reason == "empty file"
    assert analysed == 1
    assert tables == 3
    assert any(label.startswith("reading page.html") for label in seen)
