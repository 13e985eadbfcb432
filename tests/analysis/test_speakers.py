from analysis.actors import load_actors
from analysis.speakers import Candidate, Context, Kind, find_candidates, resolve
from tests.conftest import ACTORS_FIXTURE

ACTORS = load_actors(ACTORS_FIXTURE)


def test_find_candidates_names_pronouns_documents_not_places_or_quotes():
    text = "Jane Doe of San Francisco said the lawsuit was weak. “Sam Altman lied,” she said. Doe left."
    quote = (text.index("“"), text.index("”") + 1)
    found = find_candidates(text, "en", ACTORS, outside=[quote])
    kinds = [(c.text, c.kind) for c in found]
    assert ("Jane Doe", "name") in kinds
    assert ("the lawsuit", "document") in kinds
    assert ("she", "pronoun") in kinds
    assert ("Doe", "surname") in kinds
    assert not any("Francisco" in t for t, _ in kinds)
    assert not any(c.canonical == "Sam Altman" for c in found)  # inside the quote


def test_pronoun_resolves_to_subject_of_nearest_sentence_with_a_person():
    text = "Musk attacked Altman on Monday. He said the offer stands."
    found = find_candidates(text, "en", ACTORS)
    pronoun = next(c for c in found if c.kind == "pronoun")
    before = [c for c in found if c.end <= pronoun.start]
    resolved = resolve(pronoun, Context(before=before, sentence_starts=[0, text.index("He")]))
    assert (resolved.speaker, resolved.step) == ("Elon Musk", "pronoun")


def test_unknown_pronoun_stays_unresolved():
    lone = Candidate(0, 2, "he", Kind.PRONOUN, None, "person", "m")
    assert resolve(lone, Context()).speaker is None
    assert resolve(lone, Context()).step == "unresolved"


def test_proxy_documents_and_spokespeople_speak_for_their_owner_in_both_languages():
    en = find_candidates("Musk's spokesman spoke. OpenAI's blog post said little.", "en", ACTORS)
    proxies = [(c.text, c.canonical) for c in en if c.kind == Kind.PROXY]
    assert proxies == [("Musk's spokesman", "Elon Musk"), ("OpenAI's blog post", "OpenAI")]
    fr = find_candidates("Hier, la plainte d'Elon Musk reste floue.", "fr", ACTORS)
    assert [(c.text, c.canonical) for c in fr if c.kind == Kind.PROXY] == [("la plainte d'Elon Musk", "Elon Musk")]


def test_first_name_alone_stands_for_the_full_name_given_before():
    text = "Jean Valmont a parlé lundi. Plus tard, Jean a ri."
    found = find_candidates(text, "fr", ACTORS)
    jean = next(c for c in found if c.text == "Jean")
    assert (jean.kind, jean.canonical) == (Kind.SURNAME, "Jean Valmont")


def test_complement_and_possessive_positions_are_not_subjects():
    text = "The founder of Microsoft met Altman's team. Jane Doe told Mark Smith nothing."
    found = {c.text: c for c in find_candidates(text, "en", ACTORS)}
    assert found["Microsoft"].complement
    assert not found["Microsoft"].subject_like
    assert found["Jane Doe"].subject_like


def test_places_events_and_outlets_are_never_person_names():
    text = "At the Paris Peace Forum in New Jersey, Le Monde and the Wall Street Journal took notes."
    found = find_candidates(text, "en", ACTORS)
    assert not [c for c in found if c.kind == Kind.NAME]


def test_an_actor_written_another_way_is_that_actor():
    actors = ACTORS
    assert actors.match_name("Yvonne Gonzalez-Rogers") == "Yvonne Gonzalez Rogers"
    assert actors.match_name("Yvonne Gonzalez Rodgers") == "Yvonne Gonzalez Rogers"
    assert actors.match_name("Yvonne Martin") is None
