"""French and English stop words from spaCy's maintained lists.

Only the lists are read (spacy/lang/<code>/stop_words.py, loaded on their own):
importing spacy.lang.fr would build its tokenizer exceptions, three seconds
spent for a word list.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path


@functools.lru_cache(maxsize=8)
def stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words for a language code; an empty set for a language spaCy has none for."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        raise RuntimeError("spaCy is not installed: pip install -r requirements.txt")
    path = Path(spec.origin).parent / "lang" / code / "stop_words.py"
    if not path.exists():
        return frozenset()
    module_spec = importlib.util.spec_from_file_location(f"_stop_words_{code}", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(word.lower() for word in module.STOP_WORDS)
