"""Pure chart builders: a DataFrame in, a plotly Figure out; every timeline can carry the events."""

from __future__ import annotations

import colorsys
import contextlib
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

LABEL_COLOURS = {"negative": "#c0392b", "neutral": "#95a5a6", "positive": "#27ae60", "not scored": "#dfe6e9"}
TONE_SCALE = [[0.0, "#c0392b"], [0.5, "#f5f5f5"], [1.0, "#27ae60"]]
MAX_SERIES = 8
# Every figure names its template and every series its colour: once Streamlit is imported, plotly's
# default template is Streamlit's, whose colours only the browser fills in, so an exported image would
# come out grey. An outlet or an actor gets the same colour in every chart.
TEMPLATE = "coverage"
DRAWN_TRACES = ("bar", "scatter", "heatmap")  # the trace types the builders below draw


def _register_template() -> None:
    """plotly_white kept to the trace types drawn here, as the "coverage" template. Every figure
    gets its own copy of its template: plotly_white's defaults for its 24 trace types made that
    copy a tenth of a chart's building time and half of its JSON."""
    white = pio.templates["plotly_white"]
    pio.templates[TEMPLATE] = go.layout.Template(
        layout=white.layout, data={kind: getattr(white.data, kind) for kind in DRAWN_TRACES}
    )


_register_template()
PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f", "#393b79", "#ad494a", "#637939", "#e6550d", "#7b4173", "#3182bd",
    "#31a354", "#756bb1", "#d6616b", "#843c39", "#8ca252", "#bd9e39", "#ce6dbd", "#6baed6",
    "#fd8d3c", "#74c476", "#9e9ac8", "#e7969c", "#5254a3", "#b5cf6b", "#e7ba52", "#de9ed6",
    "#969696", "#3b3b3b", "#9edae5", "#c49c94", "#f7b6d2", "#dbdb8d", "#aec7e8", "#ffbb78",
)  # fmt: skip
_LAYOUT = {
    "template": TEMPLATE,
    "margin": {"t": 70, "l": 60, "r": 20, "b": 50},
    "legend": {"orientation": "h", "y": -0.2},
    "yaxis": {"automargin": True},
    "xaxis": {"automargin": True},
}


def _golden(index: int) -> str:
    """Colours past the hand-picked ones: hues a golden angle apart, two lightnesses in turn."""
    r, g, b = colorsys.hls_to_rgb((index * 137.508 % 360) / 360, 0.38 if index % 2 else 0.55, 0.62)
    return f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"


COLOURS = PALETTE + tuple(_golden(i) for i in range(40))  # 80: every outlet of the bundled corpus its own
_BOOK: ContextVar[Mapping[str, str] | None] = ContextVar("colour_book", default=None)


def colour_book(*kinds: Sequence[str]) -> dict[str, str]:
    """One colour per name for a whole corpus: each kind's names (outlets, actors, languages), most
    frequent first, take COLOURS in turn, so a name keeps its colour in every chart and under any
    filter, and no two names of a kind share one below 80 names."""
    book: dict[str, str] = {}
    for names in kinds:
        for index, name in enumerate(dict.fromkeys(names)):
            book.setdefault(name, COLOURS[index % len(COLOURS)])
    return book


@contextlib.contextmanager
def colouring(book: Mapping[str, str]) -> Iterator[None]:
    """Charts built inside take their series' colours from the book."""
    token = _BOOK.set(book)
    try:
        yield
    finally:
        _BOOK.reset(token)


def colours_for(names: Iterable[str]) -> dict[str, str]:
    """A colour per name: the corpus's colour book's (see `colouring`) for the names it has; for the
    others, where the name's hash points in COLOURS, the next free one on a clash in this chart."""
    wanted = sorted(set(names))
    book = _BOOK.get() or {}
    out = {name: book[name] for name in wanted if name in book}
    taken = set(out.values())
    for name in wanted:
        if name in out:
            continue
        start = zlib.crc32(name.encode("utf-8")) % len(COLOURS)
        for step in range(len(COLOURS)):
            colour = COLOURS[(start + step) % len(COLOURS)]
            if colour not in taken or len(taken) >= len(COLOURS):
                break
        taken.add(colour)
        out[name] = colour
    return out


