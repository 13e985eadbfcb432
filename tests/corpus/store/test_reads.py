import datetime as dt

import pytest

from corpus.store import Selection, bundle
from corpus.store.reads import quotes, timelines, tone
from corpus.store.reads.common import LOW_COUNT

ALL = Selection()


def test_counts_of_bundled_corpus(bundled_store):
    counts = timelines.counts(bundled_store, ALL)
    assert counts["articles"] >= 25
    assert counts["outlets"] >= 15
    assert counts["languages"] == 2
    assert counts["quotes"] > 50
    assert counts["paragraphs"] > 150
    assert counts["undated"] == 0
    assert counts["without_text"] == counts["articles"] - 1


def test_volume_respects_precision_and_groups(bundled_store):
    monthly = timelines.volume(bundled_store, ALL, freq="month", by="language")
    assert set(monthly["group"]) == {"en", "fr"}
    assert monthly["articles"].sum() == timelines.counts(bundled_store, ALL)["articles"]
    daily = timelines.volume(bundled_store, ALL, freq="day")
    weekly = timelines.volume(bundled_store, ALL, freq="week")
    # every dated article once at any frequency; month-dated ones as a group of their own by day or week
    assert daily["articles"].sum() == weekly["articles"].sum() == monthly["articles"].sum()
    month_only = timelines.counts(bundled_store, ALL)["month_only"]
    assert month_only > 0
    assert daily.loc[daily["group"] == "(dated to the month only)", "articles"].sum() == month_only
    with pytest.raises(ValueError, match="freq should be one of"):
        timelines.volume(bundled_store, ALL, freq="hour")


def test_filters_change_the_numbers(bundled_store):
    french = Selection(languages=("fr",))
    early = Selection(end=dt.date(2025, 1, 31))
    assert timelines.counts(bundled_store, french)["articles"] < timelines.counts(bundled_store, ALL)["articles"]
    assert timelines.counts(bundled_store, early)["last"] <= "2025-01-31"


def test_share_of_voice_sums_to_one_per_period(bundled_store):
    share = timelines.share_of_voice(bundled_store, ALL)
    assert share.groupby("period")["share"].sum().round(6).eq(1).all()


def test_tone_distribution_never_pools_languages(bundled_store):
    dist = tone.tone_distribution(bundled_store, ALL)
    sums = dist.groupby(["outlet", "language"])["share"].sum().round(6)
    assert sums.eq(1).all()
    assert set(dist["language"]) == {"en", "fr"}


def test_quote_views(bundled_store):
    speakers = quotes.top_speakers(bundled_store, ALL)
    assert {"Sam Altman", "Elon Musk"} <= set(speakers["speaker"].head(3))
    found = quotes.quote_search(bundled_store, ALL, text="swindler")
    assert len(found) >= 2
    assert set(found["speaker"]) == {"Elon Musk"}
    assert (found["context"] == "(text not bundled)").all()
    about = quotes.speaker_about(bundled_store, ALL)
    assert not (about["speaker"] == about["about"]).any()


def test_extreme_paragraphs_and_heatmap(bundled_store):
    extremes = tone.extreme_paragraphs(bundled_store, ALL, n=3)
    assert list(extremes["side"]) == ["most negative"] * 3 + ["most positive"] * 3
    assert extremes["compound"].iloc[0] <= extremes["compound"].iloc[3]
    heat = tone.position_heatmap(bundled_store, ALL, limit=5)
    assert heat["article_id"].nunique() == 5


def test_events_load_with_precision():
    events = bundle.load_events()
    assert len(events) >= 8
    assert events.loc[events["date"].dt.strftime("%Y-%m-%d") == "2025-02-10", "label"].str.contains("97.4").all()
    assert set(events["precision"]) <= {"day", "month"}


def test_tone_over_time_has_overall_line_and_flags_low_counts(bundled_store):
    tone = timelines.tone_over_time(bundled_store, ALL)
    assert "all outlets" in set(tone["outlet"])
    assert (tone["low_count"] == (tone["paragraphs"] < LOW_COUNT)).all()
    assert tone["mean_compound"].between(-1, 1).all()


