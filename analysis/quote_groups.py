"""The same quote carried by several outlets: one group, its first appearance, its variants.

Quotes are compared after normalisation (case, quote marks, punctuation,
bracketed insertions such as "[OpenAI]" or "(sic)" set aside), so that "we will
by twitter (sic)" and "we will buy Twitter" are one quote with two variants, and
a truncated copy joins the full one. Identical wordings are one node; candidate
pairs of distinct wordings come from shared word trigrams (two at least, buckets
capped), so grouping stays near-linear in the number of distinct wordings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from corpus.text import fold_for_matching

SHORT_WORDS = 3  # shorter quotes ("Swindler.") group only when identical once normalised
SAME_QUOTE = 0.85  # share of the shorter quote's characters found in order in the longer one
BUCKET_CAP = 64  # distinct wordings held per trigram
_BRACKETS = re.compile(r"\[[^\]]*\]|\((?:sic|sic!)\)", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w\s]")


@dataclass(frozen=True, slots=True)
class Occurrence:
    article_id: str
    outlet: str | None
    published: dt.datetime | None
    quote: str
    speaker: str | None


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


def clusters(quotes: Sequence[str]) -> list[int]:
    """For each quote, the number of its group (the same quote in other wordings has the same one).

    Identical wordings (once normalised) are one node, so a quote reprinted by a thousand outlets
    is compared once, not a million times; distinct wordings meet through shared word trigrams,
    each trigram holding at most BUCKET_CAP of them (a common phrase would otherwise pair every
    quote with every other: two copies of one quote share most of their trigrams, so they still
    meet in a rarer one)."""
    normalised_of: dict[str, str] = {}
    wording_ids: dict[str, int] = {}
    node_of: list[int] = []
    for quote in quotes:
        text = normalised_of.get(quote)
        if text is None:
            text = normalised_of[quote] = normalise_quote(quote)
        node_of.append(wording_ids.setdefault(text, len(wording_ids)))
    wordings = list(wording_ids)
    parent = list(range(len(wordings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[str, list[int]] = defaultdict(list)
    key_counts: list[int] = []
    for i, text in enumerate(wordings):
        keys = {text} if len(text.split()) <= SHORT_WORDS else _trigrams(text)
        key_counts.append(len(keys))
        shared: Counter[int] = Counter()
        for key in keys:
            bucket = index[key]
            shared.update(bucket)
            if len(bucket) < BUCKET_CAP:
                bucket.append(i)
        for j, common in shared.items():
            # one shared phrase ("a déclaré lundi que") is no sign of the same quote: the character
            # comparison runs only for wordings sharing enough trigrams to be one
            enough = common >= _enough(min(key_counts[i], key_counts[j]))
            if enough and find(i) != find(j) and same_quote(text, wordings[j]):
                parent[find(i)] = find(j)
    return [find(node) for node in node_of]


def _enough(trigrams: int) -> int:
    """Shared trigrams needed before two wordings are compared: two, or one for quotes of five
    words or fewer (three trigrams), where one word changed can leave a single trigram intact."""
    return 1 if trigrams <= 3 else 2


@dataclass(frozen=True, slots=True)
class Wording:
    """One wording of a quote as a selection carries it (what a store can sum up without
    reading every occurrence): how often, in which outlets, first where, attributed to whom."""

    quote: str
    occurrences: int
    outlets: frozenset[str]
    first: Occurrence
    speakers: tuple[tuple[str, int], ...]  # speaker -> occurrences naming them


@dataclass(frozen=True, slots=True)
class WordingGroup:
    text: str  # the wording of the first appearance
    speaker: str | None  # the speaker most occurrences name
    first: Occurrence
    outlets: tuple[str, ...]
    occurrences: int
    variants: tuple[tuple[str, int], ...]  # wording -> how many carried it


def _appearance(o: Occurrence) -> tuple[bool, dt.datetime, str]:
    return (o.published is None, o.published or dt.datetime.min.replace(tzinfo=dt.UTC), o.article_id)


def group_wordings(wordings: Sequence[Wording]) -> list[WordingGroup]:
    """`group_quotes` over wordings summed up beforehand (in the order of their first appearance):
    the same groups, largest first, in time proportional to the distinct wordings rather than to
    the occurrences."""
    members: dict[int, list[Wording]] = defaultdict(list)
    for wording, number in zip(wordings, clusters([w.quote for w in wordings]), strict=True):
        members[number].append(wording)
    groups = []
    for group in members.values():
        group.sort(key=lambda w: _appearance(w.first))  # stable: ties keep the order given
        first = group[0].first
        speakers: Counter[str] = Counter()
        variants: Counter[str] = Counter()
        for wording in group:
            speakers.update(dict(wording.speakers))
            variants[wording.quote.strip()] += wording.occurrences
        groups.append(
            WordingGroup(
                text=first.quote,
                speaker=speakers.most_common(1)[0][0] if speakers else None,
                first=first,
                outlets=tuple(sorted(frozenset().union(*(w.outlets for w in group)))),
                occurrences=sum(w.occurrences for w in group),
                variants=tuple(variants.most_common()),
            )
        )
    return sorted(groups, key=lambda g: (-len(g.outlets), -g.occurrences, g.text))


def wordings_of(occurrences: Sequence[Occurrence]) -> list[Wording]:
    """Occurrences summed up per wording, as a store sums them (corpus.store.reads.quotes.quote_wordings),
    in the order of their first appearance."""
    by_quote: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in sorted(occurrences, key=_appearance):
        by_quote[occurrence.quote].append(occurrence)
    return [
        Wording(
            quote,
            len(carried),
            frozenset(o.outlet or "(unknown)" for o in carried),
            carried[0],
            tuple(Counter(o.speaker for o in carried if o.speaker).items()),
        )
        for quote, carried in by_quote.items()
    ]


def group_quotes(occurrences: Sequence[Occurrence]) -> list[WordingGroup]:
    """Groups of the same quote across articles, largest first; every occurrence is in one group."""
    return group_wordings(wordings_of(occurrences))
