"""Direct quotes and their speakers, in French and English, with one extractor.

Quotes are found by pairing marks (analysis/quotemarks.py). Each quote then goes
through small named steps: its sentence; its cue, by the ordered sieves of
analysis/cues.py (after, inside, before the quote); the candidate the cue names,
resolved to a canonical speaker by analysis/speakers.py; failing a cue, the
continuation of the previous quote's speaker; and its kind: a short quote or a
name-like one without a cue, or a short one sitting in a noun phrase ("an ‘open’
counterweight"), is a scare quote, kept apart and never counted as speech.

Every word list lives in analysis/lang/ and is part of the version digest.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from analysis import cues
from analysis.actors import ActorIndex
from analysis.cues import Cue, CueStep, Scene, SubjectFinder
from analysis.lang import language_data
from analysis.nlp import EntityFinder
from analysis.quotemarks import QuoteSpan, find_quote_spans
from analysis.spans import SpanSet
from analysis.speakers import Candidate, Context, Kind, Resolved, Step, find_candidates, resolve, resolve_possessor
from analysis.text import paragraph_spans, sentence_spans
from corpus.text import normalise_newlines

VERSION = "quotes-3"
# The language data the extractor reads (its version follows their content).
LANGUAGE_DATA = (
    "reporting_verbs",
    "reporting_lemmas",
    "naming_lemmas",
    "verb_inflections",
    "soft_stems",
    "reporting_phrases",
    "according_to",
    "not_a_source",
    "subject_pronouns",
    "object_pronouns",
    "document_nouns",
    "company_nouns",
    "proxy_nouns",
    "message_nouns",
    "possessive_determiners",
    "scare_determiners",
    "term_prepositions",
    "naming_participles",
    "complement_words",
    "agent_words",
    "name_prefix_words",
    "not_person",
    "name_particles",
    "sue_words",
    "after_fillers",
    "participle_endings",
    "incise",
    "abbreviations",
)
SHORT_WORDS = 3  # fitted on dev + dev2 by `eval quotes --folds 5` (fitted on all articles)
SHORT_WORDS_GRID = (1, 2, 3, 4)
CUE_REACH = 600  # characters read for a cue on either side of a quote's marks, within its sentence
LOOKBACK = 400  # candidates before a cue that resolution reads (a pronoun's antecedent, a document's owner)
CONFIDENCE = {
    Step.NAME: 0.95,
    Step.DESCRIPTION: 0.85,
    Step.SURNAME: 0.9,
    Step.PROXY: 0.85,
    Step.PRONOUN: 0.75,
    Step.POSSESSIVE: 0.7,
    Step.COMPANY: 0.7,
    Step.DOCUMENT: 0.65,
    Step.PREVIOUS_QUOTE: 0.7,
    Step.NEXT_QUOTE: 0.7,
    Step.UNRESOLVED: 0.0,
}
QuoteKind = Literal["direct", "scare"]  # speech, or a word quoted at a distance (a scare quote)
DIRECT: QuoteKind = "direct"
SCARE: QuoteKind = "scare"
_WORD = re.compile(r"[\w’'-]+")


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
    step: CueStep
    resolution: Step
    confidence: float
    language: str
    kind: QuoteKind
    rule: str = ""  # the sieve rule that decided, shown to the analyst

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class _Article:
    """An article read once for all its quotes."""

    text: str
    language: str
    actors: ActorIndex
    paragraphs: list[tuple[int, int]]
    spans: list[tuple[int, QuoteSpan]]
    sentences_of: dict[int, list[tuple[int, int]]]
    sentence_starts: list[int]
    scene: Scene
    sue_positions: list[int]
    heads: dict[str, list[int]] = field(default_factory=dict)  # a document noun -> where the text names it


@dataclass(frozen=True, slots=True)
class _Previous:
    paragraph: int
    speaker: str | None
    gender: str | None
    sentence_end: int


def _sentences(text: str, start: int, end: int, language: str, quotes: Sequence[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentences of a paragraph, merged where a boundary falls inside a quote."""
    merged: list[tuple[int, int]] = []
    quoted = SpanSet((q.mark_start, q.mark_end) for q in quotes)
    for s, e in sentence_spans(text[start:end], language) or [(0, end - start)]:
        s, e = s + start, e + start
        if merged and (quoted.strictly_inside(s) or quoted.strictly_inside(merged[-1][1])):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _read_article(
    text: str,
    language: str,
    actors: ActorIndex,
    entities: EntityFinder | None,
    subject_of: SubjectFinder | None,
) -> _Article:
    data = language_data(language) or language_data("en")
    assert data is not None
    incise = re.compile(data.incise, re.IGNORECASE) if data.incise else None
    paragraphs = paragraph_spans(text)
    spans = [(i, q) for i, (s, e) in enumerate(paragraphs) for q in find_quote_spans(text, s, e)]
    all_quotes = [q for _, q in spans]
    quotes_of: dict[int, list[QuoteSpan]] = {}
    for i, q in spans:
        quotes_of.setdefault(i, []).append(q)
    sentences_of = {i: _sentences(text, s, e, language, quotes_of.get(i, [])) for i, (s, e) in enumerate(paragraphs)}
    sentence_list = sorted(sentence for found in sentences_of.values() for sentence in found)
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
    return _Article(
        text=text,
        language=language,
        actors=actors,
        paragraphs=paragraphs,
        spans=spans,
        sentences_of=sentences_of,
        sentence_starts=[s for s, _ in sentence_list],
        scene=Scene(text, data, candidates, all_quotes, incise, subject_of),
        sue_positions=[m.start() for m in _WORD.finditer(text) if m.group().lower() in data.sue_words],
    )


