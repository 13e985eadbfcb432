"""Per-language data modules (one per language code); code reads them, never forks on them.

`common` holds the name data both languages share; it is part of every digest.
"""

from __future__ import annotations

import hashlib
import json
from types import ModuleType

from analysis.lang import common, en, fr

LANGUAGES: dict[str, ModuleType] = {"en": en, "fr": fr}
SHARED: dict[str, ModuleType] = {"common": common}


def data_digest(*names: str, extra: bytes = b"") -> str:
    """A short hash of the named data of every language (and `extra`): an analyser's version
    changes by itself when its language data changes, so stored results are recomputed."""
    digest = hashlib.sha1(extra)
    for code, module in sorted({**LANGUAGES, **SHARED}.items()):
        for name in names:
            if not hasattr(module, name):
                continue
            # sets are sorted: their order changes with every interpreter's hash seed
            value = json.dumps(
                getattr(module, name),
                sort_keys=True,
                ensure_ascii=False,
                default=lambda v: sorted(v) if isinstance(v, set | frozenset) else repr(v),
            )
            digest.update(f"{code}.{name}={value}".encode())
    return digest.hexdigest()[:10]


def language_data(code: str | None) -> ModuleType | None:
    """The data module for a language code, or None for a language the analysers do not cover."""
    return LANGUAGES.get(code or "")
