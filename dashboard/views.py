"""What each page shows, as Charts (title, figure, exactly the data drawn). Pure: no Streamlit.

The pages render these; `python -m analysis export` writes them to files;
both build them here, so an exported chart is the chart on screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pandas as pd

from corpus.store import Selection, Store
from corpus.store.bundle import load_events
from corpus.store.reads import articles, quotes, timelines, tone
from corpus.store.reads import terms as term_reads
from corpus.store.reads.common import Freq, GroupBy
from dashboard import charts, data
from dashboard.export import Chart, wordcloud_png


def overview_charts(
    store: Store, sel: Selection, *, freq: Freq = "month", by: GroupBy = "outlet", events: pd.DataFrame | None = None
) -> list[Chart]:
    events = load_events() if events is None else events
    volume = timelines.volume(store, sel, freq=freq, by=by)
    share = timelines.share_of_voice(store, sel, freq=freq)
    tone = timelines.tone_over_time(store, sel, freq=freq)
    return [
        Chart(
            "volume",
            f"Coverage volume per {freq}, by {by}",
            charts.add_events(charts.volume_figure(volume, by=by, title=f"Articles per {freq} by {by}"), events),
            volume,
        ),
        Chart(
            "share-of-voice",
            f"Share of voice of the actors per {freq}",
            charts.add_events(charts.share_of_voice_figure(share), events),
            share,
        ),
        Chart(
            "tone-over-time",
            f"Mean paragraph tone per outlet per {freq}",
            charts.add_events(charts.tone_time_figure(tone), events),
            tone,
            note="Hollow markers: fewer than 5 paragraphs behind the mean.",
        ),
    ]


def sentiment_charts(store: Store, sel: Selection) -> list[Chart]:
    dist = tone.tone_distribution(store, sel)
    actors = tone.actor_tone_by_outlet(store, sel)
    heat = tone.position_heatmap(store, sel)
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


def quote_charts(store: Store, sel: Selection, *, freq: Freq = "month") -> list[Chart]:
    speakers = quotes.top_speakers(store, sel)
    over_time = timelines.speakers_over_time(store, sel, freq=freq)
    about = quotes.speaker_about(store, sel)
    return [
        Chart(
            "top-speakers",
            "Most quoted speakers",
            charts.bar_figure(speakers, x="quotes", y="speaker", title="Most quoted speakers", x_title="direct quotes"),
            speakers,
        ),
        Chart(
            "speakers-over-time",
            f"Who is quoted when (quotes per {freq})",
            charts.add_events(
                charts.lines_figure(
                    over_time, x="period", y="quotes", series="speaker", title=f"Quotes per {freq}", y_title="quotes"
                ),
                load_events(),
            ),
            over_time,
        ),
        Chart("who-about-whom", "Who said what about whom", charts.speaker_about_figure(about), about),
    ]


def keyword_charts(
    store: Store,
    sel: Selection,
    *,
    terms: tuple[str, ...] = (),
    freq: Freq = "month",
    outlet: str | None = None,
    split: dt.date | None = None,
) -> list[Chart]:
    cloud_terms = term_reads.term_totals(store, sel, n=1, limit=100)  # one query serves the bars and the cloud
    unigrams = cloud_terms.head(25)
    bigrams = term_reads.term_totals(store, sel, n=2, limit=25)
    chosen = list(terms) or list(unigrams["term"].head(5))
    over_time = timelines.terms_over_time(store, chosen, sel, freq=freq) if chosen else pd.DataFrame()
    out = [
        Chart(
            "top-terms",
            "Top terms",
            charts.bar_figure(unigrams, x="count", y="term", title="Top terms", x_title="occurrences"),
            unigrams,
        ),
        Chart(
            "top-bigrams",
            "Top two-word terms",
            charts.bar_figure(bigrams, x="count", y="term", title="Top two-word terms", x_title="occurrences"),
            bigrams,
        ),
        Chart(
            "word-cloud",
            "Word cloud",
            None,
            cloud_terms,
            image=wordcloud_png(dict(zip(cloud_terms["term"], cloud_terms["count"], strict=True))),
        ),
        Chart(
            "terms-over-time",
            f"Terms over time (per {freq})",
            charts.add_events(
                charts.lines_figure(
                    over_time, x="period", y="count", series="term", title=f"Terms per {freq}", y_title="occurrences"
                ),
                load_events(),
            ),
            over_time,
        ),
    ]
    if outlet:
        rest = articles.filter_choices(store)["outlets"]
        group = replace(sel, outlets=(outlet,))
        others = replace(sel, outlets=tuple(o for o in (sel.outlets or rest) if o != outlet))
        table = data.distinctive_terms(store, group, others, background=sel)
        out.append(
            Chart(
                "distinctive-outlet",
                f"Terms distinctive of {outlet} (weighted log-odds z)",
                charts.bar_figure(table.head(20), x="z", y="term", title=f"Distinctive of {outlet}", x_title="z-score"),
                table,
            )
        )
    if split:
        # only articles wholly on one side: a month-dated article of the split's month is on neither
        before = replace(sel, end=split - dt.timedelta(days=1), whole=True)
        after = replace(sel, start=split, whole=True)
        table = data.distinctive_terms(store, after, before, background=sel)
        whole = timelines.counts(store, sel)
        sides = [timelines.counts(store, part)["articles"] for part in (before, after)]
        straddling = whole["articles"] - whole["undated"] - sides[0] - sides[1]
        out.append(
            Chart(
                "distinctive-period",
                f"Terms distinctive of coverage from {split} on, against before",
                charts.bar_figure(
                    table.head(20), x="z", y="term", title=f"From {split} on vs before", x_title="z-score"
                ),
                table,
                note=(
                    f"{sides[0]} article(s) before, {sides[1]} from {split} on; {straddling} dated only to a "
                    f"month or a year that spans {split} on neither side."
                ),
            )
        )
    return out


PAGE_CHARTS: dict[str, Callable[[Store, Selection], list[Chart]]] = {
    "overview": overview_charts,
    "sentiment": sentiment_charts,
    "quotes": quote_charts,
    "keywords": keyword_charts,
}
