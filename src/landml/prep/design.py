"""ML system design practice: prompts, the framework steps, a self-scored rubric and a timer.

Every prompt in `prep/data/design_prompts.yaml` is walked through the same eight steps, from
requirements to monitoring. Each step has rubric items that apply to any prompt plus items
specific to the prompt; the person scores each 0 (missing), 1 (mentioned) or 2 (argued with
a trade-off or a number). `score_design` adds the scores up and points at the weakest steps;
`session_timer` turns the prompt's time split into marks for a timed mock.
"""

from __future__ import annotations

from functools import cache
from typing import Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from landml.errors import InvalidInput, NotFound
from landml.prep.datafiles import read_data_file

Step = Literal[
    "requirements",
    "data",
    "features",
    "model",
    "offline_evaluation",
    "online_evaluation",
    "serving",
    "monitoring",
]
STEPS: tuple[Step, ...] = get_args(Step)
MAX_ITEM_SCORE = 2
MIN_SESSION_MINUTES = 35
MAX_SESSION_MINUTES = 45
# A step scoring below this share of its maximum gets its advice in the result.
WEAK_STEP_SHARE = 0.6


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class RubricItem(_Strict):
    id: str = Field(pattern=r"^[a-z_]+\.[a-z0-9]+(-[a-z0-9]+)*$")
    text: str = Field(min_length=15)


class FrameworkStep(_Strict):
    """What a step covers for any prompt, its shared rubric items and advice."""

    title: str
    covers: str = Field(min_length=40)
    minutes: int = Field(ge=1, le=15)
    rubric: tuple[RubricItem, ...] = Field(min_length=1)
    advice: str = Field(min_length=40)


class PromptStep(_Strict):
    """A prompt's own points to cover in one step, and its own rubric items."""

    focus: tuple[str, ...] = Field(min_length=1)
    rubric: tuple[RubricItem, ...] = Field(min_length=1)


