"""Synthetic scale-up of a corpus for benchmarks: N distinct articles from real paragraphs.

Each synthetic article mixes paragraphs of the source corpus (same language),
so texts are realistic in length and vocabulary but not copies of each other.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
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


def write_jsonl(records: Iterable[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def wire_copy_records(records: list[dict], n: int, *, stories: int = 40, seed: int = 11) -> Iterator[dict]:
    """N rows of syndicated wire copy: `stories` base stories, each reprinted many times.

    Every reprint keeps most of its story (one paragraph may be dropped, a dateline line
    is added), gets its own outlet URL and headline, so it is a near-duplicate of the
    story's other reprints and not an exact one: the worst case for near-duplicate linking.
    """
    rng = random.Random(seed)
    pools: dict[str, list[str]] = {}
    for record in records:
        pools.setdefault(record.get("language") or "en", []).extend(split_paragraphs(record["text"]))
    bases = []
    for s in range(stories):
        base = records[s % len(records)]
        pool = pools[base.get("language") or "en"]
        bases.append((base, rng.sample(pool, k=min(len(pool), rng.randint(5, 9)))))
    for i in range(n):
        base, paragraphs = bases[i % stories]
        kept = list(paragraphs)
        if len(kept) > 5 and rng.random() < 0.5:
            kept.pop(rng.randrange(len(kept)))
        kept.insert(0, f"Wire {i % 977} ({rng.choice(['AFP', 'Reuters', 'AP'])}), copy {i}.")
        yield {
            **base,
            "id": f"wire-{i}",
            "url": f"https://outlet{i % 500}.example/story/{i}",
            "outlet": f"outlet{i % 500}.example",
            "title": f"{base.get('title') or 'Story'} ({i})",
            "text": "\n\n".join(kept),
        }
