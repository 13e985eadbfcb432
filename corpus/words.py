"""Words the importers read, in French and English: month names for dates, dateline words for
web copy. Data only; adding a language means adding its words here."""

from __future__ import annotations

# Month names and abbreviations, accents folded (« février » is looked up as "fevrier").
MONTHS: dict[str, int] = {
    # English
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
    # French (accents are folded before lookup)
    "janvier": 1,
    "janv": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}

# Words that open a dateline in copied web pages ("Published 10 Feb 2025", « Mis à jour le … »).
DATELINE_WORDS = (
    "publié",
    "publie",
    "mis à jour",
    "mis a jour",
    "modifié",
    "modifie",
    "actualisé",
    "published",
    "updated",
    "last updated",
    "posted",
    "first published",
)
