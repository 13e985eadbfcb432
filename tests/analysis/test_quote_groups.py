import datetime as dt

from analysis.quote_groups import Occurrence, group_quotes, normalise_quote, same_quote


def occ(aid, outlet, day, quote, speaker="Sam Altman"):
    return Occurrence(aid, outlet, dt.datetime(2025, 2, day, tzinfo=dt.UTC), quote, speaker)


def test_normalise_quote_drops_marks_case_and_insertions():
    assert normalise_quote("No thank you, but we will by twitter (sic) for $9.74 [billion]!") == (
        "no thank you but we will by twitter for 9 74"
    )


def test_same_quote_tolerates_edits_and_truncation_not_other_quotes():
    a = normalise_quote("No thank you but we will buy Twitter for $9.74 billion if you want.")
    assert same_quote(a, normalise_quote("No thank you, but we will by twitter (sic) for $9.74 billion if you want"))
    assert same_quote(normalise_quote("No thank you but we will buy Twitter"), a)
    assert not same_quote(a, normalise_quote("OpenAI is not for sale and never will be, we are told."))
    assert not same_quote("swindler", "liar")


def test_group_quotes_first_appearance_outlets_and_variants():
    groups = group_quotes(
        [
            occ("b", "two.example", 11, "No thank you, but we will buy Twitter for $9.74 billion if you want."),
            occ("a", "one.example", 10, "No thank you but we will buy twitter for $9.74 billion if you want"),
            occ("c", "three.example", 12, "Swindler.", "Elon Musk"),
            occ("d", "four.example", 13, "swindler", "Elon Musk"),
            occ("e", "one.example", 14, "Something else entirely was said about the trial date."),
        ]
    )
    first = groups[0]
    assert first.first.article_id == "a"
    assert first.outlets == ("one.example", "two.example")
    assert len(first.variants) == 2
    assert first.speaker == "Sam Altman"
    assert groups[1].outlets == ("four.example", "three.example")
    assert groups[1].speaker == "Elon Musk"
    assert sum(len(g.occurrences) for g in groups) == 5
