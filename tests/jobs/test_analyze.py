import pytest

from analysis.pipeline import load_models
from corpus.ingest import ingest
from corpus.store import Store
from jobs import analyze as results
from jobs.analyze import analyze_store, is_analysed
from jobs.bundle import open_analyzed_store


@pytest.fixture
def store(store_path, corpus_fixtures):
    with Store(store_path) as s:
        ingest(s, [str(corpus_fixtures / "records.jsonl"), str(corpus_fixtures / "webcopy_fr.txt")])
        yield s


def test_analyze_store_is_incremental(store, corpus_fixtures):
    first = analyze_store(store)
    assert first.analysed == store.count() == 4
    assert analyze_store(store).analysed == 0
    ingest(store, [str(corpus_fixtures / "page.html")])
    third = analyze_store(store)
    assert third.analysed == 1
    assert third.runs == {"tone": 1, "actors": 1, "keywords": 1, "quotes": 1}
    assert is_analysed(store)


def test_analyze_store_new_version_recomputes_only_that_analyser(store, monkeypatch):
    analyze_store(store)
    monkeypatch.setattr("analysis.keywords.VERSION", "keywords-test")
    report = analyze_store(store)
    assert report.runs == {"tone": 0, "actors": 0, "keywords": 4, "quotes": 0}
    assert (
        store.con.execute("SELECT count(DISTINCT version) FROM analysis_runs WHERE analyser = 'keywords'").fetchone()[0]
        == 1
    )


def test_analyze_store_results_are_complete(store):
    analyze_store(store)
    con = store.con
    paragraphs = con.execute("SELECT count(*) FROM paragraph_tone").fetchone()[0]
    assert paragraphs == con.execute("SELECT sum(len(paragraphs)) FROM articles").fetchone()[0]
    labels = {r[0] for r in con.execute("SELECT DISTINCT label FROM paragraph_tone WHERE NOT heading").fetchall()}
    assert labels <= {"negative", "neutral", "positive"}
    assert con.execute("SELECT count(*) FROM paragraph_tone WHERE heading AND label IS NOT NULL").fetchone()[0] == 0
    actors = {r[0] for r in con.execute("SELECT DISTINCT actor FROM actor_mentions").fetchall()}
    assert {"Elon Musk", "Sam Altman", "OpenAI"} <= actors
    text, start, end, mention = con.execute(
        "SELECT a.text, m.start_char, m.end_char, m.mention FROM actor_mentions m "
        "JOIN articles a USING (content_hash) LIMIT 1"
    ).fetchone()
    assert text[start:end] == mention
    assert con.execute("SELECT count(*) FROM term_counts WHERE n = 2").fetchone()[0] > 0


def test_analyze_store_workers_give_same_results(tmp_path, corpus_fixtures, monkeypatch):
    monkeypatch.setattr(results, "CHUNK", 2)
    tables = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.duckdb") as store:
            ingest(store, [str(corpus_fixtures)])
            analyze_store(store, workers=workers)
            tables.append(
                store.con.execute(
                    "SELECT content_hash, paragraph_index, compound, label FROM paragraph_tone ORDER BY 1, 2"
                ).fetchall()
            )
    assert tables[0] == tables[1]
    assert len(tables[0]) > 5


def test_analyze_store_other_language_paragraph_not_scored(store_path):
    from corpus.records import build_article

    text = "Musk sued OpenAI again on Monday.\n\nDer Vorstand von OpenAI hat das Angebot abgelehnt, teilte er mit."
    with Store(store_path) as store:
        store.add([build_article({"id": "mix", "text": text, "language": "en"}, where="t", source="t")])
        analyze_store(store, models=load_models())
        rows = store.con.execute("SELECT language, label, compound FROM paragraph_tone ORDER BY paragraph_index")
        assert rows.fetchall() == [("en", "negative", pytest.approx(-0.6, abs=0.3)), ("de", None, None)]


def test_open_analyzed_store_brings_old_store_up_to_date(store_path, corpus_fixtures):
    with Store(store_path) as store:
        ingest(store, [str(corpus_fixtures / "page.html")])
    with open_analyzed_store(store_path, read_only=True) as store:
        assert is_analysed(store)