class _PromptEntry(_Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str
    prompt: str = Field(min_length=60)
    topics: tuple[str, ...] = Field(min_length=1)
    offline_metrics: tuple[str, ...] = Field(min_length=1)
    online_metrics: tuple[str, ...] = Field(min_length=1)
    time_split: dict[Step, int] | None = None
    steps: dict[Step, PromptStep]

    @model_validator(mode="after")
    def _every_step(self) -> Self:
        missing = [step for step in STEPS if step not in self.steps]
        if missing:
            raise ValueError(f"prompt {self.id} lacks steps {missing}")
        return self


class _DesignFile(_Strict):
    version: Literal[1]
    framework: dict[Step, FrameworkStep]
    prompts: tuple[_PromptEntry, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        missing = [step for step in STEPS if step not in self.framework]
        if missing:
            raise ValueError(f"framework lacks steps {missing}")
        ids = [prompt.id for prompt in self.prompts]
        if len(set(ids)) != len(ids):
            raise ValueError("two prompts share an id")
        for prompt in self.prompts:
            _check_prompt(prompt, self.framework)
        return self


def _check_prompt(prompt: _PromptEntry, framework: dict[Step, FrameworkStep]) -> None:
    seen: set[str] = set()
    for step in STEPS:
        for item in (*framework[step].rubric, *prompt.steps[step].rubric):
            if not item.id.startswith(f"{step}."):
                raise ValueError(f"prompt {prompt.id}: rubric item {item.id} is not under {step}")
            if item.id in seen:
                raise ValueError(f"prompt {prompt.id}: rubric item {item.id} appears twice")
            seen.add(item.id)
    split = prompt.time_split or {step: framework[step].minutes for step in framework}
    total = sum(split.values())
    if not MIN_SESSION_MINUTES <= total <= MAX_SESSION_MINUTES:
        raise ValueError(
            f"prompt {prompt.id}: time split adds up to {total} minutes, "
            f"not {MIN_SESSION_MINUTES}-{MAX_SESSION_MINUTES}"
        )


class DesignStep(BaseModel):
    """One framework step of one prompt, ready to show."""

    model_config = ConfigDict(frozen=True)

    step: Step
    title: str
    covers: str
    focus: tuple[str, ...]
    rubric: tuple[RubricItem, ...]
    minutes: int
    advice: str


class DesignPrompt(BaseModel):
    """A practice prompt with its eight steps in order."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    prompt: str
    topics: tuple[str, ...]
    offline_metrics: tuple[str, ...]
    online_metrics: tuple[str, ...]
    steps: tuple[DesignStep, ...]

    @property
    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)

    @property
    def rubric_ids(self) -> list[str]:
        return [item.id for step in self.steps for item in step.rubric]


class StepScore(BaseModel):
    step: Step
    title: str
    score: int
    max_score: int
    share: float
    low_items: list[str]


class DesignScore(BaseModel):
    """The result of a self-scored session: totals, each step, the weakest steps, advice."""

    prompt_id: str
    total: int
    max_total: int
    share: float
    per_step: list[StepScore]
    weakest_steps: list[Step]
    unscored: list[str]
    advice: list[str]


class TimerMark(BaseModel):
    step: Step
    title: str
    start_minute: float
    end_minute: float


@cache
def _design_file() -> _DesignFile:
    return read_data_file("design_prompts.yaml", _DesignFile)


def _build(entry: _PromptEntry, framework: dict[Step, FrameworkStep]) -> DesignPrompt:
    steps = []
    for step in STEPS:
        shared = framework[step]
        own = entry.steps[step]
        minutes = entry.time_split[step] if entry.time_split else shared.minutes
        steps.append(
            DesignStep(
                step=step,
                title=shared.title,
                covers=shared.covers,
                focus=own.focus,
                rubric=(*shared.rubric, *own.rubric),
                minutes=minutes,
                advice=shared.advice,
            )
        )
    return DesignPrompt(
        id=entry.id,
        title=entry.title,
        prompt=entry.prompt,
        topics=entry.topics,
        offline_metrics=entry.offline_metrics,
        online_metrics=entry.online_metrics,
        steps=tuple(steps),
    )


@cache
def _prompts() -> tuple[DesignPrompt, ...]:
    data = _design_file()
    return tuple(_build(entry, data.framework) for entry in data.prompts)


def design_prompts() -> list[DesignPrompt]:
    """Every shipped practice prompt, in file order."""
    return list(_prompts())


def design_prompt(prompt_id: str) -> DesignPrompt:
    """The shipped prompt with this id."""
    for prompt in _prompts():
        if prompt.id == prompt_id:
            return prompt
    known = ", ".join(prompt.id for prompt in _prompts())
    raise NotFound(f"No system design prompt {prompt_id!r}.", hint=f"Known prompts: {known}.")


def _validate_scores(prompt: DesignPrompt, scores: dict[str, int]) -> None:
    known = set(prompt.rubric_ids)
    unknown = sorted(set(scores) - known)
    if unknown:
        raise InvalidInput(
            f"Unknown rubric items for {prompt.id}: {', '.join(unknown)}.",
            hint=f"Score these items: {', '.join(prompt.rubric_ids)}.",
        )
    bad = sorted(item for item, value in scores.items() if not 0 <= value <= MAX_ITEM_SCORE)
    if bad:
        raise InvalidInput(
            f"Scores must be 0, 1 or 2; got {', '.join(f'{i}={scores[i]}' for i in bad)}.",
            hint="0 = missing, 1 = mentioned, 2 = argued with a trade-off or a number.",
        )


def _step_score(step: DesignStep, scores: dict[str, int]) -> StepScore:
    score = sum(scores.get(item.id, 0) for item in step.rubric)
    max_score = MAX_ITEM_SCORE * len(step.rubric)
    return StepScore(
        step=step.step,
        title=step.title,
        score=score,
        max_score=max_score,
        share=score / max_score,
        low_items=[item.text for item in step.rubric if scores.get(item.id, 0) < MAX_ITEM_SCORE],
    )


def score_design(prompt_id: str, scores: dict[str, int]) -> DesignScore:
    """Add up a self-scored session; unscored items count 0 and are listed.

    The weakest steps are those with the lowest share of their maximum (ties in framework
    order), at most three, and only steps below full marks.
    """
    prompt = design_prompt(prompt_id)
    _validate_scores(prompt, scores)
    per_step = [_step_score(step, scores) for step in prompt.steps]
    total = sum(step.score for step in per_step)
    max_total = sum(step.max_score for step in per_step)
    ranked = sorted(
        (s for s in per_step if s.score < s.max_score),
        key=lambda s: (s.share, STEPS.index(s.step)),
    )
    weakest = [s.step for s in ranked[:3]]
    by_step = {step.step: step for step in prompt.steps}
    advice = [
        f"{s.title} ({s.score}/{s.max_score}): {by_step[s.step].advice}"
        for s in ranked[:3]
        if s.share < WEAK_STEP_SHARE
    ]
    if not advice and weakest:
        first = next(s for s in per_step if s.step == weakest[0])
        advice = [f"Close to full marks. To reach them in {first.title}: {first.low_items[0]}"]
    return DesignScore(
        prompt_id=prompt.id,
        total=total,
        max_total=max_total,
        share=total / max_total,
        per_step=per_step,
        weakest_steps=weakest,
        unscored=[item for item in prompt.rubric_ids if item not in scores],
        advice=advice,
    )


def session_timer(prompt_id: str, total_minutes: int | None = None) -> list[TimerMark]:
    """When each step starts and ends in a timed mock, scaled to `total_minutes` if given."""
    prompt = design_prompt(prompt_id)
    if total_minutes is not None and not 10 <= total_minutes <= 90:
        raise InvalidInput(
            f"A design session of {total_minutes} minutes is not supported.",
            hint="Choose between 10 and 90 minutes; interviews give 35-45.",
        )
    scale = (total_minutes or prompt.total_minutes) / prompt.total_minutes
    marks: list[TimerMark] = []
    start = 0.0
    for step in prompt.steps:
        end = start + step.minutes * scale
        marks.append(
            TimerMark(step=step.step, title=step.title, start_minute=start, end_minute=end)
        )
        start = end
    return marks
