"""The dashboard's queries: a Store and a Selection in, a DataFrame out. No Streamlit.

Each function's docstring names the columns it returns. Dates are grouped by
day, week or month only for articles dated at least that precisely; the
others are counted apart, never placed on an invented day.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import measures
from analysis.measures import Selection
from corpus.dates import parse_published
from corpus.ingest import DATA_DIR
from corpus.store import Store
from dashboard.filters import like_pattern

FREQS = ("day", "week", "month")
PRECISE_ENOUGH = {
    "day": ("day", "minute", "second"),
    "week": ("day", "minute", "second"),
    "month": ("month", "day", "minute", "second"),
}
LOW_COUNT = 5  # a mean over fewer paragraphs is flagged
EVENTS_FILE = DATA_DIR / "events.csv"


def _df(store: Store, sql: str, params: list[Any]) -> pd.DataFrame:
    return store.con.execute(sql, params).df()


def _period(freq: str) -> tuple[str, list[Any]]:
    if freq not in FREQS:
        raise ValueError(f"freq should be one of {FREQS}, got {freq!r}")
    return f"date_trunc('{freq}', a.published)", [list(PRECISE_ENOUGH[freq])]


# -- overview ------------------------------------------------------------------------


def counts(store: Store, sel: Selection) -> dict[str, Any]:
    """articles, outlets, languages, paragraphs, quotes, first, last, undated, without_text."""
    where, params = sel.where()
    row = store.con.execute(
        f"""SELECT count(*), count(DISTINCT a.outlet), count(DISTINCT a.language),
                   min(a.published_text), max(a.published_text), count(*) - count(a.published),
                   count(*) - count(a.text),
                   (SELECT count(*) FROM paragraph_tone p JOIN articles a USING (content_hash) WHERE {where}),
                   (SELECT count(*) FROM quotes q JOIN articles a USING (content_hash)
                    WHERE {where} AND q.kind = 'direct')
            FROM articles a WHERE {where}""",
        params * 3,
    ).fetchall()[0]
    keys = (
        "articles",
        "outlets",
        "languages",
        "first",
        "last",
        "undated",
        "without_text",
        "paragraphs",
        "quotes",
    )
    return dict(zip(keys, row, strict=True))


def volume(store: Store, sel: Selection, *, freq: str = "month", by: str = "outlet") -> pd.DataFrame:
    """Articles per period and group: columns period, group, articles."""
    if by not in ("outlet", "language"):
        raise ValueError(f"by should be outlet or language, got {by!r}")
    where, params = sel.where()
    period, extra = _period(freq)
    return _df(
        store,
        f"""
        SELECT {period} AS period, coalesce(a.{by}, '(unknown)') AS "group", count(*) AS articles
        FROM articles a WHERE {where} AND a.published_precision IN (SELECT unnest(?))
        GROUP BY ALL ORDER BY period, "group" """,
        [*params, *extra],
    )


def share_of_voice(store: Store, sel: Selection, *, freq: str = "month", top: int = 6) -> pd.DataFrame:
    """Mentions of the most mentioned actors per period and their share of that period's
    mentions: columns period, actor, mentions, share."""
    where, params = sel.where()
    period, extra = _period(freq)
    frame = _df(
        store,
        f"""
        WITH m AS (
            SELECT {period} AS period, m.actor FROM actor_mentions m JOIN articles a USING (content_hash)
            WHERE {where} AND a.published_precision IN (SELECT unnest(?))
        ), top AS (SELECT actor FROM m GROUP BY actor ORDER BY count(*) DESC, actor LIMIT ?)
        SELECT period, CASE WHEN actor IN (SELECT actor FROM top) THEN actor ELSE 'others' END AS actor,
               count(*) AS mentions
        FROM m GROUP BY ALL ORDER BY period, actor""",
        [*params, *extra, top],
    )
    if frame.empty:
        return frame.assign(share=pd.Series(dtype=float))
    frame["share"] = frame["mentions"] / frame.groupby("period")["mentions"].transform("sum")
    return frame


def tone_over_time(store: Store, sel: Selection, *, freq: str = "month") -> pd.DataFrame:
    """Mean paragraph tone per period, for all outlets together ("all outlets") and per outlet:
    columns period, outlet, mean_compound, paragraphs, low_count (fewer than LOW_COUNT paragraphs
    behind the mean)."""
    where, params = sel.where()
    period, extra = _period(freq)
    frame = _df(
        store,
        f"""
        WITH scored AS (
            SELECT {period} AS period, coalesce(a.outlet, '(unknown)') AS outlet, p.compound
            FROM paragraph_tone p JOIN articles a USING (content_hash)
            WHERE {where} AND p.compound IS NOT NULL AND a.published_precision IN (SELECT unnest(?))
        )
        SELECT period, 'all outlets' AS outlet, avg(compound) AS mean_compound, count(*) AS paragraphs
        FROM scored GROUP BY period
        UNION ALL
        SELECT period, outlet, avg(compound), count(*) FROM scored GROUP BY period, outlet
        ORDER BY period, outlet""",
        [*params, *extra],
    )
    frame["low_count"] = frame["paragraphs"] < LOW_COUNT
    return frame


def load_events(path: Path = EVENTS_FILE) -> pd.DataFrame:
    """The story's dated turns: columns date (Timestamp, UTC), precision, label, label_fr, source_url."""
    if not path.exists():
        return pd.DataFrame(columns=["date", "precision", "label", "label_fr", "source_url"])
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            when = parse_published(row.get("date"))
            if when is not None:
                rows.append(
                    {
                        "date": pd.Timestamp(when.when),
                        "precision": when.precision,
                        "label": row["label"],
                        "label_fr": row.get("label_fr", ""),
                        "source_url": row.get("source_url", ""),
                    }
                )
    return pd.DataFrame(rows, columns=["date", "precision", "label", "label_fr", "source_url"])


