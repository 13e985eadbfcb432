import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.errors import InputError
from corpus.text import content_hash, decode_bytes, split_paragraphs

FRENCH = "L’offre d’Elon Musk « n’est pas à vendre », a répondu Sam Altman — 97,4 milliards."


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_decode_bytes_reads_encoding(encoding):
    text = FRENCH if encoding not in {"latin-1"} else FRENCH.replace("’", "'").replace("—", "-")
    data = text.encode(encoding)
    assert decode_bytes(data, where="f.txt") == text


def test_decode_bytes_utf16_big_endian_with_bom():
    data = codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be")
    assert decode_bytes(data, where="f.txt") == FRENCH


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty file"), (b"  \n\t ", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_decode_bytes_names_file_and_problem(data, problem):
    with pytest.raises(InputError, match=problem) as info:
        decode_bytes(data, where="dir/bad.txt")
    assert info.value.where == "dir/bad.txt"


def test_split_paragraphs_counts_non_empty_pieces():
    assert split_paragraphs("A.\n\n\n\nB.\r\n\r\nC.\n  \n") == ["A.", "B.", "C."]


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n\r"), min_size=1), max_size=8))
def test_split_paragraphs_loses_no_non_space_character(pieces):
    text = "\n\n".join(pieces)
    joined = "".join(split_paragraphs(text))
    assert "".join(text.split()) == "".join(joined.split())


def test_content_hash_ignores_quote_style_case_and_spacing():
    assert content_hash("Musk said “no”  thanks.") == content_hash('musk said "no" thanks.\n')
    assert content_hash("Musk said no.") != content_hash("Altman said no.")
