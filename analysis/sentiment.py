"""News tone per paragraph, in English and French, with one VADER engine.

Method (measured step by step on the dev gold; see README "Sentiment"):
1. VADER's rule engine for both languages: English with VADER's lexicon,
   French with the lexicon of vaderSentiment-fr looked up exactly (elisions
   split, inflections reduced by suffix rules, French negations, "mais" and
   intensifiers mapped onto the engine's own words).
2. A news-tone layer per language (`lang/*.py`): conflict, legal and insult
   vocabulary weighted in; business and court description ("artificial
   intelligence", "for-profit", "valued at") weighted out.
3. Sentences are scored one by one: a paragraph is negative when one of its
   sentences clearly is (a quoted insult is a sentence of its own), or when
   its sentences lean negative on average; positive only when none is negative.

Paragraphs in a language without data (not fr or en) get no score: None,
never 0.0.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from analysis.lang import LANGUAGES, data_digest
from analysis.lang.record import Language
from analysis.text import sentence_spans

NEGATIVE, NEUTRAL, POSITIVE = "negative", "neutral", "positive"
VERSION = "tone-2"  # bump when the method, lexicons or thresholds change: stored scores are recomputed
LABELS = (NEGATIVE, NEUTRAL, POSITIVE)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Label rule; values chosen on the dev gold (README "Sentiment")."""

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
    by_sentence: bool = True  # score sentences, label by the most negative one and the mean


# Every step of the method switched off: VADER's engine on the base lexicons (bench and tests).
BASELINE = ToneOptions(
    news_layer=False,
    stop_words_neutral=False,
    positive_damping=1.0,
    procedural_damping=1.0,
    by_sentence=False,
)


@dataclass(frozen=True, slots=True)
class Tone:
    compound: float  # mean of the sentences' compound scores, in [-1, 1]
    pos: float
    neu: float
    neg: float
    label: str
    min_sentence: float


class NewsVader(SentimentIntensityAnalyzer):
    """VADER's engine, unchanged, minus its emoji pass on text without emoji.

    That pass walks the text one character at a time in Python and was a third
    of the scoring time; news sentences rarely hold an emoji.
    """

    def polarity_scores(self, text: str) -> dict[str, float]:
        if not self.emojis.keys().isdisjoint(text):
            return super().polarity_scores(text)
        # From here on, vaderSentiment 3.3.2's polarity_scores (MIT), as it is.
        sentitext = SentiText(text.strip())
        sentiments: list[float] = []
        words_and_emoticons = sentitext.words_and_emoticons
        for i, item in enumerate(words_and_emoticons):
            valence = 0
            if item.lower() in BOOSTER_DICT:
                sentiments.append(valence)
                continue
            if (
                i < len(words_and_emoticons) - 1
                and item.lower() == "kind"
                and words_and_emoticons[i + 1].lower() == "of"
            ):
                sentiments.append(valence)
                continue
            sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
        sentiments = self._but_check(words_and_emoticons, sentiments)
        return self.score_valence(sentiments, text.strip())

    def _negation_check(self, valence: float, words_and_emoticons: list[str], start_i: int, i: int) -> float:
        # Upstream lower-cases the whole sentence on every call, for the three words
        # before position i: hand it those words only, re-indexed. Same result.
        start = max(0, i - 3)
        return SentimentIntensityAnalyzer._negation_check(
            valence, words_and_emoticons[start : i + 1], start_i, i - start
        )


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

    def has_tone(self, prepared: str) -> bool:
        """Whether any word of a prepared sentence is in the lexicon; without one, VADER's
        scores are exactly compound 0, neu 1 and the engine need not run."""
        lexicon = self.lexicon
        for token in prepared.split():
            lower = token.lower()
            if lower in lexicon or lower.strip(string.punctuation) in lexicon:
                return True
        return False

    def word(self, token: str) -> str:
        found = self._seen.get(token)
        if found is None:
            found = self._map(token)
            if len(self._seen) < 500_000:
                self._seen[token] = found
        return found

    def _map(self, token: str) -> str:
        data = self.data
        lead, core, trail = _TOKEN_EDGES.match(token).groups()
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


