"""News tone per paragraph, in English and French.

Method (measured step by step on the labelled articles; see README "Sentiment"):
1. Each sentence is read into the valence engine's words (`SentenceReader`):
   English with VADER's lexicon, French with the lexicon of vaderSentiment-fr
   looked up exactly (elisions split, inflections reduced by suffix rules,
   negations and intensifiers mapped onto the engine's own words).
2. A news-tone layer per language (`lang/<code>/tone.py`) weights conflict, legal,
   deceit and insult vocabulary in, and business and court description out.
3. Each sentence gets its valence (`analysis.valence`: VADER's rules in code of
   our own); court-procedure sentences are damped.
4. The paragraph's measurements (sentence scores, news-layer hits, procedure,
   negation, quoted speech, a refusal followed by quoted praise) go through a
   calibrated logistic model (`analysis.tone_model`, weights fitted by
   `scripts/fit_tone.py` with article-level cross-validation). Its class
   probabilities are the stored pos/neu/neg; compound is P(positive) − P(negative).

Paragraphs in a language without data (not fr or en) get no score: None,
never 0.0. Headings are not scored either (see analysis.text.is_heading).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import numpy as np
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SentimentIntensityAnalyzer

from analysis import tone_model
from analysis.lang import LANGUAGES, data_digest
from analysis.lang.record import Language
from analysis.text import sentence_spans
from analysis.tone_model import ToneModel, log_count
from analysis.valence import Engine, Valence, sentence_valence


class Label(StrEnum):
    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"


NEGATIVE, NEUTRAL, POSITIVE = Label.NEGATIVE, Label.NEUTRAL, Label.POSITIVE
LABELS = (NEGATIVE, NEUTRAL, POSITIVE)
VERSION = "tone-3"  # bump when the method changes: stored scores are recomputed


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The hand-set label rule the model replaced (kept to measure what the model buys)."""

    sentence_negative: float = -0.20  # one sentence this negative makes the paragraph negative
    mean_negative: float = -0.20  # or the sentences' mean this low
    mean_positive: float = 0.50  # positive needs this mean and no negative sentence


@dataclass(frozen=True, slots=True)
class ToneOptions:
    """The method's steps, each of which can be switched off to measure what it buys."""

    news_layer: bool = True  # the language's conflict lexicon, neutral words and phrases
    stop_words_neutral: bool = True  # stop words carry no tone (noise of translated lexicons)
    positive_damping: float = 0.5  # praise words mostly describe in news
    procedural_damping: float = 0.5  # court-procedure sentences report, they do not fight
    by_sentence: bool = True  # score sentences one by one
    model: bool = True  # the calibrated model decides (else the hand-set Thresholds rule)


# Every step switched off: the valence engine on the base lexicons, whole paragraphs, fixed thresholds.
BASELINE = ToneOptions(
    news_layer=False,
    stop_words_neutral=False,
    positive_damping=1.0,
    procedural_damping=1.0,
    by_sentence=False,
    model=False,
)


@dataclass(frozen=True, slots=True)
class Tone:
    compound: float  # P(positive) - P(negative) with the model; else the sentences' mean compound
    pos: float  # the model's class probabilities (else the words' valence shares)
    neu: float
    neg: float
    label: Label
    min_sentence: float  # the most negative sentence's compound


class SentenceReader:
    """Prepares a sentence for the VADER engine from a language's data, remembering each word.

    Typographic quotes become ASCII (VADER strips only ASCII punctuation off
    words), multi-word expressions become one token, elided articles are split
    off, function words are mapped onto the engine's own (French "pas" -> "not",
    "mais" -> "but"), and an inflected word missing from the lexicon is reduced
    by the language's suffix rules.
    """

    def __init__(
        self,
        data: Language,
        lexicon: Mapping[str, float],
        stop: frozenset[str],
        options: ToneOptions = ToneOptions(),
    ) -> None:
        self.data = data
        self.lexicon = lexicon
        self.stop = stop
        self._seen: dict[str, str] = {}
        phrases = sorted(data.phrases, key=len, reverse=True) if options.news_layer else []
        self._phrases = (
            re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE) if phrases else None
        )

    def __call__(self, sentence: str) -> str:
        text = sentence.translate(_PLAIN_QUOTES)
        if self._phrases is not None:
            text = self._phrases.sub(lambda m: phrase_token(m.group(1)), text)
        return " ".join(filter(None, map(self.word, text.split())))

    def word(self, token: str) -> str:
        found = self._seen.get(token)
        if found is None:
            found = self._map(token)
            if len(self._seen) < 500_000:
                self._seen[token] = found
        return found

    def _map(self, token: str) -> str:
        data = self.data
        edges = _TOKEN_EDGES.match(token)
        if edges is None:  # the pattern matches any string; kept for the type checker
            return token
        lead, core, trail = edges.groups()
        lower = core.lower()
        if "'" in lower and data.elisions:
            prefix, _, rest = lower.partition("'")
            if prefix in data.elisions:
                lower, core = rest, core[len(prefix) + 1 :]
        if not lower or lower in data.dropped_words:
            return (lead + trail).strip()
        if lower in data.engine_words:
            return lead + data.engine_words[lower] + trail
        if lower not in self.lexicon and lower not in self.stop:
            for suffix, replacement in data.suffix_rules:
                if lower.endswith(suffix) and len(lower) - len(suffix) >= data.min_stem:
                    candidate = lower[: -len(suffix)] + replacement
                    if candidate in self.lexicon:
                        return lead + candidate + trail
        return lead + core + trail

    def is_procedural(self, sentence: str) -> bool:
        return any(word.strip(_EDGE_PUNCTUATION).lower() in self.data.procedural for word in sentence.split())