def extract_quotes(
    text: str,
    language: str,
    *,
    actors: ActorIndex,
    article_id: str = "",
    entities: EntityFinder | None = None,
    subject_of: SubjectFinder | None = None,
    short_words: int = SHORT_WORDS,
) -> list[Quote]:
    """Every quote of an article with its speaker; offsets index the article text.

    `entities`: a spaCy entity finder for the language, run on the sentences
    around quotes only (None: capitalisation and the actors file alone);
    `subject_of`: a dependency parse of the cue's sentence (None: clause rules alone);
    `short_words`: a quote this short needs a cue to count as speech (fitted: see
    analysis/evaluation.py, `eval quotes --folds`).
    """
    article = _read_article(normalise_newlines(text), language, actors, entities, subject_of)
    quotes: list[Quote] = []
    previous: _Previous | None = None
    for index, span in article.spans:
        if span.depth > 0:
            continue
        quote, sentence_end = _attribute(article, index, span, previous, article_id, short_words)
        quotes.append(quote)
        if quote.kind == DIRECT:
            actor = actors.actors.get(quote.speaker or "")
            previous = _Previous(index, quote.speaker, actor.gender if actor else None, sentence_end)
    return _carry_back(quotes, article.spans)


def _sentence_of(article: _Article, index: int, span: QuoteSpan) -> tuple[int, int]:
    sentences = article.sentences_of[index]
    i = bisect.bisect_right(sentences, (span.mark_start, len(article.text) + 1)) - 1
    if i >= 0 and sentences[i][0] <= span.mark_start < sentences[i][1]:
        return sentences[i]
    return article.paragraphs[index]


def _find_cue(article: _Article, span: QuoteSpan, sentence: tuple[int, int]) -> Cue | None:
    scene, language = article.scene, article.language
    # A cue stands near its quote: reading a sentence of thousands of characters (text made of
    # quote marks and punctuation) for each of its quotes would make extraction quadratic.
    sentence = (max(sentence[0], span.mark_start - CUE_REACH), min(sentence[1], span.mark_end + CUE_REACH))
    return (
        cues.after(scene, span, sentence[1], language)
        or cues.inside_incise(scene, span)
        or cues.before(scene, span, sentence[0], language)
    )


