import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from corpus.store import Store
from corpus.store.batch import CHUNK

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_cli_ingest_json_reports_every_item_and_exit_code(store_path, corpus_fixtures, capsys):
    code = main(["--db", str(store_path), "ingest", str(corpus_fixtures / "records.jsonl"), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1  # two lines of the file are broken
    assert (report["added"], report["duplicates"], report["failed"]) == (3, 0, 2)
    failed = {
        item["where"].rsplit(" ", 2)[-2:][1]: item["reason"] for item in report["items"] if item["status"] == "failed"
    }
    assert failed["3"].startswith("not valid JSON")
    assert failed["4"].startswith("missing text")
    assert report["warnings"] == 2  # an unreadable date, then the date taken from the URL

    code = main(["--db", str(store_path), "ingest", str(corpus_fixtures / "records.jsonl"), "--json"])
    again = json.loads(capsys.readouterr().out)
    assert (again["added"], again["duplicates"]) == (0, 3)


def test_cli_ingest_all_good_exits_zero(store_path, corpus_fixtures, capsys):
    code = main(["--db", str(store_path), "ingest", str(corpus_fixtures / "page.html")])
    assert code == 0
    assert capsys.readouterr().out.startswith("added 1 ")


def test_cli_stats_builds_new_store_from_data(tmp_path, capsys):
    path = tmp_path / "new" / "fresh.duckdb"
    assert main(["--db", str(path), "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert path.exists()
    assert stats["articles"] >= 1
    assert stats["by_language"]["fr"] >= 1
    with Store(path, read_only=True) as store:
        seed = store.con.execute(
            "SELECT published_text, language, paragraphs FROM articles WHERE outlet = 'actu.ia'"
        ).fetchone()
    assert seed[0] == "2025-02-16T08:11+01:00"
    assert seed[1] == "fr"
    assert "Foire aux questions courantes" in seed[2]
    assert not any("Hugo Mollet" in p or "panneau publicitaire" in p for p in seed[2])


def test_cli_store_from_environment_variable(tmp_path, corpus_fixtures):
    path = tmp_path / "env.duckdb"
    result = run_cli("ingest", str(corpus_fixtures / "records.csv"), env={"CORPUS_DB": str(path)})
    assert result.returncode == 1, result.stderr
    assert "row has 8 fields where the header has 7" in result.stdout
    assert "storing" in result.stderr  # progress goes to standard error
    with Store(path, read_only=True) as store:
        assert {"fx-csv-1", "fx-csv-3"} <= set(store.ids())


def test_cli_error_is_one_plain_line(tmp_path):
    bad = tmp_path / "not-a-store.duckdb"
    bad.write_bytes(b"this is not a database file at all" * 100)
    result = run_cli("--db", str(bad), "stats")
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_cli_killed_import_leaves_store_intact(tmp_path, corpus_fixtures):
    path = tmp_path / "kill.duckdb"
    assert run_cli("--db", str(path), "ingest", str(corpus_fixtures / "page.html")).returncode == 0
    with Store(path, read_only=True) as store:
        before = store.ids()
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as out:
        for n in range(30_000):
            text = f"Article {n}: Musk and Altman clashed again over OpenAI, story number {n} of the batch."
            out.write(json.dumps({"id": f"k{n}", "text": text, "language": "en"}) + "\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "--db", str(path), "ingest", str(big)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        for line in proc.stderr:
            stored = re.match(r"storing\s+([\d,]+) so far", line)
            if stored and int(stored[1].replace(",", "")) >= CHUNK:  # a chunk is written, uncommitted
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    with Store(path) as store:
        assert store.ids() == before
        store.add([])  # still writable
    result = run_cli("--db", str(path), "stats", "--json")
    assert json.loads(result.stdout)["articles"] == len(before)


def _labelled_as_files(tmp_path):
    labelled = ROOT / "tests" / "fixtures" / "analysis" / "tone_labelled.jsonl"
    articles, gold = [], []
    for n, line in enumerate(labelled.read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        articles.append({"id": f"t{n}", "language": record["language"], "text": record["text"]})
        gold.append(
            {
                "article_id": f"t{n}",
                "paragraph_index": 0,
                "language": record["language"],
                "label": record["label"],
            }
        )
    for name, rows in (("articles.jsonl", articles), ("gold.jsonl", gold)):
        (tmp_path / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return tmp_path / "articles.jsonl", tmp_path / "gold.jsonl"


def test_cli_sentiment_writes_one_line_per_paragraph(tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "x",
                "language": "en",
                "text": "Musk sued OpenAI.\n\n\n\nThe bid was "
                "made on Monday.\n\nDer Vorstand lehnte das Angebot ab, teilte er am Freitag mit.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert main(["sentiment", str(path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["paragraph_index"], r["language"], r["label"]) for r in rows] == [
        (0, "en", "negative"),
        (1, "en", "neutral"),
        (2, "de", None),
    ]
    assert set(rows[0]) == {
        "article_id",
        "paragraph_index",
        "language",
        "compound",
        "pos",
        "neu",
        "neg",
        "label",
        "heading",
    }


def test_cli_eval_sentiment_prints_scores_per_language(tmp_path, capsys):
    articles, gold = _labelled_as_files(tmp_path)
    assert main(["eval", "sentiment", str(articles), str(gold), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    prose = report["in_sample"]["prose"]
    assert set(prose) == {"all", "en", "fr"}
    assert prose["en"]["accuracy"] >= 0.9
    assert prose["fr"]["macro_f1"] >= 0.9
    assert report["cross_validation"] is None
    assert main(["eval", "sentiment", str(articles), str(gold), "--folds", "2"]) == 0
    text = capsys.readouterr().out
    assert "[fr] n=24" in text
    assert "confusion" in text
    assert "held-out mean (prose)" in text


def test_cli_analyze_reports_and_is_incremental(store_path, corpus_fixtures, capsys):
    assert main(["--db", str(store_path), "ingest", "--no-analyze", str(corpus_fixtures / "page.html")]) == 0
    capsys.readouterr()
    assert main(["--db", str(store_path), "analyze", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["--db", str(store_path), "analyze", "--json", "--workers", "2"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert first["analysed"] >= 1
    assert second["analysed"] == 0


def test_cli_quotes_and_eval_quotes(capsys):
    articles = ROOT / "tests" / "fixtures" / "analysis" / "quotes_articles.jsonl"
    gold = ROOT / "tests" / "fixtures" / "analysis" / "quotes_gold.jsonl"
    assert main(["quotes", str(articles), "--no-models"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["kind"] for r in rows} == {"direct"}
    assert len(rows) >= 20
    assert {
        "article_id",
        "paragraph_index",
        "start",
        "end",
        "quote",
        "speaker",
        "mention",
        "cue",
        "resolution",
        "confidence",
        "language",
    } <= set(rows[0])
    assert main(["quotes", str(articles), "--all", "--no-models"]) == 0
    assert "scare" in {json.loads(line)["kind"] for line in capsys.readouterr().out.splitlines()}
    assert main(["eval", "quotes", str(articles), str(gold), "--json", "--folds", "3"]) == 0
    payload = json.loads(capsys.readouterr().out)
    report, cv = payload["in_sample"], payload["cross_validation"]
    assert report["en"]["precision"] >= 0.95
    assert report["fr"]["speaker_accuracy"] >= 0.95
    assert len(cv["folds"]) == 3
    assert cv["fitted_on_all"] in (1, 2, 3, 4)
    assert 0.0 < cv["mean"]["fr"]["speaker_accuracy"] <= 1.0
    assert {"easy", "hard"} <= set(report["all"])


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("analyze", "the articles analysed before the interruption are stored"),
        ("ingest", "nothing of this import was stored"),
    ],
)
def test_cli_ctrl_c_says_what_was_kept(store_path, corpus_fixtures, monkeypatch, capsys, command, said):
    def interrupted(_args):
        raise KeyboardInterrupt

    import cli.main

    monkeypatch.setattr(cli.main, f"cmd_{command}", interrupted)
    args = [str(corpus_fixtures / "records.jsonl")] if command == "ingest" else []
    assert main(["--db", str(store_path), command, *args]) == 130
    assert said in capsys.readouterr().err


def test_cli_build_coverage_check_says_the_bundled_dataset_is_current(capsys):
    assert main(["build-coverage", "--check"]) == 0
    assert "current" in capsys.readouterr().out


def test_cli_stats_and_the_dashboard_count_the_same(bundled_store_path, tmp_path, capsys):
    import shutil

    from corpus.store import ALL, Store
    from corpus.store.reads import timelines

    # a copy: the dashboard tests of this process may hold the bundled file open read-write
    copy = tmp_path / "copy.duckdb"
    shutil.copy(bundled_store_path, copy)
    assert main(["--db", str(copy), "stats", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    with Store(copy, read_only=True) as store:
        shown = timelines.counts(store, ALL)
    assert (cli["articles"], cli["outlets"], cli["paragraphs"]) == (
        shown["articles"],
        shown["outlets"],
        shown["paragraphs"],
    )
