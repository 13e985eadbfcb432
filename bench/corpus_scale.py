"""Synthetic scale-up of a corpus for benchmarks: N distinct articles from real paragraphs.

Each synthetic article mixes paragraphs of the source corpus (same language),
so texts are realistic in length and vocabulary but not copies of each other.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from corpus.text import split_paragraphs

DEV_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"


def load_records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def scale_records(records: list[dict], n: int, *, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    pools: dict[str, list[str]] = {}
    for record in records:
        pools.setdefault(record.get("language") or "en", []).extend(split_paragraphs(record["text"]))
    out = []
    for i in range(n):
        base = records[i % len(records)]
        pool = pools[base.get("language") or "en"]
        paragraphs = rng.sample(pool, k=min(len(pool), rng.randint(4, 9)))
        out.append(
            {
                **base,
                "id": f"{base['id']}-s{i}",
                "url": f"{base['url'].rstrip('/')}/s{i}" if base.get("url") else None,
                "text": "\n\n".join(paragraphs),
            }
        )
    return out


def write_jsonl(records: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