_NO_TONE = {"compound": 0.0, "pos": 0.0, "neu": 1.0, "neg": 0.0}
_PLAIN_QUOTES = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‘": "'", "’": "'"})
_TOKEN_EDGES = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.S)
_EDGE_PUNCTUATION = "\"'.,;:!?()[]«»“”’‘-—"


@dataclass(frozen=True, slots=True)
class Scorer:
    """A language's VADER engine and the reader that prepares sentences for it."""

    analyzer: SentimentIntensityAnalyzer
    reader: SentenceReader
    options: ToneOptions = ToneOptions()


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


def build_scorer(data: Language, base: Mapping[str, float], options: ToneOptions = ToneOptions()) -> Scorer:
    stop = data.stop_words - set(data.engine_words)
    analyzer = NewsVader()
    analyzer.lexicon = news_lexicon(base, data, stop=stop, options=options)
    return Scorer(analyzer, SentenceReader(data, analyzer.lexicon, stop, options), options)


def tone_version() -> str:
    """VERSION plus a hash of everything that decides a score: the news layers, the engine words,
    the base French lexicon file, the default options and thresholds."""
    extra = repr((ToneOptions(), Thresholds())).encode()
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
    """One VADER engine per language, with its lexicon fitted to news. Loaded once."""
    return {code: build_scorer(data, base_lexicon(code), options) for code, data in LANGUAGES.items()}


@dataclass(frozen=True, slots=True)
class SentenceTone:
    compound: float  # after procedural damping
    pos: float
    neu: float
    neg: float
    words: int


def sentence_tones(text: str, language: str, scorer: Scorer) -> list[SentenceTone]:
    """VADER scores of each sentence of a paragraph, procedural sentences damped."""
    tones = []
    spans = sentence_spans(text, language) if scorer.options.by_sentence else []
    for start, end in spans or [(0, len(text))]:
        sentence = text[start:end]
        prepared = scorer.reader(sentence)
        scores = scorer.analyzer.polarity_scores(prepared) if scorer.reader.has_tone(prepared) else _NO_TONE
        compound = scores["compound"]
        if compound < 0 and scorer.reader.is_procedural(sentence):
            compound *= scorer.options.procedural_damping
        tones.append(SentenceTone(compound, scores["pos"], scores["neu"], scores["neg"], max(1, len(sentence.split()))))
    return tones


def label_for(compounds: Sequence[float], thresholds: Thresholds = Thresholds()) -> str:
    """The paragraph label from its sentences' compound scores."""
    mean = sum(compounds) / len(compounds)
    if min(compounds) <= thresholds.sentence_negative or mean <= thresholds.mean_negative:
        return NEGATIVE
    if mean >= thresholds.mean_positive:
        return POSITIVE
    return NEUTRAL


def score_text(text: str, language: str, *, analyzers: Analyzers, thresholds: Thresholds = Thresholds()) -> Tone | None:
    """The tone of one paragraph, or None when its language has no analyser."""
    scorer = analyzers.get(language)
    if scorer is None or not text.strip():
        return None
    tones = sentence_tones(text, language, scorer)
    compounds = [t.compound for t in tones]
    total = sum(t.words for t in tones)

    def weighted(field: str) -> float:
        return round(sum(getattr(t, field) * t.words for t in tones) / total, 4)

    return Tone(
        compound=round(sum(compounds) / len(compounds), 4),
        pos=weighted("pos"),
        neu=weighted("neu"),
        neg=weighted("neg"),
        label=label_for(compounds, thresholds),
        min_sentence=round(min(compounds), 4),
    )


def score_paragraphs(
    paragraphs: Sequence[str],
    languages: Sequence[str],
    *,
    analyzers: Analyzers,
    thresholds: Thresholds = Thresholds(),
) -> list[Tone | None]:
    """Tone of each paragraph in its own language (None where that language has no analyser)."""
    return [
        score_text(text, language, analyzers=analyzers, thresholds=thresholds)
        for text, language in zip(paragraphs, languages, strict=True)
    ]
