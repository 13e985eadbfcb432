"""Language identification for articles and paragraphs, with no forcing into fr or en.

py3langid (a 97-language naive Bayes model, BSD) names the language; a short
text the model is unsure of is "und" (undetermined, ISO 639-2), never a guess.
"""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

UNDETERMINED = "und"
MIN_CONFIDENCE = 0.5
SURE_WORDS = 12  # from this length on, the model's first choice stands


@functools.lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when the text is too short to tell."""
    words = len(text.split())
    if words == 0:
        return UNDETERMINED
    code, confidence = _identifier().classify(text)
    if confidence < MIN_CONFIDENCE and words < SURE_WORDS:
        return UNDETERMINED
    return str(code)


def normalise_language(value: str | None) -> str | None:
    """ "FR", "fr-FR", "French", "français" -> "fr"; None stays None."""
    if value is None:
        return None
    key = value.strip().lower().replace("_", "-")
    if not key:
        return None
    names = {"french": "fr", "francais": "fr", "français": "fr", "english": "en", "anglais": "en"}
    return names.get(key, key.split("-")[0])
