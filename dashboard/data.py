"""What the dashboard computes over the store's read models: statistics and the reader's article.

No SQL here (the queries are corpus.store.reads) and no Streamlit: this module
joins what the store returns with the analysis functions (weighted log-odds,
quote groups) and says in plain words how each quote was attributed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd

from analysis.actors import load_actors
from analysis.keywords import log_odds
from analysis.quote_groups import Occurrence, Wording, group_wordings
from corpus.store import ALL, Selection, Store
from corpus.store.reads import articles, quotes, terms, tone

SHARED_COLUMNS = [
    "quote",
    "speaker",
    "first_article",
    "first_outlet",
    "first_published",
    "outlets",
    "n_outlets",
    "occurrences",
    "variants",
]


def distinctive_terms(
    store: Store, group: Selection, other: Selection, *, background: Selection = ALL, limit: int = 30
) -> pd.DataFrame:
    """Terms of `group` against `other` by weighted log-odds with an informative Dirichlet
    prior taken from `background` (Monroe et al. 2008): columns term, count_a, count_b,
    delta, z; the most distinctive of `group` first."""
    a = terms.term_counts_of(store, group)
    b = terms.term_counts_of(store, other)
    prior = terms.term_counts_of(store, background)
    if a.empty or b.empty:
        return pd.DataFrame(columns=["term", "count_a", "count_b", "delta", "z"])
    return log_odds(a, b, prior).head(limit)


SIGNIFICANT_Z = 1.96  # two-sided 5 %


def distinctive_by_outlet(
    store: Store, sel: Selection, outlets: tuple[str, ...], *, per_outlet: int = 10
) -> pd.DataFrame:
    """For each outlet, the terms that set it apart from the other outlets compared (weighted
    log-odds, the selection as the prior): columns outlet, term, count_a, count_b, z,
    significant (z >= SIGNIFICANT_Z); the top `per_outlet` of each. One scan of the term counts
    gives every outlet's; the prior is their sum when the selection is these outlets."""
    columns = ["outlet", "term", "count_a", "count_b", "z", "significant"]
    per = terms.term_counts_by_outlet(store, replace(sel, outlets=outlets))
    table = per.pivot_table(index="term", columns="outlet", values="count", aggfunc="sum", fill_value=0)
    prior = table.sum(axis=1) if set(sel.outlets) == set(outlets) else terms.term_counts_of(store, sel)
    parts = []
    for outlet in outlets:
        others = [o for o in outlets if o != outlet and o in table.columns]
        if outlet not in table.columns or not others:
            continue
        a = table[outlet][table[outlet] > 0]
        b = table[others].sum(axis=1)
        b = b[b > 0]
        if a.empty or b.empty:
            continue
        parts.append(log_odds(a, b, prior).head(per_outlet).assign(outlet=outlet))
    if not parts:
        return pd.DataFrame(columns=columns)
    frame = pd.concat(parts, ignore_index=True)
    frame["significant"] = frame["z"] >= SIGNIFICANT_Z
    return frame[columns]


def significance_note(table: pd.DataFrame, *, group: str = "outlet") -> str:
    """Which groups of a distinctive-terms table have no significant term (z < 1.96 throughout)."""
    if table.empty:
        return "Too few terms to compare: no distinctive term."
    if "significant" not in table:
        table = table.assign(significant=table["z"] >= SIGNIFICANT_Z)
    if group not in table:
        return "" if table["significant"].any() else "No term is significantly distinctive here (every z < 1.96)."
    without = [str(g) for g, part in table.groupby(group, sort=True) if not part["significant"].any()]
    if not without:
        return "Bars of z ≥ 1.96 are significant at 5 %; paler bars are not."
    return (
        "No term is significantly distinctive (every z < 1.96) for: " + ", ".join(without) + ". "
        "Their bars are shown pale, as leads and not findings."
    )


def actor_tone(store: Store, selection: Selection = ALL) -> pd.DataFrame:
    """Tone around each actor of the actors file, with and without its rival (see corpus.store.reads.tone)."""
    rivals = {a.name: a.rival for a in load_actors().actors.values()}
    return tone.actor_tone(store, selection, rivals=rivals)


