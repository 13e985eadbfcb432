"""Fingerprints of the development articles' own sentences, so tests can check that no fixture
copies one, without the project holding any of their text.

    python -m scripts.dev_fingerprints [ARTICLES.jsonl ...] > tests/fixtures/dev_sentence_hashes.txt

Each sentence is reduced to its narrative (quoted speech removed: quotes may be committed),
normalised (lower case, words only) and kept when it has at least MIN_WORDS words; its
truncated SHA-256 is printed, one per line, sorted. Defaults: ../shared/corpus/dev*.jsonl.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

MIN_WORDS = 8
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|‘[^’]*’")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_WORD = re.compile(r"\w+")


def narrative_sentences(text: str) -> Iterator[str]:
    """The sentences of a text with quoted speech taken out, normalised; short ones left out."""
    for sentence in _SENTENCE_END.split(_QUOTED.sub(" ", text)):
        words = _WORD.findall(sentence.lower())
        if len(words) >= MIN_WORDS:
            yield " ".join(words)


def fingerprint(sentence: str) -> str:
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:16]


def fingerprints(texts: Iterable[str]) -> set[str]:
    return {fingerprint(s) for text in texts for s in narrative_sentences(text)}


def main(argv: list[str]) -> int:
    shared = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    paths = [Path(a) for a in argv] or sorted(shared.glob("dev*.jsonl"))
    texts = [
        json.loads(line).get("text") or "" for path in paths for line in path.open(encoding="utf-8") if line.strip()
    ]
    print(
        f"# sentence fingerprints of {len(texts)} development articles ({', '.join(p.name for p in paths)}): "
        "no text, see scripts/dev_fingerprints.py"
    )
    for value in sorted(fingerprints(texts)):
        print(value)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
