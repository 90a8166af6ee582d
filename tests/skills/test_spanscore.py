from __future__ import annotations

import pytest

from landml.skills.spanscore import bio_spans, score_spans


def test_bio_spans_read_b_i_runs_and_stray_i() -> None:
    assert bio_spans(["B", "I", "O", "B", "B", "I", "O", "I", "I"]) == [
        (0, 1), (3, 3), (4, 5), (7, 8),
    ]  # fmt: skip


def test_strict_and_overlap_scores() -> None:
    gold = [(0, 0, 1), (0, 4, 6), (1, 2, 2)]
    pred = [(0, 0, 1), (0, 5, 5), (1, 7, 8), (1, 7, 8)]  # exact, inside, miss (twice)
    sc = score_spans(pred, gold)
    assert (sc.predicted, sc.gold) == (3, 3)
    assert sc.strict_p == pytest.approx(1 / 3) and sc.strict_r == pytest.approx(1 / 3)
    assert sc.overlap_p == pytest.approx(2 / 3) and sc.overlap_r == pytest.approx(2 / 3)
    assert sc.overlap_f1 == pytest.approx(2 / 3)


def test_empty_prediction_scores_zero_not_an_error() -> None:
    sc = score_spans([], [(0, 1, 2)])
    assert (sc.strict_f1, sc.overlap_f1, sc.overlap_r) == (0.0, 0.0, 0.0)
