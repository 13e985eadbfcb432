"""Cues that tie a quote to its speaker, read around the quote in its sentence.

Ordered sieves, each a small function over the quote, its sentence and the
article's speaker candidates (analysis/speakers.py); the first that finds a
speaker wins:

1. `after`: right after the quote, an incise (« … », a-t-il ajouté) or a reporting
   verb with its speaker on either side ("…," said Musk / "…," Altman wrote), or
   further on after a comma («…» pour financer ce projet, a clamé Elon Musk);
2. `inside_incise`: « Non merci, a-t-il répliqué, … »;
3. `before`: "according to S" / « selon S »; a passive agent (qualifiée par S de « … »);
   the subject of the nearest reporting verb before the quote — the clause's subject,
   skipping appositions, relative clauses and complements ("Satya Nadella, CEO of
   Microsoft, said" is Nadella), the main clause's for a participle after a comma or a
   gerund ("OpenAI a répondu en déclarant"), the name right before a participle without
   one ("OpenAI évoquant"); a colon (S replied: "…"), or a possessive and a message noun
   before it (« Son message a été … : »), which stands for the possessor.

A French dependency parse, where a model is installed, settles the subject of the
cue verb when the clause holds several candidates.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from analysis.lang import language_data
from analysis.lang.record import Language
from analysis.quotemarks import QuoteSpan
from analysis.spans import SpanSet
from analysis.speakers import Candidate, Kind

_WORD = re.compile(r"[\w’'-]+")
_LOWER_WORDS = re.compile(r"(?:[a-zà-öø-ÿ’'-]+\s+){1,5}")
# (text, verb offset, verb end) -> (start, end) of the verb's grammatical subject, or None
_PERSONLIKE = (Kind.ACTOR, Kind.DESCRIPTION, Kind.NAME, Kind.SURNAME, Kind.PRONOUN, Kind.PROXY)
SubjectFinder = Callable[[str, int, int], tuple[int, int] | None]


class CueStep(StrEnum):
    """Where the cue stood (the quote's `step`)."""

    AFTER = "after"
    INCISE = "incise"
    BEFORE = "before"
    COLON = "colon"
    ACCORDING_TO = "according-to"
    PASSIVE = "passive"
    POSSESSIVE = "possessive"
    CONTINUATION = "continuation"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Cue:
    candidate: Candidate | None
    cue: str | None  # as written
    step: CueStep
    rule: str  # the sieve and the rule inside it that decided, for the reader


@dataclass(frozen=True, slots=True)
class Scene:
    """What every sieve reads: the text, its language data, the candidates (in text order), all
    quotes; with sorted indexes of both, so that each question costs a bisection, not a scan."""

    text: str
    data: Language
    candidates: Sequence[Candidate]
    quotes: Sequence[QuoteSpan]
    incise: re.Pattern[str] | None
    subject_of: SubjectFinder | None = None
    quoted: SpanSet = field(init=False)
    quote_starts: list[int] = field(init=False)
    candidate_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "quoted", SpanSet((q.mark_start, q.mark_end) for q in self.quotes))
        object.__setattr__(self, "quote_starts", sorted(q.mark_start for q in self.quotes))
        object.__setattr__(self, "candidate_starts", [c.start for c in self.candidates])

    def next_quote(self, position: int, default: int) -> int:
        """Where the first quote opening at or after `position` opens (`default` when none does)."""
        i = bisect.bisect_left(self.quote_starts, position)
        return self.quote_starts[i] if i < len(self.quote_starts) else default

    def within(self, start: int, end: int) -> Sequence[Candidate]:
        """The candidates starting in [start, end), in text order."""
        starts = self.candidate_starts
        return self.candidates[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def speaking(self, start: int, end: int) -> list[Candidate]:
        """Candidates inside [start, end) that can be a subject (no possessive)."""
        return [c for c in self.within(start, end) if c.end <= end and not c.possessive]


def _inflect(data: Language, lemmas: Sequence[str]) -> set[str]:
    """The regular forms of the lemmas by the language's inflection table."""
    forms: set[str] = set()
    soft = data.soft_stems
    for lemma in lemmas:
        for ending, cut, added in data.verb_inflections:
            if lemma.endswith(ending):
                stem = lemma[: len(lemma) - len(cut)] if cut else lemma
                for suffix in added:
                    if stem and suffix[:1] in ("a", "o", "â") and stem[-1] in soft:
                        forms.add(stem[:-1] + soft[stem[-1]] + suffix)
                    else:
                        forms.add(stem + suffix)
                break
    return forms


@functools.lru_cache(maxsize=8)
def reporting_verbs(language: str) -> frozenset[str]:
    """Every form of the language's reporting verbs: the listed forms and the regular
    inflections of its lemmas (naming verbs included)."""
    data = language_data(language)
    if data is None:
        return frozenset()
    forms = set(data.reporting_verbs) | _inflect(data, (*data.reporting_lemmas, *data.naming_lemmas))
    return frozenset(f.lower() for f in forms)


@functools.lru_cache(maxsize=8)
def naming_verbs(language: str) -> frozenset[str]:
    """Forms of the verbs that name or label ("called", « qualifié »)."""
    data = language_data(language)
    return frozenset(f.lower() for f in _inflect(data, data.naming_lemmas)) if data else frozenset()


def verbs_in(scene: Scene, start: int, end: int, language: str) -> list[tuple[int, int, str]]:
    """Reporting verbs and phrases of text[start:end] outside quotes: (start, end, as written)."""
    text, forms = scene.text, reporting_verbs(language)
    found = [
        (m.start(), m.end(), m.group())
        for m in _WORD.finditer(text, start, end)
        if m.group().lower() in forms and not scene.quoted.covers(m.start())
    ]
    lowered = text[start:end].lower()
    for phrase in scene.data.reporting_phrases:
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered):
            if not scene.quoted.covers(start + m.start()):
                found.append((start + m.start(), start + m.end(), text[start + m.start() : start + m.end()]))
    return sorted(found)


