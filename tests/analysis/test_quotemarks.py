from hypothesis import given
from hypothesis import strategies as st

from analysis.quotemarks import find_quote_spans


def quotes(text):
    return [(text[q.start : q.end], q.depth, q.close_mark) for q in find_quote_spans(text)]


def test_guillemets_with_and_without_narrow_spaces():
    text = "Il a dit «\u202fnon\u202f» puis « Non merci » et «Escroc»."
    assert [q[0] for q in quotes(text)] == ["non", "Non merci", "Escroc"]


def test_curly_and_low_quotes():
    assert [q[0] for q in quotes("He said “no” and „nein“ twice.")] == ["no", "nein"]


def test_straight_double_quotes_paired_by_word_boundaries():
    text = 'Musk said "Swindler." Altman said "No thank you," and left.'
    assert [q[0] for q in quotes(text)] == ["Swindler.", "No thank you,"]


def test_apostrophes_are_not_quote_marks():
    text = "L’offre d’Elon Musk n’est pas là. Musk's lawyers' view: don't 'capped' profit."
    assert [q[0] for q in quotes(text)] == ["capped"]


def test_nested_quotes_have_depth():
    found = quotes("“He called it ‘a scam’ twice,” she said.")
    assert ("He called it ‘a scam’ twice,", 0, "”") in found
    assert ("a scam", 1, "’") in found


def test_unclosed_quote_runs_to_paragraph_end_and_keeps_the_rest():
    text = "“I think he is trying to slow us down. And then"
    assert quotes(text) == [("I think he is trying to slow us down. And then", 0, None)]
    text = "A stray “ mark, then “a real quote” here."
    assert [q[0] for q in quotes(text) if q[2]] == ["a real quote"]


def test_malformed_guillemet_closing_with_opening_mark():
    assert quotes("a déclaré : « OpenAI n’est pas à vendre« . Une position")[0][0] == "OpenAI n’est pas à vendre"


@given(st.text(alphabet=st.sampled_from(list("ab «»“”\"'’‘„.,\n")), max_size=120))
def test_spans_are_inside_text_and_never_crash(text):
    for q in find_quote_spans(text):
        assert 0 <= q.mark_start < q.start <= q.end <= q.mark_end <= len(text)
        assert text[q.start : q.end].strip() == text[q.start : q.end]