# -- sentiment -----------------------------------------------------------------------


def tone_distribution(store: Store, sel: Selection) -> pd.DataFrame:
    """Paragraph labels per outlet and language: columns outlet, language, label, paragraphs, share
    (of that outlet's paragraphs in that language; languages are never pooled)."""
    where, params = sel.where()
    frame = _df(
        store,
        f"""
        SELECT coalesce(a.outlet, '(unknown)') AS outlet, p.language, coalesce(p.label, 'not scored') AS label,
               count(*) AS paragraphs
        FROM paragraph_tone p JOIN articles a USING (content_hash) WHERE {where}
        GROUP BY ALL ORDER BY outlet, p.language, label""",
        params,
    )
    if not frame.empty:
        frame["share"] = frame["paragraphs"] / frame.groupby(["outlet", "language"])["paragraphs"].transform("sum")
    return frame


def actor_tone_by_outlet(store: Store, sel: Selection, *, top: int = 8) -> pd.DataFrame:
    """Tone of the paragraphs naming each of the most named actors, per outlet: columns actor,
    outlet, mean_compound, paragraphs."""
    where, params = sel.where()
    return _df(
        store,
        f"""
        WITH named AS (
            SELECT DISTINCT m.actor, m.content_hash, m.paragraph_index, coalesce(a.outlet, '(unknown)') AS outlet
            FROM actor_mentions m JOIN articles a USING (content_hash) WHERE {where}
        ), top AS (SELECT actor FROM named GROUP BY actor ORDER BY count(*) DESC, actor LIMIT ?)
        SELECT n.actor, n.outlet, avg(p.compound) AS mean_compound, count(*) AS paragraphs
        FROM named n JOIN paragraph_tone p USING (content_hash, paragraph_index)
        WHERE n.actor IN (SELECT actor FROM top) AND p.compound IS NOT NULL
        GROUP BY ALL ORDER BY n.actor, n.outlet""",
        [*params, top],
    )


def position_heatmap(store: Store, sel: Selection, *, limit: int = 60) -> pd.DataFrame:
    """Tone by paragraph position for the most recent articles: columns article (label),
    article_id, paragraph_index, compound, label."""
    where, params = sel.where()
    return _df(
        store,
        f"""
        WITH chosen AS (
            SELECT a.id, a.content_hash, coalesce(a.outlet, '?') || ' · ' || coalesce(a.published_text, 'undated')
                   || ' · ' || left(coalesce(a.title, a.id), 40) AS article, a.published
            FROM articles a WHERE {where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?
        )
        SELECT c.article, c.id AS article_id, p.paragraph_index, p.compound, p.label
        FROM chosen c JOIN paragraph_tone p USING (content_hash)
        ORDER BY c.published DESC NULLS LAST, c.id, p.paragraph_index""",
        [*params, limit],
    )


