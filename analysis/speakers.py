"""Who can speak in an article, and who a mention stands for.

Candidates are actor names and descriptions (data/actors.toml), person names
(capitalised word sequences, or spaCy's PER entities where a model for the
language is installed), subject pronouns, and nouns that speak for a party
("the lawsuit", « l'entreprise »). Resolution turns each into a canonical
speaker: a surname to the full name seen earlier in the article, a pronoun to
the nearest compatible person, a document to the party that filed it, a
company noun to the nearest organisation; otherwise unresolved, never a guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.actors import ActorIndex
from analysis.lang import language_data

# name tokens: capitalised words, with particles inside a name
_NAME = re.compile(
    r"(?<![\w’'-])(?:[A-Z][a-zà-öø-ÿ]+(?:[-’'][A-Z]?[a-zà-öø-ÿ]+)*)"
    r"(?:\s+(?:(?:de|van|von|da|del|di|le|la|bin)\s+)?[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)*)+"
)
# Words that make a capitalised sequence a place, a title or an institution, not a person.
NOT_PERSON = frozenset(
    [
        "Times",
        "Journal",
        "Street",
        "News",
        "TV",
        "Store",
        "Valley",
        "Capital",
        "Inc",
        "Corp",
        "Court",
        "House",
        "Press",
        "Post",
        "Francisco",
        "York",
        "States",
        "Department",
        "Congress",
        "Senate",
        "Street",
        "Wall",
        "Bay",
        "Area",
        "Partners",
        "Ventures",
        "Group",
        "Bank",
        "Fund",
        "Foundation",
        "Institute",
        "University",
        "College",
        "Commission",
        "Council",
        "Board",
        "Committee",
        "Agency",
        "Office",
        "Network",
        "Media",
        "Review",
        "Weekly",
        "Daily",
        "Today",
        "Tribune",
        "Herald",
        "Guardian",
        "Monde",
        "Figaro",
        "Echos",
        "Parisien",
        "Libération",
        "Express",
        "Magazine",
        "Reuters",
        "Bloomberg",
        "Businessweek",
        "Financial",
        "Business",
        "Insider",
        "Verge",
        "Wired",
        "Fortune",
        "Forbes",
        "Axios",
        "Podcast",
        "Show",
        "Series",
        "Thrones",
        "Game",
        "Finger",
        "Honestly",
        "Free",
        "Paris",
        "California",
        "Oakland",
        "America",
        "American",
        "Europe",
        "Silicon",
        "Twitter",
        "Apple",
        "Microsoft",
        "Google",
        "Tesla",
        "SpaceX",
        "OpenAI",
        "Meta",
        "Amazon",
        "Nvidia",
        "Oracle",
        "SoftBank",
        "Stargate",
        "ChatGPT",
        "Grok",
        "Gemini",
        "Claude",
        "Copilot",
        "Azure",
        "District",
        "Circuit",
        "Supreme",
        "Federal",
        "Justice",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Lundi",
        "Mardi",
        "Mercredi",
        "Jeudi",
        "Vendredi",
        "Samedi",
        "Dimanche",
    ]
)

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    text: str
    kind: str  # actor | description | name | surname | pronoun | document | company
    canonical: str | None  # actor name for an actor mention, the name for a full name
    actor_kind: str | None = None  # person | organisation, for actors
    gender: str | None = None
    possessive: bool = False  # "Musk's lawyer": names the owner of another noun, not a subject


def _overlaps(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


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
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = list(outside)
    for m in actors.mentions(text, language):
        if _overlaps(m.start, m.end, taken):
            continue
        actor = actors.actors[m.actor]
        kind = "actor" if m.by == "name" else "description"
        found.append(Candidate(m.start, m.end, m.text, kind, m.actor, actor.kind, actor.gender))
        taken.append((m.start, m.end))
    spans = [(m.start(), m.end()) for m in _NAME.finditer(text)]
    if entities is not None:
        persons, others = entities
        spans = [s for s in spans if not _overlaps(*s, others)]
        spans += [p for p in persons if not _overlaps(*p, spans)]
    function_words = _FUNCTION_WORDS.get(language, frozenset())
    for start, end in spans:
        tokens = [(m.start() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
        # A sentence-initial function word ("The", "But", "Selon") is not part of a name.
        while tokens and tokens[0][1].lower() in function_words:
            tokens = tokens[1:]
        words = [w for _, w in tokens]
        from_model = entities is not None and (start, end) in entities[0]
        if not words or (len(words) < 2 and not from_model) or any(w.strip("’'") in NOT_PERSON for w in words):
            continue
        start = tokens[0][0]
        if not _overlaps(start, end, taken):
            name = " ".join(words)
            found.append(Candidate(start, end, name, "name", name, "person"))
            taken.append((start, end))
    # A surname alone stands for the full name the article gave before it.
    full_names = {c.text.split()[-1]: c for c in found if c.kind == "name"}
    for m in re.finditer(r"(?<![\w’'-])[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?(?![\w-])", text):
        full = full_names.get(m.group())
        if full is not None and full.start < m.start() and not _overlaps(m.start(), m.end(), taken):
            found.append(Candidate(m.start(), m.end(), m.group(), "surname", full.canonical, "person"))
            taken.append((m.start(), m.end()))
    if data is not None:
        for word, gender in data.SUBJECT_PRONOUNS.items():
            for m in re.finditer(rf"(?<![\w-]){word}(?![\w'’])", text, re.IGNORECASE):
                if not _overlaps(m.start(), m.end(), taken):
                    found.append(Candidate(m.start(), m.end(), m.group(), "pronoun", None, "person", gender))
        for kind, nouns in (("document", data.DOCUMENT_NOUNS), ("company", data.COMPANY_NOUNS)):
            for noun in nouns:
                for m in re.finditer(rf"(?<!\w){re.escape(noun)}(?!\w)", text, re.IGNORECASE):
                    if not _overlaps(m.start(), m.end(), taken):
                        found.append(Candidate(m.start(), m.end(), m.group(), kind, None))
    return sorted((_with_possessive(text, c) for c in found), key=lambda c: c.start)


def _with_possessive(text: str, candidate: Candidate) -> Candidate:
    tail = text[candidate.end : candidate.end + 3]
    if tail.startswith(("'s ", "’s ", "' ", "’ ")):
        return Candidate(
            candidate.start,
            candidate.end,
            candidate.text,
            candidate.kind,
            candidate.canonical,
            candidate.actor_kind,
            candidate.gender,
            True,
        )
    return candidate


_FUNCTION_WORDS = {
    "en": frozenset(
        {
            "the",
            "but",
            "and",
            "in",
            "on",
            "at",
            "as",
            "when",
            "after",
            "before",
            "while",
            "if",
            "with",
            "for",
            "from",
            "by",
            "to",
            "of",
            "per",
            "mr",
            "mrs",
            "ms",
            "dr",
            "judge",
            "president",
            "senator",
            "chief",
            "ceo",
            "executive",
        }
    ),
    "fr": frozenset(
        {
            "le",
            "la",
            "les",
            "et",
            "mais",
            "en",
            "selon",
            "pour",
            "par",
            "avec",
            "dans",
            "sur",
            "quand",
            "après",
            "avant",
            "si",
            "m",
            "mme",
            "maître",
            "juge",
            "président",
        }
    ),
}


@dataclass(frozen=True, slots=True)
class Resolved:
    speaker: str | None
    step: str  # name | surname | description | pronoun | document | company | unresolved


def resolve(
    candidate: Candidate,
    before: Sequence[Candidate],
    *,
    sue_positions: Sequence[int] = (),
    last_speaker: tuple[str, str | None] | None = None,
    sentence_starts: Sequence[int] = (),
    first_mention: int | None = None,
) -> Resolved:
    """The canonical speaker a candidate stands for, from what the article said before it.

    `before`: the article's candidates that precede this one, in order;
    `sue_positions`: offsets of suing or filing verbs (for documents);
    `last_speaker`: (name, gender) of the previous quote's speaker, when it is near;
    `sentence_starts`: sorted offsets where the article's sentences start;
    `first_mention`: for a document, where the article first names that kind of document.
    """
    if candidate.kind in ("actor", "description"):
        return Resolved(candidate.canonical, "name" if candidate.kind == "actor" else "description")
    if candidate.kind in ("name", "surname"):
        return Resolved(candidate.canonical, candidate.kind)
    if candidate.kind == "pronoun":
        # The subject of the nearest sentence that names a compatible person: the
        # first such person of that sentence ("Musk attacked Altman. He said…" is Musk).
        people = [
            c
            for c in before
            if c.actor_kind == "person"
            and c.kind != "pronoun"
            and c.canonical
            and not c.possessive
            and (c.gender is None or candidate.gender is None or c.gender == candidate.gender)
        ]
        if people:
            sentence = bisect.bisect_right(sentence_starts, people[-1].start)
            first = next(c for c in people if bisect.bisect_right(sentence_starts, c.start) == sentence)
            here = bisect.bisect_right(sentence_starts, candidate.start)
            if here - sentence <= 3 or not last_speaker:
                return Resolved(first.canonical, "pronoun")
        if last_speaker and (candidate.gender is None or last_speaker[1] in (None, candidate.gender)):
            return Resolved(last_speaker[0], "pronoun")
        return Resolved(None, "unresolved")
    if candidate.kind == "company":
        for earlier in reversed(before):
            if earlier.actor_kind == "organisation":
                return Resolved(earlier.canonical, "company")
        return Resolved(None, "unresolved")
    if candidate.kind == "document":
        # The party whose document it is: the subject of the sentence that first
        # brought the document up ("In its complaint, OpenAI …"), else the actor
        # named nearest before a suing verb ("xAI sued Apple").
        if first_mention is not None:
            sentence = bisect.bisect_right(sentence_starts, first_mention)
            owners = [
                c
                for c in before
                if c.canonical
                and not c.possessive
                and c.kind != "document"
                and bisect.bisect_right(sentence_starts, c.start) == sentence
            ]
            if owners:
                return Resolved(owners[0].canonical, "document")
        for position in sorted((p for p in sue_positions if p < candidate.start), reverse=True):
            filers = [c for c in before if c.start < position and c.canonical]
            if filers:
                return Resolved(filers[-1].canonical, "document")
        return Resolved(None, "unresolved")
    return Resolved(None, "unresolved")
