"""Interview prep as JSON: the same service calls as the Prep pages.

Grading runs the submission in the sandbox (a separate, confined process), never in this
process; the route waits for the grader's report and keeps the attempt.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from landml.prep import service
from landml.prep.service import (
    AppPlan,
    AttemptOut,
    DesignOverview,
    DesignSessionOut,
    DueList,
    ExerciseDetail,
    ExerciseProgress,
    GradedAttempt,
    LoopOut,
    PrepToday,
    ReviewOut,
    RoundIn,
    StoryOut,
    StoryReport,
    WeakArea,
)
from landml.prep.stories import Seniority, StoryIn
from landml.web.deps import NowDep, OwnerDep, SessionDep, ZoneDep
from landml.web.errors import error_responses

router = APIRouter(prefix="/api/v1/prep", tags=["prep"])
CREATED = status.HTTP_201_CREATED


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    item_id: str = Field(description="The bank item's id, e.g. dl-kv-cache-basics.")
    rating: int = Field(ge=1, le=4, description="1 Again, 2 Hard, 3 Good, 4 Easy.")
    duration_seconds: int | None = Field(default=None, ge=0, description="Time taken.")


class SubmissionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="The Python source of the solution file.")


class LoopIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rounds: list[RoundIn] = Field(description="The rounds, in order; an empty list clears.")


class DesignStartIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    prompt_id: str | None = Field(default=None, description="Default: least practised.")
    minutes: int = Field(default=service.DEFAULT_DESIGN_MINUTES, ge=10, le=90)


class ScoresIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scores: dict[str, int] = Field(description="Rubric item id -> 0, 1 or 2.")


# --- today, reviews, weak areas -----------------------------------------------------------


@router.get("/today", summary="Today's prep", responses=error_responses())
def get_today(session: SessionDep, owner: OwnerDep, now: NowDep, tz: ZoneDep) -> PrepToday:
    """Reviews due now, today's plan items across applications, rounds ahead, weak areas."""
    return service.prep_today(session, owner, now, tz=tz)


@router.get("/due", summary="Items to review now", responses=error_responses(422))
def get_due(
    session: SessionDep,
    owner: OwnerDep,
    now: NowDep,
    tz: ZoneDep,
    limit: Annotated[int | None, Query(ge=1, le=500)] = None,
) -> DueList:
    """Due cards, most overdue first, then today's new bank items."""
    return service.due(session, owner, now, tz=tz, limit=limit)


@router.post(
    "/reviews", status_code=CREATED, summary="Rate a review", responses=error_responses(404, 422)
)
def post_review(data: ReviewIn, session: SessionDep, owner: OwnerDep, now: NowDep) -> ReviewOut:
    """Record a rating; FSRS schedules the item's next review."""
    return service.review(
        session, owner, data.item_id, data.rating, now=now, duration_seconds=data.duration_seconds
    )


@router.get("/weak-areas", summary="Weak areas", responses=error_responses())
def get_weak_areas(session: SessionDep, owner: OwnerDep) -> list[WeakArea]:
    """Topics with their weakness (0-1) from review ratings and exercise results."""
    return service.weakness_report(session, owner)


# --- exercises ----------------------------------------------------------------------------


@router.get("/exercises", summary="Exercises", responses=error_responses())
def get_exercises(session: SessionDep, owner: OwnerDep) -> list[ExerciseProgress]:
    """ML coding and ML debugging exercises with your attempts on each."""
    return service.exercise_progress(session, owner)


@router.get("/exercises/{exercise_id}", summary="One exercise", responses=error_responses(404, 422))
def get_exercise(exercise_id: str, session: SessionDep, owner: OwnerDep) -> ExerciseDetail:
    """The statement, the starter code and your attempts (the last one in full)."""
    return service.exercise_detail(session, owner, exercise_id)


@router.post(
    "/exercises/{exercise_id}/attempts",
    status_code=CREATED,
    summary="Grade a submission",
    responses=error_responses(404, 422),
)
def post_attempt(
    exercise_id: str, data: SubmissionIn, session: SessionDep, owner: OwnerDep, now: NowDep
) -> GradedAttempt:
    """Run the hidden tests on `source` in the sandbox and keep the attempt."""
    return service.grade_and_record(session, owner, exercise_id, data.source, now=now)


@router.get("/attempts", summary="Graded attempts", responses=error_responses(404, 422))
def get_attempts(
    session: SessionDep, owner: OwnerDep, exercise: str | None = None
) -> list[AttemptOut]:
    """Attempts, newest first (of one exercise when `exercise` is given)."""
    return service.attempts(session, owner, exercise)


