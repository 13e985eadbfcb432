"""Pathological sizes: work grows in step with the input, never with its square.

Work is counted, not timed (timings flake on shared machines): the number of Python lines
the project's own code executes, traced, for an input and for one twice its size. Linear
work doubles; the quadratic scans these inputs once caused quadruple it.
"""

import random
import sys
from collections.abc import Callable
from pathlib import Path

from analysis.actors import ActorIndex, load_actors
from analysis.pipeline import analyze_text, load_models
from analysis.quotes import extract_quotes
from corpus.webcopy import clean_web_copy
from tests.conftest import ACTORS_FIXTURE

ROOT = str(Path(__file__).resolve().parents[2])
OWN = tuple(f"{ROOT}/{package}/" for package in ("analysis", "corpus"))


def lines_run(work: Callable[[], object]) -> int:
    """How many lines of the project's analysis and corpus code `work` executes."""
    count = 0

    def local(_frame, event, _arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, _event, _arg):
        return local if frame.f_code.co_filename.startswith(OWN) else None

    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def growth(make: Callable[[int], Callable[[], object]], size: int) -> float:
    """Work at twice the size over work at the size: about 2 when linear, about 4 when quadratic."""
    return lines_run(make(2 * size)) / lines_run(make(size))


def _actors() -> ActorIndex:
    return load_actors(ACTORS_FIXTURE)


def test_a_paragraph_dense_with_quotes_costs_in_step_with_its_size():
    actors = _actors()

    def make(n):
        text = "« Non merci », a dit Sam Altman. " * n
        return lambda: extract_quotes(text, "fr", actors=actors)

    quotes = extract_quotes("« Non merci », a dit Sam Altman. " * 50, "fr", actors=actors)
    assert len(quotes) == 50
    assert {q.speaker for q in quotes} == {"Sam Altman"}
    assert growth(make, 150) < 2.5


def test_a_paragraph_of_punctuation_costs_in_step_with_its_size():
    actors = _actors()

    def make(n):
        rng = random.Random(5)
        text = "".join(rng.choice("«»“”\"',.;:!?()—-… ") for _ in range(n))
        return lambda: extract_quotes(text, "fr", actors=actors)

    assert growth(make, 3_000) < 2.5


def test_a_pronoun_cued_quote_reads_a_bounded_stretch_of_candidates():
    actors = _actors()

    def make(n):
        text = ("Elon Musk et Sam Altman et OpenAI. " * 20 + "« Non merci », a-t-il dit. ") * n
        return lambda: extract_quotes(text, "fr", actors=actors)

    # every quote has all the article's earlier mentions before it: resolution reads a bounded
    # window of them, not all
    assert growth(make, 40) < 2.5


def test_a_huge_line_ending_like_a_cut_title_is_checked_in_bounded_work():
    title = "Musk et Altman s'affrontent encore sur l'avenir d'OpenAI"

    def make(n):
        line = "Le patron de Tesla a encore critiqué la société de son rival. " * n + "…"
        first = "Un premier paragraphe raconte l'affaire en détail, " * 4  # a body paragraph (25 words and more)
        text = f"{title}\n\n{first}\n\n{line}"
        return lambda: clean_web_copy(text)

    # one line, however long, is one line of work: the cut-title check reads the title's length of it
    assert growth(make, 2_000) < 1.2


def test_a_whole_article_of_quotes_and_punctuation_is_analysed_in_step_with_its_size():
    models = load_models(actors=_actors())

    def make(n):
        rng = random.Random(9)
        noise = "".join(rng.choice("«»“”\"',.;:!?—… ") for _ in range(n))
        text = ("« Non merci », a dit Sam Altman. " * (n // 40)) + "\n\n" + noise
        return lambda: analyze_text(text, "fr", models=models)

    assert growth(make, 2_000) < 2.5
