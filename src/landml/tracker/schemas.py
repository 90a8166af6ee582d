"""Input and public models of the tracker. Services take the inputs and return the
public models; the CLI prints them as text or JSON, the web app as HTML or JSON."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from landml.tracker.vocab import (
    Channel,
    CompanyKind,
    ContactRole,
    Direction,
    InteractionKind,
    InterviewKind,
)


class _In(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


class ApplicationIn(_In):
    company: str = Field(min_length=1, max_length=200)
    title: str = Field(min_length=1, max_length=300)
    company_kind: CompanyKind | None = None
    url: str | None = Field(default=None, max_length=2000)
    location: str | None = Field(default=None, max_length=200)
    work_mode: str | None = Field(default=None, pattern="^(remote|hybrid|onsite)$")
    description: str | None = None
    salary_text: str | None = Field(default=None, max_length=200)
    channel: Channel = Channel.job_portal
    priority: int = Field(default=2, ge=1, le=3)
    resume_version: str | None = Field(default=None, max_length=200)
    next_action: str | None = Field(default=None, max_length=500)
    next_action_on: date | None = None
    stage: str = "saved"
    # When the first stage was reached (for example the day the application was sent).
    stage_at: datetime | None = None

    @field_validator(
        "url", "location", "description", "salary_text", "resume_version", "next_action"
    )
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None


class ContactIn(_In):
    name: str = Field(min_length=1, max_length=200)
    role: ContactRole = ContactRole.other
    company: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=64)
    url: str | None = Field(default=None, max_length=500)
    notes: str | None = None


class InteractionIn(_In):
    contact_id: int
    kind: InteractionKind
    direction: Direction = Direction.outbound
    at: datetime
    summary: str | None = None
    application_id: int | None = None
    follow_up_on: date | None = None


class InterviewIn(_In):
    application_id: int
    kind: InterviewKind
    scheduled_at: datetime
    timezone: str = "UTC"
    duration_minutes: int = Field(default=45, ge=5, le=24 * 60)
    interviewers: list[str] = Field(default_factory=list)
    notes: str | None = None

    @field_validator("scheduled_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("the interview time needs a time zone")
        return value


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class StageOut(_Out):
    key: str
    label: str
    closed: bool
    builtin: bool


class CompanyOut(_Out):
    id: int
    name: str
    kind: str
    website: str | None = None


class ApplicationSummary(_Out):
    id: int
    uid: str
    company: str
    company_kind: str
    title: str
    stage: str
    stage_label: str
    stage_since: datetime
    channel: str
    priority: int
    location: str | None = None
    url: str | None = None
    next_action: str | None = None
    next_action_on: date | None = None
    demo: bool = False


class StageChangeOut(_Out):
    id: int
    application_id: int
    from_stage: str | None
    to_stage: str
    at: datetime
    note: str | None = None
    reason: str | None = None
    skills: list[str] = Field(default_factory=list)


class ContactOut(_Out):
    id: int
    name: str
    role: str
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    notes: str | None = None


class InteractionOut(_Out):
    id: int
    contact_id: int
    contact_name: str
    application_id: int | None
    kind: str
    direction: str
    at: datetime
    summary: str | None = None
    follow_up_on: date | None = None
    follow_up_done: bool = False


class InterviewOut(_Out):
    id: int
    application_id: int
    kind: str
    scheduled_at: datetime
    timezone: str
    local_time: str
    duration_minutes: int
    interviewers: list[str]
    outcome: str
    notes: str | None = None
    thank_you_sent_at: datetime | None = None


class NoteOut(_Out):
    id: int
    application_id: int
    at: datetime
    body: str


class TimelineEvent(BaseModel):
    at: datetime
    kind: str  # stage, interaction, interview, note
    text: str
    ref_id: int


class ApplicationDetail(BaseModel):
    application: ApplicationSummary
    description: str | None = None
    salary_text: str | None = None
    work_mode: str | None = None
    resume_version: str | None = None
    stages: list[StageChangeOut]
    contacts: list[ContactOut]
    interactions: list[InteractionOut]
    interviews: list[InterviewOut]
    notes: list[NoteOut]
    timeline: list[TimelineEvent]


class BoardColumn(BaseModel):
    stage: StageOut
    applications: list[ApplicationSummary]


class Board(BaseModel):
    columns: list[BoardColumn]
    total: int
