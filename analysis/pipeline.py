"""One article through every analyser: paragraphs, language, tone, actor mentions, keywords.

Pure functions over text; the store is corpus.store, the workers are jobs.analyze.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from analysis import keywords as keywords_mod
from analysis import quotes as quotes_mod
from analysis import sentiment as sentiment_mod
from analysis.actors import ActorIndex, Mention, load_actors
from analysis.keywords import term_counts
from analysis.lang import LANGUAGES, data_digest
from analysis.nlp import EntityFinder, SubjectParser, entity_finder, model_version, subject_parser
from analysis.quotes import Quote, extract_quotes
from analysis.sentiment import Analyzers, Tone, load_analyzers, score_text
from analysis.text import is_heading, paragraph_language, paragraph_spans
from corpus.text import normalise_newlines

ANALYSERS = ("tone", "actors", "keywords", "quotes")


@dataclass(frozen=True, slots=True)
class Models:
    """Everything the analysers load once and share: pass blank ones in tests."""

    analyzers: Analyzers
    actors: ActorIndex
    entities: Mapping[str, EntityFinder | None] = field(default_factory=dict)  # spaCy NER per language
    subjects: Mapping[str, SubjectParser | None] = field(default_factory=dict)  # spaCy parser per language

    def versions(self) -> dict[str, str]:
        return analyser_versions(self.actors, use_models=bool(self.entities))


def analyser_versions(actors: ActorIndex, *, use_models: bool = True) -> dict[str, str]:
    """Each analyser's version: code, data and, for quotes, the spaCy models in use."""
    models = ",".join(model_version(code) for code in LANGUAGES) if use_models else "no-model"
    return {
        "tone": sentiment_mod.tone_version(),
        "actors": actors.version,
        "keywords": f"{keywords_mod.VERSION}:{data_digest('elisions', 'acronyms', 'stop_words')}",
        "quotes": f"{quotes_mod.VERSION}:{data_digest(*quotes_mod.LANGUAGE_DATA)}|{actors.version}|{models}",
    }


@functools.lru_cache(maxsize=1)
def load_models(*, actors: ActorIndex | None = None) -> Models:
    """The analysers' models: tone scorers, the actors (the product's file unless given), spaCy where installed."""
    return Models(
        analyzers=load_analyzers(),
        actors=actors if actors is not None else load_actors(),
        entities={code: entity_finder(code) for code in LANGUAGES},
        subjects={code: subject_parser(code) for code in LANGUAGES},
    )


@dataclass(frozen=True, slots=True)
class ParagraphAnalysis:
    index: int
    start: int
    end: int
    language: str
    words: int
    tone: Tone | None  # None: a heading, or a language the scorer does not cover ("not scored")
    mentions: tuple[Mention, ...]  # offsets in the article text
    heading: bool = False  # a heading or other non-prose line: not scored


@dataclass(frozen=True, slots=True)
class ArticleTone:
    """Per article: mean compound, shares of negative and positive paragraphs, extremes."""

    scored: int
    mean: float | None
    share_negative: float | None
    share_positive: float | None
    most_negative: int | None  # paragraph index
    most_positive: int | None


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    paragraphs: tuple[ParagraphAnalysis, ...]
    tone: ArticleTone
    terms: Counter[str]
    quotes: tuple[Quote, ...] = ()


def summarise_tone(paragraphs: tuple[ParagraphAnalysis, ...]) -> ArticleTone:
    scored = [(p.index, p.tone) for p in paragraphs if p.tone is not None]
    if not scored:
        return ArticleTone(0, None, None, None, None, None)
    n = len(scored)
    lowest = min(scored, key=lambda it: (it[1].compound, it[0]))
    highest = max(scored, key=lambda it: (it[1].compound, -it[0]))
    return ArticleTone(
        scored=n,
        mean=round(sum(t.compound for _, t in scored) / n, 4),
        share_negative=round(sum(t.label == "negative" for _, t in scored) / n, 4),
        share_positive=round(sum(t.label == "positive" for _, t in scored) / n, 4),
        most_negative=lowest[0] if lowest[1].compound < 0 else None,
        most_positive=highest[0] if highest[1].compound > 0 else None,
    )


def analyze_text(
    text: str,
    article_language: str,
    *,
    models: Models,
    analysers: tuple[str, ...] = ANALYSERS,
    article_id: str = "",
) -> ArticleAnalysis:
    """Every analyser asked for over one article's text (paragraph offsets index `text`)."""
    text = normalise_newlines(text)
    paragraphs = []
    terms: Counter[str] = Counter()
    for index, (start, end) in enumerate(paragraph_spans(text)):
        body = text[start:end]
        language = paragraph_language(body, article_language)
        heading = is_heading(body)
        scored = "tone" in analysers and not heading
        tone = score_text(body, language, analyzers=models.analyzers) if scored else None
        mentions: tuple[Mention, ...] = ()
        if "actors" in analysers:
            mentions = tuple(
                Mention(m.actor, m.text, m.start + start, m.end + start, m.by)
                for m in models.actors.mentions(body, language)
            )
        if "keywords" in analysers:
            terms.update(term_counts(body, language))
        paragraphs.append(ParagraphAnalysis(index, start, end, language, len(body.split()), tone, mentions, heading))
    frozen = tuple(paragraphs)
    quotes: tuple[Quote, ...] = ()
    if "quotes" in analysers:
        quotes = tuple(
            extract_quotes(
                text,
                article_language,
                actors=models.actors,
                article_id=article_id,
                entities=models.entities.get(article_language),
                subject_of=models.subjects.get(article_language),
            )
        )
    return ArticleAnalysis(frozen, summarise_tone(frozen), terms, quotes)
