from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.actors import load_actors
from analysis.pipeline import ANALYSERS, analyze_text, load_models
from tests.conftest import ACTORS_FIXTURE

ACTORS = load_actors(ACTORS_FIXTURE)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["en", "fr", "und"]))
def test_analyze_text_never_crashes_and_covers_every_paragraph(text, language):
    result = analyze_text(text, language, models=load_models(actors=ACTORS))
    assert len(result.paragraphs) == len(
        [p for p in text.replace("\r\n", "\n").replace("\r", "\n").split("\n\n") if p.strip()]
    )
    assert result.tone.scored == sum(p.tone is not None for p in result.paragraphs)


def test_analyze_text_runs_only_the_analysers_asked_for():
    text = "Musk called Altman a “swindler”.\n\nOpenAI rejected the bid."
    only_tone = analyze_text(text, "en", models=load_models(actors=ACTORS), analysers=("tone",))
    assert only_tone.quotes == ()
    assert not only_tone.terms
    assert all(p.mentions == () for p in only_tone.paragraphs)
    everything = analyze_text(text, "en", models=load_models(actors=ACTORS), analysers=ANALYSERS)
    assert everything.quotes[0].speaker == "Elon Musk"
    assert everything.terms["swindler"] == 1
    assert {m.actor for p in everything.paragraphs for m in p.mentions} == {"Elon Musk", "Sam Altman", "OpenAI"}


def test_headings_are_kept_apart_and_not_scored():
    text = "Contexte de la rivalité\n\nMusk a traité Altman d'escroc et de menteur.\n\nFoire aux questions courantes"
    result = analyze_text(text, "fr", models=load_models(actors=ACTORS), analysers=("tone",))
    assert [p.heading for p in result.paragraphs] == [True, False, True]
    assert [p.tone is None for p in result.paragraphs] == [True, False, True]
    assert result.tone.scored == 1