def _speaker_of(article: _Article, cue: Cue, recent: _Previous | None) -> Resolved:
    assert cue.candidate is not None
    scene = article.scene
    earlier = bisect.bisect_left(scene.candidate_starts, cue.candidate.start)
    window = scene.candidates[max(0, earlier - LOOKBACK) : earlier]
    context = Context(
        before=[c for c in window if c.end <= cue.candidate.start],
        sue_positions=article.sue_positions,
        last_speaker=(recent.speaker, recent.gender) if recent and recent.speaker else None,
        sentence_starts=article.sentence_starts,
        first_mention=_first_mention(article, cue.candidate),
    )
    if cue.step == CueStep.POSSESSIVE:
        return resolve_possessor(cue.candidate.start, cue.candidate.gender, context)
    return resolve(cue.candidate, context)


def _goes_on(article: _Article, recent: _Previous | None, index: int, span: QuoteSpan, sentence_start: int) -> bool:
    """Nobody else named since the previous quote's sentence: the same speaker goes on."""
    if recent is None or not recent.speaker or index - recent.paragraph > 2:
        return False
    since = max(recent.sentence_end, sentence_start if recent.paragraph == index else article.paragraphs[index][0])
    return not article.scene.speaking(since, span.mark_start)


def _attribute(
    article: _Article, index: int, span: QuoteSpan, previous: _Previous | None, article_id: str, short_words: int
) -> tuple[Quote, int]:
    sentence = _sentence_of(article, index, span)
    recent = previous if previous and index - previous.paragraph <= 2 else None
    cue = _find_cue(article, span, sentence)
    speaker: str | None = None
    mention = cue_text = None
    step, resolution, rule = CueStep.NONE, Step.UNRESOLVED, "no cue"
    if cue is not None and cue.candidate is not None:
        found = _speaker_of(article, cue, recent)
        speaker, resolution = found.speaker, found.step
        mention, step, cue_text, rule = cue.candidate.text, cue.step, cue.cue, cue.rule
    elif _goes_on(article, recent, index, span, sentence[0]):
        assert recent is not None
        speaker, resolution, step, rule = recent.speaker, Step.PREVIOUS_QUOTE, CueStep.CONTINUATION, "continuation"
    body = article.text[span.start : span.end]
    kind = _kind(article, span, body, step, cue, short_words)
    if kind == SCARE:
        speaker, mention, cue_text, resolution = None, None, None, Step.UNRESOLVED
    if speaker is None:
        resolution = Step.UNRESOLVED
    quote = Quote(
        article_id=article_id,
        paragraph_index=index,
        start=span.start,
        end=span.end,
        quote=body,
        speaker=speaker,
        mention=mention,
        cue=cue_text,
        step=step,
        resolution=resolution,
        confidence=CONFIDENCE[Step(resolution)],
        language=article.language,
        kind=kind,
        rule=rule,
    )
    return quote, sentence[1]


def _kind(article: _Article, span: QuoteSpan, body: str, step: CueStep, cue: Cue | None, short_words: int) -> QuoteKind:
    """Speech, or a scare quote / title kept apart."""
    words = len(body.split())
    if step == CueStep.NONE:
        return SCARE if words <= short_words or _title_case(body) else DIRECT
    if step == CueStep.CONTINUATION:
        # the same speaker goes on right after a quote of theirs: speech, short or not
        return SCARE if words == 1 or _title_case(body) else DIRECT
    if words <= short_words and _is_a_term(article, span) and not _named_by(article, cue):
        return SCARE  # « publiés en « open source » », « dit d'« open source » »
    titled = _title_case(body, ended=False) and (words > 1 or _names_a_thing(article, span))
    if step in (CueStep.AFTER, CueStep.ACCORDING_TO) and words > 1 and titled:
        # a name right before a verb ("the podcast "Hard Questions," Altman said")
        return SCARE
    if step == CueStep.BEFORE and words <= short_words:
        naming = _named_by(article, cue)
        in_phrase = _in_noun_phrase(article, span)
        if titled and (in_phrase or not naming or _names_a_thing(article, span)):
            return SCARE  # “Must Have” section, « baptisée « Stargate » »
        if words == 1 and in_phrase and not naming:
            return SCARE  # an ‘open’ counterweight
    return DIRECT