def _empty(title: str, message: str = "Nothing to show for these filters") -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_layout(title=title, xaxis_visible=False, yaxis_visible=False, **_LAYOUT)
    return fig


def add_events(fig: go.Figure, events: pd.DataFrame, *, language: str = "en") -> go.Figure:
    """Dotted vertical lines at the story's dated turns within the figure's date span, labelled on hover."""
    xs = [x for trace in fig.data for x in (trace.x if trace.x is not None else ())]
    if events.empty or not xs:
        return fig
    low, high = pd.Timestamp(min(xs)), pd.Timestamp(max(xs))
    low = low.tz_localize("UTC") if low.tzinfo is None else low
    high = high.tz_localize("UTC") if high.tzinfo is None else high
    label = "label_fr" if language == "fr" else "label"
    placed: list[pd.Timestamp] = []
    lines: list[dict[str, object]] = []
    marks: list[dict[str, object]] = []
    for event in events.sort_values("date").itertuples():
        when = event.date
        if not (low - pd.Timedelta(days=31) <= when <= high + pd.Timedelta(days=31)):
            continue
        # events days apart (the bid on 10 February, its rejection on the 14th) stack their markers
        # instead of hiding one under the other
        level = sum(1 for earlier in placed if abs(when - earlier) < (high - low + pd.Timedelta(days=62)) / 40)
        placed.append(when)
        text = getattr(event, label) or event.label
        lines.append(
            {
                "type": "line",
                "x0": when,
                "x1": when,
                "y0": 0,
                "y1": 1,
                "yref": "paper",
                "line": {"dash": "dot", "width": 1, "color": "#34495e"},
            }
        )
        day = event.date.date() if event.precision != "month" else event.date.strftime("%Y-%m")
        marks.append(
            {
                "x": when,
                "y": 1.0 + 0.05 * level,
                "yref": "paper",
                "text": "◆",
                "showarrow": False,
                "yanchor": "bottom",
                "hovertext": f"{day}: {text}",
                "font": {"color": "#34495e"},
            }
        )
    # set at once: each add_shape / add_annotation validates and copies every one added before
    fig.update_layout(shapes=[*fig.layout.shapes, *lines], annotations=[*fig.layout.annotations, *marks])
    return fig


def largest_groups(
    frame: pd.DataFrame, *, group: str, value: str, by: list[str], keep: int, noun: str = "groups"
) -> pd.DataFrame:
    """The `keep` largest groups as they are and the rest summed into one "N other …" group, largest
    first: a chart of 60 stacked outlets is neither readable nor quick to draw. The CSV keeps all."""
    totals = frame.groupby(group)[value].sum().sort_values(ascending=False, kind="stable")
    if len(totals) <= keep + 1:
        return frame.set_index(group).loc[list(totals.index)].reset_index()
    kept = list(totals.index[:keep])
    rest = frame[~frame[group].isin(kept)]
    label = f"{len(totals) - keep} other {noun}"
    summed = rest.groupby(by, as_index=False)[value].sum().assign(**{group: label})
    ordered = frame[frame[group].isin(kept)].set_index(group).loc[kept].reset_index()
    return pd.concat([ordered, summed], ignore_index=True)


DAY_MS = 86_400_000
PERIODS = {"day": (DAY_MS, 0.8 * DAY_MS), "week": (7 * DAY_MS, 6 * DAY_MS), "month": ("M1", 26 * DAY_MS)}


def _period(freq: str) -> dict[str, object]:
    """A bar as wide as its period, in the middle of it."""
    period, width = PERIODS[freq]
    return {"width": width, "xperiod": period, "xperiodalignment": "middle"}


def volume_figure(
    volume: pd.DataFrame, *, by: str = "outlet", title: str = "Coverage volume", freq: str = "month"
) -> go.Figure:
    """Stacked bars of `articles` per `period`, one trace per `group`; a bar is as wide as its
    period (plotly would stretch the bars of a sparse selection across the empty months)."""
    if volume.empty:
        return _empty(title)
    volume = largest_groups(volume, group="group", value="articles", by=["period"], keep=MAX_SERIES, noun=f"{by}s")
    fig = go.Figure()
    colours = colours_for(volume["group"].astype(str))
    for name, group in volume.groupby("group", sort=False):
        fig.add_bar(
            x=group["period"], y=group["articles"], name=str(name), marker_color=colours[str(name)], **_period(freq)
        )
    fig.update_layout(
        title=title, barmode="stack", xaxis_title="date", yaxis_title="articles", legend_title=by, **_LAYOUT
    )
    return fig


