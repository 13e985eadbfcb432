"""What each page shows, as Charts (title, figure, exactly the data drawn). Pure: no Streamlit.

The pages render these; `python -m analysis export` writes them to files;
both build them here, so an exported chart is the chart on screen.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import Concatenate, ParamSpec

import pandas as pd

from corpus.store import Selection, Store
from corpus.store.bundle import load_events
from corpus.store.concurrent import in_background, side_by_side
from corpus.store.reads import articles, compare, quotes, timelines, tone
from corpus.store.reads import terms as term_reads
from corpus.store.reads.common import Freq, GroupBy
from dashboard import charts, data
from dashboard.export import Chart, wordcloud_png

P = ParamSpec("P")


def coloured(
    build: Callable[Concatenate[Store, Selection, P], list[Chart]],
) -> Callable[Concatenate[Store, Selection, P], list[Chart]]:
    """The page's charts coloured from the corpus's colour book: an outlet, an actor or a language
    has one colour in every chart, whatever the filters."""

    @functools.wraps(build)
    def with_book(store: Store, sel: Selection, /, *args: P.args, **options: P.kwargs) -> list[Chart]:
        with charts.colouring(_book_of(store)):
            return build(store, sel, *args, **options)

    return with_book


_BOOKS: dict[tuple[str, tuple[object, ...]], dict[str, str]] = {}


def _book_of(store: Store) -> dict[str, str]:
    """The store's colour book, made once per data version (it reads every outlet and actor)."""
    key = (str(store.path), articles.data_version(store))
    if key not in _BOOKS:
        offered = articles.filter_choices(store)
        languages = [charts.language_name(code) for code in offered["languages"]]
        if len(_BOOKS) > 16:
            _BOOKS.clear()
        _BOOKS[key] = charts.colour_book(offered["outlets"], offered["actors"], languages)
    return _BOOKS[key]


# Word clouds are drawn here while the page's queries run: both spend most of their time outside
# the interpreter lock (drawing in numpy and Pillow, queries in DuckDB).
_DRAWING = ThreadPoolExecutor(max_workers=2, thread_name_prefix="word-cloud")
_TOPS: dict[tuple[str, tuple[object, ...], Selection], pd.DataFrame] = {}


def forget_selections() -> None:
    """Drop what is kept per selection (the top terms); for benchmarks of a filter change."""
    _TOPS.clear()


def _top_terms(store: Store, sel: Selection) -> pd.DataFrame:
    key = (str(store.path), articles.data_version(store), sel)
    if key not in _TOPS:
        if len(_TOPS) > 32:
            _TOPS.clear()
        _TOPS[key] = term_reads.top_terms_by_language(store, sel, unigrams=100, bigrams=25)
    return _TOPS[key]


TOP_TERMS = 25  # bars of the top terms chart, per language


def _first_terms(tops: pd.DataFrame, n: int = 5) -> list[str]:
    """The terms followed over time by default: the top single-word terms, the first language's first."""
    found: list[str] = []
    for language in dict.fromkeys(tops["language"]):
        mine = tops[(tops["language"] == language) & (tops["n"] == 1)]
        found += list(mine["term"].head(min(TOP_TERMS, n - len(found))))
    return found


def picker_terms(store: Store, sel: Selection, *, per_language: int = 30) -> list[str]:
    """The terms the Keywords page offers to follow over time: each language's top ones, in turn."""
    tops = _top_terms(store, sel)
    lists = [list(part[part["n"] == 1]["term"].head(per_language)) for _, part in tops.groupby("language", sort=False)]
    merged = [term for row in itertools.zip_longest(*lists) for term in row if term]
    return list(dict.fromkeys(merged))


@coloured
def overview_charts(
    store: Store, sel: Selection, *, freq: Freq = "month", by: GroupBy = "outlet", events: pd.DataFrame | None = None
) -> list[Chart]:
    events = load_events() if events is None else events
    volume, share, tone = side_by_side(
        store,
        lambda s: timelines.volume(s, sel, freq=freq, by=by),
        lambda s: timelines.share_of_voice(s, sel, freq=freq),
        lambda s: timelines.tone_over_time(s, sel, freq=freq),
    )
    if by == "language":
        volume["group"] = volume["group"].map(charts.language_name)
    return [
        Chart(
            "volume",
            f"Coverage volume per {freq}, by {by}",
            charts.add_events(
                charts.volume_figure(volume, by=by, title=f"Articles per {freq} by {by}", freq=freq), events
            ),
            volume,
        ),
        Chart(
            "share-of-voice",
            f"Share of voice of the actors per {freq}",
            charts.add_events(charts.share_of_voice_figure(share, freq=freq), events),
            share,
        ),
        Chart(
            "tone-over-time",
            f"Mean paragraph tone per outlet per {freq}",
            charts.add_events(charts.tone_time_figure(tone, freq=freq), events),
            tone,
            note="Hollow markers: fewer than 5 paragraphs behind the mean. " + _drawn_note(tone),
        ),
    ]


