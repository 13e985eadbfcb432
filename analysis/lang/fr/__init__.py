"""French language data as one typed record: tone, text and quotes modules, stop words."""

from pathlib import Path

from analysis.lang.fr import quotes, text, tone
from analysis.lang.record import Language, from_modules, read_words

LANGUAGE: Language = from_modules(
    "fr", tone, text, quotes, stop_words=read_words(Path(__file__).parent / "stop_words.txt")
)
