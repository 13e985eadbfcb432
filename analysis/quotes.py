"""Direct quotes and their speakers, in French and English, with one extractor.

Quotes are found by pairing marks (analysis/quotemarks.py); the speaker is
read from cues around each quote, in this order, all driven by the language
data of analysis/lang/*.py:

1. after the quote: a French incise (« … », a-t-il ajouté), a reporting verb
   with its speaker on either side ("…," said Musk / "…," Altman wrote), or
   "according to S" / « selon S » later in the sentence;
2. inside the quote: an incise (« Non merci, a-t-il répliqué, … »);
3. before the quote, in the same sentence: "according to S", the nearest
   reporting verb and the speaker named before it (S called him a "liar"),
   a colon (S replied: "…"), or a passive agent (qualifiée par S de « … »);
4. no cue: a quote that goes on from the previous one, with nobody else
   named in between, is the same speaker's.

A short quote (three words or fewer) with no cue is a scare quote or a
title: kept apart with kind "scare", never counted as speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from analysis.actors import ActorIndex
from analysis.lang import language_data
from analysis.nlp import EntityFinder
from analysis.quotemarks import QuoteSpan, find_quote_spans
from analysis.speakers import Candidate, Resolved, find_candidates, resolve
from analysis.text import paragraph_spans, sentence_spans
from corpus.text import normalise_newlines

VERSION = "quotes-2"
# The language data the extractor reads (its version follows their content).
LANGUAGE_DATA = (
    "REPORTING_VERBS",
    "REPORTING_PHRASES",
    "ACCORDING_TO",
    "NOT_A_SOURCE",
    "SUBJECT_PRONOUNS",
    "DOCUMENT_NOUNS",
    "COMPANY_NOUNS",
    "SUE_WORDS",
    "AFTER_FILLERS",
    "PARTICIPLE_ENDINGS",
    "INCISE",
    "ABBREVIATIONS",
)
SHORT_WORDS = 3
CONFIDENCE = {
    "name": 0.95,
    "description": 0.85,
    "surname": 0.9,
    "pronoun": 0.75,
    "company": 0.7,
    "document": 0.65,
    "previous-quote": 0.7,
    "next-quote": 0.7,
    "unresolved": 0.0,
}
_WORD = re.compile(r"[\w’'-]+")
_LOWER_WORDS = re.compile(r"(?:[a-zà-öø-ÿ’'-]+\s+){1,5}")


@dataclass(frozen=True, slots=True)
class Quote:
    article_id: str
    paragraph_index: int
    start: int  # offsets in the article text; text[start:end] == quote
    end: int
    quote: str
    speaker: str | None  # canonical name, or None when the text does not say
    mention: str | None  # the speaker as written
    cue: str | None  # the reporting verb, phrase or mark that ties them
    step: str  # after | incise | before | colon | according-to | passive | continuation | none
    resolution: str  # name | surname | description | pronoun | company | document | previous-quote | unresolved
    confidence: float
    language: str
    kind: str  # direct | scare

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class _Cue:
    candidate: Candidate | None
    cue: str | None
    step: str


def _sentences(text: str, start: int, end: int, language: str, quotes: Sequence[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentences of a paragraph, merged where a boundary falls inside a quote."""
    merged: list[tuple[int, int]] = []
    for s, e in sentence_spans(text[start:end], language) or [(0, end - start)]:
        s, e = s + start, e + start
        if merged and any(
            q.mark_start < s <= q.mark_end - 1 or q.mark_start < merged[-1][1] < q.mark_end for q in quotes
        ):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _inside(position: int, quotes: Sequence[QuoteSpan]) -> bool:
    return any(q.mark_start <= position < q.mark_end for q in quotes)


def _verbs(text: str, start: int, end: int, data: Any, quotes: Sequence[QuoteSpan]) -> list[tuple[int, int, str]]:
    """Reporting verbs and phrases of text[start:end] outside quotes: (start, end, as written)."""
    found = []
    for m in _WORD.finditer(text, start, end):
        if m.group().lower() in data.REPORTING_VERBS and not _inside(m.start(), quotes):
            found.append((m.start(), m.end(), m.group()))
    lowered = text[start:end].lower()
    for phrase in data.REPORTING_PHRASES:
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered):
            if not _inside(start + m.start(), quotes):
                found.append((start + m.start(), start + m.end(), text[start + m.start() : start + m.end()]))
    return sorted(found)


def _speaking(candidates: Sequence[Candidate], start: int, end: int, text: str) -> list[Candidate]:
    return [c for c in candidates if start <= c.start and c.end <= end and not c.possessive]


