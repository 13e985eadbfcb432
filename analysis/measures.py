"""Measures over the stored results for any selection of articles: tone around actors,
term totals, distinctive terms, terms over time.

A `Selection` (dates, outlets, languages, with or without syndicated copies)
becomes one parameterised SQL condition on the articles table; every measure
takes one, so the dashboard and the CLI filter the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from analysis.actors import load_actors
from analysis.keywords import log_odds
from analysis.quote_groups import Occurrence, group_quotes
from corpus.store import Store


@dataclass(frozen=True, slots=True)
class Selection:
    """Which articles a measure covers; empty tuples mean "all"."""

    start: dt.date | None = None
    end: dt.date | None = None  # inclusive
    outlets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    include_duplicates: bool = True  # syndicated copies (near-duplicates) counted or not
    article_ids: tuple[str, ...] | None = field(default=None)  # e.g. a keyword search's hits

    def where(self, alias: str = "a") -> tuple[str, list[object]]:
        """SQL condition on the articles table (aliased `alias`) and its parameters."""
        clauses, params = ["TRUE"], []
        if self.start:
            clauses.append(f"{alias}.published >= ?")
            params.append(dt.datetime.combine(self.start, dt.time(), tzinfo=dt.UTC))
        if self.end:
            clauses.append(f"{alias}.published < ?")
            params.append(dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC))
        if self.outlets:
            clauses.append(f"{alias}.outlet IN (SELECT unnest(?))")
            params.append(list(self.outlets))
        if self.languages:
            clauses.append(f"{alias}.language IN (SELECT unnest(?))")
            params.append(list(self.languages))
        if not self.include_duplicates:
            clauses.append(f"{alias}.duplicate_of IS NULL")
        if self.article_ids is not None:
            clauses.append(f"{alias}.id IN (SELECT unnest(?))")
            params.append(list(self.article_ids))
        return " AND ".join(clauses), params


ALL = Selection()


def actor_tone(store: Store, selection: Selection = ALL) -> pd.DataFrame:
    """Tone around each actor: columns actor, paragraphs, mean_compound, share_negative,
    and the same three restricted to paragraphs that do not mention the actor's rival
    (`*_without_rival`; equal to the others for actors without a rival)."""
    rivals = pd.DataFrame([(a.name, a.rival) for a in load_actors().actors.values()], columns=["actor", "rival"])
    where, params = selection.where()
    store.con.register("actor_rivals", rivals)
    try:
        return store.con.execute(
            f"""
            WITH mentioned AS (
                SELECT DISTINCT m.content_hash, m.paragraph_index, m.actor
                FROM actor_mentions m JOIN articles a USING (content_hash) WHERE {where}
            ), scored AS (
                SELECT m.actor, r.rival, p.compound, p.label,
                       EXISTS (SELECT 1 FROM mentioned o WHERE o.content_hash = m.content_hash
                               AND o.paragraph_index = m.paragraph_index AND o.actor = r.rival) AS with_rival
                FROM mentioned m
                JOIN paragraph_tone p USING (content_hash, paragraph_index)
                LEFT JOIN actor_rivals r ON r.actor = m.actor
                WHERE p.label IS NOT NULL
            )
            SELECT actor, count(*) AS paragraphs, avg(compound) AS mean_compound,
                   avg((label = 'negative')::INT) AS share_negative,
                   count(*) FILTER (WHERE NOT with_rival) AS paragraphs_without_rival,
                   avg(compound) FILTER (WHERE NOT with_rival) AS mean_compound_without_rival,
                   avg((label = 'negative')::INT) FILTER (WHERE NOT with_rival)
                       AS share_negative_without_rival
            FROM scored GROUP BY actor ORDER BY paragraphs DESC, actor
            """,
            params,
        ).df()
    finally:
        store.con.unregister("actor_rivals")


def term_totals(store: Store, selection: Selection = ALL, *, n: int | None = None, limit: int = 50) -> pd.DataFrame:
    """Top terms: columns term, n (1 unigram, 2 bigram), count, articles."""
    where, params = selection.where()
    size = "AND t.n = ?" if n else ""
    return store.con.execute(
        f"""SELECT t.term, any_value(t.n) AS n, sum(t.count)::BIGINT AS count,
                   count(DISTINCT t.content_hash) AS articles
            FROM term_counts t JOIN articles a USING (content_hash)
            WHERE {where} {size} GROUP BY t.term ORDER BY count DESC, t.term LIMIT ?""",
        [*params, *([n] if n else []), limit],
    ).df()


def _counts(store: Store, where: str, params: list[object]) -> pd.Series:
    frame = store.con.execute(
        f"""SELECT t.term, sum(t.count)::BIGINT AS count FROM term_counts t
            JOIN articles a USING (content_hash) WHERE {where} GROUP BY t.term""",
        params,
    ).df()
    return frame.set_index("term")["count"] if not frame.empty else pd.Series(dtype="int64")


def distinctive_terms(
    store: Store, group: Selection, other: Selection, *, background: Selection = ALL, limit: int = 30
) -> pd.DataFrame:
    """Terms of `group` against `other` by weighted log-odds with an informative Dirichlet
    prior taken from `background` (Monroe et al. 2008): columns term, count_a, count_b,
    delta, z; the most distinctive of `group` first."""
    a = _counts(store, *group.where())
    b = _counts(store, *other.where())
    prior = _counts(store, *background.where())
    if a.empty or b.empty:
        return pd.DataFrame(columns=["term", "count_a", "count_b", "delta", "z"])
    return log_odds(a, b, prior).head(limit)


def terms_over_time(store: Store, terms: list[str], selection: Selection = ALL, *, freq: str = "month") -> pd.DataFrame:
    """Counts of the given terms per period: columns period (Timestamp), term, count.
    Articles dated less precisely than the period (a month for a weekly count,
    a year, none) are left out rather than placed on an invented day."""
    precise = {
        "day": ("day", "minute", "second"),
        "week": ("day", "minute", "second"),
        "month": ("month", "day", "minute", "second"),
    }
    if freq not in precise:
        raise ValueError(f"freq should be day, week or month, got {freq!r}")
    where, params = selection.where()
    return store.con.execute(
        f"""SELECT date_trunc('{freq}', a.published) AS period, t.term, sum(t.count)::BIGINT AS count
            FROM term_counts t JOIN articles a USING (content_hash)
            WHERE {where} AND a.published_precision IN (SELECT unnest(?))
              AND t.term IN (SELECT unnest(?))
            GROUP BY period, t.term ORDER BY period, t.term""",
        [*params, list(precise[freq]), terms],
    ).df()


def quote_table(store: Store, selection: Selection = ALL, *, kind: str = "direct") -> pd.DataFrame:
    """Quotes of the selection with their article: columns article_id, outlet, published, published_text,
    title, url, language, paragraph_index, start_char, end_char, quote, speaker, mention, cue,
    resolution, confidence."""
    where, params = selection.where()
    return store.con.execute(
        f"""SELECT a.id AS article_id, a.outlet, a.published, a.published_text, a.title, a.url, q.language,
                   q.paragraph_index, q.start_char, q.end_char, q.quote, q.speaker, q.mention, q.cue,
                   q.resolution, q.confidence
            FROM quotes q JOIN articles a USING (content_hash)
            WHERE {where} AND q.kind = ?
            ORDER BY a.published NULLS LAST, a.id, q.start_char""",
        [*params, kind],
    ).df()


def shared_quotes(store: Store, selection: Selection = ALL, *, min_outlets: int = 2) -> pd.DataFrame:
    """Quotes carried by at least `min_outlets` outlets: columns quote (first wording), speaker,
    first_article, first_outlet, first_published, outlets, occurrences, variants (wording: count)."""
    table = quote_table(store, selection)
    occurrences = [
        Occurrence(
            r.article_id,
            r.outlet,
            None if pd.isna(r.published) else r.published.to_pydatetime(),
            r.quote,
            r.speaker,
        )
        for r in table.itertuples()
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
            "occurrences": len(g.occurrences),
            "variants": " | ".join(f"{text} ({count})" for text, count in g.variants),
        }
        for g in group_quotes(occurrences)
        if len(g.outlets) >= min_outlets
    ]
    columns = [
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
    return pd.DataFrame(rows, columns=columns)