def extreme_paragraphs(store: Store, sel: Selection, *, n: int = 5) -> pd.DataFrame:
    """The most negative and most positive paragraphs: columns side, compound, label, article_id,
    title, outlet, published_text, url, paragraph_index, text (None where the text is not bundled)."""
    where, params = sel.where()
    parts = []
    for side, order in (("most negative", "ASC"), ("most positive", "DESC")):
        parts.append(
            _df(
                store,
                f"""
            SELECT '{side}' AS side, p.compound, p.label, a.id AS article_id, a.title, a.outlet,
                   a.published_text, a.url, p.paragraph_index,
                   CASE WHEN a.text IS NULL THEN NULL ELSE substring(a.text, p.start_char + 1,
                        p.end_char - p.start_char) END AS text
            FROM paragraph_tone p JOIN articles a USING (content_hash)
            WHERE {where} AND p.compound IS NOT NULL
            ORDER BY p.compound {order}, a.id, p.paragraph_index LIMIT ?""",
                [*params, n],
            )
        )
    return pd.concat(parts, ignore_index=True)


# -- quotes --------------------------------------------------------------------------


def top_speakers(store: Store, sel: Selection, *, n: int = 15) -> pd.DataFrame:
    """Most quoted speakers: columns speaker, quotes, outlets, articles."""
    where, params = sel.where()
    return _df(
        store,
        f"""
        SELECT q.speaker, count(*) AS quotes, count(DISTINCT a.outlet) AS outlets, count(DISTINCT a.id) AS articles
        FROM quotes q JOIN articles a USING (content_hash)
        WHERE {where} AND q.kind = 'direct' AND q.speaker IS NOT NULL
        GROUP BY q.speaker ORDER BY quotes DESC, q.speaker LIMIT ?""",
        [*params, n],
    )


def speakers_over_time(store: Store, sel: Selection, *, freq: str = "month", top: int = 6) -> pd.DataFrame:
    """Quotes per period of the most quoted speakers: columns period, speaker, quotes."""
    where, params = sel.where()
    period, extra = _period(freq)
    return _df(
        store,
        f"""
        WITH q AS (
            SELECT {period} AS period, q.speaker FROM quotes q JOIN articles a USING (content_hash)
            WHERE {where} AND q.kind = 'direct' AND q.speaker IS NOT NULL
              AND a.published_precision IN (SELECT unnest(?))
        ), top AS (SELECT speaker FROM q GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT ?)
        SELECT period, speaker, count(*) AS quotes FROM q WHERE speaker IN (SELECT speaker FROM top)
        GROUP BY ALL ORDER BY period, speaker""",
        [*params, *extra, top],
    )


def quote_search(
    store: Store, sel: Selection, *, text: str = "", speaker: str | None = None, limit: int = 500
) -> pd.DataFrame:
    """Quotes matching a text and a speaker: columns published_text, outlet, speaker, quote, context
    (the paragraph, or "(text not bundled)"), title, url, article_id, resolution, confidence."""
    where, params = sel.where()
    extra, extra_params = "", []
    if text:
        extra += " AND q.quote ILIKE ? ESCAPE '\\'"
        extra_params.append(like_pattern(text))
    if speaker:
        extra += " AND q.speaker = ?"
        extra_params.append(speaker)
    return _df(
        store,
        f"""
        SELECT a.published_text, a.outlet, coalesce(q.speaker, 'unresolved') AS speaker, q.quote,
               CASE WHEN a.text IS NULL THEN '(text not bundled)' ELSE substring(a.text, p.start_char + 1,
                    p.end_char - p.start_char) END AS context,
               a.title, a.url, a.id AS article_id, q.resolution, q.confidence
        FROM quotes q JOIN articles a USING (content_hash)
        LEFT JOIN paragraph_tone p ON p.content_hash = q.content_hash AND p.paragraph_index = q.paragraph_index
        WHERE {where} AND q.kind = 'direct' {extra}
        ORDER BY a.published DESC NULLS LAST, a.id, q.start_char LIMIT ?""",
        [*params, *extra_params, limit],
    )


def speaker_about(store: Store, sel: Selection, *, top: int = 10) -> pd.DataFrame:
    """Who said what about whom: actors named inside each speaker's quotes: columns speaker, about,
    quotes, mean_compound (tone of the quotes' paragraphs)."""
    where, params = sel.where()
    return _df(
        store,
        f"""
        SELECT q.speaker, m.actor AS about, count(DISTINCT (q.content_hash, q.start_char)) AS quotes,
               avg(p.compound) AS mean_compound
        FROM quotes q JOIN articles a USING (content_hash)
        JOIN actor_mentions m ON m.content_hash = q.content_hash AND m.start_char >= q.start_char
             AND m.end_char <= q.end_char
        LEFT JOIN paragraph_tone p ON p.content_hash = q.content_hash AND p.paragraph_index = q.paragraph_index
        WHERE {where} AND q.kind = 'direct' AND q.speaker IS NOT NULL AND m.actor <> q.speaker
        GROUP BY ALL ORDER BY quotes DESC, q.speaker, about LIMIT ?""",
        [*params, top * top],
    )


