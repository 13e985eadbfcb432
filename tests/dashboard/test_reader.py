import re

from dashboard.reader import WORD_JOINER, escape, highlighted, tone_badge


def test_escape_neutralises_markdown_html_and_directives():
    text = "<script>alert(1)</script> *bold* [link](http://x) :red[x] $x$ # title ~~gone~~ ![i](x.png)"
    escaped = escape(text)
    for raw in ("<script>", "*bold*", "[link]", ":red[", "$x$", "~~", "!["):
        assert raw not in escaped
    assert escaped.replace("\\", "").replace(WORD_JOINER, "") == text


def test_escape_leaves_nothing_for_the_rewrites_of_parsed_text():
    """Bare URLs, e-mails and shortcodes are rewritten after parsing, where escapes are gone:
    what the page shows (escapes resolved) must match none of their patterns."""
    text = "See https://evil.example/x.png, www.evil.example, ceo@evil.example :material/home: :smile: :streamlit:"
    shown = escape(text).replace("\\", "")
    assert not re.search(r"https?://|(?<!\w)www\.|\w@\w|:[\w/+-]+:", shown)
    assert shown.replace(WORD_JOINER, "") == text


def test_highlighted_marks_quotes_with_speaker_and_mentions():
    text = "Musk said: “Swindler.” Then Altman left."
    out = highlighted(text, [(12, 21, "Elon Musk", "Swindler.")], [(0, 4, "Elon Musk"), (28, 34, "Sam Altman")])
    assert out.startswith(":blue-background[Musk]")
    assert ":orange-background[Swindler\\.] :orange[**— Elon Musk**]" in out
    assert ":blue-background[Altman]" in out


def test_tone_badge():
    assert tone_badge("negative", -0.5) == ":red-background[negative -0.50]"
    assert tone_badge(None, None) == ":gray-background[not scored]"