def shared_quotes(store: Store, sel: Selection = ALL, *, min_outlets: int = 2) -> pd.DataFrame:
    """Quotes carried by at least `min_outlets` outlets: columns quote (first wording), speaker,
    first_article, first_outlet, first_published, outlets, n_outlets, occurrences, variants (wording: count)."""
    table = quotes.quote_wordings(store, sel)
    wordings = [
        Wording(
            quote,
            int(occurrences),
            frozenset(outlets),
            Occurrence(article, outlet, None if pd.isna(published) else published.to_pydatetime(), quote, None),
            tuple(speakers.items()) if isinstance(speakers, dict) else (),
        )
        for quote, occurrences, outlets, article, outlet, published, speakers in zip(
            table["quote"],
            table["occurrences"],
            table["outlets"],
            table["first_article"],
            table["first_outlet"],
            table["first_published"],
            table["speakers"],
            strict=True,
        )
    ]
    rows = [
        {
            "quote": g.text,
            "speaker": g.speaker,
            "first_article": g.first.article_id,
            "first_outlet": g.first.outlet,
            "first_published": g.first.published,
            "outlets": ", ".join(g.outlets),
            "n_outlets": len(g.outlets),
            "occurrences": g.occurrences,
            "variants": " | ".join(f"{text} ({count})" for text, count in g.variants),
        }
        for g in group_wordings(wordings)
        if len(g.outlets) >= min_outlets
    ]
    return pd.DataFrame(rows, columns=SHARED_COLUMNS)


def article_detail(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article for the reader: its metadata, and per paragraph the text (None where not
    bundled), tone, quotes (offsets within the paragraph, speaker), how each quote was attributed
    and the actor mentions."""
    found = articles.article_rows(store, article_id)
    if found is None:
        return None
    article, paragraphs, quote_rows, mentions = found
    text = article["text"]
    out = []
    for p in paragraphs.itertuples():
        here = [q for q in quote_rows.itertuples() if q.paragraph_index == p.paragraph_index]
        out.append(
            {
                "index": p.paragraph_index,
                "language": p.language,
                "text": text[p.start_char : p.end_char] if text is not None else None,
                "compound": None if pd.isna(p.compound) else float(p.compound),
                "label": _none(p.label),
                "heading": bool(p.heading),
                "quotes": [
                    (q.start_char - p.start_char, q.end_char - p.start_char, _none(q.speaker), q.quote) for q in here
                ],
                "attributions": [
                    attribution_note(
                        q.quote, _none(q.speaker), _none(q.mention), _none(q.cue), q.step, q.resolution, q.confidence
                    )
                    for q in here
                ],
                "mentions": [
                    (m.start_char - p.start_char, m.end_char - p.start_char, m.actor)
                    for m in mentions.itertuples()
                    if m.paragraph_index == p.paragraph_index
                ],
            }
        )
    article["paragraphs"] = out
    return article


STEP_WORDS = {
    "after": "cue after the quote",
    "incise": "incise",
    "before": "cue before the quote",
    "colon": "colon after the speaker",
    "possessive": "possessive and message before a colon",
    "according-to": "according to / selon",
    "passive": "passive agent",
    "continuation": "continues the previous quote",
    "none": "no cue",
}


def attribution_note(
    quote: str,
    speaker: str | None,
    mention: str | None,
    cue: str | None,
    step: str,
    resolution: str,
    confidence: float,
) -> str:
    """How a quote was attributed, in plain words, for the analyst to check (shown on hover)."""
    head = quote if len(quote) <= 60 else quote[:57] + "…"
    parts = [STEP_WORDS.get(step, step)]
    if cue:
        parts.append(f"cue “{cue}”")
    if mention:
        parts.append(f"mention “{mention}”")
    parts.append(f"resolved by {resolution}")
    parts.append(f"confidence {float(confidence):.2f}")
    return f"“{head}” — {speaker or 'unresolved'}: " + ", ".join(parts)


def _none(value: Any) -> Any:
    """DataFrame cells come back as NaN where the store has NULL."""
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value
