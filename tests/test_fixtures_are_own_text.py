"""Fixtures and test texts are the project's own sentences: none repeats a development article's
narrative (quoted speech may be shared). Checked against fingerprints only
(tests/fixtures/dev_sentence_hashes.txt, built by scripts/dev_fingerprints.py)."""

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.dev_fingerprints import fingerprint, narrative_sentences

TESTS = Path(__file__).parent
KNOWN = {
    line
    for line in (TESTS / "fixtures" / "dev_sentence_hashes.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
}
TEXT_SUFFIXES = {".txt", ".md", ".html", ".csv", ".tsv", ".xml", ".rss", ".atom"}


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def texts_of(path: Path) -> Iterator[str]:
    if path.suffix == ".py":
        tree = ast.parse(path.read_text(encoding="utf-8"))
        yield from (
            node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
        )
    elif path.suffix == ".jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                try:
                    yield from _strings(json.loads(line))
                except json.JSONDecodeError:
                    yield line  # a deliberately broken line is text too
    elif path.suffix == ".json":
        yield from _strings(json.loads(path.read_text(encoding="utf-8")))
    elif path.suffix in TEXT_SUFFIXES:
        yield path.read_text(encoding="utf-8", errors="replace")


FILES = sorted(p for p in TESTS.rglob("*") if p.is_file() and p.name != "dev_sentence_hashes.txt")


def test_fingerprints_are_there():
    assert len(KNOWN) > 100


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(TESTS)))
def test_no_fixture_repeats_a_development_sentence(path):
    copied = [s for text in texts_of(path) for s in narrative_sentences(text) if fingerprint(s) in KNOWN]
    assert copied == []


def test_the_check_finds_a_copied_sentence():
    # the fingerprint of a sentence is found whatever its case and punctuation
    sentence = "Le conseil a examiné une offre de rachat pendant toute la matinée, sans conclure."
    (normalised,) = narrative_sentences(sentence)
    assert fingerprint(normalised) == fingerprint(next(narrative_sentences(sentence.upper().replace(",", ""))))