# --- loops and plans ----------------------------------------------------------------------


@router.get("/applications/{app_id}/loop", summary="A loop", responses=error_responses(404, 422))
def get_loop(app_id: int, session: SessionDep, owner: OwnerDep, tz: ZoneDep) -> LoopOut:
    """The application's rounds (or its scheduled interviews) and the usual default."""
    return service.get_loop(session, owner, app_id, tz=tz)


@router.put(
    "/applications/{app_id}/loop", summary="Set a loop", responses=error_responses(404, 422)
)
def put_loop(
    app_id: int, data: LoopIn, session: SessionDep, owner: OwnerDep, tz: ZoneDep
) -> LoopOut:
    """Replace the application's rounds."""
    return service.set_loop(session, owner, app_id, data.rounds, tz=tz)


@router.get("/applications/{app_id}/plan", summary="A plan", responses=error_responses(404, 422))
def get_plan(
    app_id: int,
    session: SessionDep,
    owner: OwnerDep,
    now: NowDep,
    tz: ZoneDep,
    minutes: Annotated[int, Query(ge=5, le=720)] = service.DEFAULT_MINUTES_PER_DAY,
) -> AppPlan:
    """A day-by-day plan from today to the application's last dated round."""
    return service.plan_for(session, owner, app_id, now=now, tz=tz, minutes_per_day=minutes)


# --- stories ------------------------------------------------------------------------------


@router.get("/stories", summary="Stories", responses=error_responses())
def get_stories(session: SessionDep, owner: OwnerDep) -> list[StoryOut]:
    return service.list_stories(session, owner)


@router.post("/stories", status_code=CREATED, summary="Add a story", responses=error_responses(422))
def post_story(
    data: StoryIn, response: Response, session: SessionDep, owner: OwnerDep, now: NowDep
) -> StoryOut:
    """Add a STAR story: its four parts, or one free text."""
    out = service.add_story(session, owner, data, now=now)
    response.headers["Location"] = f"/api/v1/prep/stories/{out.id}"
    return out


@router.get("/stories/checks", summary="Check the stories", responses=error_responses(404, 422))
def get_story_checks(
    session: SessionDep,
    owner: OwnerDep,
    company: str | None = None,
    seniority: Seniority | None = None,
) -> list[StoryReport]:
    """Each story's findings, the bank questions it answers and the company values it shows."""
    return service.check_all(session, owner, company=company, target_seniority=seniority)


@router.get("/stories/{story_id}", summary="One story", responses=error_responses(404, 422))
def get_story(story_id: int, session: SessionDep, owner: OwnerDep) -> StoryOut:
    return service.get_story(session, owner, story_id)


@router.put("/stories/{story_id}", summary="Replace a story", responses=error_responses(404, 422))
def put_story(
    story_id: int, data: StoryIn, session: SessionDep, owner: OwnerDep, now: NowDep
) -> StoryOut:
    return service.update_story(session, owner, story_id, data, now=now)


@router.delete("/stories/{story_id}", summary="Delete a story", responses=error_responses(404, 422))
def delete_story(story_id: int, session: SessionDep, owner: OwnerDep) -> StoryOut:
    return service.delete_story(session, owner, story_id)


# --- system design ------------------------------------------------------------------------


@router.get("/design", summary="System design practice", responses=error_responses())
def get_design(session: SessionDep, owner: OwnerDep) -> DesignOverview:
    """The practice prompts with their framework steps and rubrics, and your sessions."""
    return service.design_overview(session, owner)


@router.post(
    "/design/sessions",
    status_code=CREATED,
    summary="Start a timed mock",
    responses=error_responses(404, 422),
)
def post_design_session(
    data: DesignStartIn, session: SessionDep, owner: OwnerDep, now: NowDep
) -> DesignSessionOut:
    """Start a session on a prompt; the timer marks say when each step starts and ends."""
    return service.start_design(session, owner, data.prompt_id, minutes=data.minutes, now=now)


@router.get(
    "/design/sessions/{session_id}",
    summary="A design session",
    responses=error_responses(404, 422),
)
def get_design_session(session_id: int, session: SessionDep, owner: OwnerDep) -> DesignSessionOut:
    return service.get_design_session(session, owner, session_id)


@router.put(
    "/design/sessions/{session_id}/scores",
    summary="Score a design session",
    responses=error_responses(404, 422),
)
def put_design_scores(
    session_id: int, data: ScoresIn, session: SessionDep, owner: OwnerDep, now: NowDep
) -> DesignSessionOut:
    """Store the rubric scores; the result adds them up and advises on the weakest steps."""
    return service.score_design_session(session, owner, session_id, data.scores, now=now)