_PERSONLIKE = ("actor", "description", "name", "surname", "pronoun")


def _agent(text: str, position: int, limit: int, candidates: Sequence[Candidate]) -> Candidate | None:
    """The agent of a passive or of a document: "… par S", "filed by S" right after `position`."""
    m = re.match(r"[^.;:«»\"“”]{0,40}?(?<!\w)(?:par|by)\s", text[position:limit])
    if not m:
        return None
    named = _speaking(candidates, position + m.end(), limit, text)
    return named[0] if named and named[0].start - (position + m.end()) <= 3 else None


def _source(text: str, candidate: Candidate, limit: int, candidates: Sequence[Candidate]) -> Candidate:
    """A document noun followed by its filer ("l'assignation déposée par Elon Musk") speaks for the filer."""
    if candidate.kind == "document":
        filer = _agent(text, candidate.end, limit, candidates)
        if filer is not None:
            return filer
    return candidate


def _according_to(text: str, start: int, end: int, data: Any, candidates: Sequence[Candidate]) -> _Cue | None:
    window = text[start:end]
    for phrase in data.ACCORDING_TO:
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}\s", window, re.IGNORECASE):
            if any(window.lower().startswith(n, m.start()) for n in data.NOT_A_SOURCE):
                continue
            named = _speaking(candidates, start + m.end(), end, text)
            # The source follows the phrase, at once or after lower-case words ("according to a
            # statement from OpenAI"); "selon eux, Musk …" names no source.
            gap = text[start + m.end() : named[0].start] if named else ""
            if named and (len(gap) <= 3 or _LOWER_WORDS.fullmatch(gap)):
                return _Cue(_source(text, named[0], end, candidates), m.group().strip(), "according-to")
    return None


def _after(
    text: str,
    quote: QuoteSpan,
    sentence_end: int,
    data: Any,
    candidates: Sequence[Candidate],
    quotes: Sequence[QuoteSpan],
    incise: re.Pattern[str] | None,
) -> _Cue | None:
    tail_start = quote.mark_end
    window = text[tail_start:sentence_end]
    if incise is not None:
        m = re.match(r"\s*[,.]?\s*(?:" + incise.pattern + ")", window)
        if m:
            return _pronoun_cue(m, tail_start, data, "incise")
    next_quote = min((q.mark_start for q in quotes if q.mark_start >= tail_start), default=sentence_end)
    limit = min(sentence_end, next_quote)
    verbs = _verbs(text, tail_start, limit, data, quotes)
    if verbs:
        verb_start, verb_end, verb = verbs[0]
        # Only a cue that stands right after the quote: "…," said S / "…," S (quickly) said.
        between = text[tail_start:verb_start]
        before = _speaking(candidates, tail_start, verb_start, text)
        rest = between
        if before:
            rest = between[: before[-1].start - tail_start] + between[before[-1].end - tail_start :]
        words = _WORD.findall(rest)
        if (
            len(words) <= 2
            and all(w.lower() in data.AFTER_FILLERS for w in words)
            and len(before) <= 1
            and not re.search(r"[.!?;]", rest)
        ):
            if before:
                return _Cue(_source(text, before[-1], limit, candidates), verb, "after")
            after = _speaking(candidates, verb_end, min(limit, verb_end + 80), text)
            if after and after[0].start - verb_end <= 30:
                return _Cue(_source(text, after[0], limit, candidates), verb, "after")
    # The inverted cue further on: "«…» pour financer ce projet, a clamé Elon Musk".
    for verb_start, verb_end, verb in verbs:
        lead = _WORD.findall(text[text.rfind(",", tail_start, verb_start) + 1 : verb_start])
        if text.rfind(",", tail_start, verb_start) < 0 or not all(w.lower() in data.AFTER_FILLERS for w in lead):
            continue
        after = _speaking(candidates, verb_end, min(limit, verb_end + 80), text)
        if after and after[0].start - verb_end <= 30:
            return _Cue(_source(text, after[0], limit, candidates), verb, "after")
    return _according_to(text, tail_start, sentence_end, data, candidates)


def _pronoun_cue(m: re.Match[str], offset: int, data: Any, step: str) -> _Cue:
    group = next(g for g in ("p1", "p2", "p3") if m.group(g))
    start = offset + m.start(group)
    word = m.group(group)
    gender = data.SUBJECT_PRONOUNS.get(word.lower())
    return _Cue(
        Candidate(start, start + len(word), word, "pronoun", None, "person", gender),
        m.group().strip(" ,."),
        step,
    )


