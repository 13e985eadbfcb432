from hypothesis import given
from hypothesis import strategies as st

from analysis.spans import SpanSet

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted).map(tuple), max_size=25)


@given(spans, st.integers(0, 70), st.integers(0, 70))
def test_span_set_answers_as_a_scan_of_every_span_would(taken, a, b):
    start, end = min(a, b), max(a, b)
    taken = [(s, e) for s, e in taken if s < e]  # a span of no characters takes nothing
    found = SpanSet()
    for s, e in taken:
        found.add(s, e)
    assert found.overlaps(start, end) == any(start < e and s < end for s, e in taken)
    assert found.covers(start) == any(s <= start < e for s, e in taken)
    assert found.strictly_inside(start) == any(s < start < e for s, e in taken)


def test_span_set_keeps_touching_spans_apart_and_merges_overlapping_ones():
    found = SpanSet([(0, 5), (5, 9), (7, 12), (20, 21)])
    assert list(found) == [(0, 5), (5, 12), (20, 21)]
    assert not found.strictly_inside(5)  # where one quote ends and the next begins
    assert found.strictly_inside(8)
    assert not found.covers(12)
    assert found.covers(20)
