"""Charts out of the dashboard: PNG through one warm Chromium, CSV safe for spreadsheets, ZIP per page.

A `Chart` is what a page shows: a title, the figure and exactly the data
drawn. The PNG carries the title and the active filters. `PngExporter` keeps
one kaleido sync server (a real Chromium) warm for the whole process: the
first image costs a browser start (~3 s), the next ones a fraction of a second.
Where no Chromium is installed, `available` says so and nothing is attempted.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import shutil
import threading
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import pandas as pd
import plotly.graph_objects as go

from corpus.spreadsheet import safe_cell

# PIL's bundled font lacks a few typographic signs: they are spelt in ASCII on images.
ASCII_SIGNS: dict[str | int, str | int | None] = {"→": "->", "…": "...", "“": '"', "”": '"'}

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
PNG_WIDTH, PNG_HEIGHT = 1200, 675
T = TypeVar("T")


@dataclass(frozen=True)
class Chart:
    key: str  # stable slug: file names and widget keys
    title: str
    figure: go.Figure | None  # None for an image chart (the word cloud)
    data: pd.DataFrame
    image: bytes | None = None  # a ready PNG (word cloud)
    note: str = ""

    def __post_init__(self) -> None:
        if self.figure is not None:
            plain_labels(self.figure)


_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def plain(text: str) -> str:
    """Text plotly shows as written: its labels read a little HTML (<a href>, <img>, <b>), so the
    signs that start markup are given as entities."""
    return text.translate(_ENTITIES)


def plain_labels(fig: go.Figure) -> go.Figure:
    """Escape, in place, every label that can carry article data: trace names, categorical axes,
    texts and hover texts, the title and annotations. Numbers and dates are left alone."""
    for trace in fig.data:
        for attr in ("name", "text", "hovertext"):
            value = getattr(trace, attr, None)
            if isinstance(value, str):
                setattr(trace, attr, plain(value))
            elif isinstance(value, (list, tuple)) and any(isinstance(v, str) for v in value):
                setattr(trace, attr, [plain(v) if isinstance(v, str) else v for v in value])
        for axis in ("x", "y"):
            values = getattr(trace, axis, None)
            if values is not None and any(isinstance(v, str) for v in values):
                setattr(trace, axis, [plain(v) if isinstance(v, str) else v for v in values])
    if fig.layout.title.text:
        fig.layout.title.text = plain(fig.layout.title.text)
    for note in fig.layout.annotations:
        if note.text:
            note.text = plain(note.text)
        if note.hovertext:
            note.hovertext = plain(note.hovertext)
    return fig


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "chart"


def browser_path() -> str | None:
    """The Chromium kaleido will drive, found on PATH; None when there is none."""
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def with_caption(fig: go.Figure, title: str, filters: str) -> go.Figure:
    """A copy of the figure titled and captioned with the active filters, for the image file."""
    out = go.Figure(copy.deepcopy(fig.to_dict()))
    out.update_layout(
        title={"text": f"{plain(title)}<br><sup>{plain(filters)}</sup>", "x": 0.01},
        margin={"t": 90},
        paper_bgcolor="white",
    )
    return out


START_DEADLINE = 45.0  # seconds for the browser to start; a cold start takes about 3 s here
RENDER_DEADLINE = 60.0  # seconds for one image


class ExportError(RuntimeError):
    """The browser did not start or did not draw in time: PNG export is off for this process."""


class PngExporter:
    """One warm kaleido server per process; thread-safe, started on first use.

    Starting and drawing each have a deadline: a browser that never starts (or hangs) turns
    PNG export off for the process with a message, and the UI falls back to plotly's own
    camera button; nothing waits forever.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._started = False
        self.failure: str | None = None

    @property
    def available(self) -> bool:
        return self.failure is None and browser_path() is not None

    def png(self, fig: go.Figure, *, width: int = PNG_WIDTH, height: int = PNG_HEIGHT) -> bytes:
        import kaleido

        if not self.available:
            raise ExportError(self.failure or "no Chromium on PATH: install Debian's chromium package to export PNG")
        with self._lock:
            if not self._started:
                _within(START_DEADLINE, "start", self, lambda: kaleido.start_sync_server(silence_warnings=True))
                self._started = True
            opts = {"format": "png", "width": width, "height": height}
            png: bytes = _within(RENDER_DEADLINE, "draw a chart", self, lambda: kaleido.calc_fig_sync(fig, opts=opts))
            return png

    def close(self) -> None:
        import kaleido

        with self._lock:
            if self._started:
                kaleido.stop_sync_server(silence_warnings=True)
                self._started = False


