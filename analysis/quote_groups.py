"""The same quote carried by several outlets: one group, its first appearance, its variants.

Quotes are compared after normalisation (case, quote marks, punctuation,
bracketed insertions such as "[OpenAI]" or "(sic)" set aside), so that "we will
by twitter (sic)" and "we will buy Twitter" are one quote with two variants, and
a truncated copy joins the full one. Candidate pairs come from shared word
trigrams, so grouping stays near-linear in the number of quotes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from corpus.text import fold_for_matching

SHORT_WORDS = 3  # shorter quotes ("Swindler.") group only when identical once normalised
SAME_QUOTE = 0.85  # share of the shorter quote's characters found in order in the longer one
_BRACKETS = re.compile(r"\[[^\]]*\]|\((?:sic|sic!)\)", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w\s]")


@dataclass(frozen=True, slots=True)
class Occurrence:
    article_id: str
    outlet: str | None
    published: dt.datetime | None
    quote: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    text: str  # the wording of the first appearance
    speaker: str | None  # the speaker most occurrences name
    first: Occurrence
    outlets: tuple[str, ...]
    occurrences: tuple[Occurrence, ...]
    variants: tuple[tuple[str, int], ...] = field(default=())  # wording -> how many carried it


def normalise_quote(text: str) -> str:
    """Lower case, one kind of quote mark, no punctuation or bracketed insertion, single spaces."""
    folded = fold_for_matching(_BRACKETS.sub(" ", text))
    return " ".join(_NON_WORD.sub(" ", folded).split())


def same_quote(a: str, b: str) -> bool:
    """Whether two normalised quotes are one, allowing small edits and truncation."""
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter.split()) <= SHORT_WORDS:
        return False
    matcher = SequenceMatcher(None, shorter, longer, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / len(shorter) >= SAME_QUOTE


def _trigrams(normalised: str) -> set[str]:
    words = normalised.split()
    return {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}


def group_quotes(occurrences: Sequence[Occurrence]) -> list[QuoteGroup]:
    """Groups of the same quote across articles, largest first; every occurrence is in one group."""
    normalised = [normalise_quote(o.quote) for o in occurrences]
    parent = list(range(len(occurrences)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(normalised):
        keys = {text} if len(text.split()) <= SHORT_WORDS else _trigrams(text)
        seen: set[int] = set()
        for key in keys:
            for j in index[key]:
                if j not in seen and find(i) != find(j):
                    seen.add(j)
                    if same_quote(text, normalised[j]):
                        parent[find(i)] = find(j)
            index[key].append(i)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(occurrences)):
        members[find(i)].append(i)
    groups = []
    for ids in members.values():
        ordered = sorted(
            ids,
            key=lambda i: (
                occurrences[i].published is None,
                occurrences[i].published or dt.datetime.min.replace(tzinfo=dt.UTC),
                occurrences[i].article_id,
            ),
        )
        first = occurrences[ordered[0]]
        speakers = Counter(occurrences[i].speaker for i in ids if occurrences[i].speaker)
        wordings = Counter(occurrences[i].quote.strip() for i in ids)
        groups.append(
            QuoteGroup(
                text=first.quote,
                speaker=speakers.most_common(1)[0][0] if speakers else None,
                first=first,
                outlets=tuple(sorted({occurrences[i].outlet or "(unknown)" for i in ids})),
                occurrences=tuple(occurrences[i] for i in ordered),
                variants=tuple(wordings.most_common()),
            )
        )
    return sorted(groups, key=lambda g: (-len(g.outlets), -len(g.occurrences), g.text))
