"""Canonical URLs and outlets: one article has one address whatever the tracking tags."""

from __future__ import annotations

import functools
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import tldextract
from url_normalize import url_normalize

from corpus.errors import InputError

ALLOWED_SCHEMES = ("http", "https")
# Query parameters that track a click, never select content.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "ref",
        "ref_src",
        "cmpid",
        "xtor",
        "at_medium",
        "at_campaign",
        "ncid",
        "taid",
        "smid",
        "partner",
        "outputtype",
        "amp",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "ga_", "pk_", "mtm_")


@functools.lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    # The public suffix list snapshot bundled with tldextract: no network at run time.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def check_url(url: str, *, where: str = "") -> str:
    """The URL stripped, or InputError when it is not an absolute http(s) address."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.hostname:
        raise InputError(where or url, f"not an http(s) URL: {url!r}")
    return url


def canonical_url(url: str) -> str:
    """One address per article.

    RFC 3986 normalisation by `url-normalize` first (dot segments, percent-escape case,
    unreserved escapes such as %7E, IDN hosts to punycode, repeated slashes, default
    ports), then the news rules of this project: https, no www., no fragment, no
    tracking parameters, no AMP suffix, no trailing slash, parameters sorted.
    """
    try:
        normalised = url_normalize(url.strip()) or url.strip()
    except (ValueError, UnicodeError):
        normalised = url.strip()  # left as written: the news rules below still apply
    parts = urlsplit(normalised)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path or "/"
    for suffix in ("/amp", "/amp/", ".amp"):
        if path.endswith(suffix) and len(path) > len(suffix):
            path = path[: -len(suffix)]
    if len(path) > 1:
        path = path.rstrip("/")
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMS and not key.lower().startswith(TRACKING_PREFIXES)
    ]
    scheme = "https" if parts.scheme.lower() in ALLOWED_SCHEMES else parts.scheme.lower()
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def outlet_from_url(url: str) -> str | None:
    """The registered domain ("lemonde.fr" for https://www.lemonde.fr/...)."""
    host = urlsplit(url.strip()).hostname
    if not host:
        return None
    result = _extractor()(host)
    return result.top_domain_under_public_suffix or host.lower().removeprefix("www.")
