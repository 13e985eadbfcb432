"""Stores that are not ours or not whole: a plain one-line error, and nothing written."""

import duckdb
import pytest

from cli.main import main
from corpus.errors import StoreError
from corpus.records import build_article
from corpus.store import Store

TEXT = "Le conseil a rejeté l'offre lundi soir, selon un communiqué transmis aux salariés."


@pytest.fixture
def good_store(tmp_path):
    path = tmp_path / "good.duckdb"
    with Store(path) as store:
        store.add(
            [build_article({"id": f"a{n}", "text": f"{TEXT} Numéro {n}."}, where="t", source="t") for n in range(50)]
        )
    return path


def test_another_duckdb_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "sales.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE sales (amount INTEGER)")
    with pytest.raises(StoreError, match="not a corpus store"):
        Store(path)
    with duckdb.connect(str(path)) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert tables == {"sales"}


def test_cli_refuses_to_ingest_into_another_database(tmp_path, capsys):
    path = tmp_path / "sales.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE sales (amount INTEGER)")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["--db", str(path), "ingest", str(article), "--no-analyze"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("damage", ["truncated", "bit-flipped"])
def test_a_damaged_store_is_one_plain_error(good_store, damage, capsys):
    data = bytearray(good_store.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    else:
        for i in range(4096, len(data), 509):
            data[i] ^= 0xFF
    good_store.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="not a readable store"):
        Store(good_store, read_only=True)
    assert main(["--db", str(good_store), "stats"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "Traceback" not in err
