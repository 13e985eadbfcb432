import datetime as dt

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.dedup import MAX_COMPARED_PER_GROUP
from corpus.errors import StoreBusyError, StoreError
from corpus.ingest import ingest
from corpus.models import Candidate
from corpus.records import build_article
from corpus.store import Store
from corpus.store.batch import BatchWriter
from corpus.store.schema import KEY, SCHEMA_VERSION, hashed, hashed_sql

WIRE = (
    "SAN FRANCISCO (AP) — Elon Musk's lawyers asked a federal judge on Tuesday to block OpenAI "
    "from converting into a for-profit company, arguing that the move would betray the charitable "
    "mission the billionaire helped fund when he co-founded the artificial intelligence lab in 2015. "
    "OpenAI has called the lawsuit baseless and says Musk, who now runs the rival startup xAI, "
    "simply wants to slow down a competitor. The hearing in Oakland is expected to last two days, "
    "and the judge said she would rule quickly given the stakes for both companies."
)


def article(id_, text, *, url=None, published=None, language="en"):
    fields = {"id": id_, "text": text, "url": url, "published": published, "language": language}
    return build_article(fields, where=f"test:{id_}", source="test")


def test_store_ingest_twice_changes_nothing(store_path, corpus_fixtures):
    sources = [str(corpus_fixtures)]
    with Store(store_path) as store:
        first = ingest(store, sources)
        count = store.count()
        second = ingest(store, sources)
        assert store.count() == count
    assert len(first.added) == count > 0
    assert second.added == []
    assert len(second.duplicates) == len(first.added)


def test_store_same_canonical_url_or_text_is_duplicate(store_path):
    with Store(store_path) as store:
        store.add([article("a", WIRE, url="https://www.wire.example/story?utm_source=x")])
        report = store.add(
            [
                article("b", "Other words entirely.", url="https://wire.example/story/"),
                article("c", WIRE.upper().replace("—", "-")),
            ]
        )
    assert [item.status for item in report.items] == ["duplicate", "duplicate"]
    assert {item.duplicate_of for item in report.items} == {"a"}


def test_store_near_duplicate_links_to_earliest_copy(store_path):
    edited = WIRE.replace("on Tuesday", "on Tuesday, Feb. 4,") + " Musk did not attend."
    trimmed = WIRE.rsplit(". ", 1)[0] + "."
    with Store(store_path) as store:
        store.add([article("later", edited, published="2025-02-05", url="https://b.example/x")])
        report = store.add(
            [
                article("earliest", WIRE, published="2025-02-04", url="https://a.example/x"),
                article("trim", trimmed, published="2025-02-06", url="https://c.example/x"),
                article("other", "Sam Altman said OpenAI is not for sale.", url="https://d.example/x"),
            ]
        )
        links = dict(store.con.execute("SELECT id, duplicate_of FROM articles").fetchall())
    assert links == {"earliest": None, "later": "earliest", "trim": "earliest", "other": None}
    assert [i.near_duplicate_of for i in report.items] == [None, "earliest", None]


def test_store_reprints_across_chunks_and_imports_keep_the_band_index_bounded(store_path, monkeypatch):
    monkeypatch.setattr("corpus.store.batch.CHUNK", 7)  # several chunks per import
    copies = [
        article(f"copy{i}", f"Reprint {i} ({'AP' if i % 2 else 'AFP'}). " + WIRE, url=f"https://o{i}.example/x")
        for i in range(40)
    ]
    with Store(store_path) as store:
        first = store.add(copies[:20])
        second = store.add(iter(copies[20:]))  # an iterable, consumed as it comes
        per_key = store.con.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM article_bands GROUP BY band_key)")
        largest = per_key.fetchone()[0]
        roots = {root for (root,) in store.con.execute("SELECT duplicate_of FROM articles").fetchall()}
    assert [item.status for item in first.items + second.items] == ["added"] * 40
    assert roots == {None, "copy0"}  # one group, whatever chunk or import a copy came in
    assert largest <= MAX_COMPARED_PER_GROUP  # 40 copies, but a band key indexes four of them


def test_store_same_id_other_article_fails_that_item_only(store_path):
    with Store(store_path) as store:
        store.add([article("x", "Musk sued OpenAI in March 2024.")])
        report = store.add([article("x", "Altman replied on X."), article("y", "A new story on xAI.")])
    assert [i.status for i in report.items] == ["failed", "added"]
    assert "already names another article" in report.items[0].reason


def test_store_failed_and_skipped_candidates_are_reported(store_path):
    with Store(store_path) as store:
        report = store.add(
            [
                Candidate("f.txt", error="empty file"),
                Candidate("p.jpg", error="not an article file type", skipped=True),
                article("ok", "Musk and Altman traded barbs again."),
            ]
        )
    assert [i.status for i in report.items] == ["failed", "skipped", "added"]
    assert not report.ok


def test_store_error_mid_batch_rolls_back_everything(store_path, monkeypatch):
    with Store(store_path) as store:
        store.add([article("kept", "An article from before the failing import.")])

        def broken(*_args, **_kwargs):
            raise duckdb.IOException("disk full")

        monkeypatch.setattr(BatchWriter, "_relink_groups", broken)
        with pytest.raises(duckdb.IOException):
            store.add([article("lost", "An article of the failing import.")])
        assert store.ids() == ["kept"]
        monkeypatch.undo()
        store.add([article("after", "The store is usable after the rollback.")])
        assert store.ids() == ["after", "kept"]