def _inside_incise(text: str, quote: QuoteSpan, data: Any, incise: re.Pattern[str] | None) -> _Cue | None:
    if incise is None:
        return None
    m = re.search(r",\s*(?:" + incise.pattern + r")[^,.«»\"“”]{0,40}[,.]", text[quote.start : quote.end])
    return _pronoun_cue(m, quote.start, data, "incise") if m else None


def _before(
    text: str,
    quote: QuoteSpan,
    sentence_start: int,
    data: Any,
    candidates: Sequence[Candidate],
    quotes: Sequence[QuoteSpan],
) -> _Cue | None:
    found = _according_to(text, sentence_start, quote.mark_start, data, candidates)
    if found:
        return found
    verbs = _verbs(text, sentence_start, quote.mark_start, data, quotes)
    if verbs:
        verb_start, verb_end, verb = verbs[-1]
        agent = _agent(text, verb_end, quote.mark_start, candidates)
        if agent is not None:
            return _Cue(agent, verb, "passive")
        subject = _speaking(candidates, sentence_start, verb_start, text)
        comma = text.rfind(",", sentence_start, verb_start)
        participle = (
            verb.lower().endswith(data.PARTICIPLE_ENDINGS)
            and comma >= 0
            and len(_WORD.findall(text[comma:verb_start])) <= 2
        )
        if subject:
            # "S …, calling him a 'liar'": the participle's subject is the main clause's.
            chosen = subject[0] if participle else subject[-1]
            return _Cue(_source(text, chosen, quote.mark_start, candidates), verb, "before")
    head = text[sentence_start : quote.mark_start].rstrip()
    if head.endswith(":"):
        colon = sentence_start + len(head) - 1
        named = [c for c in candidates if sentence_start <= c.start and c.end <= colon]
        people = [c for c in named if c.kind in _PERSONLIKE] or named
        if people:
            return _Cue(people[0], ":", "colon")
    return None


def extract_quotes(
    text: str,
    language: str,
    *,
    actors: ActorIndex,
    article_id: str = "",
    entities: EntityFinder | None = None,
) -> list[Quote]:
    """Every quote of an article with its speaker; offsets index the article text.

    `entities`: a spaCy entity finder for the language, run on the sentences
    around quotes only (None: capitalisation and the actors file alone).
    """
    text = normalise_newlines(text)
    data = language_data(language) or language_data("en")
    incise = re.compile(data.INCISE, re.IGNORECASE) if data.INCISE else None
    paragraphs = paragraph_spans(text)
    spans = [(i, q) for i, (s, e) in enumerate(paragraphs) for q in find_quote_spans(text, s, e)]
    all_quotes = [q for _, q in spans]
    sentences_of = {
        i: _sentences(text, s, e, language, [q for j, q in spans if j == i]) for i, (s, e) in enumerate(paragraphs)
    }
    sentence_list = sorted(sentence for found in sentences_of.values() for sentence in found)
    sentence_starts = [s for s, _ in sentence_list]
    found_entities = None
    if entities is not None and all_quotes:
        regions = _regions_around(text, sentence_list, all_quotes, actors, language)
        found_entities = entities(text, regions) if regions else None
    candidates = find_candidates(
        text,
        language,
        actors,
        entities=found_entities,
        outside=[(q.mark_start, q.mark_end) for q in all_quotes if q.depth == 0],
    )
    sue_positions = [m.start() for m in _WORD.finditer(text) if m.group().lower() in data.SUE_WORDS]
    quotes: list[Quote] = []
    last: tuple[int, str | None, str | None, int] | None = None  # paragraph, speaker, gender, sentence end
    for index, quote in spans:
        if quote.depth > 0:
            continue
        p_start, p_end = paragraphs[index]
        s_start, s_end = next(((s, e) for s, e in sentences_of[index] if s <= quote.mark_start < e), (p_start, p_end))
        cue = (
            _after(text, quote, s_end, data, candidates, all_quotes, incise)
            or _inside_incise(text, quote, data, incise)
            or _before(text, quote, s_start, data, candidates, all_quotes)
        )
        recent = last if last and index - last[0] <= 2 else None
        if cue and cue.candidate is not None:
            before = [c for c in candidates if c.end <= cue.candidate.start]
            hint = (recent[1], recent[2]) if recent and recent[1] else None
            found: Resolved = resolve(
                cue.candidate,
                before,
                sue_positions=sue_positions,
                last_speaker=hint,
                sentence_starts=sentence_starts,
                first_mention=_first_mention(text, cue.candidate),
            )
            speaker, mention, resolution, step, cue_text = (
                found.speaker,
                cue.candidate.text,
                found.step,
                cue.step,
                cue.cue,
            )
        elif (
            recent
            and recent[1]
            and not _speaking(
                candidates, max(recent[3], s_start if recent[0] == index else p_start), quote.mark_start, text
            )
        ):
            # Nobody else named since the previous quote's sentence: the same speaker goes on.
            speaker, mention, resolution, step, cue_text = (
                recent[1],
                None,
                "previous-quote",
                "continuation",
                None,
            )
        else:
            speaker, mention, resolution, step, cue_text = None, None, "unresolved", "none", None
        body = text[quote.start : quote.end]
        kind = "direct"
        no_cue = step in ("none", "continuation")
        if (no_cue and (len(body.split()) <= SHORT_WORDS or _title_case(body))) or (
            step in ("after", "according-to") and len(body.split()) > 1 and _title_case(body, ended=False)
        ):
            # no cue, or a name right before a verb ("the podcast "Hard Questions," Altman said"):
            # a scare quote or a title, not speech
            kind = "scare"
            speaker, mention, cue_text, resolution = None, None, None, "unresolved"
        if speaker is None:
            resolution = "unresolved"
        quotes.append(
            Quote(
                article_id=article_id,
                paragraph_index=index,
                start=quote.start,
                end=quote.end,
                quote=body,
                speaker=speaker,
                mention=mention,
                cue=cue_text,
                step=step,
                resolution=resolution,
                confidence=CONFIDENCE[resolution],
                language=language,
                kind=kind,
            )
        )
        if kind == "direct":
            gender = actors.actors[speaker].gender if speaker in actors.actors else None
            last = (index, speaker, gender, s_end)
    return _carry_back(quotes, spans)


