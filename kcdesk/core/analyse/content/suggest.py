"""Topic suggestions: a linear classifier over char n-grams, trained on the project's own labelled rows."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.exceptions import ConvergenceWarning
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import SGDClassifier
from sklearn.svm import LinearSVC

TARGET_PRECISION = 0.9  # kept (certain) suggestions should be right at least this often
MIN_EXAMPLES = 2  # topics with fewer labelled texts are not learned
MAX_TRAIN = 50_000  # distinct labelled texts used for the final fit
TUNE_TRAIN = 20_000  # … for each candidate fit when few labelled texts let the held-out part choose
MAX_HOLDOUT = 10_000
HOLDOUT_SHARE = 0.2
MIN_HOLDOUT = 20
CONFIDENCE_FLOOR = 0.8  # below it a suggestion is uncertain, whatever the tuned threshold says
SMALL_TRAIN = 5_000  # fewer distinct labelled texts: the held-out fifth picks the classifier
DEFAULT_CHOICE = "sgd:0.0001"
SMALL_CHOICES = ("sgd:0.00001", "sgd:0.0001", "sgd:0.001", "svm")


@dataclass
class TopicModel:
    """A fitted classifier with its margin → confidence calibration and the tuned threshold."""

    model: Any  # SGDClassifier or LinearSVC
    calibration: IsotonicRegression | None
    threshold: float  # below it a suggestion is uncertain
    trained_on: int  # distinct labelled texts
    holdout_accuracy: float | None
    choice: str = "sgd:0.0001"  # the classifier the held-out fifth preferred

    @property
    def classes(self) -> int:
        return len(self.model.classes_)

    def predict(self, x: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        """(suggested topic, confidence 0..1) per row of x."""
        if x.shape[0] == 0:
            return np.array([], dtype=object), np.array([], dtype=float)
        topics, margin = _margin(self.model, x)
        if self.calibration is None:  # too few labelled texts to measure: every suggestion is uncertain
            return topics, np.clip(margin, 0.0, 1.0) * 0.5
        return topics, self.calibration.predict(margin)


def _epochs(n_samples: int) -> int:
    """About 200,000 sample updates per topic: many passes over a few texts, few over many."""
    return int(np.clip(200_000 // max(n_samples, 1), 4, 30))


def _classifier(n_samples: int, choice: str = DEFAULT_CHOICE) -> Any:
    """"sgd:<alpha>" or "svm": modified_huber SGD gives probability-like scores and fits in a second on
    10^5 texts; LinearSVC is often better on a few thousand texts, where its cost does not matter."""
    if choice == "svm":
        return LinearSVC(C=1.0, class_weight=None, random_state=0)
    alpha = float(choice.split(":", 1)[1])
    return SGDClassifier(loss="modified_huber", alpha=alpha, max_iter=_epochs(n_samples), tol=1e-3,
                         random_state=0,
                         n_jobs=2)  # one-vs-rest fits run in threads (the SGD loop releases the GIL)


def _fit(x: sp.csr_matrix, y: np.ndarray, w: np.ndarray, choice: str = DEFAULT_CHOICE) -> Any:
    model = _classifier(x.shape[0], choice)
    with warnings.catch_warnings():
        # A few more epochs change nothing measurable; the warning would only alarm the user.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x, y, sample_weight=w)
    return model


def _margin(model: SGDClassifier, x: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Predicted topic and its lead over the runner-up (decision values), the raw certainty."""
    scores = model.decision_function(x)
    if scores.ndim == 1:  # two topics
        return model.classes_[(scores > 0).astype(int)], np.abs(scores)
    top2 = np.partition(scores, -2, axis=1)[:, -2:]
    return model.classes_[scores.argmax(axis=1)], top2[:, 1] - top2[:, 0]


def _calibrate(margin: np.ndarray, correct: np.ndarray) -> IsotonicRegression:
    """Margin → share of held-out suggestions that were right (monotone), the shown confidence."""
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip")
    iso.fit(margin, correct.astype(float))
    return iso


def tune_threshold(confidence: np.ndarray, correct: np.ndarray, target: float = TARGET_PRECISION,
                   weights: np.ndarray | None = None) -> float:
    """Lowest confidence at which the suggestions kept (confidence >= it) are right >= target;
    `weights` (the requests each distinct text stands for) make it a precision over requests."""
    if len(confidence) == 0:
        return 1.0
    weights = np.ones(len(confidence)) if weights is None else np.asarray(weights, dtype=float)
    order = np.argsort(-confidence, kind="stable")
    hits = np.cumsum(correct[order] * weights[order])
    precision = hits / np.cumsum(weights[order])
    # Only the end of a block of equal confidences is a place to cut: a threshold keeps all of a
    # block or none of it (calibration gives many texts the very same confidence, often 0).
    ranked = confidence[order]
    block_end = np.r_[ranked[1:] != ranked[:-1], True]
    ok = np.nonzero((precision >= target) & block_end)[0]
    if len(ok) == 0:
        return 1.0
    return float(confidence[order][ok[-1]])


def _weights(counts: np.ndarray) -> np.ndarray:
    # Repeats count, but a campaign of 500 copies must not outweigh 500 different people.
    return 1.0 + np.log(counts)


def train(x_train: sp.csr_matrix, y_train: np.ndarray, counts: np.ndarray, seed: int = 0) -> TopicModel | None:
    """Fit on labelled distinct texts; tune the threshold and the calibration on a held-out part."""
    labels, per_label = np.unique(y_train, return_counts=True)
    keep = np.isin(y_train, labels[per_label >= MIN_EXAMPLES])
    x_train, y_train, counts = x_train[keep], y_train[keep], counts[keep]
    if len(np.unique(y_train)) < 2:
        return None
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(y_train))
    n_hold = min(int(len(order) * HOLDOUT_SHARE), MAX_HOLDOUT)
    threshold, accuracy, calibration = 1.0, None, None
    choice = DEFAULT_CHOICE
    model = None
    if n_hold >= MIN_HOLDOUT:
        hold, rest = order[:n_hold], order[n_hold:]
        # Many labelled texts: one fit on all but the held-out part, which calibrates that very model
        # (a second fit on everything would cost as much again and add little). Few: the held-out part
        # picks the regularisation or the linear SVM, and the final fit takes every text.
        large = len(y_train) >= SMALL_TRAIN
        fit = rest[:MAX_TRAIN] if large else rest[:TUNE_TRAIN]
        choices = (DEFAULT_CHOICE,) if large else SMALL_CHOICES
        best = None
        for option in choices:
            candidate = _fit(x_train[fit], y_train[fit], _weights(counts[fit]), option)
            predicted, margin = _margin(candidate, x_train[hold])
            correct = predicted == y_train[hold]
            score = float(np.average(correct, weights=counts[hold]))
            if best is None or score > best[0] + 1e-9:
                best = (score, option, margin, correct, candidate)
        assert best is not None  # choices is never empty
        accuracy, choice, margin, correct, candidate = best
        calibration = _calibrate(margin, correct)
        tuned = tune_threshold(calibration.predict(margin), correct, weights=counts[hold])
        threshold = max(tuned, CONFIDENCE_FLOOR)
        if large:
            model, final = candidate, fit
    if model is None:
        final = order[:MAX_TRAIN]
        model = _fit(x_train[final], y_train[final], _weights(counts[final]), choice)
    return TopicModel(model, calibration, threshold, len(final), accuracy, choice)
