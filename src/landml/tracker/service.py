"""Tracker use cases. Each public function takes a Session and an owner id, runs as
one transaction (see `transactional`) and returns public models."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from landml.db.base import as_utc, utcnow
from landml.db.workspace import transactional
from landml.errors import Conflict, InvalidInput, NotFound
from landml.tracker.models import (
    Application,
    Company,
    Contact,
    CustomStage,
    Interaction,
    Interview,
    Note,
    StageChange,
    new_uid,
)
from landml.tracker.schemas import (
    ApplicationDetail,
    ApplicationIn,
    ApplicationSummary,
    Board,
    BoardColumn,
    CompanyOut,
    ContactIn,
    ContactOut,
    InteractionIn,
    InteractionOut,
    InterviewIn,
    InterviewOut,
    NoteOut,
    StageChangeOut,
    StageOut,
    TimelineEvent,
)
from landml.tracker.stages import BUILTIN_BY_KEY, BUILTIN_STAGES, Stage, stage_key
from landml.tracker.vocab import CompanyKind, InterviewOutcome, label

# --- companies ---------------------------------------------------------------


def company_key(name: str) -> str:
    return " ".join(name.lower().split())


def find_or_add_company(
    session: Session, owner: int, name: str, kind: str | None = None
) -> Company:
    """The owner's company with this name (any case), created if new; a kind given fills
    an unknown kind but never overwrites one already set."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("A company name is required.")
    company = session.scalar(
        select(Company).where(Company.owner_id == owner, Company.name_key == company_key(name))
    )
    if company is None:
        company = Company(
            owner_id=owner, name=name, name_key=company_key(name), kind=kind or "other"
        )
        session.add(company)
        session.flush()
    elif kind and company.kind == "other":
        company.kind = kind
    return company


def list_companies(session: Session, owner: int) -> list[CompanyOut]:
    rows = session.scalars(
        select(Company).where(Company.owner_id == owner).order_by(Company.name_key)
    )
    return [CompanyOut.model_validate(c) for c in rows]


@transactional
def set_company_kind(session: Session, owner: int, name: str, kind: CompanyKind) -> CompanyOut:
    company = session.scalar(
        select(Company).where(Company.owner_id == owner, Company.name_key == company_key(name))
    )
    if company is None:
        raise NotFound(f"No company named {name!r} in this workspace.")
    company.kind = kind.value
    return CompanyOut.model_validate(company)


# --- stages ------------------------------------------------------------------


def stages(session: Session, owner: int) -> list[Stage]:
    """Built-in stages and the owner's own, in path order."""
    custom = session.scalars(
        select(CustomStage).where(CustomStage.owner_id == owner).order_by(CustomStage.id)
    ).all()
    ranks = {s.key: s.rank for s in BUILTIN_STAGES}
    result = list(BUILTIN_STAGES)
    for i, cs in enumerate(custom):
        base = ranks.get(cs.after, 90.0)
        rank = base + 0.5 + i / 1000
        ranks[cs.key] = rank
        result.append(Stage(cs.key, cs.label, closed=cs.closed, builtin=False, rank=rank))
    return sorted(result, key=lambda s: s.rank)


def resolve_stage(session: Session, owner: int, text: str) -> Stage:
    """A stage by key or label, in any case: "tech_screen", "Technical screen".

    A stage whose key matches wins over one whose label reads as that key: a custom stage
    keyed "technical_screen" is not taken for the built-in stage labelled "Technical
    screen"."""
    key = stage_key(text)
    known = stages(session, owner)
    for stage in known:
        if key == stage.key:
            return stage
    for stage in known:
        if key == stage_key(stage.label):
            return stage
    raise _unknown_stage(text, known)


def _unknown_stage(text: str, known: Iterable[Stage]) -> InvalidInput:
    choices = ", ".join(s.key for s in known)
    return InvalidInput(
        f"Unknown stage {text!r}.",
        hint=f"Choose one of: {choices} (or add your own with `landml stage add`).",
    )


