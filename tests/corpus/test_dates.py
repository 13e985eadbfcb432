import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.dates import parse_published


@pytest.mark.parametrize(
    ("value", "expected", "precision"),
    [
        ("2025", "2025", "year"),
        ("2025-02", "2025-02", "month"),
        ("2025-02-16", "2025-02-16", "day"),
        ("20250216", "2025-02-16", "day"),
        ("2025-02-16T08:11:00+01:00", "2025-02-16T08:11:00+01:00", "second"),
        ("2025-02-16T07:11Z", "2025-02-16T07:11+00:00", "minute"),
        ("2025-02-16 08:11 Europe/Paris", "2025-02-16T08:11+01:00", "minute"),
        ("Mon, 10 Feb 2025 18:30:00 GMT", "2025-02-10T18:30:00+00:00", "second"),
        ("Publié le 16 février 2025 à 08h11", "2025-02-16T08:11+01:00", "minute"),
        ("modifié le 1er mars 2025", "2025-03-01", "day"),
        ("February 10, 2025 at 6:30 pm", "2025-02-10T18:30+01:00", "minute"),
        ("Feb. 2025", "2025-02", "month"),
        ("16/02/2025", "2025-02-16", "day"),
        ("12 fevrier 2025", "2025-02-12", "day"),
    ],
)
def test_parse_published_reads_format_at_its_precision(value, expected, precision):
    found = parse_published(value, default_tz="Europe/Paris")
    assert found is not None
    assert found.isoformat() == expected
    assert found.precision == precision
    assert found.when.tzinfo is not None


@pytest.mark.parametrize("value", ["", "sometime in spring", "2025-13-45", "31 février 2025", None])
def test_parse_published_returns_none_when_no_date(value):
    assert parse_published(value) is None


def test_parse_published_month_keeps_month_not_invented_day():
    found = parse_published("2025-02")
    assert found.precision == "month"
    assert found.when == dt.datetime(2025, 2, 1, tzinfo=dt.UTC)


def test_parse_published_unknown_zone_raises_value_error():
    with pytest.raises(ValueError, match="Mars/Olympus"):
        parse_published("2025-02-16 08:11 Mars/Olympus")


@given(st.datetimes(min_value=dt.datetime(1900, 1, 1), timezones=st.just(dt.UTC)))
def test_parse_published_iso_round_trips(when):
    found = parse_published(when.isoformat())
    assert found.when == when.replace(microsecond=0)


@given(st.text(max_size=60))
def test_parse_published_never_crashes_on_text(value):
    try:
        parse_published(value)
    except ValueError as exc:
        message = str(exc)
    else:
        return
    assert "time zone" in message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.cryptotimes.io/2025/02/11/sam-altman-rejects", "2025-02-11"),
        ("https://x.blogspot.com/2025/01/deadpan-phrasing.html", "2025-01"),
        ("https://news.example.com/fr/article/2025-08-14-sam-altman", "2025-08-14"),
        ("https://example.com/story-20250211", "2025-02-11"),
        ("https://abc30.action.news/14482977", None),
        ("https://www.benzinga.com/25/01/43214529/x", None),
        ("https://example.com/2025/13/x", None),
    ],
)
def test_date_from_url(url, expected):
    from corpus.dates import date_from_url

    found = date_from_url(url)
    assert (found.isoformat() if found else None) == expected