# -- articles ------------------------------------------------------------------------


def article_list(store: Store, sel: Selection, *, limit: int = 2000) -> pd.DataFrame:
    """Articles with their figures: columns published_text, outlet, language, title, url, words,
    mean_tone, share_negative, quotes, text_bundled, near_duplicate_of, id."""
    where, params = sel.where()
    return _df(
        store,
        f"""
        SELECT coalesce(a.published_text, 'undated') AS published_text, a.outlet, a.language, a.title, a.url,
               a.word_count AS words,
               t.mean AS mean_tone, t.share_negative,
               (SELECT count(*) FROM quotes q WHERE q.content_hash = a.content_hash AND q.kind = 'direct') AS quotes,
               a.text IS NOT NULL AS text_bundled, a.duplicate_of AS near_duplicate_of, a.id
        FROM articles a LEFT JOIN article_tone t USING (content_hash)
        WHERE {where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?""",
        [*params, limit],
    )


def article_detail(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article for the reader: its metadata, and per paragraph the text (None where not
    bundled), tone, quotes (offsets within the paragraph, speaker) and actor mentions."""
    rows = store.con.execute(
        "SELECT id, title, outlet, author, published_text, language, url, text, content_hash, word_count "
        "FROM articles WHERE id = ?",
        [article_id],
    ).fetchall()
    if not rows:
        return None
    keys = (
        "id",
        "title",
        "outlet",
        "author",
        "published_text",
        "language",
        "url",
        "text",
        "content_hash",
        "words",
    )
    article = dict(zip(keys, rows[0], strict=True))
    h = article["content_hash"]
    paragraphs = _df(store, "SELECT * FROM paragraph_tone WHERE content_hash = ? ORDER BY paragraph_index", [h])
    quotes = _df(store, "SELECT * FROM quotes WHERE content_hash = ? AND kind = 'direct' ORDER BY start_char", [h])
    mentions = _df(store, "SELECT * FROM actor_mentions WHERE content_hash = ? ORDER BY start_char", [h])
    text = article["text"]
    out = []
    for p in paragraphs.itertuples():
        out.append(
            {
                "index": p.paragraph_index,
                "language": p.language,
                "text": text[p.start_char : p.end_char] if text is not None else None,
                "compound": None if pd.isna(p.compound) else float(p.compound),
                "label": _none(p.label),
                "quotes": [
                    (q.start_char - p.start_char, q.end_char - p.start_char, _none(q.speaker), q.quote)
                    for q in quotes.itertuples()
                    if q.paragraph_index == p.paragraph_index
                ],
                "attributions": [
                    attribution_note(
                        q.quote, _none(q.speaker), _none(q.mention), _none(q.cue), q.step, q.resolution, q.confidence
                    )
                    for q in quotes.itertuples()
                    if q.paragraph_index == p.paragraph_index
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


def filter_choices(store: Store) -> dict[str, Any]:
    """What the sidebar offers: outlets, languages, actors and speakers, and the date span."""
    outlets = [
        r[0]
        for r in store.con.execute(
            "SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet"
        ).fetchall()
    ]
    languages = [
        r[0]
        for r in store.con.execute("SELECT language FROM articles GROUP BY language ORDER BY count(*) DESC").fetchall()
    ]
    actors = [
        r[0]
        for r in store.con.execute(
            """SELECT name FROM (SELECT actor AS name FROM actor_mentions UNION ALL
                             SELECT speaker FROM quotes WHERE speaker IS NOT NULL AND kind = 'direct')
           GROUP BY name ORDER BY count(*) DESC, name"""
        ).fetchall()
    ]
    first, last = store.con.execute("SELECT min(published), max(published) FROM articles").fetchall()[0]
    return {
        "outlets": outlets,
        "languages": languages,
        "actors": actors,
        "first": first.date() if first else None,
        "last": last.date() if last else None,
    }


def data_version(store: Store) -> tuple[Any, ...]:
    """Changes whenever articles or results change: the key that refreshes cached queries."""
    return tuple(
        store.con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT max(imported_at) FROM articles), "
            "(SELECT count(*) FROM analysis_runs), (SELECT max(computed_at) FROM analysis_runs)"
        ).fetchall()[0]
    )


# -- measures the pages ask for by name ----------------------------------------------

term_totals = measures.term_totals
shared_quotes = measures.shared_quotes


def events_table(store: Store, sel: Selection) -> pd.DataFrame:
    """The story's events (they do not depend on the selection)."""
    return load_events()
