"""Who can speak in an article, and who a mention stands for.

Candidates are actor names and descriptions (data/actors.toml), person names
(capitalised word sequences, or spaCy's PER entities where a model for the
language is installed), first names and surnames standing for a full name seen
before, subject pronouns, nouns that speak for a party ("the lawsuit",
« l'entreprise ») and proxies named with their owner ("Musk's lawyers",
« la plainte d'Elon Musk »). Each carries where it stands: a possessive ("Musk's")
or a complement ("the CEO of Microsoft", « répond à Musk ») is no subject.

Resolution turns a candidate into a canonical speaker: a name to its actor, a
pronoun to the subject of the nearest sentence naming a compatible person, a
document to the party that filed it, a company noun to the nearest organisation;
otherwise unresolved, never a guess. All word lists live in analysis/lang/.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from analysis.actors import ActorIndex, ActorKind
from analysis.lang import SHARED, language_data
from analysis.lang.record import Language
from analysis.spans import SpanSet

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zà-öø-ÿ"
_PARTICLES = "|".join(SHARED.name_particles)
# name tokens: capitalised words, with particles inside a name
_NAME = re.compile(
    rf"(?<![\w’'-])(?:[{_UPPER}][{_LOWER}]+(?:[-’'][{_UPPER}]?[{_LOWER}]+)*)"
    rf"(?:\s+(?:(?:{_PARTICLES})\s+)?[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)*)+"
)
_SINGLE = re.compile(rf"(?<![\w’'-])[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?(?![\w-])")
_WORD_BEFORE = re.compile(r"([\w-]+)['’]?\s*$")

Span = tuple[int, int]


class Kind(StrEnum):
    ACTOR = "actor"
    DESCRIPTION = "description"
    NAME = "name"
    SURNAME = "surname"  # a first name or surname standing for a full name seen before
    PRONOUN = "pronoun"
    DOCUMENT = "document"
    COMPANY = "company"
    PROXY = "proxy"  # a document or spokesperson named with its owner


class Step(StrEnum):
    """How a candidate became a speaker (the quote's `resolution`)."""

    NAME = "name"
    SURNAME = "surname"
    DESCRIPTION = "description"
    PRONOUN = "pronoun"
    COMPANY = "company"
    DOCUMENT = "document"
    PROXY = "proxy"
    POSSESSIVE = "possessive"
    PREVIOUS_QUOTE = "previous-quote"
    NEXT_QUOTE = "next-quote"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    text: str
    kind: Kind
    canonical: str | None  # actor name for an actor mention, the name for a full name
    actor_kind: ActorKind | None = None
    gender: str | None = None
    possessive: bool = False  # "Musk's lawyer": names the owner of another noun, not a subject
    complement: bool = False  # after a preposition or an object verb: not a subject

    @property
    def subject_like(self) -> bool:
        return not self.possessive and not self.complement


def find_candidates(
    text: str,
    language: str,
    actors: ActorIndex,
    *,
    outside: Sequence[Span] = (),
    entities: tuple[Sequence[Span], Sequence[Span]] | None = None,
) -> list[Candidate]:
    """Every speaker-capable mention of the text, in order, none inside `outside` spans (quotes).

    `entities`: (persons, non-persons) found by a spaCy model around the quotes:
    a capitalised sequence the model calls a place or an organisation is no
    person, and a person it finds (a lone surname too) is one.
    """
    data = language_data(language)
    taken = SpanSet(outside)
    found = _actor_candidates(text, language, actors, taken)
    found += _name_candidates(text, data, actors, taken, entities)
    found = _full_names(sorted(found, key=lambda c: c.start))
    found += _short_name_candidates(text, found, taken)
    if data is not None:
        found += _pronoun_candidates(text, data, taken)
        found += _noun_candidates(text, data, taken)
    found.sort(key=lambda c: c.start)
    if data is not None:
        found = _proxies(text, data, found)
    # in text order: the sieves bisect on starts (a proxy may start before the candidate it absorbed)
    return sorted((_with_position(text, data, c) for c in found), key=lambda c: c.start)


def _actor_candidates(text: str, language: str, actors: ActorIndex, taken: SpanSet) -> list[Candidate]:
    found = []
    for m in actors.mentions(text, language):
        if taken.overlaps(m.start, m.end):
            continue
        actor = actors.actors[m.actor]
        kind = Kind.ACTOR if m.by == "name" else Kind.DESCRIPTION
        found.append(Candidate(m.start, m.end, m.text, kind, m.actor, actor.kind, actor.gender))
        taken.add(m.start, m.end)
    return found


def _name_candidates(
    text: str,
    data: Language | None,
    actors: ActorIndex,
    taken: SpanSet,
    entities: tuple[Sequence[Span], Sequence[Span]] | None,
) -> list[Candidate]:
    """Capitalised sequences that name a person: no place, outlet, event or date word inside."""
    spans = [(m.start(), m.end()) for m in _NAME.finditer(text)]
    if entities is not None:
        persons, others = entities
        not_persons = SpanSet(others)
        spans = [s for s in spans if not not_persons.overlaps(*s)]
        named = SpanSet(spans)
        spans += [p for p in persons if not named.overlaps(*p)]
    prefix_words = data.name_prefix_words if data is not None else frozenset()
    model_persons = set(entities[0]) if entities is not None else set()
    found = []
    for start, end in spans:
        tokens = [(m.start() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
        # A sentence-initial function word ("The", "But", "Selon") is not part of a name.
        while tokens and tokens[0][1].lower().strip(".") in prefix_words:
            tokens = tokens[1:]
        words = [w for _, w in tokens]
        from_model = (start, end) in model_persons
        if not words or (len(words) < 2 and not from_model):
            continue
        if any(w.strip("’'.,") in SHARED.not_person for w in words):
            continue
        start = tokens[0][0]
        if taken.overlaps(start, end):
            continue
        name = " ".join(words)
        actor = actors.actors.get(actors.match_name(name) or "")
        if actor is not None:
            found.append(Candidate(start, end, name, Kind.ACTOR, actor.name, actor.kind, actor.gender))
        else:
            found.append(Candidate(start, end, name, Kind.NAME, name, "person"))
        taken.add(start, end)
    return found


def _full_names(found: list[Candidate]) -> list[Candidate]:
    """A one-word person name (a model's entity) that begins or ends a full name given before
    it stands for that name."""
    out: list[Candidate] = []
    last_full: dict[str, Candidate] = {}  # first or last word -> the latest full person name with it
    for c in found:
        if c.kind == Kind.NAME and " " not in c.text and c.text in last_full:
            named = last_full[c.text]
            c = replace(c, kind=Kind.SURNAME, canonical=named.canonical, gender=named.gender)
        out.append(c)
        words = c.text.split()
        if c.actor_kind == "person" and len(words) >= 2:
            last_full[words[0]] = last_full[words[-1]] = c
    return out


def _short_name_candidates(text: str, found: Sequence[Candidate], taken: SpanSet) -> list[Candidate]:
    """A surname or a first name alone stands for the full person name the article gave before it
    (« a déclaré Sam » after « Sam Altman »)."""
    full: dict[str, list[Candidate]] = {}  # word -> the full names holding it, in text order
    for c in found:
        words = c.text.split()
        if c.actor_kind == "person" and c.kind in (Kind.NAME, Kind.ACTOR) and len(words) >= 2:
            for word in {words[0], words[-1]}:
                full.setdefault(word, []).append(c)
    starts = {word: [c.start for c in names] for word, names in full.items()}
    out = []
    for m in _SINGLE.finditer(text):
        word = m.group()
        earlier = bisect.bisect_left(starts.get(word, ()), m.start())
        if earlier and not taken.overlaps(m.start(), m.end()):
            named = full[word][earlier - 1]
            out.append(Candidate(m.start(), m.end(), word, Kind.SURNAME, named.canonical, "person", named.gender))
            taken.add(m.start(), m.end())
    return out


def _pronoun_candidates(text: str, data: Language, taken: SpanSet) -> list[Candidate]:
    out = []
    for word, gender in data.subject_pronouns.items():
        for m in re.finditer(rf"(?<![\w-]){word}(?![\w'’])", text, re.IGNORECASE):
            if not taken.overlaps(m.start(), m.end()):
                out.append(Candidate(m.start(), m.end(), m.group(), Kind.PRONOUN, None, "person", gender))
    return out


def _noun_candidates(text: str, data: Language, taken: SpanSet) -> list[Candidate]:
    out = []
    for kind, nouns in ((Kind.DOCUMENT, data.document_nouns), (Kind.COMPANY, data.company_nouns)):
        for noun in sorted(nouns, key=len, reverse=True):
            for m in re.finditer(rf"(?<!\w){re.escape(noun)}(?!\w)", text, re.IGNORECASE):
                if not taken.overlaps(m.start(), m.end()):
                    out.append(Candidate(m.start(), m.end(), m.group(), kind, None))
                    taken.add(m.start(), m.end())
    return out


def _proxies(text: str, data: Language, found: list[Candidate]) -> list[Candidate]:
    """Documents and spokespeople named with their owner speak for the owner: "Musk's
    (original) lawsuit" and « la plainte d'Elon Musk » become one proxy candidate."""
    out: list[Candidate] = []
    skip: set[int] = set()
    for i, c in enumerate(found):
        if i in skip:
            continue
        if c.canonical and c.kind != Kind.PRONOUN:
            m = re.match(r"['’]s?\s+([\w-]+)(?:\s+([\w-]+))?", text[c.end : c.end + 40])
            noun = next((g for g in reversed(m.groups() if m else ()) if g and g.lower() in data.proxy_nouns), None)
            if m and noun:
                end = c.end + m.end(1 if m.group(1) == noun else 2)
                # the noun may already be a document candidate ("the statement" is not: "its")
                for j in range(i + 1, len(found)):
                    if found[j].start >= end:
                        break
                    skip.add(j)
                out.append(replace(c, end=end, text=text[c.start : end], kind=Kind.PROXY))
                continue
        head = re.search(r"([\w-]+)\s+(?:de\s+l['’]|de\s+|d['’]|du\s+)$", text[max(0, c.start - 40) : c.start])
        if c.canonical and head and head.group(1).lower() in data.proxy_nouns:
            start = max(0, c.start - 40) + head.start()
            # the owner follows its noun: the noun's own candidate ("la plainte") gives way
            while out and out[-1].end > start and out[-1].canonical is None:
                start = min(start, out.pop().start)
            out.append(replace(c, start=start, text=text[start : c.end], kind=Kind.PROXY))
            continue
        out.append(c)
    return out


def _with_position(text: str, data: Language | None, candidate: Candidate) -> Candidate:
    tail = text[candidate.end : candidate.end + 3]
    possessive = tail.startswith(("'s ", "’s ", "' ", "’ "))
    before = _WORD_BEFORE.search(text[max(0, candidate.start - 30) : candidate.start])
    complement = bool(
        data is not None
        and before
        and before.group(1).lower() in data.complement_words
        and candidate.kind != Kind.PROXY
    )
    if possessive or complement:
        return replace(candidate, possessive=possessive, complement=complement)
    return candidate


@dataclass(frozen=True, slots=True)
class Resolved:
    speaker: str | None
    step: Step


@dataclass(frozen=True, slots=True)
class Context:
    """What resolution reads of the article besides the candidate itself."""

    before: Sequence[Candidate] = ()  # the article's candidates that precede this one, in order
    sue_positions: Sequence[int] = ()  # offsets of suing or filing verbs (for documents)
    last_speaker: tuple[str, str | None] | None = None  # (name, gender) of a near previous quote
    sentence_starts: Sequence[int] = ()  # sorted offsets where the article's sentences start
    first_mention: int | None = None  # for a document: where the article first names that kind


_DIRECT = {
    Kind.ACTOR: Step.NAME,
    Kind.NAME: Step.NAME,
    Kind.DESCRIPTION: Step.DESCRIPTION,
    Kind.SURNAME: Step.SURNAME,
    Kind.PROXY: Step.PROXY,
}


def resolve(candidate: Candidate, context: Context) -> Resolved:
    """The canonical speaker a candidate stands for, from what the article said before it."""
    if candidate.kind in _DIRECT:
        return Resolved(candidate.canonical, _DIRECT[Kind(candidate.kind)])
    if candidate.kind == Kind.PRONOUN:
        return _resolve_pronoun(candidate.start, candidate.gender, context)
    if candidate.kind == Kind.COMPANY:
        return _resolve_company(context)
    if candidate.kind == Kind.DOCUMENT:
        return _resolve_document(candidate, context)
    return Resolved(None, Step.UNRESOLVED)


def _sentence(starts: Sequence[int], position: int) -> int:
    return bisect.bisect_right(starts, position)


def _resolve_pronoun(position: int, gender: str | None, context: Context, *, step: Step = Step.PRONOUN) -> Resolved:
    """The subject of the nearest sentence that names a compatible person: its first subject-like
    person ("Musk attacked Altman. He said…" is Musk), else its first person; the previous
    quote's speaker when that sentence is far."""
    people = [
        c
        for c in context.before
        if c.actor_kind == "person"
        and c.kind != Kind.PRONOUN
        and c.canonical
        and not c.possessive
        and (c.gender is None or gender is None or c.gender == gender)
    ]
    last = context.last_speaker
    if people:
        sentence = _sentence(context.sentence_starts, people[-1].start)
        same = [c for c in people if _sentence(context.sentence_starts, c.start) == sentence]
        first = next((c for c in same if c.subject_like), same[0])
        here = _sentence(context.sentence_starts, position)
        if here - sentence <= 3 or not last:
            return Resolved(first.canonical, step)
    if last and (gender is None or last[1] in (None, gender)):
        return Resolved(last[0], step)
    return Resolved(None, Step.UNRESOLVED)


def resolve_possessor(position: int, gender: str | None, context: Context) -> Resolved:
    """ "His post read: …", « Son message … : »: the possessor is the person the article is about
    at that point, found as a pronoun would be."""
    return _resolve_pronoun(position, gender, context, step=Step.POSSESSIVE)


def _resolve_company(context: Context) -> Resolved:
    for earlier in reversed(context.before):
        if earlier.actor_kind == "organisation" and earlier.canonical:
            return Resolved(earlier.canonical, Step.COMPANY)
    return Resolved(None, Step.UNRESOLVED)


def _resolve_document(candidate: Candidate, context: Context) -> Resolved:
    """The party whose document it is: the subject of the sentence that first brought the
    document up ("In its complaint, OpenAI …"), else the actor named nearest before a suing
    or filing verb ("xAI sued Apple")."""
    starts = context.sentence_starts
    if context.first_mention is not None:
        sentence = _sentence(starts, context.first_mention)
        owners = [
            c
            for c in context.before
            if c.canonical and not c.possessive and c.kind != Kind.DOCUMENT and _sentence(starts, c.start) == sentence
        ]
        if owners:
            return Resolved(next((c for c in owners if c.subject_like), owners[0]).canonical, Step.DOCUMENT)
    for position in sorted((p for p in context.sue_positions if p < candidate.start), reverse=True):
        filers = [c for c in context.before if c.start < position and c.canonical]
        if filers:
            sentence = _sentence(starts, position)
            same = [c for c in filers if _sentence(starts, c.start) == sentence and c.subject_like]
            return Resolved((same[0] if same else filers[-1]).canonical, Step.DOCUMENT)
    return Resolved(None, Step.UNRESOLVED)
