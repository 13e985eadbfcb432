import io

from cli.progress import ProgressBar


def test_progress_bar_writes_lines_off_a_terminal():
    stream = io.StringIO()
    bar = ProgressBar("storing", stream=stream, width=10)
    bar(0, 4, "a.jsonl")
    bar(4, 4, "done")
    lines = stream.getvalue().splitlines()
    assert lines == ["storing   [----------] 0/4 a.jsonl", "storing   [##########] 4/4 done"]