def test_seed_headings_are_not_scored_and_never_among_the_extremes(bundled_store):
    rows = bundled_store.con.execute(
        "SELECT p.heading, p.label, substring(a.text, p.start_char + 1, p.end_char - p.start_char) "
        "FROM paragraph_tone p JOIN articles a USING (content_hash) WHERE a.text IS NOT NULL"
    ).fetchall()
    headings = {text: label for heading, label, text in rows if heading}
    assert {"Contexte de la rivalité", "Foire aux questions courantes"} <= set(headings)
    assert set(headings.values()) == {None}
    extremes = tone.extreme_paragraphs(bundled_store, ALL, n=20)
    assert not set(extremes["text"].dropna()) & set(headings)


def _month_store(path):
    from corpus.records import build_article
    from corpus.store import Store
    from corpus.store.results import ensure_result_tables

    store = Store(path)
    ensure_result_tables(store)
    rows = [
        ("bid-month", "2025-02", "An article dated to February only, about the bid and its rejection."),
        ("bid-day", "2025-02-14", "An article of 14 February, about the board's answer to the offer."),
        ("march", "2025-03-03", "An article of March, about the lawsuit and the next hearing date."),
    ]
    store.add(
        [
            build_article({"id": i, "published": when, "text": text, "language": "en"}, where=i, source="t")
            for i, when, text in rows
        ]
    )
    return store


def test_date_filters_keep_a_month_dated_article_whenever_its_month_overlaps(tmp_path):
    with _month_store(tmp_path / "m.duckdb") as store:
        late = timelines.counts(store, Selection(start=dt.date(2025, 2, 10), end=dt.date(2025, 2, 20)))
        early = timelines.counts(store, Selection(start=dt.date(2025, 2, 1), end=dt.date(2025, 2, 9)))
        assert late["articles"] == 2  # the month-dated one and the one of the 14th
        assert early["articles"] == 1  # the month-dated one only
        assert late["month_only"] == early["month_only"] == 1


def test_before_and_after_leave_out_what_straddles_the_split(tmp_path):
    with _month_store(tmp_path / "m.duckdb") as store:
        before = Selection(end=dt.date(2025, 2, 9), whole=True)
        after = Selection(start=dt.date(2025, 2, 10), whole=True)
        assert timelines.counts(store, before)["articles"] == 0
        assert timelines.counts(store, after)["articles"] == 2  # the 14th and March; February-only on neither


def test_top_speakers_count_a_quote_carried_twice_once_and_can_leave_out_epithets(tmp_path):
    import json

    from corpus.ingest import ingest
    from corpus.store import Store
    from jobs.analyze import analyze_store

    rows = [
        {
            "id": "a",
            "language": "fr",
            "text": "« Non merci, vraiment », a dit Sam Altman lundi. « Escroc », a dit Elon Musk.",
        },
        {
            "id": "b",
            "language": "fr",
            "text": "Mardi encore : « Non merci, vraiment ! », a dit Sam Altman à la presse.",
        },
    ]
    source = tmp_path / "two.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        ingest(store, [str(source)])
        analyze_store(store)
        every = quotes.top_speakers(store, ALL).set_index("speaker")
        longer = quotes.top_speakers(store, ALL, min_words=2).set_index("speaker")
    assert every.loc["Sam Altman", ["quotes", "distinct_quotes"]].tolist() == [2, 1]
    assert every.loc["Elon Musk", "quotes"] == 1
    assert "Elon Musk" not in longer.index  # a one-word epithet, left out from two words up


def test_top_terms_by_language_are_each_languages_own(bundled_store):
    from corpus.store.reads import terms

    tops = terms.top_terms_by_language(bundled_store, ALL, unigrams=10, bigrams=5)
    assert list(dict.fromkeys(tops["language"])) == terms.languages_of(bundled_store, ALL)
    for language in ("fr", "en"):
        own = terms.term_totals(bundled_store, Selection(languages=(language,)), n=1, limit=10)
        mine = tops[(tops["language"] == language) & (tops["n"] == 1)]
        assert mine["term"].tolist() == own["term"].tolist()  # never pooled across languages
        assert len(tops[(tops["language"] == language) & (tops["n"] == 2)]) == 5