def share_of_voice_figure(share: pd.DataFrame, *, title: str = "Share of voice", freq: str = "month") -> go.Figure:
    """Stacked bars of each actor's share of the mentions per period (bars, not areas: a sparse
    selection's lone periods would draw no area at all), the mentions behind each on hover."""
    if share.empty:
        return _empty(title, "No actor named in this selection's dated articles")
    fig = go.Figure()
    colours = colours_for(share["actor"].astype(str))
    for actor, group in share.groupby("actor", sort=True):
        fig.add_bar(
            x=group["period"],
            y=group["share"],
            name=str(actor),
            marker_color=colours[str(actor)],
            **_period(freq),
            customdata=group[["mentions"]],
            hovertemplate="%{y:.0%} (%{customdata[0]} mentions)",
        )
    fig.update_layout(
        title=title,
        barmode="stack",
        yaxis_tickformat=".0%",
        yaxis_title="share of actor mentions",
        xaxis_title="date",
        **_LAYOUT,
    )
    return fig


def tone_time_figure(
    tone: pd.DataFrame, *, title: str = "Mean paragraph tone per outlet", freq: str | None = None
) -> go.Figure:
    """A line per outlet (the MAX_SERIES most covered ones); hollow markers where fewer than
    LOW_COUNT paragraphs stand behind a mean; with `freq`, a line breaks at a period without one."""
    if tone.empty:
        return _empty(title)
    keep = {"all outlets", *drawn_outlets(tone)}
    if freq:
        tone = with_empty_periods(tone, x="period", y="mean_compound", series="outlet", freq=freq, fill=None)
        tone["low_count"] = tone["low_count"].fillna(False).astype(bool)
        tone["paragraphs"] = tone["paragraphs"].fillna(0)
    fig = go.Figure()
    colours = colours_for(k for k in keep if k != "all outlets")
    for outlet, group in tone[tone["outlet"].isin(keep)].groupby("outlet", sort=True):
        overall = outlet == "all outlets"
        line = {"width": 4, "color": "#2c3e50"} if overall else {"width": 1, "color": colours[str(outlet)]}
        _add_tone_line(fig, group, str(outlet), line)
    return _tone_layout(fig, title)


def _add_tone_line(fig: go.Figure, group: pd.DataFrame, name: str, line: dict[str, object]) -> None:
    """A line of mean tone per period; hollow markers where fewer than LOW_COUNT paragraphs stand
    behind a mean, the paragraphs on hover, a break where a period has none."""
    fig.add_scatter(
        x=group["period"],
        y=group["mean_compound"],
        name=name,
        mode="lines+markers",
        connectgaps=False,
        line=line,
        marker={"symbol": ["circle-open" if low else "circle" for low in group["low_count"]], "size": 9},
        customdata=group[["paragraphs"]],
        hovertemplate="%{y:.2f} over %{customdata[0]} paragraphs",
    )


def _tone_layout(fig: go.Figure, title: str, **extra: object) -> go.Figure:
    fig.update_layout(
        title=title + " (hollow: fewer than 5 paragraphs)",
        yaxis_title="mean compound",
        yaxis_range=[-1, 1],
        xaxis_title="date",
        **extra,
        **_LAYOUT,
    )
    return fig


def drawn_outlets(tone: pd.DataFrame) -> list[str]:
    """The outlets the tone-over-time chart draws: the MAX_SERIES with the most paragraphs."""
    per_outlet = tone[tone["outlet"] != "all outlets"]
    return list(per_outlet.groupby("outlet")["paragraphs"].sum().nlargest(MAX_SERIES).index)


