import csv
import json

from corpus.ingest import ingest
from corpus.paths import COVERAGE_DIR
from corpus.records import build_article
from corpus.store import Store
from corpus.store.bundle import load_coverage, read_manifest
from jobs.analyze import analyze_store, is_analysed
from jobs.bundle import build_coverage, stale_coverage


def test_bundled_coverage_is_current_with_the_analysers():
    # An analyser changed without `python -m analysis build-coverage …`: the bundled figures are stale.
    assert read_manifest(COVERAGE_DIR) is not None
    assert stale_coverage(COVERAGE_DIR) == {}


def test_coverage_round_trip_carries_results_but_no_text(tmp_path, corpus_fixtures):
    source = corpus_fixtures / "records.jsonl"
    out = tmp_path / "coverage"
    manifest = build_coverage([str(source)], out)
    assert manifest["counts"]["articles"] == 3
    assert len(manifest["failed"]) == 2
    texts = [
        json.loads(line)["text"]
        for line in source.read_text(encoding="utf-8").splitlines()
        if '"text": "' in line and line.rstrip().endswith("}")
    ]
    shipped = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    for text in texts:
        for paragraph in text.split("\n\n"):
            assert paragraph not in shipped
    with Store(tmp_path / "direct.duckdb") as direct:
        ingest(direct, [str(source)])
        analyze_store(direct)
        expected = direct.con.execute(
            "SELECT a.id, p.paragraph_index, p.label, p.compound FROM paragraph_tone p JOIN articles a "
            "USING (content_hash) ORDER BY ALL"
        ).fetchall()
    with Store(tmp_path / "bundled.duckdb") as bundled:
        report = load_coverage(bundled, out)
        assert len(report.added) == 3
        assert bundled.con.execute("SELECT count(text) FROM articles").fetchone()[0] == 0
        got = bundled.con.execute(
            "SELECT a.id, p.paragraph_index, p.label, p.compound FROM paragraph_tone p JOIN articles a "
            "USING (content_hash) ORDER BY ALL"
        ).fetchall()
        assert got == expected
        assert is_analysed(bundled)  # nothing to recompute: the texts are not there
        assert len(load_coverage(bundled, out).duplicates) == 3  # loading again changes nothing


def test_full_text_fills_in_a_bundled_article(tmp_path, corpus_fixtures):
    out = tmp_path / "coverage"
    build_coverage([str(corpus_fixtures / "records.jsonl")], out)
    with Store(tmp_path / "s.duckdb") as store:
        load_coverage(store, out)
        (old_key,) = store.one("SELECT article_key FROM articles WHERE id = 'fx-en-bid'")
        old_terms = store.one("SELECT count(*) FROM term_counts WHERE article_key = ?", [old_key])[0]
        assert old_terms > 0
        text = "A consortium led by Elon Musk offered $97.4 billion on Monday to take control of OpenAI."
        report = store.add(
            [
                build_article(
                    {"url": "https://news.example.org/2025/02/10/musk-bid", "text": text},
                    where="fetched",
                    source="web",
                )
            ]
        )
        assert report.items[0].status == "added"
        assert report.items[0].reason == "full text filled in"
        assert store.text_of("fx-en-bid") == text
        # a new text, a new key: the bundled results of the old text no longer join to the article
        (key, content) = store.one("SELECT article_key, content_hash FROM articles WHERE id = 'fx-en-bid'")
        assert key != old_key
        assert store.one("SELECT article_key FROM content_keys WHERE content_hash = ?", [content]) == (key,)
        assert store.one("SELECT count(*) FROM term_counts WHERE article_key = ?", [key]) == (0,)
        assert analyze_store(store).analysed == 1
        assert store.one("SELECT count(*) FROM term_counts WHERE article_key = ?", [key])[0] > 0


def test_new_store_holds_seed_and_coverage(tmp_path):
    from corpus.ingest import open_store
    from jobs.bundle import build_new_store

    with open_store(tmp_path / "new.duckdb", read_only=True, on_create=build_new_store) as store:
        stats = store.stats()
    assert stats["articles"] >= 25
    assert stats["outlets"] >= 15
    assert {"en", "fr"} <= set(stats["by_language"])
    assert stats["undated"] == 0
    assert stats["without_text"] == stats["articles"] - 1  # all but the seed article


def test_coverage_files_are_plain_and_round_trip_formula_like_text(tmp_path):
    source = tmp_path / "odd.jsonl"
    titles = ["=SUM(A1) of a headline", "'-5 % for the bid", "+plus and 'quotes'"]
    rows = [
        {
            "id": f"odd-{n}",
            "url": f"https://odd.example/{n}",
            "title": title,
            "language": "en",
            "text": f"Article {n}: Sam Altman answered the offer on a Monday, {n} days later.",
        }
        for n, title in enumerate(titles)
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "coverage"
    build_coverage([str(source)], out)
    with (out / "articles.csv").open(encoding="utf-8", newline="") as handle:
        cells = {row["title"] for row in csv.DictReader(handle)}
    assert cells == set(titles)  # written as they are, no apostrophe: the program reads them back
    with Store(tmp_path / "loaded.duckdb") as store:
        load_coverage(store, out)
        got = {r[0] for r in store.con.execute("SELECT title FROM articles").fetchall()}
    assert got == set(titles)