def _agent(scene: Scene, position: int, limit: int) -> Candidate | None:
    """The agent of a passive or of a document: "… par S", "filed by S" right after `position`."""
    words = "|".join(scene.data.agent_words)
    m = re.match(rf"[^.;:«»\"“”]{{0,40}}?(?<!\w)(?:{words})\s", scene.text[position:limit])
    if not m:
        return None
    named = scene.speaking(position + m.end(), limit)
    return named[0] if named and named[0].start - (position + m.end()) <= 3 else None


def _source(scene: Scene, candidate: Candidate, limit: int) -> Candidate:
    """A document noun followed by its filer ("l'assignation déposée par Elon Musk") speaks for the filer."""
    if candidate.kind == Kind.DOCUMENT:
        filer = _agent(scene, candidate.end, limit)
        if filer is not None:
            return filer
    return candidate


def _object_pronoun(scene: Scene, start: int, end: int) -> Candidate | None:
    m = re.match(r"\s*(\w+)", scene.text[start:end])
    if m and m.group(1).lower() in scene.data.object_pronouns:
        word = m.group(1)
        return Candidate(
            start + m.start(1),
            start + m.end(1),
            word,
            Kind.PRONOUN,
            None,
            "person",
            scene.data.object_pronouns[word.lower()],
        )
    return None


def according_to(scene: Scene, start: int, end: int) -> Cue | None:
    """ "according to S" / « selon S » / « selon lui »; "selon lesquelles" names no source."""
    text, window = scene.text, scene.text[start:end]
    lowered = window.lower()
    for phrase in scene.data.according_to:
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}\s", window, re.IGNORECASE):
            if any(lowered.startswith(n, m.start()) for n in scene.data.not_a_source):
                continue
            after = start + m.end()
            pronoun = _object_pronoun(scene, after, end)
            if pronoun is not None:
                return Cue(pronoun, m.group().strip(), CueStep.ACCORDING_TO, "according-to pronoun")
            named = scene.speaking(after, end)
            # The source follows the phrase, at once or after lower-case words ("according to a
            # statement from OpenAI").
            gap = text[after : named[0].start] if named else ""
            if named and (len(gap) <= 3 or _LOWER_WORDS.fullmatch(gap)):
                return Cue(_source(scene, named[0], end), m.group().strip(), CueStep.ACCORDING_TO, "according-to")
    return None


def _fillers_only(scene: Scene, words: Sequence[str]) -> bool:
    return all(w.lower() in scene.data.after_fillers for w in words)


