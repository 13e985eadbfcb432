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
    assert sum(g.occurrences for g in groups) == 5


def _comparisons(monkeypatch, quotes):
    import analysis.quote_groups as groups

    calls = []
    real = groups.same_quote
    monkeypatch.setattr(groups, "same_quote", lambda a, b: calls.append(1) or real(a, b))
    found = groups.clusters(quotes)
    return len(calls), found


def test_clusters_compare_a_reprinted_quote_once_however_many_copies(monkeypatch):
    quote = "We will not sell the company, whatever the offer, the board said on Friday."
    count, found = _comparisons(monkeypatch, [quote] * 3000 + ["Another sentence that shares nothing here."])
    assert count == 0  # identical wordings are one node: nothing to compare
    assert len(set(found[:3000])) == 1
    assert found[-1] != found[0]


def test_clusters_work_grows_linearly_with_quotes_sharing_a_common_phrase(monkeypatch):
    import random
    import string

    def own_words(i):
        pick = random.Random(i)
        return " ".join("".join(pick.choices(string.ascii_lowercase, k=7)) for _ in range(8))

    def quotes(n):  # every quote opens on "said on tuesday"; the rest is its own
        return [f"said on tuesday {own_words(i)}" for i in range(n)]

    small, _ = _comparisons(monkeypatch, quotes(200))
    large, found = _comparisons(monkeypatch, quotes(400))
    assert large <= 2.2 * small  # buckets hold at most BUCKET_CAP wordings: no quadratic pairing
    assert len(set(found)) == 400  # and distinct quotes stay apart


def test_a_short_quote_is_not_grouped_with_a_longer_one_sharing_only_its_words_scattered():
    short = "au moins 300 millions d'euros"
    longer = "La société dispose de bien moins de 40 millions d'euros en banque, je le sais de bonne source"
    groups = group_quotes([occ("a", "one.example", 10, short), occ("b", "two.example", 11, longer)])
    assert len(groups) == 2


def test_variants_carry_their_counts_most_carried_first():
    groups = group_quotes(
        [
            occ("a", "one.example", 10, "We will never sell the lab to anyone at any price"),
            occ("b", "two.example", 11, "We will never sell the lab to anyone, at any price."),
            occ("c", "three.example", 12, "We will never sell the lab to anyone, at any price."),
        ]
    )
    assert len(groups) == 1
    assert groups[0].variants == (
        ("We will never sell the lab to anyone, at any price.", 2),
        ("We will never sell the lab to anyone at any price", 1),
    )
    assert groups[0].first.article_id == "a"