def phrase_token(phrase: str) -> str:
    """A multi-word expression as one lexicon token: "hit back" -> "hit_back"."""
    return "_".join(phrase.lower().replace("'", " ").split())


_PLAIN_QUOTES = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‘": "'", "’": "'"})
_TOKEN_EDGES = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.S)
_EDGE_PUNCTUATION = "\"'.,;:!?()[]«»“”’‘-—"


@dataclass(frozen=True, slots=True)
class Scorer:
    """A language's valence engine, the reader that prepares sentences for it, and the model."""

    engine: Engine
    reader: SentenceReader
    data: Language
    model: ToneModel | None
    options: ToneOptions = ToneOptions()
    description_words: frozenset[str] = frozenset()  # the news layer's plain-description words, as a set


Analyzers = Mapping[str, Scorer]


def _read_lexicon_file(path: Path) -> dict[str, float]:
    lexicon: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.partition("->")
        if word and value:
            lexicon[word.strip().lower()] = float(value)
    return lexicon


def news_lexicon(
    base: Mapping[str, float], data: Language, *, stop: frozenset[str], options: ToneOptions
) -> dict[str, float]:
    """A general lexicon fitted to news: stop words carry no tone, praise words are
    damped (in news they mostly describe), then the language's news-tone layer wins."""
    fitted = {
        word: value * options.positive_damping if value > 0 else value
        for word, value in base.items()
        if not (options.stop_words_neutral and word in stop)
    }
    if options.news_layer:
        fitted.update(data.sentiment_lexicon)
        fitted.update({phrase_token(p): v for p, v in data.phrases.items()})
    return fitted


def build_scorer(
    data: Language, base: Mapping[str, float], options: ToneOptions = ToneOptions(), model: ToneModel | None = None
) -> Scorer:
    stop = data.stop_words - set(data.engine_words)
    lexicon = news_lexicon(base, data, stop=stop, options=options)
    engine = Engine(lexicon, dict(BOOSTER_DICT), frozenset(NEGATE))
    reader = SentenceReader(data, lexicon, stop, options)
    return Scorer(engine, reader, data, model, options, frozenset(data.neutral_in_news))


def tone_version() -> str:
    """VERSION plus a hash of everything that decides a score: the language data the method reads,
    the model's weights, the default options and thresholds."""
    extra = repr((ToneOptions(), Thresholds())).encode() + tone_model.WEIGHTS_FILE.read_bytes()
    names = (
        "base_lexicon_file",
        "sentiment_lexicon",
        "phrases",
        "procedural",
        "engine_words",
        "dropped_words",
        "elisions",
        "suffix_rules",
        "min_stem",
        "rejection_cues",
        "abbreviations",
        "markers",
        "stop_words",
    )
    return f"{VERSION}:{data_digest(*names, extra=extra)}"


def base_lexicon(code: str) -> dict[str, float]:
    """The general-purpose lexicon a language starts from."""
    path = LANGUAGES[code].base_lexicon_file
    if path is not None:
        return _read_lexicon_file(path)
    return dict(SentimentIntensityAnalyzer().lexicon)


@functools.lru_cache(maxsize=4)
def load_analyzers(options: ToneOptions = ToneOptions()) -> dict[str, Scorer]:
    """One scorer per language, with its lexicon fitted to news and the fitted model. Loaded once."""
    model = tone_model.load_model() if options.model else None
    return {code: build_scorer(data, base_lexicon(code), options, model) for code, data in LANGUAGES.items()}


# -- measuring a paragraph -------------------------------------------------------------

_DATED = re.compile(r"\b(?:1[89]|20)\d\d\b")
_FIGURE = re.compile(r"[$€£]\s?\d|\d[\d.,]*\s?(?:%|[$€£]|billion|million|milliards?|millions?|dollars?|euros?)", re.I)
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|‘[^’]*’")


