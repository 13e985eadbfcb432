from hypothesis import given
from hypothesis import strategies as st

from corpus.spreadsheet import safe_cell, unsafe_cell


def test_safe_cell_neutralises_formulas_keeps_numbers():
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert [safe_cell(v) for v in ("+1", "-a", "@SUM(A1)", "\tx")] == ["'+1", "'-a", "'@SUM(A1)", "'\tx"]
    assert safe_cell(-0.45) == -0.45
    assert safe_cell(None) == ""
    assert safe_cell("Musk") == "Musk"


@given(st.text(max_size=40))
def test_safe_cell_round_trips_any_text(text):
    assert not str(safe_cell(text)).startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unsafe_cell(str(safe_cell(text))) == text


def test_safe_cell_round_trips_texts_that_already_start_with_an_apostrophe():
    for text in ("'=x", "'-5", "''+1", "'@home", "'plain", "'"):
        assert unsafe_cell(str(safe_cell(text))) == text
    assert safe_cell("'=x") == "''=x"
    assert safe_cell("'plain") == "'plain"  # no sign behind the apostrophe: nothing to protect
