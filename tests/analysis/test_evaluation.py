import pytest

from analysis import tone_evaluation
from analysis.evaluation import label_scores
from analysis.sentiment import load_analyzers
from analysis.tone_model import load_model
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


def _article():
    return build_article(
        {
            "id": "a1",
            "language": "en",
            "text": "Background of the case\n\n\n\nMusk called Altman a liar and a fraud.\n\nThe bid was made on Monday.",
        },
        where="t",
        source="t",
    ).article


def test_tone_examples_use_gold_paragraph_convention_and_leave_headings_unscored():
    gold = [
        {"article_id": "a1", "paragraph_index": 0, "language": "en", "label": "neutral"},
        {"article_id": "a1", "paragraph_index": 1, "language": "en", "label": "negative"},
        {"article_id": "a1", "paragraph_index": 2, "language": "en", "label": "neutral"},
    ]
    rows = tone_evaluation.examples({"a1": _article()}, gold, analyzers=load_analyzers())
    assert [r.heading for r in rows] == [True, False, False]
    predicted = tone_evaluation.predictions(load_model(), rows)
    assert predicted == ["heading", "negative", "neutral"]
    scores = tone_evaluation.report(rows, predicted)
    assert scores["prose"]["en"].n == 2
    assert scores["all"]["en"].n == 3  # the heading counted as neutral
    assert tone_evaluation.headings_by_gold(rows) == {"neutral": 1}


def test_tone_examples_unknown_article_is_named():
    with pytest.raises(InputError, match="not in the articles file"):
        tone_evaluation.examples(
            {}, [{"article_id": "zz", "paragraph_index": 0, "label": "neutral"}], analyzers=load_analyzers()
        )