@dataclass(frozen=True, slots=True)
class Measures:
    """What the method measures in a paragraph; `features()` is what the model reads."""

    compounds: tuple[float, ...]  # per sentence, procedural damping applied
    pos: float
    neg: float
    negative_words: int
    positive_words: int
    conflict_words: int
    procedural: float
    negated: bool
    quoted: float
    quoted_negative: int
    quoted_positive: int
    rejection: bool
    dated: float  # share of sentences that carry a year or a month: background, history
    figures: int  # numbers, amounts and percentages
    reporting: int  # reporting verbs: speech reported, not the writer's own words
    neutral_words: int  # words the news layer holds as plain description
    words: int
    french: bool

    def features(self) -> dict[str, float]:
        return {
            "mean": sum(self.compounds) / len(self.compounds),
            "min": min(self.compounds),
            "max": max(self.compounds),
            "neg_share": self.neg,
            "pos_share": self.pos,
            "negative_words": log_count(self.negative_words),
            "positive_words": log_count(self.positive_words),
            "conflict_words": log_count(self.conflict_words),
            # conflict words in sentences that do not report court procedure (the damping, learnt)
            "conflict_outside_procedure": log_count(self.conflict_words) * (1.0 - self.procedural),
            "procedural": self.procedural,
            "negated": float(self.negated),
            "quoted": self.quoted,
            "quoted_negative": log_count(self.quoted_negative),
            "quoted_positive": log_count(self.quoted_positive),
            "rejection": float(self.rejection),
            "irony": float(self.rejection and self.quoted_positive > 0),
            "dated": self.dated,
            "figures": log_count(self.figures),
            "reporting": log_count(self.reporting),
            "neutral_words": log_count(self.neutral_words),
            "words": log_count(self.words),
            "french": float(self.french),
        }


def _valence(text: str, scorer: Scorer) -> Valence:
    return sentence_valence(scorer.reader(text).split(), scorer.engine)


def measure(text: str, language: str, scorer: Scorer) -> Measures:
    """The method's measurements of one paragraph in its language."""
    options = scorer.options
    spans = sentence_spans(text, language) if options.by_sentence else []
    compounds: list[float] = []
    pos = neg = 0.0
    negative = positive = procedural = 0
    negated = False
    weights = dated = 0
    for start, end in spans or [(0, len(text))]:
        sentence = text[start:end]
        if _DATED.search(sentence):
            dated += 1
        valence = _valence(sentence, scorer)
        compound = valence.compound
        if scorer.reader.is_procedural(sentence):
            procedural += 1
            if compound < 0:
                compound *= options.procedural_damping
        n = max(1, len(sentence.split()))
        compounds.append(compound)
        pos += valence.pos * n
        neg += valence.neg * n
        weights += n
        negative += valence.negative_words
        positive += valence.positive_words
        negated = negated or valence.negated
    quoted = [m.group() for m in _QUOTED.finditer(text)]
    inside = _valence(" ".join(quoted), scorer) if quoted else None
    lowered = text.lower().replace("’", "'")
    words = [w.strip(_EDGE_PUNCTUATION) for w in lowered.split()]
    data = scorer.data
    conflict = data.conflict
    neutral = scorer.description_words
    return Measures(
        compounds=tuple(compounds),
        pos=pos / weights,
        neg=neg / weights,
        negative_words=negative,
        positive_words=positive,
        conflict_words=sum(1 for w in words if conflict.get(w, 0.0) < 0),
        procedural=procedural / len(compounds),
        negated=negated,
        quoted=sum(len(q) for q in quoted) / max(1, len(text)),
        quoted_negative=inside.negative_words if inside else 0,
        quoted_positive=inside.positive_words if inside else 0,
        rejection=any(cue in lowered for cue in data.rejection_cues),
        dated=dated / len(compounds),
        figures=len(_FIGURE.findall(text)),
        reporting=sum(1 for w in words if w in data.reporting_verbs),
        neutral_words=sum(1 for w in words if w in neutral),
        words=weights,
        french=scorer.data.code == "fr",
    )


def label_for(compounds: Sequence[float], thresholds: Thresholds = Thresholds()) -> Label:
    """The hand-set rule: a paragraph label from its sentences' compound scores."""
    mean = sum(compounds) / len(compounds)
    if min(compounds) <= thresholds.sentence_negative or mean <= thresholds.mean_negative:
        return NEGATIVE
    if mean >= thresholds.mean_positive:
        return POSITIVE
    return NEUTRAL


def tone_of(measures: Measures, scorer: Scorer, thresholds: Thresholds = Thresholds()) -> Tone:
    """The paragraph's tone from its measurements: the model's probabilities, or the hand-set rule."""
    lowest = round(min(measures.compounds), 4)
    if scorer.model is not None:
        probabilities = scorer.model.probabilities(np.asarray([tone_model.vector(measures.features())]))
        p_neg, p_neu, p_pos = (float(v) for v in probabilities[0])
        (label,) = scorer.model.labels_of(probabilities)
        return Tone(round(p_pos - p_neg, 4), round(p_pos, 4), round(p_neu, 4), round(p_neg, 4), Label(label), lowest)
    mean = sum(measures.compounds) / len(measures.compounds)
    neu = max(0.0, 1.0 - measures.pos - measures.neg)
    label = label_for(measures.compounds, thresholds)
    return Tone(round(mean, 4), round(measures.pos, 4), round(neu, 4), round(measures.neg, 4), label, lowest)


def score_text(text: str, language: str, *, analyzers: Analyzers, thresholds: Thresholds = Thresholds()) -> Tone | None:
    """The tone of one paragraph, or None when its language has no analyser."""
    scorer = analyzers.get(language)
    if scorer is None or not text.strip():
        return None
    return tone_of(measure(text, language, scorer), scorer, thresholds)