def _drawn_note(tone: pd.DataFrame) -> str:
    outlets = tone.loc[tone["outlet"] != "all outlets", "outlet"].nunique() if not tone.empty else 0
    drawn = len(charts.drawn_outlets(tone)) if not tone.empty else 0
    if outlets <= drawn:
        return ""
    return f"Lines for the {drawn} outlets with the most paragraphs, of {outlets}; the CSV holds every outlet."


@coloured
def sentiment_charts(store: Store, sel: Selection) -> list[Chart]:
    dist, actors, heat = side_by_side(
        store,
        lambda s: tone.tone_distribution(s, sel),
        lambda s: tone.actor_tone_by_outlet(s, sel),
        lambda s: tone.position_heatmap(s, sel),
    )
    return [
        Chart(
            "tone-distribution",
            "Tone of paragraphs per outlet and language",
            charts.tone_distribution_figure(dist),
            dist,
        ),
        Chart("actor-tone", "Tone around each actor per outlet", charts.actor_tone_figure(actors), actors),
        Chart(
            "position-heatmap",
            "Tone by paragraph position (most recent articles)",
            charts.position_heatmap_figure(heat),
            heat,
        ),
    ]


@coloured
def quote_charts(store: Store, sel: Selection, *, freq: Freq = "month", min_words: int = 1) -> list[Chart]:
    speakers, over_time, about = side_by_side(
        store,
        lambda s: quotes.top_speakers(s, sel, min_words=min_words),
        lambda s: timelines.speakers_over_time(s, sel, freq=freq),
        lambda s: quotes.speaker_about(s, sel),
    )
    shortest = f", quotes of {min_words}+ words" if min_words > 1 else ""
    return [
        Chart(
            "top-speakers",
            f"Most quoted speakers (distinct quotes{shortest})",
            charts.bar_figure(
                speakers,
                x="distinct_quotes",
                y="speaker",
                title=f"Most quoted speakers (distinct quotes{shortest})",
                x_title="distinct direct quotes",
            ),
            speakers,
            note="A quote carried by several articles counts once; the CSV also gives every occurrence (quotes).",
        ),
        Chart(
            "speakers-over-time",
            f"Who is quoted when (quotes per {freq})",
            charts.add_events(
                charts.lines_figure(
                    over_time,
                    x="period",
                    y="quotes",
                    series="speaker",
                    title=f"Quotes per {freq}",
                    y_title="quotes",
                    freq=freq,
                ),
                load_events(),
            ),
            over_time,
        ),
        Chart("who-about-whom", "Who said what about whom", charts.speaker_about_figure(about), about),
    ]