@transactional
def add_stage(
    session: Session, owner: int, name: str, after: str, closed: bool = False
) -> StageOut:
    key = stage_key(name)
    if not key:
        raise InvalidInput("A stage needs a name made of letters or digits.")
    if key in BUILTIN_BY_KEY or session.scalar(
        select(CustomStage).where(CustomStage.owner_id == owner, CustomStage.key == key)
    ):
        raise Conflict(f"A stage named {key!r} already exists.")
    anchor = resolve_stage(session, owner, after)
    session.add(
        CustomStage(owner_id=owner, key=key, label=name.strip(), after=anchor.key, closed=closed)
    )
    return StageOut(key=key, label=name.strip(), closed=closed, builtin=False)


def _stage_out(stage: Stage) -> StageOut:
    return StageOut(key=stage.key, label=stage.label, closed=stage.closed, builtin=stage.builtin)


def list_stages(session: Session, owner: int) -> list[StageOut]:
    return [_stage_out(s) for s in stages(session, owner)]


# --- applications ------------------------------------------------------------


def _stage_labels(session: Session, owner: int) -> dict[str, str]:
    return {s.key: s.label for s in stages(session, owner)}


def _summary(app: Application, labels: dict[str, str]) -> ApplicationSummary:
    last = app.stage_changes[-1]
    return ApplicationSummary(
        id=app.id,
        uid=app.uid,
        company=app.company.name,
        company_kind=app.company.kind,
        title=app.title,
        stage=last.to_stage,
        stage_label=labels.get(last.to_stage, last.to_stage),
        stage_since=last.at,
        channel=app.channel,
        priority=app.priority,
        location=app.location,
        url=app.url,
        next_action=app.next_action,
        next_action_on=app.next_action_on,
        demo=app.demo,
    )


def _get_application(session: Session, owner: int, app_id: int) -> Application:
    app = session.scalar(
        select(Application)
        .where(Application.id == app_id, Application.owner_id == owner)
        .options(selectinload(Application.stage_changes))
    )
    if app is None:
        raise NotFound(f"No application with id {app_id}.", hint="`landml board` lists the ids.")
    return app


@dataclass(frozen=True)
class LedgerStep:
    """A ledger row to write: a stage key (already resolved), when, and what was said."""

    stage: str
    at: datetime
    note: str | None = None
    reason: str | None = None
    skills: tuple[str, ...] = ()


def _ledger_to_write(
    session: Session,
    owner: int,
    data: ApplicationIn,
    now: datetime | None,
    ledger: Sequence[LedgerStep] | None,
) -> list[tuple[Stage, LedgerStep]]:
    """Each row of a new application's ledger with its stage, all known before any is written."""
    if ledger is None:
        stage = resolve_stage(session, owner, data.stage)
        return [(stage, LedgerStep(stage.key, data.stage_at or now or utcnow()))]
    if not ledger:
        raise ValueError("a ledger needs at least one step")
    # The steps carry stage keys, so they are looked up by key only (`resolve_stage` would
    # also take a label, and query the stages once per step). No custom stage takes a
    # built-in key, so a ledger of built-in stages needs no query at all (most imports).
    by_key: Mapping[str, Stage] = BUILTIN_BY_KEY
    if any(step.stage not in by_key for step in ledger):
        known = stages(session, owner)
        by_key = {s.key: s for s in known}
        for step in ledger:
            if step.stage not in by_key:
                raise _unknown_stage(step.stage, known)
    return [(by_key[step.stage], step) for step in ledger]


