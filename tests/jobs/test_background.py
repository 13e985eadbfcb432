"""The dashboard's catch-up analysis: in a thread of its own, with progress, and errors kept to show."""

import threading

import pytest

from corpus.ingest import ingest
from corpus.store import Store
from jobs import background
from jobs.analyze import analyze_store, is_analysed
from jobs.background import BackgroundAnalysis


@pytest.fixture
def unanalysed(store_path, corpus_fixtures):
    with Store(store_path) as store:
        ingest(store, [str(corpus_fixtures)])
        yield store


def test_background_analysis_analyses_what_is_missing_and_reports_progress(unanalysed):
    runner = BackgroundAnalysis()
    assert not is_analysed(unanalysed)
    assert runner.start(unanalysed)
    state = runner.wait(timeout=120)
    assert not state.running
    assert state.error is None
    assert state.finished_at is not None
    assert state.done == state.total > 0
    assert is_analysed(unanalysed)
    assert not runner.start(unanalysed)  # nothing left to do: no second run


def test_background_analysis_runs_while_the_caller_goes_on(unanalysed, monkeypatch):
    release = threading.Event()

    def slow(store, *, progress):
        progress(0, 3, "analysing")
        assert release.wait(30)
        return analyze_store(store, progress=progress)

    monkeypatch.setattr(background, "analyze_store", slow)
    runner = BackgroundAnalysis()
    assert runner.start(unanalysed)
    assert runner.state().running  # start() came back while the analysis waits
    assert not runner.start(unanalysed)  # one run at a time
    assert unanalysed.count() > 0  # the store answers meanwhile
    release.set()
    assert not runner.wait(timeout=120).running


def test_background_analysis_keeps_its_error_for_the_pages(unanalysed, monkeypatch):
    def broken(_store, *, progress):  # noqa: ARG001 (analyze_store's signature)
        raise RuntimeError("disk full")

    monkeypatch.setattr(background, "analyze_store", broken)
    runner = BackgroundAnalysis()
    runner.start(unanalysed)
    state = runner.wait(timeout=30)
    assert state.error == "RuntimeError: disk full"
    assert not state.running