def _is_a_term(article: _Article, span: QuoteSpan) -> bool:
    """A short quote governed by a preposition or a naming participle right before its mark
    names a kind or a thing, not speech: « publiés en « open source » », « le procédé dit
    d'« open source » »."""
    data = article.scene.data
    head = article.text[max(0, span.mark_start - 40) : span.mark_start].lower().replace("’", "'")
    words = re.findall(r"[\w-]+'?", head)
    if not words or not re.search(r"[\w']\s*$", head):  # punctuation between: a colon, a comma
        return False
    last = words[-1]
    if last in data.term_prepositions or last in data.naming_participles:
        return True
    return last.rstrip("'") in ("d", "de") and len(words) >= 2 and words[-2] in data.naming_participles


def _names_a_thing(article: _Article, span: QuoteSpan) -> bool:
    """A naming participle right before the quote ("a venture dubbed “Stargate”", « baptisée »)
    gives a thing its name."""
    head = re.search(r"([\w-]+)\s*$", article.text[max(0, span.mark_start - 30) : span.mark_start])
    return bool(head and head.group(1).lower() in cues.naming_verbs(article.language))


def _named_by(article: _Article, cue: Cue | None) -> bool:
    """Whether the cue is a naming verb ("called OpenAI a “gorgon”", « qualifié d'« escroc » »)."""
    forms = cues.naming_verbs(article.language)
    return cue is not None and any(w.lower() in forms for w in _WORD.findall(cue.cue or ""))


def _in_noun_phrase(article: _Article, span: QuoteSpan) -> bool:
    """A one-word quote between a determiner and the words of its noun phrase ("an ‘open’
    counterweight", « d'« ouverture » des technologies ») modifies a noun: a scare quote."""
    text = article.text
    head = re.search(r"([\w-]+)['’]?\s*$", text[max(0, span.mark_start - 30) : span.mark_start])
    tail = re.match(r"\s*([a-zà-öø-ÿ][\w-]*)", text[span.mark_end : span.mark_end + 30])
    return bool(head and tail and head.group(1).lower() in article.scene.data.scare_determiners)


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
            and nxt.kind == DIRECT
        ):
            quotes[i] = replace(
                quote,
                speaker=nxt.speaker,
                mention=None,
                step=CueStep.CONTINUATION,
                resolution=Step.NEXT_QUOTE,
                confidence=CONFIDENCE[Step.NEXT_QUOTE],
                kind=DIRECT,
                rule="continued in the next paragraph",
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
    known = SpanSet((m.start, m.end) for m in actors.mentions(text, language))
    quoted = SpanSet((q.mark_start, q.mark_end) for q in quotes)
    quote_starts = sorted(q.mark_start for q in quotes)
    regions = set()
    for i, (start, end) in enumerate(sentences):
        first = bisect.bisect_left(quote_starts, start)
        if first == len(quote_starts) or quote_starts[first] >= end:
            continue
        for s, e in (sentences[i - 1], (start, end)) if i > 0 else ((start, end),):
            unknown = [
                m
                for m in _UNKNOWN_NAME.finditer(text, s, e)
                if not known.covers(m.start()) and not quoted.covers(m.start())
            ]
            if unknown:
                regions.add((s, e))
    return sorted(regions)


def _first_mention(article: _Article, candidate: Candidate) -> int | None:
    """Where the article last named the kind of document a candidate is ("plainte", "lawsuit")
    before the candidate itself: the sentence that introduced it names its owner."""
    if candidate.kind != Kind.DOCUMENT:
        return None
    head = re.split(r"['’\s]", candidate.text)[-1].lower()
    if head not in article.heads:  # found once per article, not once per quote
        pattern = rf"(?<!\w){re.escape(head)}(?!\w)"
        article.heads[head] = [m.start() for m in re.finditer(pattern, article.text, re.IGNORECASE)]
    positions = article.heads[head]
    # a match that starts before the candidate but runs into it was not one with text[:start]
    earlier = bisect.bisect_left(positions, candidate.start - len(head) + 1)
    return positions[earlier - 1] if earlier else None


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
