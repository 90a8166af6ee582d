from __future__ import annotations

import itertools
from importlib import resources

import pytest

from landml.errors import InvalidInput, NotFound
from landml.prep import design
from landml.prep.datafiles import parse_data
from landml.prep.design import (
    STEPS,
    design_prompt,
    design_prompts,
    score_design,
    session_timer,
)

REQUIRED_PROMPTS = {
    "feed-recommendation",
    "two-tower-retrieval",
    "search-ranking",
    "ad-click-prediction",
    "fraud-detection",
    "content-moderation",
    "eta-prediction",
    "rag-support-assistant",
    "spam-detection",
    "notification-ranking",
    "image-search",
    "training-data-pipeline",
}


def _full_marks(prompt_id: str) -> dict[str, int]:
    return dict.fromkeys(design_prompt(prompt_id).rubric_ids, 2)


def test_ships_at_least_twelve_prompts_covering_the_required_systems() -> None:
    prompts = design_prompts()
    assert len(prompts) >= 12
    assert {p.id for p in prompts} >= REQUIRED_PROMPTS


def test_every_prompt_walks_all_steps_in_order_with_focus_and_rubric() -> None:
    for prompt in design_prompts():
        assert tuple(step.step for step in prompt.steps) == STEPS, prompt.id
        for step in prompt.steps:
            assert step.focus, (prompt.id, step.step)
            assert len(step.rubric) >= 2, (prompt.id, step.step)
            assert all(item.id.startswith(f"{step.step}.") for item in step.rubric)
        assert len(set(prompt.rubric_ids)) == len(prompt.rubric_ids)


def test_every_time_split_fits_a_35_to_45_minute_session() -> None:
    for prompt in design_prompts():
        assert 35 <= prompt.total_minutes <= 45, prompt.id


def test_offline_metrics_match_the_kind_of_system() -> None:
    ranking = ["feed-recommendation", "search-ranking", "image-search", "two-tower-retrieval"]
    for prompt_id in ranking:
        metrics = " ".join(design_prompt(prompt_id).offline_metrics).lower()
        assert "ndcg" in metrics or "recall@k" in metrics, prompt_id
    fraud = " ".join(design_prompt("fraud-detection").offline_metrics).lower()
    assert "precision" in fraud and "recall" in fraud
    ads = " ".join(design_prompt("ad-click-prediction").offline_metrics).lower()
    assert "auc" in ads and "calibration" in ads


def test_full_marks_score_the_maximum_with_nothing_to_fix() -> None:
    prompt = design_prompt("fraud-detection")
    result = score_design("fraud-detection", _full_marks("fraud-detection"))
    assert result.total == result.max_total == 2 * len(prompt.rubric_ids)
    assert result.share == 1.0
    assert result.weakest_steps == []
    assert result.advice == []
    assert result.unscored == []


def test_weakest_steps_come_first_with_their_advice() -> None:
    scores = _full_marks("search-ranking")
    for item in scores:
        if item.startswith("serving."):
            scores[item] = 0
        if item.startswith("monitoring."):
            scores[item] = 1
    result = score_design("search-ranking", scores)
    assert result.weakest_steps == ["serving", "monitoring"]
    serving = next(s for s in result.per_step if s.step == "serving")
    assert (serving.score, serving.share) == (0, 0.0)
    assert len(result.advice) == 2
    assert result.advice[0].startswith("Serving (0/6)")
    assert "latency budget" in result.advice[0]
    assert result.total == result.max_total - 6 - 3


def test_unscored_items_count_zero_and_are_listed() -> None:
    scores = _full_marks("eta-prediction")
    del scores["data.stages"]
    result = score_design("eta-prediction", scores)
    assert result.unscored == ["data.stages"]
    assert result.total == result.max_total - 2
    assert result.weakest_steps == ["data"]
    assert result.advice and "Close to full marks" in result.advice[0]


def test_scores_outside_zero_to_two_are_rejected() -> None:
    scores = _full_marks("spam-detection")
    scores["model.baseline"] = 3
    with pytest.raises(InvalidInput, match="0, 1 or 2"):
        score_design("spam-detection", scores)


def test_unknown_rubric_items_and_prompts_are_rejected() -> None:
    with pytest.raises(InvalidInput, match=r"model\.magic"):
        score_design("spam-detection", {"model.magic": 2})
    with pytest.raises(NotFound, match="no-such-prompt"):
        score_design("no-such-prompt", {})


def test_timer_marks_follow_the_time_split_and_scale() -> None:
    prompt = design_prompt("image-search")
    marks = session_timer("image-search")
    assert [m.step for m in marks] == list(STEPS)
    assert marks[0].start_minute == 0
    assert marks[-1].end_minute == pytest.approx(prompt.total_minutes)
    assert all(a.end_minute == b.start_minute for a, b in itertools.pairwise(marks))
    scaled = session_timer("image-search", 45)
    assert scaled[-1].end_minute == pytest.approx(45)
    first = prompt.steps[0].minutes * 45 / prompt.total_minutes
    assert scaled[0].end_minute == pytest.approx(first)


def test_timer_refuses_implausible_sessions() -> None:
    with pytest.raises(InvalidInput, match="5 minutes"):
        session_timer("image-search", 5)


def _shipped_text() -> str:
    path = resources.files("landml.prep").joinpath("data", "design_prompts.yaml")
    return path.read_text("utf-8")


def test_shipped_file_rejects_unknown_fields_and_missing_steps() -> None:
    extra = _shipped_text().replace("    topics: [fraud_detection]", "    topic: fraud", 1)
    with pytest.raises(InvalidInput, match="topic"):
        parse_data(extra, "design_prompts.yaml", design._DesignFile)
    text = _shipped_text()
    start = text.index("      monitoring:\n        focus:\n          - Diversity")
    end = text.index("  - id: two-tower-retrieval")
    missing = text[:start] + text[end:]
    with pytest.raises(InvalidInput, match="lacks steps"):
        parse_data(missing, "design_prompts.yaml", design._DesignFile)
