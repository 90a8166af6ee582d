"""HTML forms as typed: every field a string, kept as is to re-render the form after an
error, and turned into the tracker's input models by `to_input`."""

from __future__ import annotations

import re
from datetime import date, datetime, time, tzinfo
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from landml.errors import InvalidInput
from landml.tracker.quickadd import company_and_title_from_text, company_from_url
from landml.tracker.schemas import ApplicationIn, ContactIn, InterviewIn
from landml.tracker.service import zone
from landml.web.errors import invalid_input_from

M = TypeVar("M", bound=BaseModel)


def build(model: type[M], **values: Any) -> M:
    """Validate a form's values into `model`; field errors become one InvalidInput."""
    try:
        return model(**values)
    except ValidationError as exc:
        raise invalid_input_from(exc.errors()) from exc


def split_list(text: str) -> list[str]:
    """Items typed on one line or several: "Ana Lee, Bo Chen; Kim" -> three names."""
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


def parse_day(text: str, tz: tzinfo, what: str) -> datetime:
    """The start of a day typed as YYYY-MM-DD, in the person's zone."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InvalidInput(f"Cannot read the {what} {text!r}.", hint="Use YYYY-MM-DD.") from exc
    return datetime.combine(day, time.min, tz)


class _Form(BaseModel):
    # Forms carry fields the route reads itself (return_to) and may gain others.
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class ApplicationForm(_Form):
    company: str = ""
    title: str = ""
    company_kind: str = ""
    url: str = ""
    location: str = ""
    channel: str = "job_portal"
    stage: str = "saved"
    applied_on: str = ""
    priority: str = "2"
    description: str = ""

    def to_input(self, tz: tzinfo) -> ApplicationIn:
        company, title = self.company, self.title
        if self.description and not (company and title):
            guessed_company, guessed_title = company_and_title_from_text(self.description)
            company, title = company or guessed_company or "", title or guessed_title or ""
        if self.url and not company:
            company = company_from_url(self.url) or ""
        stage_at = parse_day(self.applied_on, tz, "date applied") if self.applied_on else None
        # As with `landml add --applied-on`: a date applied means the application was sent.
        stage = "applied" if stage_at is not None and self.stage == "saved" else self.stage
        return build(
            ApplicationIn,
            company=company,
            title=title,
            company_kind=self.company_kind or None,
            url=self.url or None,
            location=self.location or None,
            channel=self.channel,
            stage=stage,
            stage_at=stage_at,
            priority=self.priority,
            description=self.description or None,
        )


class MoveForm(_Form):
    stage: str = ""
    note: str = ""
    reason: str = ""
    skills: str = ""
    # Which page the person comes back to after the move.
    return_to: Literal["board", "application", "today"] = "board"

    @property
    def skill_list(self) -> list[str]:
        return split_list(self.skills)


class NoteForm(_Form):
    body: str = ""


class ContactForm(_Form):
    name: str = ""
    role: str = "recruiter"
    company: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    notes: str = ""

    def to_input(self) -> ContactIn:
        return build(
            ContactIn,
            name=self.name,
            role=self.role,
            company=self.company or None,
            email=self.email or None,
            phone=self.phone or None,
            url=self.url or None,
            notes=self.notes or None,
        )


class InterviewForm(_Form):
    kind: str = "recruiter_call"
    scheduled_at: str = ""
    timezone: str = ""
    duration_minutes: str = "45"
    interviewers: str = ""
    notes: str = ""

    def to_input(self, application_id: int) -> InterviewIn:
        if not self.scheduled_at:
            raise InvalidInput("Date and time: this field is required.")
        tz = zone(self.timezone or "UTC")
        try:
            when = datetime.fromisoformat(self.scheduled_at)
        except ValueError as exc:
            raise InvalidInput(
                f"Cannot read the interview time {self.scheduled_at!r}.",
                hint="Use YYYY-MM-DD HH:MM.",
            ) from exc
        if when.tzinfo is None:
            when = when.replace(tzinfo=tz)
        return build(
            InterviewIn,
            application_id=application_id,
            kind=self.kind,
            scheduled_at=when,
            timezone=self.timezone or "UTC",
            duration_minutes=self.duration_minutes,
            interviewers=split_list(self.interviewers),
            notes=self.notes or None,
        )
