import pytest

from corpus.errors import InputError
from corpus.urls import canonical_url, check_url, outlet_from_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://WWW.Example.com/a/b/?utm_source=x&id=3#top", "https://example.com/a/b?id=3"),
        ("http://example.com/story/amp", "https://example.com/story"),
        ("https://example.com/?b=2&a=1&fbclid=zz", "https://example.com/?a=1&b=2"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
    ],
)
def test_canonical_url_drops_tracking_and_variants(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a/../b/story", "https://example.com/b/story"),
        ("https://example.com/%7Ejane/story", "https://example.com/~jane/story"),
        ("https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9"),
        ("https://exämple.fr/article", "https://xn--exmple-cua.fr/article"),
        ("https://example.com//news//story", "https://example.com/news/story"),
        ("https://example.com:443/x", "https://example.com/x"),
    ],
)
def test_canonical_url_normalises_per_rfc_3986(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.lemonde.fr/pixels/article/2025/02/11/x.html", "lemonde.fr"),
        ("https://news.bbc.co.uk/2/hi/technology/1.stm", "bbc.co.uk"),
        ("https://edition.cnn.com/2025/02/10/tech/musk", "cnn.com"),
    ],
)
def test_outlet_from_url_is_registered_domain(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize("url", ["example.com/x", "mailto:a@b.c", "file:///etc/passwd", "https://"])
def test_check_url_refuses_non_http(url):
    with pytest.raises(InputError, match="not an http"):
        check_url(url, where="row 3")
