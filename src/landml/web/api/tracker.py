"""The tracker as JSON: the same service calls as the pages, the tracker's own models
as request and response bodies, so /openapi.json describes them field by field."""

from __future__ import annotations

import functools

from fastapi import APIRouter, Response, status
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from landml.offers import service as offer_service
from landml.prep import service as prep_service
from landml.tracker import service
from landml.tracker.schemas import (
    ApplicationDetail,
    ApplicationIn,
    ApplicationSummary,
    Board,
    ContactIn,
    ContactOut,
    InterviewIn,
    InterviewOut,
    NoteOut,
    StageChangeOut,
    StageOut,
)
from landml.tracker.today import TodayReport, today
from landml.web.deps import NowDep, OwnerDep, PrefsDep, SessionDep, ZoneDep
from landml.web.errors import error_responses

router = APIRouter(prefix="/api/v1", tags=["tracker"])
CREATED = status.HTTP_201_CREATED


class MoveIn(BaseModel):
    """A move of an application to another stage (appended to its ledger)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    stage: str = Field(min_length=1, description="Stage key or label, e.g. tech_screen.")
    note: str | None = Field(default=None, description="What happened.")
    reason: str | None = Field(default=None, description="When closing: the reason given.")
    skills: list[str] = Field(
        default_factory=list, description="When closing: the skills the rejection named."
    )
    at: AwareDatetime | None = Field(default=None, description="When it happened (default now).")


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: str = Field(min_length=1, description="The note's text.")


class ContactCreate(ContactIn):
    application_id: int | None = Field(
        default=None, description="An application to link the new contact to."
    )


@router.get("/board", summary="The board", responses=error_responses())
def get_board(session: SessionDep, owner: OwnerDep) -> Board:
    """Applications grouped by current stage, stages in path order."""
    return service.board(session, owner)


@router.get("/stages", summary="Stages", responses=error_responses())
def get_stages(session: SessionDep, owner: OwnerDep) -> list[StageOut]:
    """Built-in and custom stages in path order; closed outcomes last."""
    return service.list_stages(session, owner)


@router.get("/applications", summary="All applications", responses=error_responses())
def get_applications(session: SessionDep, owner: OwnerDep) -> list[ApplicationSummary]:
    return service.list_applications(session, owner)


@router.post(
    "/applications",
    status_code=CREATED,
    summary="Add an application",
    responses=error_responses(422),
)
def post_application(
    data: ApplicationIn, response: Response, session: SessionDep, owner: OwnerDep, now: NowDep
) -> ApplicationSummary:
    """Track an application; its ledger starts at `stage` (default saved)."""
    summary = service.add_application(session, owner, data, now=now)
    response.headers["Location"] = f"/api/v1/applications/{summary.id}"
    return summary


@router.get(
    "/applications/{app_id}", summary="One application", responses=error_responses(404, 422)
)
def get_application(app_id: int, session: SessionDep, owner: OwnerDep) -> ApplicationDetail:
    """An application with its ledger, contacts, interviews, notes and timeline."""
    return service.application_detail(session, owner, app_id)


@router.post(
    "/applications/{app_id}/moves",
    status_code=CREATED,
    summary="Move an application",
    responses=error_responses(404, 422),
)
def post_move(
    app_id: int, data: MoveIn, session: SessionDep, owner: OwnerDep, now: NowDep
) -> StageChangeOut:
    """Move an application to a stage; an unknown id or stage changes nothing."""
    return service.move(
        session,
        owner,
        app_id,
        data.stage,
        note=data.note,
        reason=data.reason,
        skills=data.skills,
        at=data.at or now,
    )


@router.post(
    "/applications/{app_id}/notes",
    status_code=CREATED,
    summary="Add a note",
    responses=error_responses(404, 422),
)
def post_note(
    app_id: int, data: NoteIn, session: SessionDep, owner: OwnerDep, now: NowDep
) -> NoteOut:
    return service.add_note(session, owner, app_id, data.body, at=now)


@router.get("/contacts", summary="All contacts", responses=error_responses())
def get_contacts(session: SessionDep, owner: OwnerDep) -> list[ContactOut]:
    return service.list_contacts(session, owner)


@router.post(
    "/contacts", status_code=CREATED, summary="Add a contact", responses=error_responses(404, 422)
)
def post_contact(data: ContactCreate, session: SessionDep, owner: OwnerDep) -> ContactOut:
    """Add a contact, linked to an application when `application_id` is given."""
    contact = ContactIn.model_validate(data.model_dump(exclude={"application_id"}))
    return service.add_contact(session, owner, contact, application_id=data.application_id)


@router.get("/interviews", summary="Interviews", responses=error_responses(422))
def get_interviews(
    session: SessionDep, owner: OwnerDep, now: NowDep, upcoming: bool = False
) -> list[InterviewOut]:
    """Interviews by time; `upcoming=true` keeps those from now on."""
    return service.list_interviews(session, owner, upcoming_from=now if upcoming else None)


@router.post(
    "/interviews",
    status_code=CREATED,
    summary="Schedule an interview",
    responses=error_responses(404, 422),
)
def post_interview(data: InterviewIn, session: SessionDep, owner: OwnerDep) -> InterviewOut:
    """Schedule an interview; `scheduled_at` needs an offset, `timezone` an IANA name."""
    return service.schedule_interview(session, owner, data)


@router.get("/today", summary="What to do today", responses=error_responses())
def get_today(
    session: SessionDep, owner: OwnerDep, prefs: PrefsDep, now: NowDep, tz: ZoneDep
) -> TodayReport:
    """What is due today: offer deadlines, follow-ups, thank-you notes, interviews, interview
    prep, ghosted, daily goal."""
    return today(
        session,
        owner,
        prefs,
        now=now,
        tz=tz,
        offer_deadlines=offer_service.deadline_items,
        prep=functools.partial(prep_service.today_items, tz=tz),
    )
