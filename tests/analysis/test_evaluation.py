import pytest

from analysis.evaluation import label_scores, sentiment_pairs, sentiment_report
from analysis.sentiment import load_analyzers
from corpus.errors import InputError
from corpus.records import build_article


def test_label_scores_arithmetic():
    pairs = (
        [("negative", "negative")] * 3
        + [("negative", "neutral")]
        + [("neutral", "neutral")] * 2
        + [("neutral", "negative")]
    )
    s = label_scores(pairs)
    assert s.accuracy == pytest.approx(5 / 7)
    assert s.precision["negative"] == pytest.approx(3 / 4)
    assert s.recall["negative"] == pytest.approx(3 / 4)
    assert s.f1["neutral"] == pytest.approx(2 / 3)
    assert s.macro_f1 == pytest.approx((0.75 + 2 / 3) / 2)
    assert s.confusion["neutral"]["negative"] == 1


def test_sentiment_pairs_use_gold_paragraph_convention():
    article = build_article(
        {
            "id": "a1",
            "language": "en",
            "text": "Intro line.\n\n\n\nMusk called Altman a liar.\n\nThe bid was made on Monday.",
        },
        where="t",
        source="t",
    ).article
    gold = [
        {"article_id": "a1", "paragraph_index": 1, "language": "en", "label": "negative"},
        {"article_id": "a1", "paragraph_index": 2, "language": "en", "label": "neutral"},
    ]
    rows = sentiment_pairs({"a1": article}, gold, analyzers=load_analyzers())
    assert [r["predicted"] for r in rows] == ["negative", "neutral"]
    assert sentiment_report(rows)["en"].accuracy == 1.0


def test_sentiment_pairs_unknown_article_is_named():
    with pytest.raises(InputError, match="not in the articles file"):
        sentiment_pairs(
            {}, [{"article_id": "zz", "paragraph_index": 0, "label": "neutral"}], analyzers=load_analyzers()
        )
