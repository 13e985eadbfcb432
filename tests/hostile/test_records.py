"""Malformed records and files, one case each: a bad item fails alone and says why; an item that
can be kept is kept with a warning naming what was dropped or changed. Inputs are generated here."""

import json
from pathlib import Path

import pytest

from corpus.importers import iter_bytes
from corpus.ingest import ingest
from corpus.records import MAX_FIELD_CHARS
from corpus.store import Store

GOOD = "Sam Altman a répondu lundi à l'offre de rachat d'Elon Musk, sans donner de chiffre."


def jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def nested_html(depth: int) -> bytes:
    return f"<html><body>{'<div>' * depth}<p>{GOOD}</p>{'</div>' * depth}</body></html>".encode()


# name -> (bytes, the reason the one bad item gives)
FAILING = {
    "not-json-line.jsonl": (b"{not json\n", "not valid JSON at column 2"),
    "array-line.jsonl": (b"[1, 2, 3]\n", "should be an object, got list"),
    "top-string.json": (b'"just a string"', "an article object or a list of them"),
    "top-number.json": (b"42", "an article object or a list of them"),
    "title-only.json": (json.dumps({"title": "Un titre sans texte"}).encode(), "missing text"),
    "null-text.json": (json.dumps({"text": None}).encode(), "missing text"),
    "object-outlet.json": (json.dumps({"text": GOOD, "outlet": {"a": 1}}).encode(), "'outlet' should be text"),
    "javascript-url.jsonl": (jsonl({"text": GOOD, "url": "javascript:alert(1)"}), "not an http(s) URL"),
    "file-url.jsonl": (jsonl({"text": GOOD, "url": "file:///etc/passwd"}), "not an http(s) URL"),
    "control-id.jsonl": (jsonl({"text": GOOD, "id": "a\u0000b\u202e"}), "should be letters, digits"),
    "long-id.jsonl": (jsonl({"text": GOOD, "id": "x" * 5_000}), "should be letters, digits"),
    "no-text-column.csv": (b"id,title\n1,Un titre\n", "neither a 'text' nor a 'url' column"),
    "short-row.csv": (b'id,text\n"a2"\n', "row has 1 fields where the header has 2"),
    "binary.txt": (b"\x00\x01\x02binary\x00\xff\xfe garbage" * 20, "binary file"),
    "broken-utf16.txt": (b"\xff\xfe" + "Un texte".encode("utf-16-le") + b"\x00\xd8", "broken utf-16"),
    "spaces-only.txt": (b"   \n\n \t  \n", "empty file"),
    "unclosed-front-matter.md": (("---\ntitle: x\n" + GOOD).encode(), "never closed"),
    "list-front-matter.md": (("---\n- a\n- b\n---\n" + GOOD).encode(), "should be a YAML mapping"),
    "python-tag.md": (
        ("---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\n" + GOOD).encode(),
        "not valid YAML",
    ),
    "empty.html": (b"<html></html>", "no article text found"),
    "script-only.html": (b"<html><body><script>alert(1)</script></body></html>", "no article text found"),
    "deeply-nested.html": (nested_html(3_000), "nested 3,003 elements deep"),
    "huge-text.jsonl": (jsonl({"text": "mot " * 600_000}), "over the 2,000,000 cap"),
    "unknown-type.exe": (b"MZ\x90\x00", "unsupported file type '.exe'"),
}


@pytest.mark.parametrize("name", sorted(FAILING))
def test_a_bad_record_fails_alone_and_names_the_file_and_the_problem(tmp_path, store_path, name):
    content, expected = FAILING[name]
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with Store(store_path) as store:
        report = ingest(store, [str(tmp_path / "good.txt"), str(tmp_path / name)])
        assert store.count() == 1
    good, *bad = report.items
    assert good.status == "added"
    assert [item.status for item in bad] == ["failed"]
    assert name in bad[0].where
    assert expected in bad[0].reason


