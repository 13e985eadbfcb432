from analysis.actors import load_actors
from analysis.speakers import Candidate, find_candidates, resolve


def test_find_candidates_names_pronouns_documents_not_places_or_quotes():
    text = "Jane Doe of San Francisco said the lawsuit was weak. “Sam Altman lied,” she said. Doe left."
    quote = (text.index("“"), text.index("”") + 1)
    found = find_candidates(text, "en", load_actors(), outside=[quote])
    kinds = [(c.text, c.kind) for c in found]
    assert ("Jane Doe", "name") in kinds and ("the lawsuit", "document") in kinds
    assert ("she", "pronoun") in kinds and ("Doe", "surname") in kinds
    assert not any("Francisco" in t for t, _ in kinds)
    assert not any(c.canonical == "Sam Altman" for c in found)  # inside the quote


def test_pronoun_resolves_to_subject_of_nearest_sentence_with_a_person():
    text = "Musk attacked Altman on Monday. He said the offer stands."
    found = find_candidates(text, "en", load_actors())
    pronoun = next(c for c in found if c.kind == "pronoun")
    before = [c for c in found if c.end <= pronoun.start]
    resolved = resolve(pronoun, before, sentence_starts=[0, text.index("He")])
    assert (resolved.speaker, resolved.step) == ("Elon Musk", "pronoun")


def test_possessive_is_not_a_subject_and_unknown_pronoun_stays_unresolved():
    text = "Musk's spokesman spoke."  # ("Musk's lawyer" is a description of Marc Toberoff)
    found = find_candidates(text, "en", load_actors())
    assert found[0].possessive
    lone = Candidate(0, 2, "he", "pronoun", None, "person", "m")
    assert resolve(lone, []).speaker is None and resolve(lone, []).step == "unresolved"
