"""The Dask path (a LocalCluster of two worker processes) against the single-machine path."""

import json

import pytest

from corpus.ingest import ingest
from corpus.store import ALL, Store, parquet
from corpus.store.reads import quotes, terms, timelines
from jobs.analyze import analyze_store, current_versions
from jobs.distributed import analyse_partition, analyze_parquet

pytestmark = pytest.mark.slow

EN = (
    "Sam Altman told reporters on day {n} that OpenAI would keep its charter. "
    "“We are not for sale, not this week and not next,” Altman said.\n\n"
    "Elon Musk answered within the hour and called the board a “cartel” in a post on X.\n\n"
    "The offer number {n} was worth {n} billion dollars, according to a filing."
)
FR = (
    "Le patron d'OpenAI a répondu le jour {n} à l'offre de rachat. "
    "« Nous ne sommes pas à vendre », a déclaré Sam Altman devant la presse.\n\n"
    "Elon Musk a qualifié le conseil de « cartel » dans un message publié dans la soirée.\n\n"
    "Contexte de l'offre numéro {n}"
)


def _records(count=12):
    for n in range(count):
        month = ("2025-01", "2025-02", "2025-03")[n % 3]
        language, text = ("en", EN) if n % 2 else ("fr", FR)
        yield {
            "id": f"gen-{n}",
            "url": f"https://outlet{n % 4}.example/{month}/story-{n}",
            "title": f"Story {n}",
            "published": f"{month}-{10 + n % 15:02d}",
            "language": language,
            "text": text.format(n=n),
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("scale")
    source = root / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf-8")
    with Store(root / "single.duckdb") as store:
        ingest(store, [str(source)])
        analyze_store(store)
        parquet.write_articles(store, root / "dataset")
    return root


def _rows(store, sql):
    return sorted(store.con.execute(sql).fetchall())


QUERIES = {
    "tone": "SELECT content_hash, paragraph_index, label, round(compound, 4), heading FROM paragraph_tone",
    "quotes": "SELECT content_hash, start_char, end_char, speaker, kind FROM quotes",
    "mentions": "SELECT content_hash, start_char, actor FROM actor_mentions",
    "terms": "SELECT content_hash, term, count FROM term_counts",
}


def test_dask_results_equal_the_single_machine_results_and_reruns_skip_or_redo(corpus):
    dataset = corpus / "dataset"
    first = analyze_parquet(dataset, dataset, local=2)
    assert first.failed == {}
    assert first.analysed == ["2025-01", "2025-02", "2025-03"]
    with Store(corpus / "single.duckdb", read_only=True) as single:
        distributed = parquet.open_parquet_store(dataset)
        for name, sql in QUERIES.items():
            assert _rows(distributed, sql) == _rows(single, sql), name
        # the read models give the same figures on both
        assert timelines.counts(distributed, ALL) == timelines.counts(single, ALL)
        assert terms.top_terms_by_language(distributed, ALL).equals(terms.top_terms_by_language(single, ALL))
        assert quotes.top_speakers(distributed, ALL).equals(quotes.top_speakers(single, ALL))

    # unchanged: nothing to do, no cluster started
    again = analyze_parquet(dataset, dataset, local=2)
    assert (again.analysed, len(again.skipped)) == ([], 3)

    # a worker killed mid-partition leaves no _done record: the next run redoes that partition only;
    # a corrupt partition fails alone, named
    (dataset / "results" / "_done" / "2025-02.json").unlink()
    (dataset / "results" / "_done" / "2025-03.json").unlink()
    (next((dataset / "articles" / "month=2025-03").glob("*.parquet"))).write_bytes(b"not parquet at all")
    third = analyze_parquet(dataset, dataset, local=2)
    assert third.analysed == ["2025-02"]
    assert set(third.failed) == {"2025-03"}
    assert len(third.skipped) == 1


def test_partitions_keep_their_fingerprint_when_only_import_times_change(corpus, tmp_path):
    source = corpus / "articles.jsonl"
    with Store(tmp_path / "again.duckdb") as store:
        ingest(store, [str(source)])
        parquet.write_articles(store, tmp_path / "copy")
    first = {p.name: p.fingerprint for p in parquet.partitions(tmp_path / "copy")}
    with Store(tmp_path / "later.duckdb") as store:
        ingest(store, [str(source)])
        parquet.write_articles(store, tmp_path / "copy")
    assert {p.name: p.fingerprint for p in parquet.partitions(tmp_path / "copy")} == first


def test_a_folder_without_articles_is_a_clear_error(tmp_path):
    from corpus.errors import StoreError

    with pytest.raises(StoreError, match="ingest --to-parquet"):
        parquet.partitions(tmp_path)


def test_a_whole_store_exported_reads_the_same(corpus, tmp_path):
    with Store(corpus / "single.duckdb", read_only=True) as single:
        assert parquet.export_store(single, tmp_path / "export") == single.count()
        exported = parquet.open_parquet_store(tmp_path / "export")
        for name, sql in QUERIES.items():
            assert _rows(exported, sql) == _rows(single, sql), name


def test_cli_ingest_to_parquet_adds_to_the_dataset_and_analyze_skips_what_is_done(corpus, tmp_path, capsys):
    from cli.main import main

    source = corpus / "articles.jsonl"
    folder = tmp_path / "ds"
    assert main(["ingest", str(source), "--to-parquet", str(folder), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["parquet"]["articles"] == 12
    assert main(["ingest", str(source), "--to-parquet", str(folder), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["duplicates"], again["parquet"]["articles"], again["parquet"]["kept"]) == (12, 12, 12)
    # results already there for every partition (as a finished cluster run leaves them): nothing to start
    versions = current_versions()
    for partition in parquet.partitions(folder):
        analyse_partition(partition, str(folder), versions)
    assert main(["analyze", "--parquet", str(folder), "--local", "2"]) == 0
    assert "0 of 3 partitions analysed" in capsys.readouterr().out


def test_files_without_the_article_key_read_the_same(corpus, tmp_path):
    """Articles written by another tool, or results written before the key: the key is computed
    as the files are read, and the read models give the same figures."""
    import pyarrow.parquet as pq

    from corpus.store.schema import KEY, TERM_ID

    with Store(corpus / "single.duckdb", read_only=True) as single:
        parquet.export_store(single, tmp_path / "export")
        for path in (tmp_path / "export").rglob("*.parquet"):
            table = pq.read_table(path)
            numbers = [c for c in (KEY, TERM_ID) if c in table.column_names]
            if numbers:
                pq.write_table(table.drop_columns(numbers), path)
        unkeyed = parquet.open_parquet_store(tmp_path / "export")
        assert timelines.counts(unkeyed, ALL) == timelines.counts(single, ALL)
        assert quotes.top_speakers(unkeyed, ALL).equals(quotes.top_speakers(single, ALL))
        assert quotes.speaker_about(unkeyed, ALL).equals(quotes.speaker_about(single, ALL))
        tops = terms.top_terms_by_language(single, ALL)
        assert len(tops) > 10
        assert terms.top_terms_by_language(unkeyed, ALL).equals(tops)


def test_two_terms_sharing_a_number_are_named_not_merged(corpus, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from corpus.errors import StoreError
    from corpus.store.schema import TERM_ID

    with Store(corpus / "single.duckdb", read_only=True) as single:
        parquet.export_store(single, tmp_path / "export")
    files = sorted((tmp_path / "export" / "results" / "term_counts").rglob("*.parquet"))
    table = pq.read_table(files[0])
    first, second = sorted(set(table.column("term").to_pylist()))[:2]
    numbers = [
        7 if term in (first, second) else n
        for term, n in zip(table["term"].to_pylist(), table[TERM_ID].to_pylist(), strict=True)
    ]
    table = table.set_column(table.column_names.index(TERM_ID), TERM_ID, pa.array(numbers, type=pa.int64()))
    pq.write_table(table, files[0])
    with pytest.raises(StoreError, match=f"terms '{first}', '{second}' share the number 7"):
        parquet.open_parquet_store(tmp_path / "export")