# name -> (bytes, a warning the kept article carries, or None when it needs none)
KEPT = {
    "impossible-date.jsonl": (jsonl({"text": GOOD, "published": "2025-02-30"}), "'2025-02-30' is not a date"),
    "zero-date.jsonl": (jsonl({"text": GOOD, "published": "0000-00-00"}), "'0000-00-00' is not a date"),
    "negative-year.jsonl": (jsonl({"text": GOOD, "published": "-0001-01-01"}), "'-0001-01-01' is not a date"),
    "unknown-zone-letters.jsonl": (
        jsonl({"text": GOOD, "published": "2025-02-10 10:00 XYZ"}),
        "'2025-02-10 10:00 XYZ' is not a date",
    ),
    "huge-title.json": (json.dumps({"text": GOOD, "title": "T" * 100_000}).encode(), "title of 100,000 characters"),
    "huge-outlet.json": (json.dumps({"text": GOOD, "outlet": "o" * 5_000}).encode(), "outlet of 5,000 characters"),
    "language-name.json": (json.dumps({"text": GOOD, "language": "klingon"}).encode(), "'klingon' is not a language"),
    "line-separator-inside.jsonl": (jsonl({"text": GOOD + "\u2028" + GOOD}), None),
    "one-line.txt": ((GOOD.rstrip(".") + " sans point final").encode(), None),
    "utf16-bom.txt": (("\ufeff" + GOOD).encode("utf-16"), None),
    "lying-charset.html": (
        f'<html><head><meta charset="utf-16"></head><body><p>{GOOD}</p></body></html>'.encode(),
        None,
    ),
    "unclosed-tags.html": (f"<html><body><p>{GOOD}<div><p>{GOOD} Encore une fois, sans balise fermée".encode(), None),
    "one-long-word.txt": (("x" * 1_000_000).encode(), None),
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_a_doubtful_record_is_kept_with_what_was_dropped_said(name):
    content, warning = KEPT[name]
    (candidate,) = list(iter_bytes(name, content))
    assert candidate.article is not None, candidate.error
    assert candidate.article.text.strip()
    if warning is None:
        assert not candidate.warnings
    else:
        assert any(warning in w for w in candidate.warnings), candidate.warnings


def test_a_capped_field_is_cut_to_the_cap():
    (candidate,) = list(iter_bytes("t.json", json.dumps({"text": GOOD, "title": "T" * 5_000}).encode()))
    assert len(candidate.article.title) == MAX_FIELD_CHARS + 1  # the cap and an ellipsis


def test_a_json_string_holding_a_line_separator_stays_one_record():
    (candidate,) = list(iter_bytes("ls.jsonl", jsonl({"id": "ls", "text": "Premier.\u2028Second."})))
    assert candidate.article.id == "ls"


def test_the_good_items_of_one_file_survive_their_bad_neighbours(tmp_path, store_path):
    lines = [
        json.dumps({"id": "a", "text": GOOD + " Un."}),
        "{broken",
        json.dumps([1]),
        json.dumps({"id": "b", "text": 7}),
        json.dumps({"id": "c", "text": GOOD + " Trois."}),
    ]
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(store_path) as store:
        report = ingest(store, [str(source)])
        assert store.ids() == ["a", "c"]
    assert [item.where.rsplit(" ", 1)[-1] for item in report.failed] == ["2", "3", "4"]


def test_a_json_list_keeps_its_good_items_and_names_the_bad_by_index(tmp_path, store_path):
    source = tmp_path / "list.json"
    source.write_text(json.dumps([{"text": GOOD}, 7, "x", {"text": GOOD + " Bis."}]), encoding="utf-8")
    with Store(store_path) as store:
        report = ingest(store, [str(source)])
        assert store.count() == 2
    assert [Path(item.where).name for item in report.failed] == ["list.json item 1", "list.json item 2"]