def _carry_back(quotes: list[Quote], spans: Sequence[tuple[int, QuoteSpan]]) -> list[Quote]:
    """A quote left open at the end of its paragraph goes on in the next one, which opens
    with a quote mark again: the speaker named there spoke both parts."""
    open_ends = {q.start: q for _, q in spans if q.depth == 0 and q.close_mark is None}
    for i, quote in enumerate(quotes[:-1]):
        nxt = quotes[i + 1]
        if (
            quote.start in open_ends
            and quote.speaker is None
            and nxt.speaker
            and nxt.paragraph_index == quote.paragraph_index + 1
            and nxt.kind == "direct"
        ):
            quotes[i] = replace(
                quote,
                speaker=nxt.speaker,
                mention=None,
                step="continuation",
                resolution="next-quote",
                confidence=CONFIDENCE["next-quote"],
                kind="direct",
            )
    return quotes


_UNKNOWN_NAME = re.compile(r"(?<=[\w,;:’'\"»”] )[A-Z][a-zà-öø-ÿ]+")


def _regions_around(
    text: str,
    sentences: Sequence[tuple[int, int]],
    quotes: Sequence[QuoteSpan],
    actors: ActorIndex,
    language: str,
) -> list[tuple[int, int]]:
    """The sentences holding a quote, and the one before each, where a capitalised word inside
    the sentence is not a known actor: only there can a model tell a person from a place."""
    known = {(m.start, m.end) for m in actors.mentions(text, language)}
    regions = set()
    for i, (start, end) in enumerate(sentences):
        if not any(start <= q.mark_start < end for q in quotes):
            continue
        for s, e in (sentences[i - 1], (start, end)) if i > 0 else ((start, end),):
            unknown = [
                m
                for m in _UNKNOWN_NAME.finditer(text, s, e)
                if not any(a <= m.start() < b for a, b in known) and not _inside(m.start(), quotes)
            ]
            if unknown:
                regions.add((s, e))
    return sorted(regions)


def _first_mention(text: str, candidate: Candidate) -> int | None:
    """Where the article last named the kind of document a candidate is ("plainte", "lawsuit")
    before the candidate itself: the sentence that introduced it names its owner."""
    if candidate.kind != "document":
        return None
    head = re.split(r"['’\s]", candidate.text)[-1].lower()
    earlier = [
        m.start() for m in re.finditer(rf"(?<!\w){re.escape(head)}(?!\w)", text[: candidate.start], re.IGNORECASE)
    ]
    return earlier[-1] if earlier else None


def _title_case(body: str, *, ended: bool = True) -> bool:
    """A name or a title ("Game of Thrones", « Wall Street Journal »), not a sentence.

    `ended`: whether a title may end with a full stop (American style puts it inside the marks).
    """
    if not ended and body.rstrip().endswith((".", "!", "?")):
        return False
    words = _WORD.findall(body)
    capitalised = [w for w in words if w[:1].isupper()]
    return (
        0 < len(words) <= 6
        and all(w[:1].isupper() or len(w) <= 4 for w in words)
        and len(capitalised) >= len(words) / 2
    )