def after(scene: Scene, quote: QuoteSpan, sentence_end: int, language: str) -> Cue | None:
    text, tail_start = scene.text, quote.mark_end
    if scene.incise is not None:
        m = re.match(r"\s*[,.]?\s*(?:" + scene.incise.pattern + ")", text[tail_start:sentence_end])
        if m:
            return pronoun_cue(m, tail_start, scene.data, CueStep.INCISE)
    limit = min(sentence_end, scene.next_quote(tail_start, sentence_end))
    verbs = verbs_in(scene, tail_start, limit, language)
    if verbs:
        found = _right_after(scene, tail_start, limit, verbs[0])
        if found is not None:
            return found
    # The inverted cue further on: "«…» pour financer ce projet, a clamé Elon Musk".
    for verb_start, verb_end, verb in verbs:
        comma = text.rfind(",", tail_start, verb_start)
        if comma < 0 or not _fillers_only(scene, _WORD.findall(text[comma + 1 : verb_start])):
            continue
        named = scene.speaking(verb_end, min(limit, verb_end + 80))
        if named and named[0].start - verb_end <= 30:
            return Cue(_source(scene, named[0], limit), verb, CueStep.AFTER, "after: inverted further on")
    return according_to(scene, tail_start, sentence_end)


def _right_after(scene: Scene, tail_start: int, limit: int, verb: tuple[int, int, str]) -> Cue | None:
    """ "…," said S / "…," S (quickly) said: only a cue that stands right after the quote."""
    text = scene.text
    verb_start, verb_end, word = verb
    between = text[tail_start:verb_start]
    before = scene.speaking(tail_start, verb_start)
    rest = between
    if before:
        rest = between[: before[-1].start - tail_start] + between[before[-1].end - tail_start :]
    if len(before) > 1 or re.search(r"[.!?;]", rest):
        return None
    words = _WORD.findall(rest)
    if len(words) > 2 or not _fillers_only(scene, words):
        return None
    if before:
        return Cue(_source(scene, before[-1], limit), word, CueStep.AFTER, "after: subject then verb")
    named = scene.speaking(verb_end, min(limit, verb_end + 80))
    if named and named[0].start - verb_end <= 30:
        return Cue(_source(scene, named[0], limit), word, CueStep.AFTER, "after: verb then subject")
    return None


def pronoun_cue(m: re.Match[str], offset: int, data: Language, step: CueStep) -> Cue:
    group = next(g for g in ("p1", "p2", "p3") if m.group(g))
    start = offset + m.start(group)
    word = m.group(group)
    gender = data.subject_pronouns.get(word.lower())
    candidate = Candidate(start, start + len(word), word, Kind.PRONOUN, None, "person", gender)
    return Cue(candidate, m.group().strip(" ,."), step, f"{step}: inverted pronoun")


def inside_incise(scene: Scene, quote: QuoteSpan) -> Cue | None:
    if scene.incise is None:
        return None
    pattern = r",\s*(?:" + scene.incise.pattern + r")[^,.«»\"“”]{0,40}[,.]"
    m = re.search(pattern, scene.text[quote.start : quote.end])
    return pronoun_cue(m, quote.start, scene.data, CueStep.INCISE) if m else None


def before(scene: Scene, quote: QuoteSpan, sentence_start: int, language: str) -> Cue | None:
    found = according_to(scene, sentence_start, quote.mark_start)
    if found:
        return found
    verbs = verbs_in(scene, sentence_start, quote.mark_start, language)
    if verbs:
        found = _verb_before(scene, quote, sentence_start, verbs[-1])
        if found:
            return found
    return colon(scene, quote, sentence_start)


