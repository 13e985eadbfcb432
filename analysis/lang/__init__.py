"""Per-language data modules (one per language code); code reads them, never forks on them."""

from __future__ import annotations

from types import ModuleType

from analysis.lang import en, fr

LANGUAGES: dict[str, ModuleType] = {"en": en, "fr": fr}


def language_data(code: str | None) -> ModuleType | None:
    """The data module for a language code, or None for a language the analysers do not cover."""
    return LANGUAGES.get(code or "")
