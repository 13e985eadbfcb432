"""The typed record a language's data makes, and how it is read from the language's modules.

Each language folder (`en/`, `fr/`) keeps its data in modules per concern
(`tone`, `text`, `quotes`) plus word files (`stop_words.txt`); its
`__init__` assembles one frozen `Language` from them. Every field drives
results and takes part in the analysers' version digest.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

# (ending of the lemma, ending replaced, endings added)
Inflection = tuple[str, str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    spacy_model: str  # used when installed; every analyser works without it
    stop_words: frozenset[str]
    # tone (analysis.sentiment)
    base_lexicon_file: Path | None  # None: VADER's own lexicon
    conflict: dict[str, float]
    phrases: dict[str, float]
    procedural: frozenset[str]
    neutral_in_news: tuple[str, ...]
    sentiment_lexicon: dict[str, float]
    engine_words: dict[str, str]
    dropped_words: frozenset[str]
    suffix_rules: tuple[tuple[str, str], ...]
    min_stem: int
    rejection_cues: tuple[str, ...]  # a quoted compliment after one of these is a jab
    # text (analysis.text, analysis.keywords, analysis.actors)
    abbreviations: frozenset[str]
    elisions: tuple[str, ...]
    article_contractions: dict[str, tuple[str, ...]]
    markers: frozenset[str]
    acronyms: frozenset[str]
    # quotes (analysis.quotes, analysis.cues, analysis.speakers)
    reporting_verbs: frozenset[str]
    reporting_phrases: tuple[str, ...]
    according_to: tuple[str, ...]
    not_a_source: tuple[str, ...]
    subject_pronouns: dict[str, str]
    object_pronouns: dict[str, str]
    document_nouns: tuple[str, ...]
    company_nouns: tuple[str, ...]
    sue_words: frozenset[str]
    after_fillers: frozenset[str]
    participle_endings: tuple[str, ...]
    incise: str | None  # the inverted incise pattern (« a-t-il dit »); None where the language has none
    reporting_lemmas: tuple[str, ...]
    naming_lemmas: tuple[str, ...]
    verb_inflections: tuple[Inflection, ...]
    soft_stems: dict[str, str]
    complement_words: frozenset[str]
    agent_words: tuple[str, ...]
    name_prefix_words: frozenset[str]
    possessive_determiners: dict[str, str | None]
    message_nouns: frozenset[str]
    proxy_nouns: frozenset[str]
    scare_determiners: frozenset[str]
    term_prepositions: frozenset[str]  # a short quote right after one names a kind, not speech
    naming_participles: frozenset[str]  # « dit », "dubbed": the quote after is a name


@dataclass(frozen=True, slots=True)
class Shared:
    """Name data every language shares."""

    not_person: frozenset[str]  # words that make a capitalised phrase a place, outlet, event or date
    name_particles: tuple[str, ...]  # lower-case words inside names (« de », "van")


def read_words(path: Path) -> frozenset[str]:
    """A word file: one word a line, `#` lines are comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def from_modules(code: str, *modules: ModuleType, **extra: Any) -> Language:
    """The record of a language's data modules: each UPPER_CASE name is the field of that name in
    lower case. A field no module gives, or a name that is no field, is an error: no list that
    drives results stays outside the record (and its version digest)."""
    values: dict[str, Any] = {"code": code, **extra}
    for module in modules:
        for name in dir(module):
            if name.isupper():
                field = name.lower()
                if field in values:
                    raise ValueError(f"{code}: {name} is given twice ({module.__name__})")
                values[field] = getattr(module, name)
    fields = {f.name for f in dataclasses.fields(Language)}
    if unknown := set(values) - fields:
        raise ValueError(f"{code}: not fields of Language: {sorted(unknown)}")
    if missing := fields - set(values):
        raise ValueError(f"{code}: missing from the language data: {sorted(missing)}")
    return Language(**values)
