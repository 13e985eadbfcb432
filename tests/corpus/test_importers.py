import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import importers
from corpus.importers import iter_bytes, iter_path
from corpus.ingest import ingest
from corpus.models import Candidate
from corpus.store import Store

GOLDEN = ["webcopy_fr.txt", "webcopy_en.md", "page.html", "records.jsonl", "records.csv", "records.json"]


def as_golden(candidate: Candidate, root: Path) -> dict:
    where = candidate.where.replace(str(root) + os.sep, "")
    if candidate.article is None:
        return {"where": where, "error": candidate.error, "skipped": candidate.skipped}
    a = candidate.article
    return {
        "where": where,
        "id": a.id,
        "url": a.url,
        "canonical_url": a.canonical_url,
        "outlet": a.outlet,
        "title": a.title,
        "author": a.author,
        "published": a.published.isoformat() if a.published else None,
        "published_precision": a.published.precision if a.published else None,
        "language": a.language,
        "paragraphs": list(a.paragraphs),
        "metadata": a.metadata,
        "warnings": list(candidate.warnings),
    }


@pytest.mark.parametrize("name", GOLDEN)
def test_iter_path_matches_golden_records(name, corpus_fixtures):
    got = [as_golden(c, corpus_fixtures) for c in iter_path(corpus_fixtures / name)]
    expected_file = corpus_fixtures / f"{name}.expected.json"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(expected_file.read_text(encoding="utf-8"))


def test_webcopy_drops_author_box_breadcrumb_and_teasers_keeps_faq(corpus_fixtures):
    (candidate,) = iter_path(corpus_fixtures / "webcopy_fr.txt")
    text = candidate.article.text
    assert "Claire Dubois" not in text
    assert "Journaliste spécialisée" not in text
    assert "TechActu" not in text
    assert "start-up lyonnaise" not in text
    assert "méditation" not in text
    assert "Quand le verdict est-il attendu ?" in candidate.article.paragraphs
    assert candidate.article.published.isoformat() == "2026-03-03T17:45+00:00"


def test_text_front_matter_timezone_reads_local_time(corpus_fixtures):
    (candidate,) = iter_path(corpus_fixtures / "webcopy_en.md")
    assert candidate.article.published.isoformat() == "2025-02-10T18:30-05:00"
    assert candidate.article.canonical_url == "https://example-news.com/tech/altman-fires-back"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_text_importer_reads_legacy_encodings(tmp_path, encoding):
    body = "Altman a refusé l'offre de Musk, jugée déplacée par de nombreux élus français cette semaine."
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(f"---\nlanguage: fr\n---\n{body}\n".encode(encoding))
    (candidate,) = iter_path(path)
    assert candidate.article.text == body


def test_bad_files_get_named_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "broken.json").write_text('{"text": "abc"', encoding="utf-8")
    (tmp_path / "frontmatter.md").write_text("---\ntitle: [unclosed\n---\nBody text here.", encoding="utf-8")
    (tmp_path / "nocolumns.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    results = {Path(c.where).name: c.error for c in iter_path(tmp_path)}
    assert results["empty.txt"] == "empty file"
    assert results["binary.html"] == "binary file, not text"
    assert results["broken.json"].startswith("not valid JSON at line 1")
    assert results["frontmatter.md"].startswith("front matter is not valid YAML")
    assert "neither a 'text' nor a 'url' column" in results["nocolumns.csv"]


@pytest.mark.parametrize("zone", ["Europe/Pariss", "Mars/Olympus", "+99:99"])
def test_unknown_front_matter_timezone_fails_that_file_only(tmp_path, store_path, zone):
    (tmp_path / "good.md").write_text(
        "---\ntitle: Fine\ntimezone: Europe/Paris\n---\nMusk a relancé son offre.", encoding="utf-8"
    )
    (tmp_path / "bad.md").write_text(
        f"---\ntitle: Typo\ntimezone: {zone}\n---\nAltman a décliné l'offre.", encoding="utf-8"
    )
    with Store(store_path) as store:
        report = ingest(store, [str(tmp_path)])
    outcome = {Path(item.where).name: item for item in report.items}
    assert outcome["good.md"].status == "added"
    assert outcome["bad.md"].status == "failed"
    assert zone in outcome["bad.md"].reason
    assert "timezone" in outcome["bad.md"].reason


def test_file_over_size_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "MAX_ARTICLE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    (candidate,) = iter_path(path)
    assert "over the 100-byte cap" in candidate.error


def test_broken_html_still_yields_text(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><div><p>Elon Musk sued OpenAI again on Monday, claiming the company had "
        "betrayed its founding mission as a nonprofit lab.<p>Sam Altman called the suit baseless"
        " and said OpenAI would fight it in court.</div><span>",
        encoding="utf-8",
    )
    (candidate,) = iter_path(path)
    assert candidate.article is not None
    assert "baseless" in candidate.article.text


def test_folder_recurses_skips_hidden_and_reports_other_types(tmp_path, corpus_fixtures):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_bytes((corpus_fixtures / "webcopy_en.md").read_bytes())
    (tmp_path / ".hidden.txt").write_text("secret notes", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    results = list(iter_path(tmp_path))
    assert [Path(c.where).name for c in results] == ["photo.jpg", "a.md"]
    assert results[0].skipped
    assert results[1].article is not None


def _zip(entries: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_imports_members_and_refuses_unsafe_paths(corpus_fixtures):
    data = _zip(
        {
            "batch/records.jsonl": (corpus_fixtures / "records.jsonl").read_bytes(),
            "../../etc/evil.txt": b"Elon Musk wrote this file to escape the folder.",
            "/abs/evil.txt": b"Absolute path member",
            "nested.zip": _zip({"inner.md": (corpus_fixtures / "webcopy_en.md").read_bytes()}),
        }
    )
    results = list(iter_bytes("upload.zip", data))
    by_where = {c.where: c for c in results}
    assert by_where["upload.zip!../../etc/evil.txt"].error.startswith("unsafe path")
    assert by_where["upload.zip!/abs/evil.txt"].error.startswith("unsafe path")
    assert by_where["upload.zip!nested.zip!inner.md"].article is not None
    assert by_where["upload.zip!batch/records.jsonl line 1"].article.id == "fx-en-bid"


def test_zip_bomb_is_refused():
    data = _zip({"bomb.txt": b"0" * 5_000_000})
    (candidate,) = iter_bytes("bomb.zip", data)
    assert "zip bomb" in candidate.error


def test_corrupt_zip_is_named():
    (candidate,) = iter_bytes("broken.zip", b"PK\x03\x04 not really a zip")
    assert candidate.where == "broken.zip"
    assert candidate.error.startswith("not a readable zip archive")


SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".tsv", ".zip"]


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_end_in_record_or_named_error(data, suffix):
    for candidate in iter_bytes(f"fuzz{suffix}", data):
        assert candidate.article is not None or candidate.error
        assert candidate.where.startswith("fuzz")