def tone_distribution_figure(dist: pd.DataFrame, *, title: str = "Tone of paragraphs per outlet") -> go.Figure:
    """Shares of negative, neutral and positive paragraphs per outlet, one panel per language
    (the panels share the outlet axis). Built as plain bars on side-by-side axes: plotly express's
    facets cost several times the drawing on a page that is timed."""
    if dist.empty:
        return _empty(title)
    languages = list(dict.fromkeys(dist["language"]))
    outlets = list(dict.fromkeys(dist["outlet"]))
    gap = 0.04
    width = (1 - gap * (len(languages) - 1)) / len(languages)
    traces: list[go.Bar] = []
    layout: dict[str, object] = dict(_LAYOUT)
    panels: list[dict[str, object]] = []
    for i, language in enumerate(languages):
        suffix = "" if i == 0 else str(i + 1)
        part = dist[dist["language"] == language]
        for label, colour in LABEL_COLOURS.items():
            rows = part[part["label"] == label]
            if rows.empty:
                continue
            traces.append(
                go.Bar(
                    x=rows["share"],
                    y=rows["outlet"],
                    orientation="h",
                    name=label,
                    legendgroup=label,
                    showlegend=not any(t.name == label for t in traces),
                    marker_color=colour,
                    customdata=rows["paragraphs"],
                    hovertemplate=f"%{{y}}: %{{x:.0%}} {label} (%{{customdata}} paragraphs)<extra></extra>",
                    xaxis=f"x{suffix}",
                    yaxis=f"y{suffix}",
                )
            )
        start = i * (width + gap)
        layout[f"xaxis{suffix}"] = {
            "domain": [start, start + width],
            "anchor": f"y{suffix}",
            "tickformat": ".0%",
            "title": "share of paragraphs",
            "automargin": True,
        }
        layout[f"yaxis{suffix}"] = (
            {"categoryorder": "array", "categoryarray": outlets, "automargin": True}
            if i == 0
            else {"anchor": f"x{suffix}", "matches": "y", "showticklabels": False}
        )
        panels.append(
            {
                "text": language_name(language),
                "x": start + width / 2,
                "y": 1.0,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "center",
                "yanchor": "bottom",
                "showarrow": False,
            }
        )
    layout.update(title=title, barmode="stack", height=max(350, 28 * len(outlets) + 150), annotations=panels)
    return go.Figure(data=traces, layout=layout)


def actor_tone_figure(tone: pd.DataFrame, *, title: str = "Tone around each actor, per outlet") -> go.Figure:
    """Heatmap of the mean tone of paragraphs naming each actor (rows) per outlet (columns)."""
    if tone.empty:
        return _empty(title)
    mean = tone.pivot(index="actor", columns="outlet", values="mean_compound")
    count = tone.pivot(index="actor", columns="outlet", values="paragraphs").reindex_like(mean)
    fig = go.Figure(
        go.Heatmap(
            z=mean.values,
            x=list(mean.columns),
            y=list(mean.index),
            zmin=-1,
            zmax=1,
            colorscale=TONE_SCALE,
            customdata=count.values,
            text=count.fillna(0).astype(int).values,
            texttemplate="%{z:.2f}<br>n=%{text}",
            hovertemplate="%{y} in %{x}: %{z:.2f} over %{customdata} paragraphs",
        )
    )
    fig.update_layout(title=title, **_LAYOUT)
    return fig


def position_heatmap_figure(heat: pd.DataFrame, *, title: str = "Tone by paragraph position") -> go.Figure:
    """Articles (rows) by paragraph position (columns), coloured by tone."""
    if heat.empty:
        return _empty(title)
    grid = heat.pivot_table(index="article", columns="paragraph_index", values="compound", aggfunc="first")
    order = list(dict.fromkeys(heat["article"]))
    grid = grid.reindex(order)
    fig = go.Figure(
        go.Heatmap(
            z=grid.values,
            x=[int(c) + 1 for c in grid.columns],
            y=list(grid.index),
            zmin=-1,
            zmax=1,
            colorscale=TONE_SCALE,
            hovertemplate="%{y}<br>paragraph %{x}: %{z:.2f}<extra></extra>",
        )
    )
    fig.update_layout(title=title, xaxis_title="paragraph", height=max(400, 18 * len(grid) + 150), **_LAYOUT)
    fig.update_yaxes(autorange="reversed")
    return fig


def bar_figure(frame: pd.DataFrame, *, x: str, y: str, title: str, x_title: str) -> go.Figure:
    """Horizontal bars, largest on top."""
    if frame.empty:
        return _empty(title)
    fig = go.Figure(go.Bar(x=frame[x], y=frame[y].astype(str), orientation="h", marker_color=PALETTE[0]))
    fig.update_layout(title=title, xaxis_title=x_title, height=max(350, 24 * len(frame) + 150), **_LAYOUT)
    fig.update_yaxes(autorange="reversed")
    return fig