def create_application(
    session: Session,
    owner: int,
    data: ApplicationIn,
    *,
    now: datetime | None = None,
    demo: bool = False,
    uid: str | None = None,
    ledger: Sequence[LedgerStep] | None = None,
) -> Application:
    """Add an application and its ledger (no commit: a building block).

    The ledger is one row at `data.stage` (a key or label), dated `data.stage_at`, else
    `now`, else the current time; or, when `ledger` is given, its steps in order (then
    `data.stage`, `data.stage_at` and `now` are not used), checked as `append_stage_change`
    checks a move. `uid` is a reference no application holds yet; by default a new one.
    """
    steps = _ledger_to_write(session, owner, data, now, ledger)
    company = find_or_add_company(
        session, owner, data.company, data.company_kind.value if data.company_kind else None
    )
    app = Application(
        owner_id=owner,
        uid=uid or new_uid(),
        company=company,
        title=" ".join(data.title.split()),
        url=data.url,
        location=data.location,
        work_mode=data.work_mode,
        description=data.description,
        salary_text=data.salary_text,
        channel=data.channel.value,
        priority=data.priority,
        resume_version=data.resume_version,
        next_action=data.next_action,
        next_action_on=data.next_action_on,
        demo=demo,
    )
    session.add(app)
    for stage, step in steps:
        _append_row(
            app, stage, at=as_utc(step.at), note=step.note, reason=step.reason, skills=step.skills
        )
    session.flush()
    return app


def summary_of(session: Session, owner: int, app: Application) -> ApplicationSummary:
    """The public summary of an application object (for other domains' use cases)."""
    return _summary(app, _stage_labels(session, owner))


@transactional
def add_application(
    session: Session, owner: int, data: ApplicationIn, *, now: datetime | None = None
) -> ApplicationSummary:
    app = create_application(session, owner, data, now=now)
    return _summary(app, _stage_labels(session, owner))


def append_stage_change(
    session: Session,
    owner: int,
    app: Application,
    stage: Stage,
    *,
    at: datetime,
    note: str | None = None,
    reason: str | None = None,
    skills: Sequence[str] = (),
) -> StageChange:
    """Append one ledger row (no commit: a building block)."""
    change = _append_row(app, stage, at=at, note=note, reason=reason, skills=skills)
    session.flush()
    return change


def _append_row(
    app: Application,
    stage: Stage,
    *,
    at: datetime,
    note: str | None,
    reason: str | None,
    skills: Sequence[str],
) -> StageChange:
    """Check and append one ledger row, the first when the ledger is empty (not flushed)."""
    current = app.stage_changes[-1] if app.stage_changes else None
    if current is not None and at < current.at:
        raise InvalidInput(
            f"The change is dated {at:%Y-%m-%d %H:%M}, before the current stage "
            f"({current.to_stage}, {current.at:%Y-%m-%d %H:%M}).",
            hint="The ledger is append-only: a move cannot be placed before the latest one.",
        )
    if (reason or skills) and not stage.closed:
        raise InvalidInput("A reason and skills can only be given when closing an application.")
    change = StageChange(
        from_stage=current.to_stage if current is not None else None,
        to_stage=stage.key,
        at=as_utc(at),
        note=note or None,
        reason=reason or None,
        skills=[s.strip() for s in skills if s.strip()],
    )
    app.stage_changes.append(change)
    return change


@transactional
def move(
    session: Session,
    owner: int,
    app_id: int,
    stage_text: str,
    *,
    note: str | None = None,
    reason: str | None = None,
    skills: Sequence[str] = (),
    at: datetime | None = None,
) -> StageChangeOut:
    """Move an application to a stage by appending to its ledger."""
    app = _get_application(session, owner, app_id)
    stage = resolve_stage(session, owner, stage_text)
    if app.stage_changes[-1].to_stage == stage.key:
        raise InvalidInput(f"Application {app_id} is already at stage {stage.key!r}.")
    change = append_stage_change(
        session, owner, app, stage, at=at or utcnow(), note=note, reason=reason, skills=skills
    )
    return StageChangeOut.model_validate(change)


