"""PNG export with a browser that is on PATH but never starts: it gives up at its deadline,
says so, and the CSVs are still written."""

import io
import os
import stat
import time
import zipfile

import pandas as pd
import plotly.graph_objects as go
import psutil
import pytest

from dashboard import export
from dashboard.export import Chart, ExportError, PngExporter, zip_bytes

pytestmark = pytest.mark.slow


@pytest.fixture
def hanging_browser(tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "chromium"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\nexec sleep 600\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    monkeypatch.setattr(export, "START_DEADLINE", 3.0)
    monkeypatch.setattr(export, "RENDER_DEADLINE", 3.0)
    yield fake
    for process in psutil.process_iter(["cmdline"]):  # the fake browsers left sleeping, and their sleep
        if str(fake) in " ".join(process.info["cmdline"] or []):
            for child in [*process.children(recursive=True), process]:
                child.kill()


def chart():
    frame = pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})
    return Chart("bars", "Bars", go.Figure(go.Bar(x=frame["x"], y=frame["y"])), frame)


@pytest.mark.usefixtures("hanging_browser")
def test_a_browser_that_never_starts_turns_png_export_off_at_the_deadline():
    exporter = PngExporter()
    assert exporter.available
    started = time.monotonic()
    with pytest.raises(ExportError, match="did not"):
        exporter.png(chart().figure)
    assert time.monotonic() - started < 20
    assert not exporter.available


@pytest.mark.usefixtures("hanging_browser")
def test_the_page_archive_still_carries_the_csvs():
    exporter = PngExporter()
    archive = zipfile.ZipFile(io.BytesIO(zip_bytes([chart()], exporter, "all articles")))
    names = set(archive.namelist())
    assert "01-bars.csv" in names
    assert "NO-PNG.txt" in names
    assert "01-bars.png" not in names