FREQ_CODES = {"day": "D", "week": "W-MON", "month": "MS"}


def with_empty_periods(
    frame: pd.DataFrame, *, x: str, y: str, series: str, freq: str, fill: float | None
) -> pd.DataFrame:
    """Every period between the first and the last, for every series: a count where nothing was
    found is `fill` (0), a mean is missing (None: the line breaks) — never a straight line drawn
    across months without an article."""
    if frame.empty or freq not in FREQ_CODES:
        return frame
    periods = pd.to_datetime(frame[x])
    span = pd.date_range(periods.min(), periods.max(), freq=FREQ_CODES[freq], tz=periods.dt.tz)
    if len(span) == 0:
        return frame
    grid = pd.MultiIndex.from_product([sorted(frame[series].unique()), span], names=[series, x])
    full = frame.assign(**{x: periods}).set_index([series, x]).reindex(grid).reset_index()
    if fill is not None:
        full[y] = full[y].fillna(fill)
    return full


def lines_figure(
    frame: pd.DataFrame, *, x: str, y: str, series: str, title: str, y_title: str, freq: str | None = None
) -> go.Figure:
    """One line per value of `series` over `x`; with `freq`, the periods without any count as 0."""
    if frame.empty:
        return _empty(title)
    if freq:
        frame = with_empty_periods(frame, x=x, y=y, series=series, freq=freq, fill=0)
    fig = go.Figure()
    colours = colours_for(frame[series].astype(str))
    for name, group in frame.groupby(series, sort=True):
        fig.add_scatter(x=group[x], y=group[y], name=str(name), mode="lines+markers", line_color=colours[str(name)])
    fig.update_layout(title=title, yaxis_title=y_title, xaxis_title="date", **_LAYOUT)
    return fig


def speaker_about_figure(about: pd.DataFrame, *, title: str = "Who said what about whom") -> go.Figure:
    """Heatmap of quotes by speaker (rows) naming an actor (columns), hover with the tone."""
    if about.empty:
        return _empty(title)
    counts = about.pivot(index="speaker", columns="about", values="quotes").fillna(0)
    tone = about.pivot(index="speaker", columns="about", values="mean_compound").reindex_like(counts)
    fig = go.Figure(
        go.Heatmap(
            z=counts.values,
            x=list(counts.columns),
            y=list(counts.index),
            colorscale="Blues",
            customdata=tone.values,
            hovertemplate="%{y} on %{x}: %{z} quotes, tone %{customdata:.2f}<extra></extra>",
        )
    )
    fig.update_layout(title=title, xaxis_title="actor named in the quote", yaxis_title="speaker", **_LAYOUT)
    return fig


LANGUAGE_NAMES = {"fr": "French", "en": "English", "und": "undetermined"}


def language_name(code: str) -> str:
    """ "fr" -> "French"; a code without a name here is shown as it is."""
    return LANGUAGE_NAMES.get(code, code)


def side_tone_figure(summary: pd.DataFrame, *, side: str, title: str) -> go.Figure:
    """Mean paragraph tone per language (or outlet) as bars, each labelled with the paragraphs
    behind it; a mean over fewer than LOW_COUNT paragraphs is drawn hatched."""
    scored = summary.dropna(subset=["mean_compound"])
    if scored.empty:
        return _empty(title, "No scored paragraph in this selection")
    colours = colours_for(scored["side"].astype(str))
    fig = go.Figure(
        go.Bar(
            x=scored["side"].astype(str),
            y=scored["mean_compound"],
            marker_color=[colours[str(s)] for s in scored["side"]],
            marker_pattern_shape=["/" if low else "" for low in scored["low_count"]],
            text=[f"n = {n:,} paragraphs" for n in scored["paragraphs"]],
            textposition="outside",
            customdata=scored[["paragraphs", "share_negative", "share_positive"]],
            hovertemplate="%{x}: mean %{y:.2f} over %{customdata[0]} paragraphs; "
            "%{customdata[1]:.0%} negative, %{customdata[2]:.0%} positive<extra></extra>",
        )
    )
    low = max(0.5, float(scored["mean_compound"].abs().max()) * 1.4)
    fig.update_layout(title=title, xaxis_title=side, yaxis_title="mean compound", yaxis_range=[-low, low], **_LAYOUT)
    return fig