@transactional
def update_application(
    session: Session, owner: int, app_id: int, **fields: object
) -> ApplicationSummary:
    """Change an application's own fields (never its stage: use `move`)."""
    allowed = {
        "title",
        "url",
        "location",
        "work_mode",
        "description",
        "salary_text",
        "channel",
        "priority",
        "resume_version",
        "cover_letter",
        "next_action",
        "next_action_on",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise InvalidInput(f"Cannot change {', '.join(sorted(unknown))} of an application.")
    app = _get_application(session, owner, app_id)
    for name, value in fields.items():
        setattr(app, name, value)
    return _summary(app, _stage_labels(session, owner))


@transactional
def delete_application(session: Session, owner: int, app_id: int) -> ApplicationSummary:
    app = _get_application(session, owner, app_id)
    summary = _summary(app, _stage_labels(session, owner))
    session.delete(app)
    return summary


def load_applications(session: Session, owner: int) -> list[Application]:
    """Every application of the owner with its ledger loaded."""
    return list(
        session.scalars(
            select(Application)
            .where(Application.owner_id == owner)
            .options(selectinload(Application.stage_changes))
            .order_by(Application.id)
        )
    )


def list_applications(session: Session, owner: int) -> list[ApplicationSummary]:
    labels = _stage_labels(session, owner)
    return [_summary(a, labels) for a in load_applications(session, owner)]


def board(session: Session, owner: int) -> Board:
    """Applications grouped by their current stage, stages in path order."""
    all_stages = stages(session, owner)
    labels = {s.key: s.label for s in all_stages}
    by_stage: dict[str, list[ApplicationSummary]] = {s.key: [] for s in all_stages}
    total = 0
    for app in load_applications(session, owner):
        summary = _summary(app, labels)
        by_stage.setdefault(summary.stage, []).append(summary)
        total += 1
    columns = []
    for stage in all_stages:
        apps = sorted(by_stage[stage.key], key=lambda a: (a.priority, a.stage_since))
        columns.append(BoardColumn(stage=_stage_out(stage), applications=apps))
    return Board(columns=columns, total=total)


def interview_out(iv: Interview) -> InterviewOut:
    try:
        zone = ZoneInfo(iv.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = iv.scheduled_at.astimezone(zone)
    return InterviewOut(
        id=iv.id,
        application_id=iv.application_id,
        kind=iv.kind,
        scheduled_at=iv.scheduled_at,
        timezone=iv.timezone,
        local_time=f"{local:%a %d %b %Y %H:%M} {iv.timezone}",
        duration_minutes=iv.duration_minutes,
        interviewers=iv.interviewers,
        outcome=iv.outcome,
        notes=iv.notes,
        thank_you_sent_at=iv.thank_you_sent_at,
    )


def _interaction_out(it: Interaction) -> InteractionOut:
    return InteractionOut(
        id=it.id,
        contact_id=it.contact_id,
        contact_name=it.contact.name,
        application_id=it.application_id,
        kind=it.kind,
        direction=it.direction,
        at=it.at,
        summary=it.summary,
        follow_up_on=it.follow_up_on,
        follow_up_done=it.follow_up_done,
    )


def _contact_out(c: Contact) -> ContactOut:
    return ContactOut(
        id=c.id,
        name=c.name,
        role=c.role,
        company=c.company.name if c.company else None,
        email=c.email,
        phone=c.phone,
        url=c.url,
        notes=c.notes,
    )


def _timeline(
    changes: Iterable[StageChange],
    labels: dict[str, str],
    interactions: Iterable[Interaction],
    interviews: Iterable[Interview],
    notes: Iterable[Note],
) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    for ch in changes:
        text = labels.get(ch.to_stage, ch.to_stage)
        if ch.from_stage is None:
            text = f"Added at stage {text}"
        else:
            text = f"{labels.get(ch.from_stage, ch.from_stage)} → {text}"
        if ch.reason:
            text += f" (reason: {ch.reason})"
        if ch.skills:
            text += f" [skills named: {', '.join(ch.skills)}]"
        if ch.note:
            text += f": {ch.note}"
        events.append(TimelineEvent(at=ch.at, kind="stage", text=text, ref_id=ch.id))
    for it in interactions:
        arrow = "to" if it.direction == "outbound" else "from"
        text = f"{label(it.kind)} {arrow} {it.contact.name}"
        if it.summary:
            text += f": {it.summary}"
        events.append(TimelineEvent(at=it.at, kind="interaction", text=text, ref_id=it.id))
    for iv in interviews:
        out = interview_out(iv)
        text = f"{label(iv.kind)} interview, {out.local_time}, {iv.duration_minutes} min"
        if iv.interviewers:
            text += f" with {', '.join(iv.interviewers)}"
        if iv.outcome != InterviewOutcome.pending:
            text += f" ({iv.outcome})"
        events.append(TimelineEvent(at=iv.scheduled_at, kind="interview", text=text, ref_id=iv.id))
    for n in notes:
        events.append(TimelineEvent(at=n.at, kind="note", text=n.body, ref_id=n.id))
    # Ties (same instant) keep the natural order: the move, then what was said, then notes.
    order = {"stage": 0, "interaction": 1, "interview": 2, "note": 3}
    return sorted(events, key=lambda e: (e.at, order[e.kind], e.ref_id))


def application_detail(session: Session, owner: int, app_id: int) -> ApplicationDetail:
    """An application with its ledger, contacts, interactions, interviews, notes and timeline."""
    app = _get_application(session, owner, app_id)
    labels = _stage_labels(session, owner)
    interactions = list(
        session.scalars(
            select(Interaction)
            .where(Interaction.application_id == app.id)
            .order_by(Interaction.at, Interaction.id)
        )
    )
    return ApplicationDetail(
        application=_summary(app, labels),
        description=app.description,
        salary_text=app.salary_text,
        work_mode=app.work_mode,
        resume_version=app.resume_version,
        stages=[StageChangeOut.model_validate(c) for c in app.stage_changes],
        contacts=[_contact_out(c) for c in app.contacts],
        interactions=[_interaction_out(i) for i in interactions],
        interviews=[interview_out(i) for i in app.interviews],
        notes=[NoteOut.model_validate(n) for n in app.notes],
        timeline=_timeline(app.stage_changes, labels, interactions, app.interviews, app.notes),
    )


# --- notes -------------------------------------------------------------------


@transactional
def add_note(
    session: Session, owner: int, app_id: int, body: str, *, at: datetime | None = None
) -> NoteOut:
    body = body.strip()
    if not body:
        raise InvalidInput("A note cannot be empty.")
    app = _get_application(session, owner, app_id)
    note = Note(owner_id=owner, application_id=app.id, body=body, at=as_utc(at or utcnow()))
    session.add(note)
    session.flush()
    return NoteOut.model_validate(note)


# --- contacts and interactions -------------------------------------------------


def _get_contact(session: Session, owner: int, contact_id: int) -> Contact:
    contact = session.scalar(
        select(Contact).where(Contact.id == contact_id, Contact.owner_id == owner)
    )
    if contact is None:
        raise NotFound(
            f"No contact with id {contact_id}.", hint="`landml contact list` lists them."
        )
    return contact


def create_contact(session: Session, owner: int, data: ContactIn, *, demo: bool = False) -> Contact:
    company = find_or_add_company(session, owner, data.company) if data.company else None
    contact = Contact(
        owner_id=owner,
        company=company,
        name=data.name,
        role=data.role.value,
        email=data.email,
        phone=data.phone,
        url=data.url,
        notes=data.notes,
        demo=demo,
    )
    session.add(contact)
    session.flush()
    return contact


@transactional
def add_contact(
    session: Session, owner: int, data: ContactIn, *, application_id: int | None = None
) -> ContactOut:
    contact = create_contact(session, owner, data)
    if application_id is not None:
        app = _get_application(session, owner, application_id)
        app.contacts.append(contact)
    return _contact_out(contact)


@transactional
def link_contact(session: Session, owner: int, contact_id: int, app_id: int) -> ContactOut:
    contact = _get_contact(session, owner, contact_id)
    app = _get_application(session, owner, app_id)
    if contact not in app.contacts:
        app.contacts.append(contact)
    return _contact_out(contact)


def list_contacts(session: Session, owner: int) -> list[ContactOut]:
    rows = session.scalars(
        select(Contact).where(Contact.owner_id == owner).order_by(func.lower(Contact.name))
    )
    return [_contact_out(c) for c in rows]


@transactional
def log_interaction(session: Session, owner: int, data: InteractionIn) -> InteractionOut:
    contact = _get_contact(session, owner, data.contact_id)
    if data.application_id is not None:
        app = _get_application(session, owner, data.application_id)
        if contact not in app.contacts:
            app.contacts.append(contact)
    it = Interaction(
        owner_id=owner,
        contact=contact,
        application_id=data.application_id,
        kind=data.kind.value,
        direction=data.direction.value,
        at=as_utc(data.at),
        summary=data.summary,
        follow_up_on=data.follow_up_on,
    )
    session.add(it)
    session.flush()
    return _interaction_out(it)


@transactional
def complete_follow_up(session: Session, owner: int, interaction_id: int) -> InteractionOut:
    it = session.scalar(
        select(Interaction).where(Interaction.id == interaction_id, Interaction.owner_id == owner)
    )
    if it is None:
        raise NotFound(f"No interaction with id {interaction_id}.")
    it.follow_up_done = True
    return _interaction_out(it)


def contact_detail(
    session: Session, owner: int, contact_id: int
) -> tuple[ContactOut, list[InteractionOut]]:
    contact = _get_contact(session, owner, contact_id)
    return _contact_out(contact), [_interaction_out(i) for i in contact.interactions]


# --- interviews ----------------------------------------------------------------


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidInput(
            f"Unknown time zone {name!r}.", hint="Use an IANA name such as Europe/Paris."
        ) from exc


@transactional
def schedule_interview(session: Session, owner: int, data: InterviewIn) -> InterviewOut:
    zone(data.timezone)
    app = _get_application(session, owner, data.application_id)
    iv = Interview(
        owner_id=owner,
        application=app,
        kind=data.kind.value,
        scheduled_at=as_utc(data.scheduled_at),
        timezone=data.timezone,
        duration_minutes=data.duration_minutes,
        interviewers=[i.strip() for i in data.interviewers if i.strip()],
        notes=data.notes,
    )
    session.add(iv)
    session.flush()
    return interview_out(iv)


def _get_interview(session: Session, owner: int, interview_id: int) -> Interview:
    iv = session.scalar(
        select(Interview).where(Interview.id == interview_id, Interview.owner_id == owner)
    )
    if iv is None:
        raise NotFound(
            f"No interview with id {interview_id}.", hint="`landml interview list` lists them."
        )
    return iv


@transactional
def record_interview(
    session: Session,
    owner: int,
    interview_id: int,
    *,
    outcome: InterviewOutcome | None = None,
    notes: str | None = None,
    thanked: bool = False,
    now: datetime | None = None,
) -> InterviewOut:
    """Record an interview's outcome, notes, or that the thank-you note was sent."""
    iv = _get_interview(session, owner, interview_id)
    if outcome is not None:
        iv.outcome = outcome.value
    if notes:
        iv.notes = f"{iv.notes}\n{notes}" if iv.notes else notes
    if thanked:
        iv.thank_you_sent_at = now or utcnow()
    return interview_out(iv)


def list_interviews(
    session: Session, owner: int, *, upcoming_from: datetime | None = None
) -> list[InterviewOut]:
    query = select(Interview).where(Interview.owner_id == owner)
    if upcoming_from is not None:
        query = query.where(Interview.scheduled_at >= upcoming_from)
    rows = session.scalars(query.order_by(Interview.scheduled_at))
    return [interview_out(i) for i in rows]


def workspace_is_empty(session: Session, owner: int) -> bool:
    for model in (Application, Company, Contact):
        if session.scalar(select(func.count()).select_from(model).where(model.owner_id == owner)):
            return False
    return True
