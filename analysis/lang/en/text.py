"""English text rules: sentences, elisions, language markers, acronyms, the spaCy model. Data only."""

from __future__ import annotations

# -- sentences
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "vs",
        "v",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
    }
)

# -- words
ELISIONS: tuple[str, ...] = ()
ARTICLE_CONTRACTIONS: dict[str, tuple[str, ...]] = {}


# -- language
# Function words frequent in English and rare in the other languages of the
# press ("a", "in", "de" are left out: they are words elsewhere too). A
# paragraph full of them is English without asking the language model.
MARKERS = frozenset(
    {
        "the",
        "of",
        "and",
        "to",
        "is",
        "that",
        "for",
        "with",
        "was",
        "on",
        "as",
        "by",
        "he",
        "his",
        "it",
        "are",
        "were",
        "this",
        "from",
        "have",
        "has",
        "had",
        "said",
        "which",
        "an",
        "at",
        "be",
        "not",
        "but",
        "they",
        "their",
        "would",
        "will",
        "its",
        "who",
        "been",
    }
)

# -- keywords
# Written in capitals these are terms, not stop words ("US" is not "us").
ACRONYMS = frozenset({"AI", "US", "UK", "EU", "X", "CEO", "SEC", "FTC"})


# -- models
SPACY_MODEL = "en_core_web_sm"  # used when installed; quotes work without it