def side_labels_figure(shares: pd.DataFrame, *, side: str, title: str) -> go.Figure:
    """Shares of negative, neutral and positive paragraphs per language (or outlet), with the n."""
    if shares.empty:
        return _empty(title, "No scored paragraph in this selection")
    fig = go.Figure()
    totals = shares.groupby("side")["paragraphs"].sum()
    for label in ("negative", "neutral", "positive"):
        part = shares[shares["label"] == label]
        fig.add_bar(
            y=[f"{s} (n = {totals[s]:,})" for s in part["side"]],
            x=part["share"],
            name=label,
            orientation="h",
            marker_color=LABEL_COLOURS[label],
            customdata=part[["paragraphs"]],
            hovertemplate="%{x:.0%} (%{customdata[0]} paragraphs)",
        )
    fig.update_layout(
        title=title, barmode="stack", yaxis_title=side, height=max(300, 40 * len(totals) + 200), **_LAYOUT
    )
    fig.update_xaxes(tickformat=".0%", title="share of scored paragraphs", range=[0, 1])
    return fig


def side_lines_figure(frame: pd.DataFrame, *, side: str, title: str, freq: str) -> go.Figure:
    """Mean tone per period, a line per language (or outlet); markers sized by the paragraphs
    behind them, hollow below LOW_COUNT; no line drawn across a period without paragraphs."""
    if frame.empty:
        return _empty(title, f"No article dated to the {freq} in this selection")
    frame = with_empty_periods(frame, x="period", y="mean_compound", series="side", freq=freq, fill=None)
    frame["low_count"] = frame["low_count"].fillna(False).astype(bool)
    frame["paragraphs"] = frame["paragraphs"].fillna(0)
    fig = go.Figure()
    colours = colours_for(frame["side"].astype(str))
    for name, group in frame.groupby("side", sort=True):
        _add_tone_line(fig, group, str(name), {"color": colours[str(name)]})
    _tone_layout(fig, title, legend_title=side)
    return fig


def side_speakers_figure(frame: pd.DataFrame, *, side: str, title: str) -> go.Figure:
    """Who each language (or outlet) quotes: grouped bars of each speaker's share of its quotes."""
    if frame.empty:
        return _empty(title, "No attributed quote in this selection")
    fig = go.Figure()
    colours = colours_for(frame["side"].astype(str))
    totals = frame.groupby("side")["quotes"].sum()
    for name, group in frame.groupby("side", sort=True):
        fig.add_bar(
            x=group["speaker"],
            y=group["share"],
            name=f"{name} (n = {totals[name]:,} quotes)",
            marker_color=colours[str(name)],
            customdata=group[["quotes"]],
            hovertemplate="%{x}: %{y:.0%} (%{customdata[0]} quotes)",
        )
    fig.update_layout(
        title=title,
        barmode="group",
        yaxis_tickformat=".0%",
        yaxis_title="share of quotes",
        legend_title=side,
        **_LAYOUT,
    )
    return fig


def distinctive_facets_figure(table: pd.DataFrame, *, title: str) -> go.Figure:
    """One panel of horizontal bars per outlet: its most distinctive terms by z; bars below the
    5 % significance line (z < 1.96) pale."""
    if table.empty:
        return _empty(title, "Too few terms to compare")
    groups = list(dict.fromkeys(table["outlet"]))
    fig = make_subplots(rows=1, cols=len(groups), subplot_titles=groups, horizontal_spacing=0.12)
    colours = colours_for(groups)
    for col, outlet in enumerate(groups, start=1):
        part = table[table["outlet"] == outlet]
        fig.add_bar(
            x=part["z"],
            y=part["term"],
            orientation="h",
            name=outlet,
            marker_color=colours[outlet],
            marker_opacity=[1.0 if s else 0.35 for s in part["significant"]],
            showlegend=False,
            row=1,
            col=col,
        )
        fig.update_yaxes(autorange="reversed", row=1, col=col)
    fig.update_layout(title=title, height=max(380, 26 * int(table.groupby("outlet").size().max()) + 160), **_LAYOUT)
    fig.update_xaxes(title="z")
    return fig