def _within(seconds: float, what: str, exporter: PngExporter, work: Callable[[], T]) -> T:
    """Run `work` with a deadline; past it, PNG export is turned off for the exporter."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the caller below, never lost
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True, name=f"png-{what}")
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        exporter.failure = (
            f"the browser did not {what} within {seconds:g} s: PNG export is off; use the chart's camera button"
        )
        raise ExportError(exporter.failure)
    if "error" in outcome:
        raise outcome["error"]
    value: T = outcome["value"]
    return value


def captioned_image(png: bytes, title: str, filters: str) -> bytes:
    """A ready image (the word cloud) with a band on top naming the chart and the active filters."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.open(io.BytesIO(png)).convert("RGB")
    band = 56
    out = Image.new("RGB", (image.width, image.height + band), "white")
    out.paste(image, (0, band))
    draw = ImageDraw.Draw(out)
    draw.text((10, 6), title, fill="#2c3e50", font=ImageFont.load_default(size=20))
    plain = filters.translate(str.maketrans(ASCII_SIGNS))
    draw.text((10, 32), plain, fill="#7f8c8d", font=ImageFont.load_default(size=13))
    buffer = io.BytesIO()
    out.save(buffer, format="PNG")
    return buffer.getvalue()


def chart_png(chart: Chart, exporter: PngExporter | None, filters: str) -> bytes:
    """The chart as a PNG file, titled and captioned with the active filters."""
    if chart.image is not None:
        return captioned_image(chart.image, chart.title, filters)
    if exporter is None or chart.figure is None:
        raise ValueError(f"chart {chart.key!r} has no image and no browser to draw its figure")
    return exporter.png(with_caption(chart.figure, chart.title, filters))


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy in which no text cell starts a spreadsheet formula (prefixed with an apostrophe)."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: safe_cell(v) if isinstance(v, str) else v)
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The data as CSV (UTF-8 with BOM for spreadsheets); no text cell starts a formula."""
    text: str = safe_frame(frame).to_csv(index=False)
    return text.encode("utf-8-sig")


def zip_bytes(charts: Sequence[Chart], exporter: PngExporter | None, filters: str) -> bytes:
    """Every chart of a page as PNG (when a browser is there) and CSV, with a README of the filters."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", f"Filters: {filters}\n" + "".join(f"- {c.title}\n" for c in charts))
        for number, chart in enumerate(charts, start=1):
            stem = f"{number:02d}-{chart.key}"
            archive.writestr(f"{stem}.csv", csv_bytes(chart.data))
            if chart.image is not None or (exporter is not None and exporter.available):
                try:
                    archive.writestr(f"{stem}.png", chart_png(chart, exporter, filters))
                except ExportError as exc:  # the CSVs still ship; the archive says why the images do not
                    archive.writestr("NO-PNG.txt", f"{exc}\n")
    return buffer.getvalue()


CLOUD_SCALE = 2


@functools.lru_cache(maxsize=64)
def _cloud(frequencies: tuple[tuple[str, int], ...], width: int, height: int) -> bytes:
    from wordcloud import WordCloud

    # laid out on a canvas half the size and drawn at twice its scale: the same picture at the same
    # size in half the time (the layout's collision search is what costs, per pixel of canvas)
    cloud = WordCloud(
        width=max(1, width // CLOUD_SCALE),
        height=max(1, height // CLOUD_SCALE),
        scale=CLOUD_SCALE,
        background_color="white",
        collocations=False,
        max_words=80,
        prefer_horizontal=0.9,
        random_state=7,
    ).generate_from_frequencies(dict(frequencies))
    buffer = io.BytesIO()
    cloud.to_image().save(buffer, format="PNG")
    return buffer.getvalue()


def wordcloud_png(counts: Counter[str] | dict[str, int], *, width: int = 640, height: int = 320) -> bytes:
    """A word cloud of term counts as PNG bytes (terms are already free of stop words); the same
    counts are drawn once per process."""
    frequencies = tuple(sorted((counts or {"(no terms)": 1}).items()))
    return _cloud(frequencies, width, height)
