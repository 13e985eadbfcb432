import pytest

from analysis.actors import ActorIndex, load_actors, parse_actors
from corpus.errors import InputError

SMALL = """
[[actor]]
name = "Elon Musk"
gender = "m"
rival = "Sam Altman"
aliases = ["Musk", "Elon"]
descriptions.en = ["the billionaire", "Tesla CEO"]
descriptions.fr = ["le milliardaire", "le patron de Tesla"]

[[actor]]
name = "Sam Altman"
rival = "Elon Musk"
aliases = ["Altman"]
descriptions.en = ["OpenAI CEO"]
descriptions.fr = ["le patron d'OpenAI"]

[[actor]]
name = "OpenAI"
kind = "organisation"
aliases = ["OpenAI"]
"""


@pytest.fixture
def index():
    return ActorIndex(parse_actors(SMALL), version="test")


def test_mentions_names_longest_first_and_possessives(index):
    text = "Elon Musk’s lawyers said Musk-led investors and Sam Altman disagree; Altman's reply came fast."
    found = [(m.actor, m.text) for m in index.mentions(text, "en")]
    assert found == [
        ("Elon Musk", "Elon Musk"),
        ("Elon Musk", "Musk"),
        ("Sam Altman", "Sam Altman"),
        ("Sam Altman", "Altman"),
    ]


def test_mentions_descriptions_any_case_both_apostrophes(index):
    text = "Le patron d’OpenAI a répondu au milliardaire. Selon le patron d'OpenAI, LE PATRON DE TESLA ment."
    found = [(m.actor, m.by) for m in index.mentions(text, "fr")]
    assert found == [
        ("Sam Altman", "description"),
        ("Elon Musk", "description"),
        ("Sam Altman", "description"),
        ("Elon Musk", "description"),
    ]
    assert index.mentions("au milliardaire", "fr")[0].text == "au milliardaire"


def test_mentions_descriptions_are_per_language(index):
    assert [m.actor for m in index.mentions("the billionaire and le milliardaire", "en")] == ["Elon Musk"]


def test_mentions_offsets_point_at_text(index):
    text = "Quand OpenAI a parlé, Musk a répondu."
    for m in index.mentions(text, "fr"):
        assert text[m.start : m.end] == m.text


def test_mentions_not_inside_other_words(index):
    assert index.mentions("Muskrat and OpenAIs are not actors; Elongated neither.", "en") == []


def test_rival_of(index):
    assert index.rival_of("Elon Musk") == "Sam Altman"
    assert index.rival_of("OpenAI") is None


def test_parse_actors_names_bad_entry():
    with pytest.raises(InputError, match="actor 1 has no name"):
        parse_actors("[[actor]]\naliases = ['x']", where="a.toml")
    with pytest.raises(InputError, match="not valid TOML"):
        parse_actors("[[actor]\nname=", where="a.toml")


def test_bundled_actors_file_covers_both_rivals_in_both_languages():
    index = load_actors()
    for name in ("Elon Musk", "Sam Altman", "OpenAI", "xAI", "Microsoft", "Marc Toberoff"):
        assert name in index.actors
    assert {m.actor for m in index.mentions("the OpenAI CEO met the billionaire", "en")} == {
        "Sam Altman",
        "Elon Musk",
    }
    assert index.version.startswith("actors-1:")
