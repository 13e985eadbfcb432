"""Language data, one typed frozen record per language (`en/`, `fr/`), plus the name data they share.

Code reads these records and never forks on a language. `data_digest` hashes
the named fields of every record: an analyser's version follows its data.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

from analysis.lang import common
from analysis.lang.en import LANGUAGE as EN
from analysis.lang.fr import LANGUAGE as FR
from analysis.lang.record import Language, Shared

LANGUAGES: dict[str, Language] = {"en": EN, "fr": FR}
SHARED = Shared(not_person=common.NOT_PERSON, name_particles=common.NAME_PARTICLES)


def _plain(value: Any) -> Any:
    # sets are sorted: their order changes with every interpreter's hash seed
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, Path):
        return value.read_bytes().decode("utf-8")  # a data file counts by its content
    return repr(value)


def data_digest(*fields: str, extra: bytes = b"") -> str:
    """A short hash of the named fields of every language (and of the shared data), and `extra`:
    an analyser's version changes by itself when its language data changes, so stored results
    are recomputed."""
    digest = hashlib.sha1(extra)
    records: dict[str, Language | Shared] = {**LANGUAGES, "common": SHARED}
    for code, record in sorted(records.items()):
        names = {f.name for f in dataclasses.fields(record)}
        for name in fields:
            if name not in names:
                continue
            value = json.dumps(getattr(record, name), sort_keys=True, ensure_ascii=False, default=_plain)
            digest.update(f"{code}.{name}={value}".encode())
    return digest.hexdigest()[:10]


def language_data(code: str | None) -> Language | None:
    """The data of a language code, or None for a language the analysers do not cover."""
    return LANGUAGES.get(code or "")
