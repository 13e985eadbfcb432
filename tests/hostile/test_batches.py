"""Hostile and malformed items: each fails alone with a message naming it; the good items of the
same batch are stored. Inputs are generated here; nothing big is committed."""

import io
import json
import zipfile
from pathlib import Path

import pytest

from corpus.ingest import ingest
from corpus.store import Store

GOOD = "Sam Altman a répondu lundi à l'offre de rachat d'Elon Musk, sans donner de chiffre."


def deep_json(levels: int) -> str:
    return '{"text": ' + "[" * levels + '"x"' + "]" * levels + "}"


def corrupt_member_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("good.txt", GOOD + " Premier membre.")
        archive.writestr("bad.txt", "Un texte assez long pour être compressé. " * 50)
    data = bytearray(buffer.getvalue())
    start = data.find(b"bad.txt") + len(b"bad.txt")  # the local header's name, then the deflated bytes
    for i in range(start + 5, start + 40):
        data[i] ^= 0x5A
    return bytes(data)


BAD_FILES = {
    "deep.json": (deep_json(5000), "nested too deep"),
    "deep-line.jsonl": (deep_json(5000) + "\n", "nested too deep"),
    "typo-zone.md": ("---\ntimezone: Europe/Pariss\n---\n" + GOOD, "Europe/Pariss"),
    "mars-zone.md": ("---\ntimezone: Mars/Olympus\n---\n" + GOOD, "Mars/Olympus"),
    "offset-zone.md": ("---\ntimezone: +99:99\n---\n" + GOOD, "+99:99"),
    "number-text.json": (json.dumps({"text": 12345, "title": "A number"}), "should be text"),
    "list-text.json": (json.dumps({"text": ["a", "b"]}), "should be text"),
    "empty.txt": ("", "empty file"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_fails_alone_and_names_the_problem(tmp_path, store_path, name):
    content, expected = BAD_FILES[name]
    (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with Store(store_path) as store:
        report = ingest(store, [str(tmp_path)])
        assert store.count() == 1
    outcome = {Path(item.where.split(" ")[0]).name: item for item in report.items}
    assert outcome["good.txt"].status == "added"
    bad = outcome[name]
    assert bad.status == "failed"
    assert expected in bad.reason


@pytest.mark.parametrize("date", ["9999-12-31T23:00-05:00", "0001-01-01T00:30+01:00"])
def test_a_date_at_the_edge_of_the_calendar_is_dropped_with_a_warning_not_the_batch(tmp_path, store_path, date):
    rows = [{"id": "edge", "text": GOOD, "published": date}, {"id": "plain", "text": GOOD + " Bis."}]
    source = tmp_path / "edge.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(store_path) as store:
        report = ingest(store, [str(source)])
        assert store.count() == 2
        published = store.one("SELECT published FROM articles WHERE id = 'edge'")
    assert published == (None,)
    assert any("outside the calendar" in w for w in report.items[0].warnings)


def test_a_corrupt_zip_member_fails_alone(tmp_path, store_path):
    archive = tmp_path / "bundle.zip"
    archive.write_bytes(corrupt_member_zip())
    with Store(store_path) as store:
        report = ingest(store, [str(archive)])
        assert store.count() == 1
    outcome = {item.where.rsplit("!", 1)[-1]: item for item in report.items}
    assert outcome["good.txt"].status == "added"
    assert outcome["bad.txt"].status == "failed"
    assert "archive member" in outcome["bad.txt"].reason


def test_a_folder_of_three_good_and_five_bad_files_stores_the_three(tmp_path, store_path):
    for n in range(3):
        (tmp_path / f"good-{n}.txt").write_text(f"{GOOD} Version {n}, avec d'autres mots encore {n}.", encoding="utf-8")
    for name in ("deep.json", "typo-zone.md", "number-text.json", "empty.txt", "mars-zone.md"):
        (tmp_path / name).write_text(BAD_FILES[name][0], encoding="utf-8")
    with Store(store_path) as store:
        report = ingest(store, [str(tmp_path)])
        assert store.count() == 3
    assert len(report.added) == 3
    assert len(report.failed) == 5
    assert all(item.reason for item in report.failed)


def test_utf8_with_one_bad_byte_is_named_not_read_as_mojibake(tmp_path, store_path):
    good = "Le café de la rédaction a été évacué, a précisé l'éditeur, et l'équipe a déménagé.".encode()
    (tmp_path / "damaged.txt").write_bytes(good[:20] + b"\xff" + good[20:])
    (tmp_path / "legacy.txt").write_bytes(
        "Le café de la rédaction, écrit en cp1252 par un vieux logiciel.".encode("cp1252")
    )
    with Store(store_path) as store:
        report = ingest(store, [str(tmp_path)])
        texts = [r[0] for r in store.con.execute("SELECT text FROM articles").fetchall()]
    outcome = {Path(item.where).name: item for item in report.items}
    assert outcome["damaged.txt"].status == "failed"
    assert "invalid UTF-8 at byte 20" in outcome["damaged.txt"].reason
    assert outcome["legacy.txt"].status == "added"
    assert texts == ["Le café de la rédaction, écrit en cp1252 par un vieux logiciel."]
    assert not any("Ã" in t for t in texts)


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        previous, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    return "---\n" + "\n".join(lines) + "\ntitle: laughs\n---\n" + GOOD


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (billion_laughs(), "aliases"),
        ("---\n" + "note: " + "x" * 20_000 + "\n---\n" + GOOD, "over the 16,384 cap"),
    ],
    ids=["billion-laughs", "huge-front-matter"],
)
def test_front_matter_bombs_fail_fast_and_alone(tmp_path, store_path, content, expected):
    (tmp_path / "bomb.md").write_text(content, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with Store(store_path) as store:
        report = ingest(store, [str(tmp_path)])
        assert store.count() == 1
    outcome = {Path(item.where).name: item for item in report.items}
    assert outcome["bomb.md"].status == "failed"
    assert expected in outcome["bomb.md"].reason
