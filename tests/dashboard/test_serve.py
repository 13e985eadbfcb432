from dashboard import serve


def test_prepare_builds_a_new_store_before_the_server_starts(tmp_path):
    from corpus.store import Store

    path = tmp_path / "first" / "store.duckdb"
    seconds = serve.prepare(path)
    assert seconds > 0
    with Store(path, read_only=True) as store:
        assert store.count() >= 60  # the bundled coverage is in


def test_prepare_leaves_a_store_it_cannot_open_to_the_page(tmp_path, capsys):
    path = tmp_path / "store.duckdb"
    path.write_bytes(b"not a database")
    serve.prepare(path)
    assert "could not be opened" in capsys.readouterr().err