@coloured
def keyword_charts(
    store: Store,
    sel: Selection,
    *,
    terms: tuple[str, ...] = (),
    freq: Freq = "month",
    outlet: str | None = None,
    split: dt.date | None = None,
    per_thousand: bool = False,
) -> list[Chart]:
    """Top terms, two-word terms and a word cloud for each language of the selection (never
    pooled: « but » is French for "goal", and each language has its own stop words); terms over
    time; the terms distinctive of an outlet (against the other outlets of its language) and of
    the coverage after an event (against before, within each language). `per_thousand`: counts
    per 1,000 words of the language's articles, so that languages and periods of unequal size compare."""
    out: list[Chart] = []
    unit = "per 1,000 words" if per_thousand else "occurrences"
    tops = _top_terms(store, sel)  # one scan for every language, shared with the page's term picker
    chosen = list(terms) or _first_terms(tops)
    # the queries run on their own cursors, and the clouds are drawn on other threads, while the
    # top terms' charts are built here
    over_time_read = in_background(
        store, lambda s: timelines.terms_over_time(s, chosen, sel, freq=freq) if chosen else pd.DataFrame()
    )
    contrasts = [
        *([in_background(store, lambda s: _distinctive_outlet(s, sel, outlet))] if outlet else []),
        *([in_background(store, lambda s: _distinctive_period(s, sel, split))] if split else []),
    ]
    clouds: list[tuple[int, Future[bytes]]] = []
    for language in dict.fromkeys(tops["language"]):
        part = replace(sel, languages=(language,))
        name = charts.language_name(language)
        mine = tops[tops["language"] == language]
        cloud_terms = mine[mine["n"] == 1].drop(columns="language").reset_index(drop=True)
        bigrams = mine[mine["n"] == 2].drop(columns="language").reset_index(drop=True)
        if per_thousand:
            words = max(1, term_reads.words_of(store, part))
            cloud_terms = cloud_terms.assign(per_thousand=cloud_terms["count"] * 1000 / words)
            bigrams = bigrams.assign(per_thousand=bigrams["count"] * 1000 / words)
        value = "per_thousand" if per_thousand else "count"
        unigrams = cloud_terms.head(TOP_TERMS)
        out += [
            Chart(
                f"top-terms-{language}",
                f"Top terms in {name}",
                charts.bar_figure(unigrams, x=value, y="term", title=f"Top terms in {name}", x_title=unit),
                unigrams,
            ),
            Chart(
                f"top-bigrams-{language}",
                f"Top two-word terms in {name}",
                charts.bar_figure(bigrams, x=value, y="term", title=f"Top two-word terms in {name}", x_title=unit),
                bigrams,
            ),
        ]
        counts = dict(zip(cloud_terms["term"], cloud_terms["count"], strict=True))
        clouds.append((len(out), _DRAWING.submit(wordcloud_png, counts)))
        out.append(Chart(f"word-cloud-{language}", f"Word cloud, {name}", None, cloud_terms))
    over_time = over_time_read.result()
    out.append(
        Chart(
            "terms-over-time",
            f"Terms over time (per {freq})",
            charts.add_events(
                charts.lines_figure(
                    over_time,
                    x="period",
                    y="count",
                    series="term",
                    title=f"Terms per {freq}",
                    y_title="occurrences",
                    freq=freq,
                ),
                load_events(),
            ),
            over_time,
        )
    )
    out += [contrast.result() for contrast in contrasts]
    for index, drawn in clouds:
        out[index] = replace(out[index], image=drawn.result())
    return out


def _distinctive_outlet(store: Store, sel: Selection, outlet: str) -> Chart:
    """An outlet's terms against the other outlets of the selection in its own languages."""
    group = replace(sel, outlets=(outlet,))
    own = tuple(term_reads.languages_of(store, group))
    rest = articles.filter_choices(store)["outlets"]
    others = replace(sel, outlets=tuple(o for o in (sel.outlets or rest) if o != outlet), languages=own)
    table = data.distinctive_terms(store, group, others, background=replace(sel, languages=own))
    table = table.assign(significant=table["z"] >= data.SIGNIFICANT_Z)
    languages = " and ".join(charts.language_name(code) for code in own)
    return Chart(
        "distinctive-outlet",
        f"Terms distinctive of {outlet} against the other {languages} outlets (weighted log-odds z)",
        charts.bar_figure(table.head(20), x="z", y="term", title=f"Distinctive of {outlet}", x_title="z-score"),
        table,
        note=data.significance_note(table),
    )


def _distinctive_period(store: Store, sel: Selection, split: dt.date) -> Chart:
    """Coverage from the split on against before, within each language; articles dated only to a
    month or a year that spans the split are on neither side."""
    before = replace(sel, end=split - dt.timedelta(days=1), whole=True)
    after = replace(sel, start=split, whole=True)
    parts = []
    for language in term_reads.languages_of(store, sel):
        pick = (language,)
        table = data.distinctive_terms(
            store,
            replace(after, languages=pick),
            replace(before, languages=pick),
            background=replace(sel, languages=pick),
        ).head(15)
        parts.append(table.assign(outlet=charts.language_name(language)))
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["outlet", "term", "z"])
    table["significant"] = table["z"] >= data.SIGNIFICANT_Z
    whole = timelines.counts(store, sel)
    sides = [timelines.counts(store, part)["articles"] for part in (before, after)]
    straddling = whole["articles"] - whole["undated"] - sides[0] - sides[1]
    return Chart(
        "distinctive-period",
        f"Terms distinctive of coverage from {split} on, against before, per language",
        charts.distinctive_facets_figure(table, title=f"From {split} on vs before (weighted log-odds z)"),
        table.rename(columns={"outlet": "language"}),
        note=(
            f"{sides[0]} article(s) before, {sides[1]} from {split} on; {straddling} dated only to a "
            f"month or a year that spans {split} on neither side. " + data.significance_note(table)
        ),
    )