def _verb_before(scene: Scene, quote: QuoteSpan, sentence_start: int, verb: tuple[int, int, str]) -> Cue | None:
    text, data = scene.text, scene.data
    verb_start, verb_end, word = verb
    agent = _agent(scene, verb_end, quote.mark_start)
    if agent is not None:
        return Cue(agent, word, CueStep.PASSIVE, "before: passive agent")
    clause = scene.speaking(sentence_start, verb_start)
    if not clause:
        return _initial_participle(scene, quote, sentence_start, verb)
    lead = text[sentence_start:verb_start]
    is_participle = word.lower().endswith(data.participle_endings)
    if is_participle:
        right_before = clause[-1]
        gap = text[right_before.end : verb_start]
        if not gap.strip():
            # "OpenAI évoquant « … »": an absolute participle names its own subject
            return Cue(_source(scene, right_before, quote.mark_start), word, CueStep.BEFORE, "before: participle's own")
        comma = lead.rstrip().endswith(",") or re.search(r"(?:^|\s)(?:en|while|by)\s*$", lead, re.IGNORECASE)
        if comma:
            # "S …, calling him a 'liar'", « OpenAI a répondu en déclarant »: the main clause's subject
            main = [c for c in clause if c.subject_like] or clause
            return Cue(_source(scene, main[0], quote.mark_start), word, CueStep.BEFORE, "before: main clause")
    chosen = _clause_subject(scene, sentence_start, verb_start, verb_end, clause)
    if chosen is None:
        return None
    return Cue(_source(scene, chosen, quote.mark_start), word, CueStep.BEFORE, "before: verb's subject")


def _clause_subject(
    scene: Scene, sentence_start: int, verb_start: int, verb_end: int, clause: Sequence[Candidate]
) -> Candidate | None:
    """The subject of a verb among the candidates before it: the parser's where it answers; else
    the last subject-like candidate of the comma segment next to the verb; else, when that
    segment holds none ("Nadella, CEO of Microsoft, which …, said"), the first subject-like
    candidate of the sentence (the head the appositions hang on)."""
    last = clause[-1]
    if re.fullmatch(r"\s*,?\s*(?:qui|who|which)(?:\s+[\w’'-]+){0,3}\s*", scene.text[last.end : verb_start]):
        return last  # « Elon Musk qui l’a qualifié … »: the relative's antecedent
    subjects = [c for c in clause if c.subject_like]
    if scene.subject_of is not None and len(subjects) > 1:
        span = scene.subject_of(scene.text, verb_start, verb_end)
        if span is not None:
            for c in subjects:
                if c.start < span[1] and span[0] < c.end:
                    return c
    segment_start = max(scene.text.rfind(",", sentence_start, verb_start) + 1, sentence_start)
    near = [c for c in subjects if c.start >= segment_start]
    if near:
        return near[-1]
    if subjects:
        return subjects[0]
    return clause[-1]


def _initial_participle(scene: Scene, quote: QuoteSpan, sentence_start: int, verb: tuple[int, int, str]) -> Cue | None:
    """« Appelant le procès un cas de « … », la juge … »: a sentence that opens with a participle
    has its subject after the comma that closes the participle's clause."""
    text = scene.text
    verb_start, _end, word = verb
    if text[sentence_start:verb_start].strip() or not word.lower().endswith(scene.data.participle_endings):
        return None
    comma = text.find(",", quote.mark_end)
    if comma < 0:
        return None
    named = [c for c in scene.speaking(comma, comma + 120) if c.subject_like]
    if named:
        return Cue(named[0], word, CueStep.BEFORE, "before: opening participle")
    return None


def colon(scene: Scene, quote: QuoteSpan, sentence_start: int) -> Cue | None:
    """S replied: "…"; « Son message a été … : « … » » stands for the possessor."""
    text = scene.text
    head = text[sentence_start : quote.mark_start].rstrip()
    if not head.endswith(":"):
        return None
    colon_at = sentence_start + len(head) - 1
    named = [c for c in scene.within(sentence_start, colon_at) if c.end <= colon_at]
    people = [c for c in named if c.kind in _PERSONLIKE] or named
    subjects = [c for c in people if c.subject_like] or people
    if subjects:
        return Cue(subjects[0], ":", CueStep.COLON, "colon: subject")
    determiners = "|".join(scene.data.possessive_determiners)
    nouns = "|".join(re.escape(n) for n in scene.data.message_nouns)
    m = re.search(rf"(?<!\w)({determiners})\s+(?:[\w-]+\s+)?({nouns})(?!\w)", head, re.IGNORECASE)
    if m:
        start = sentence_start + m.start(1)
        gender = scene.data.possessive_determiners[m.group(1).lower()]
        candidate = Candidate(start, start + len(m.group(1)), m.group(), Kind.PRONOUN, None, "person", gender)
        return Cue(candidate, m.group(), CueStep.POSSESSIVE, "colon: possessive message")
    return None
