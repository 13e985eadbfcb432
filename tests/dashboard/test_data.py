from corpus.store import Selection
from dashboard import data

ALL = Selection()


def test_article_detail_with_and_without_text(bundled_store):
    seed = bundled_store.con.execute("SELECT id FROM articles WHERE text IS NOT NULL").fetchall()[0][0]
    detail = data.article_detail(bundled_store, seed)
    assert detail["paragraphs"][0]["text"]
    assert any(p["quotes"] for p in detail["paragraphs"])
    for p in detail["paragraphs"]:
        for start, end, _speaker, quote in p["quotes"]:
            assert p["text"][start:end] == quote
        assert len(p["attributions"]) == len(p["quotes"])
    notes = [n for p in detail["paragraphs"] for n in p["attributions"]]
    assert any("Sam Altman" in n and "resolved by" in n and "confidence" in n for n in notes)
    bundled = data.article_detail(bundled_store, "en-macrumors-bid")
    assert bundled["text"] is None
    assert all(p["text"] is None for p in bundled["paragraphs"])
    assert data.article_detail(bundled_store, "no-such-id") is None


def test_attribution_note_says_cue_mention_and_resolution():
    note = data.attribution_note("We will win", "Sam Altman", "he", "said", "after", "pronoun", 0.75)
    assert (
        note
        == "“We will win” — Sam Altman: cue after the quote, cue “said”, mention “he”, resolved by pronoun, confidence 0.75"
    )
    long = data.attribution_note("x" * 100, None, None, None, "none", "unresolved", 0.0)
    assert "unresolved" in long
    assert "…" in long
    assert len(long) < 140


def test_distinctive_by_outlet_in_one_scan_equals_each_outlet_against_the_others(bundled_store):
    from dataclasses import replace

    from corpus.store import Selection
    from corpus.store.reads import compare
    from dashboard import data

    outlets = tuple(compare.largest_outlets(bundled_store, Selection(), n=3))
    chosen = replace(Selection(), outlets=outlets)
    table = data.distinctive_by_outlet(bundled_store, chosen, outlets)
    for outlet in outlets:
        others = tuple(o for o in outlets if o != outlet)
        alone = data.distinctive_terms(
            bundled_store,
            replace(chosen, outlets=(outlet,)),
            replace(chosen, outlets=others),
            background=chosen,
            limit=10,
        )
        mine = table[table["outlet"] == outlet]
        assert list(mine["term"]) == list(alone["term"])
        assert list(mine["count_a"]) == list(alone["count_a"])
        assert list(mine["count_b"]) == list(alone["count_b"])
        assert mine["z"].round(9).tolist() == alone["z"].round(9).tolist()


def test_shared_quotes_of_the_bundled_corpus_are_carried_by_two_outlets_or_more(bundled_store):
    shared = data.shared_quotes(bundled_store, ALL)
    assert not shared.empty
    assert (shared["n_outlets"] >= 2).all()
    assert (shared["occurrences"] >= shared["n_outlets"]).all()
    assert shared["n_outlets"].is_monotonic_decreasing  # most widely carried first