def _named_languages(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(side=frame["side"].map(charts.language_name)) if not frame.empty else frame


@coloured
def language_charts(store: Store, sel: Selection, *, freq: Freq = "month") -> list[Chart]:
    """French against English coverage: tone, its labels, tone over time, volume, who is quoted;
    every figure with the n behind it, languages never pooled."""
    summary, labels, over_time, volume, said = side_by_side(
        store,
        lambda s: _named_languages(compare.summary(s, sel, by="language")),
        lambda s: _named_languages(compare.label_shares(s, sel, by="language")),
        lambda s: _named_languages(compare.tone_over_time(s, sel, by="language", freq=freq)),
        lambda s: timelines.volume(s, sel, freq=freq, by="language"),
        lambda s: _named_languages(compare.speakers(s, sel, by="language")),
    )
    volume["group"] = volume["group"].map(charts.language_name)
    return [
        Chart(
            "language-tone",
            "Mean paragraph tone by language",
            charts.side_tone_figure(summary, side="language", title="Mean paragraph tone by language"),
            summary,
            note="Hatched: fewer than 5 paragraphs behind the mean. Each language is scored by its own model.",
        ),
        Chart(
            "language-labels",
            "Negative, neutral and positive paragraphs by language",
            charts.side_labels_figure(labels, side="language", title="Paragraph tone labels by language"),
            labels,
        ),
        Chart(
            "language-tone-over-time",
            f"Mean paragraph tone by language per {freq}",
            charts.add_events(
                charts.side_lines_figure(over_time, side="language", title=f"Tone by language per {freq}", freq=freq),
                load_events(),
            ),
            over_time,
        ),
        Chart(
            "language-volume",
            f"Articles by language per {freq}",
            charts.add_events(
                charts.volume_figure(volume, by="language", title=f"Articles per {freq} by language", freq=freq),
                load_events(),
            ),
            volume,
        ),
        Chart(
            "language-speakers",
            "Who each language's coverage quotes",
            charts.side_speakers_figure(said, side="language", title="Share of quotes by speaker and language"),
            said,
        ),
    ]


@coloured
def outlet_charts(store: Store, sel: Selection, *, outlets: tuple[str, ...], freq: Freq = "month") -> list[Chart]:
    """Two to four outlets side by side: volume, tone and its labels, tone over time, who they
    quote, and the terms that set each apart from the others."""
    chosen = replace(sel, outlets=outlets)
    summary, labels, over_time, volume, said, terms = side_by_side(
        store,
        lambda s: compare.summary(s, chosen, by="outlet"),
        lambda s: compare.label_shares(s, chosen, by="outlet"),
        lambda s: compare.tone_over_time(s, chosen, by="outlet", freq=freq),
        lambda s: timelines.volume(s, chosen, freq=freq, by="outlet"),
        lambda s: compare.speakers(s, chosen, by="outlet"),
        lambda s: data.distinctive_by_outlet(s, chosen, outlets),
    )
    return [
        Chart(
            "outlet-volume",
            f"Articles per {freq}, by outlet",
            charts.add_events(
                charts.volume_figure(volume, by="outlet", title=f"Articles per {freq}", freq=freq), load_events()
            ),
            volume,
        ),
        Chart(
            "outlet-tone",
            "Mean paragraph tone by outlet",
            charts.side_tone_figure(summary, side="outlet", title="Mean paragraph tone by outlet"),
            summary,
            note="Hatched: fewer than 5 paragraphs behind the mean.",
        ),
        Chart(
            "outlet-labels",
            "Negative, neutral and positive paragraphs by outlet",
            charts.side_labels_figure(labels, side="outlet", title="Paragraph tone labels by outlet"),
            labels,
        ),
        Chart(
            "outlet-tone-over-time",
            f"Mean paragraph tone by outlet per {freq}",
            charts.add_events(
                charts.side_lines_figure(over_time, side="outlet", title=f"Tone by outlet per {freq}", freq=freq),
                load_events(),
            ),
            over_time,
        ),
        Chart(
            "outlet-speakers",
            "Who each outlet quotes",
            charts.side_speakers_figure(said, side="outlet", title="Share of quotes by speaker and outlet"),
            said,
        ),
        Chart(
            "outlet-terms",
            "Terms that set each outlet apart from the others compared",
            charts.distinctive_facets_figure(terms, title="Distinctive terms (weighted log-odds z)"),
            terms,
            note=data.significance_note(terms),
        ),
    ]


PAGE_CHARTS: dict[str, Callable[[Store, Selection], list[Chart]]] = {
    "overview": overview_charts,
    "sentiment": sentiment_charts,
    "quotes": quote_charts,
    "keywords": keyword_charts,
    "languages": language_charts,
}