def test_store_second_writer_gets_busy_error(store_path):
    import subprocess
    import sys

    with Store(store_path):
        code = (
            "import sys\nfrom corpus.store import Store\nfrom corpus.errors import StoreBusyError\n"
            f"try:\n    Store({str(store_path)!r})\nexcept StoreBusyError as e:\n    print('busy', e)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("busy")
    assert "in use by another process" in out.stdout
    assert StoreBusyError.__mro__[1] is StoreError


def test_store_rejects_foreign_duckdb_file(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(StoreError, match="not a corpus store"):
        Store(path, read_only=True)


def test_store_stats_breakdowns_keep_precision_and_undated(store_path):
    with Store(store_path) as store:
        store.add(
            [
                article("m", "A month-precision story about the bid.", published="2025-02"),
                article("d", "A dated story about the trial.", published="2026-03-03T23:30:00-08:00"),
                article("y", "A story dated by year only.", published="2024"),
                article("u", "Une histoire sans date.", language="fr"),
            ]
        )
        stats = store.stats()
    assert stats["by_month"] == {"2024": 1, "2025-02": 1, "2026-03": 1, "undated": 1}
    assert stats["by_language"] == {"en": 3, "fr": 1}
    assert stats["undated"] == 1
    assert stats["articles"] == 4


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1).filter(
    lambda s: s.strip()
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_store_text_round_trips_unchanged(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("rt") / "s.duckdb"
    candidate = article("rt", text)
    with Store(path) as store:
        store.add([candidate])
        assert store.text_of("rt") == candidate.article.text
        stored = store.con.execute("SELECT paragraphs, imported_at FROM articles").fetchone()
    assert stored[0] == list(candidate.article.paragraphs)
    assert stored[1].tzinfo is not None
    assert stored[1] <= dt.datetime.now(dt.UTC)


def test_store_of_schema_version_1_is_upgraded_by_a_writer(tmp_path):
    path = tmp_path / "v1.duckdb"
    with Store(path) as store:
        store.add([article("old", "An article stored by the first schema.")])
        store.con.execute("UPDATE store_meta SET value = '1' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="upgrade"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.one("SELECT value FROM store_meta WHERE key = 'schema_version'") == (str(SCHEMA_VERSION),)
        assert store.ids() == ["old"]


def test_store_of_schema_version_2_gets_its_article_keys(tmp_path):
    """A version-2 store (no keys) opened by a writer: each content hash gets one key, on its article
    and on its result rows, and the reads that join on it find the same rows as before."""
    from corpus.store.reads import terms
    from corpus.store.results import ensure_result_tables, write_results

    path = tmp_path / "v2.duckdb"
    with Store(path) as store:
        store.add([article("old", WIRE), article("other", "A second article about the trial of the two founders.")])
        ensure_result_tables(store)
        hashes = [h for (h,) in store.con.execute("SELECT content_hash FROM articles ORDER BY id").fetchall()]
        rows = {"term_counts": [(hashes[0], "judge", 1, 2), (hashes[1], "trial", 1, 1), ("gone", "orphan", 1, 9)]}
        write_results(store, rows, {"keywords": [*hashes, "gone"]}, {"keywords": "k1"})
        before = terms.term_totals(store)
        for table in ("articles", "term_counts", "quotes", "paragraph_tone"):
            store.con.execute(f"ALTER TABLE {table} DROP COLUMN {KEY}")
        store.con.execute("ALTER TABLE term_counts DROP COLUMN term_id")
        store.con.execute("DROP TABLE content_keys")
        store.con.execute("DROP TABLE term_ids")
        store.con.execute("UPDATE store_meta SET value = '2' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="upgrade"):
        Store(path, read_only=True)
    with Store(path) as store:
        keys = dict(store.con.execute(f"SELECT content_hash, {KEY} FROM articles").fetchall())
        terms_keyed = store.con.execute(f"SELECT content_hash, {KEY} FROM term_counts").fetchall()
        assert sorted(keys.values()) == [1, 2]
        assert all(key == keys.get(h, key) for h, key in terms_keyed)
        assert len({key for _, key in terms_keyed}) == 3  # the orphan has a key of its own
        numbered = store.con.execute("SELECT term, term_id FROM term_counts ORDER BY term").fetchall()
        assert numbered == store.con.execute("SELECT term, term_id FROM term_ids ORDER BY term").fetchall()
        assert sorted(n for _, n in numbered) == [1, 2, 3]
        after = terms.term_totals(store)
    assert list(before["term"]) == list(after["term"]) == ["judge", "trial"]


def test_parquet_article_key_is_the_same_in_python_and_in_duckdb(tmp_path):
    with Store(tmp_path / "k.duckdb") as store:
        for text in ("e" * 64, "é-s12", "", "x" * 1000):
            assert store.one(f"SELECT {hashed_sql('?')}", [text]) == (hashed(text),)


def test_each_content_keeps_one_key_and_a_new_text_gets_a_new_one(tmp_path):
    from corpus.store.results import ensure_result_tables, write_results

    with Store(tmp_path / "k.duckdb") as store:
        store.add([article("first", WIRE), article("second", "Another text entirely, about the hearing.")])
        store.add([article("first-again", WIRE)])  # a duplicate: no new key
        ensure_result_tables(store)
        (h,) = store.one("SELECT content_hash FROM articles WHERE id = 'first'")
        write_results(store, {"term_counts": [(h, "judge", 1, 2)]}, {"keywords": [h]}, {"keywords": "k1"})
        assert store.con.execute(f"SELECT id, {KEY} FROM articles ORDER BY id").fetchall() == [
            ("first", 1),
            ("second", 2),
        ]
        assert store.one(f"SELECT {KEY} FROM term_counts") == (1,)
        assert store.one("SELECT count(*), count(DISTINCT content_hash) FROM content_keys") == (2, 2)
