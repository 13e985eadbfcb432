"""Actors of the story and where the text names them: names, surnames, roles, epithets.

The actors file (data/actors.toml) is data: canonical names, aliases matched
as written, and descriptions per language matched in any case.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from analysis.lang import language_data
from corpus.errors import InputError
from corpus.paths import ACTORS_FILE

VERSION = "actors-1"
ActorKind = Literal["person", "organisation"]
ACTOR_KINDS: tuple[ActorKind, ...] = ("person", "organisation")
MatchedBy = Literal["name", "description"]  # an alias or name, or a description ("the billionaire")


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: ActorKind
    gender: str | None
    rival: str | None
    aliases: tuple[str, ...]
    descriptions: dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Mention:
    actor: str
    text: str  # as written
    start: int
    end: int
    by: MatchedBy


def _apostrophes(phrase: str) -> str:
    """A regex for the phrase that accepts both apostrophes and any run of spaces."""
    parts = [re.escape(p) for p in phrase.split()]
    return r"\s+".join(parts).replace("'", "['’]")


def _with_contractions(phrases: Sequence[str], language: str) -> list[str]:
    """The phrases plus their contracted forms in the language ("le X" -> "au X", "du X")."""
    data = language_data(language)
    contractions = data.article_contractions if data else {}
    out = list(phrases)
    for phrase in phrases:
        for article, variants in contractions.items():
            if phrase.lower().startswith(article):
                out.extend(variant + phrase[len(article) :] for variant in variants)
    return out


class ActorIndex:
    """Every actor of a file and one compiled pattern per language to find them."""

    def __init__(self, actors: Sequence[Actor], *, version: str) -> None:
        self.actors = {actor.name: actor for actor in actors}
        self.version = version
        self._patterns: dict[str, tuple[re.Pattern[str], dict[str, tuple[str, MatchedBy]]]] = {}

    def _pattern(self, language: str) -> tuple[re.Pattern[str], dict[str, tuple[str, MatchedBy]]]:
        if language not in self._patterns:
            lookup: dict[str, tuple[str, MatchedBy]] = {}
            names: list[str] = []
            descriptions: list[str] = []
            for actor in self.actors.values():
                for alias in actor.aliases:
                    lookup[alias] = (actor.name, "name")
                    names.append(alias)
                for phrase in _with_contractions(actor.descriptions.get(language, ()), language):
                    lookup[phrase.lower().replace("’", "'")] = (actor.name, "description")
                    descriptions.append(phrase)
            # One alternation, longest first, so that "OpenAI CEO" (a description)
            # wins over "OpenAI" (a name) and "Sam Altman" over "Altman".
            alternatives = [(n, _apostrophes(n)) for n in set(names)]
            alternatives += [(d, f"(?i:{_apostrophes(d)})") for d in set(descriptions)]
            alternatives.sort(key=lambda a: len(a[0]), reverse=True)
            body = "|".join(regex for _, regex in alternatives) or r"(?!x)x"
            pattern = r"(?<!\w)(?:" + body + r")(?!\w)"
            self._patterns[language] = (re.compile(pattern), lookup)
        return self._patterns[language]

    def mentions(self, text: str, language: str) -> list[Mention]:
        """Every actor mention in the text, in order, none overlapping."""
        if not self.actors:
            return []
        pattern, lookup = self._pattern(language)
        found = []
        for match in pattern.finditer(text):
            written = match.group()
            key = " ".join(written.split())
            hit = lookup.get(key) or lookup.get(key.lower().replace("’", "'"))
            if hit is None:
                continue
            found.append(Mention(hit[0], written, match.start(), match.end(), hit[1]))
        return found

    def match_name(self, written: str) -> str | None:
        """The actor a person name stands for when written another way: hyphens, case, or one
        letter off in a long word ("Gonzalez-Rogers", "Gonzalez Rodgers"); None when none fits."""
        words = _name_key(written)
        if not words:
            return None
        for actor in self.actors.values():
            for alias in actor.aliases:
                key = _name_key(alias)
                if (
                    len(key) == len(words)
                    and len(key) >= 2
                    and all(a == b or (len(a) >= 5 and _one_edit(a, b)) for a, b in zip(key, words, strict=True))
                ):
                    return actor.name
        return None

    def rival_of(self, name: str) -> str | None:
        actor = self.actors.get(name)
        return actor.rival if actor else None


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(re.sub(r"[-‐’'.]", " ", name).casefold().split())


def _one_edit(a: str, b: str) -> bool:
    """Whether two words differ by at most one inserted, deleted or replaced letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] or a[i:] == b[i + 1 :] or a[i + 1 :] == b[i:]


def parse_actors(text: str, *, where: str = "actors file") -> list[Actor]:
    """Actors from TOML text; InputError naming the entry that is malformed."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, f"not valid TOML: {exc}") from exc
    actors = []
    for number, entry in enumerate(data.get("actor", []), start=1):
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise InputError(where, f"actor {number} has no name")
        aliases = entry.get("aliases", [name])
        descriptions = entry.get("descriptions", {})
        if not isinstance(aliases, list) or not isinstance(descriptions, dict):
            raise InputError(where, f"actor {name!r}: aliases should be a list, descriptions a table")
        kind = entry.get("kind", "person")
        if kind not in ACTOR_KINDS:
            raise InputError(where, f"actor {name!r}: kind should be one of {ACTOR_KINDS}, got {kind!r}")
        actors.append(
            Actor(
                name=name.strip(),
                kind=kind,
                gender=entry.get("gender"),
                rival=entry.get("rival"),
                aliases=tuple(dict.fromkeys([name, *aliases])),
                descriptions={lang: tuple(phrases) for lang, phrases in descriptions.items()},
            )
        )
    return actors


@functools.lru_cache(maxsize=4)
def load_actors(path: Path = ACTORS_FILE) -> ActorIndex:
    """The actors of a file, loaded once; the version changes with the file's content."""
    text = path.read_text(encoding="utf-8")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return ActorIndex(parse_actors(text, where=str(path)), version=f"{VERSION}:{digest}")
