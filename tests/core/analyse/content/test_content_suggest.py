"""The confidence threshold is tuned so that kept suggestions reach the target precision."""

from __future__ import annotations

import numpy as np

from kcdesk.core.analyse.content.suggest import tune_threshold


def test_threshold_keeps_precision_at_target():
    rng = np.random.default_rng(1)
    confidence = rng.random(2000)
    correct = rng.random(2000) < confidence  # right as often as confident
    t = tune_threshold(confidence, correct, 0.9)
    kept = confidence >= t
    assert correct[kept].mean() >= 0.9
    # the lowest such threshold: one step lower breaks it
    assert 0.6 < t < 0.95
    assert correct[confidence >= t - 0.05].mean() < correct[kept].mean()


def test_threshold_when_all_right_or_all_wrong():
    c = np.array([0.2, 0.5, 0.9])
    assert tune_threshold(c, np.array([True, True, True])) == 0.2
    assert tune_threshold(c, np.array([False, False, False])) == 1.0
    assert tune_threshold(np.array([]), np.array([], dtype=bool)) == 1.0


def test_threshold_never_cuts_inside_a_block_of_equal_confidences():
    """Ten right at 0.9, then twenty at 0.0 of which only the first few are right: a cut inside
    the 0.0 block would keep all twenty at precision 0.5, so the threshold stays at 0.9."""
    confidence = np.array([0.9] * 10 + [0.0] * 20)
    correct = np.array([True] * 10 + [True] * 2 + [False] * 18)
    assert tune_threshold(confidence, correct, 0.9) == 0.9


def test_threshold_is_a_precision_over_requests_not_distinct_texts():
    """A wrong text asked 50 times weighs 50: the cut must stop above it."""
    confidence = np.array([0.95, 0.9, 0.8, 0.7])
    correct = np.array([True, True, False, True])
    assert tune_threshold(confidence, correct, 0.7) == 0.7
    assert tune_threshold(confidence, correct, 0.7, weights=np.array([1, 1, 50, 1])) == 0.9


def test_few_labelled_texts_pick_the_classifier_on_the_held_out_fifth_and_the_floor_holds():
    import scipy.sparse as sp

    from kcdesk.core.analyse.content.suggest import CONFIDENCE_FLOOR, SMALL_CHOICES, train

    rng = np.random.default_rng(0)
    n, topics = 600, 6
    y = rng.integers(0, topics, n)
    # a weak signal: each topic raises a few columns a little, over noise
    x = rng.random((n, 60)) * (rng.random((n, 60)) < 0.2)
    x[np.arange(n), y * 5] += 0.6
    model = train(sp.csr_matrix(x.astype(np.float32)), np.array([f"t{v}" for v in y], dtype=object), np.ones(n))
    assert model is not None and model.choice in SMALL_CHOICES
    assert model.threshold >= CONFIDENCE_FLOOR
