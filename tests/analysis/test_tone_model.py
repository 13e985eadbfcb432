import json

import numpy as np
import pytest

from analysis import tone_model
from analysis.tone_model import CLASSES, FEATURES, ToneModel, fit, load_model


def _separable(n=60):
    rng = np.random.default_rng(7)
    x = rng.normal(size=(n, len(FEATURES)))
    labels = ["negative" if row[0] < -0.3 else "positive" if row[0] > 1.2 else "neutral" for row in x]
    return x, labels


def test_fit_learns_a_separable_rule_and_is_deterministic():
    x, labels = _separable()
    model = fit(x, labels, l2=1.0)
    assert np.mean(np.array(model.labels(x)) == np.array(labels)) > 0.9
    again = fit(x, labels, l2=1.0)
    assert np.array_equal(model.weights, again.weights)


def test_positive_needs_the_stated_confidence():
    model = ToneModel(np.zeros(len(FEATURES)), np.ones(len(FEATURES)), np.zeros((3, len(FEATURES) + 1)), 0.5, 1.0)
    assert model.labels_of(np.array([[0.2, 0.35, 0.45]])) == ["neutral"]
    assert model.labels_of(np.array([[0.2, 0.25, 0.55]])) == ["positive"]
    assert model.labels_of(np.array([[0.4, 0.35, 0.25]])) == ["negative"]


def test_shipped_weights_match_the_features(tmp_path):
    model = load_model()
    assert model.weights.shape == (len(CLASSES), len(FEATURES) + 1)
    stale = json.loads(tone_model.WEIGHTS_FILE.read_text(encoding="utf-8"))
    stale["features"] = stale["features"][:-1]
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(stale), encoding="utf-8")
    with pytest.raises(ValueError, match="fit_tone"):
        load_model(path)


def test_a_stronger_penalty_gives_smaller_weights():
    x, labels = _separable()
    loose, tight = fit(x, labels, l2=0.1), fit(x, labels, l2=100.0)
    assert np.abs(tight.weights[:, 1:]).sum() < np.abs(loose.weights[:, 1:]).sum()
