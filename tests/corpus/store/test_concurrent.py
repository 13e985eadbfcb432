import pytest

from corpus.store import Selection
from corpus.store.concurrent import side_by_side
from corpus.store.reads import quotes, timelines, tone

ALL = Selection()


def test_side_by_side_gives_each_read_its_result_in_order(bundled_store):
    reads = [
        lambda s: timelines.counts(s, ALL),
        lambda s: tone.tone_distribution(s, ALL),
        lambda s: quotes.top_speakers(s, ALL),
    ]
    together = side_by_side(bundled_store, *reads)
    alone = [read(bundled_store) for read in reads]
    assert together[0] == alone[0]
    assert together[1].equals(alone[1])
    assert together[2].equals(alone[2])


def test_side_by_side_raises_the_error_of_a_read(bundled_store):
    def broken(store):
        store.con.execute("SELECT * FROM no_such_table")

    with pytest.raises(Exception, match="no_such_table"):
        side_by_side(bundled_store, lambda s: timelines.counts(s, ALL), broken)


def test_side_by_side_reads_on_cursors_of_their_own(bundled_store):
    seen = side_by_side(bundled_store, lambda s: s.con, lambda s: s.con)
    assert seen[0] is not seen[1]
    assert bundled_store.con not in seen


def test_in_background_reads_see_the_callers_context_variables(bundled_store):
    import contextvars

    from corpus.store.concurrent import in_background

    book = contextvars.ContextVar("book", default="none")
    token = book.set("the corpus's colours")
    try:
        seen = in_background(bundled_store, lambda _store: book.get()).result()
    finally:
        book.reset(token)
    assert seen == "the corpus's colours"
