"""Tracker commands: add, board, show, move, note, edit, delete, stage, company,
contact, interview, today, config."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

import click
from rich.table import Table

from landml.accounts import service as accounts
from landml.cli.context import CliState, LandmlGroup, command_options, parse_when, pass_state
from landml.errors import InvalidInput
from landml.offers import service as offer_service
from landml.prep import service as prep_service
from landml.tracker import service
from landml.tracker.quickadd import company_and_title_from_text, company_from_url
from landml.tracker.schemas import ApplicationIn, ContactIn, InteractionIn, InterviewIn
from landml.tracker.today import TodayReport, today
from landml.tracker.vocab import (
    Channel,
    CompanyKind,
    ContactRole,
    Direction,
    InteractionKind,
    InterviewKind,
    InterviewOutcome,
    label,
    parse_choice,
)


def _choice_help(enum: type[object]) -> str:
    return ", ".join(m.value for m in enum)  # type: ignore[attr-defined]


def _date(text: str | None, st: CliState, what: str) -> date | None:
    if text is None:
        return None
    return parse_when(text, st.zone(_prefs(st)), what=what).date()


def _prefs(st: CliState) -> accounts.Preferences:
    with st.session() as s:
        return st.preferences(s)


# --- add ------------------------------------------------------------------------


@click.command()
@click.argument("company", required=False)
@click.argument("title", required=False)
@click.option("--url", help="Link to the posting; the company is read from job-board URLs.")
@click.option(
    "--paste",
    "paste_file",
    type=click.File("r"),
    default=None,
    help="Posting text from a file, or - for stdin; kept as the description.",
)
@click.option("--kind", help=f"Company kind: {_choice_help(CompanyKind)}.")
@click.option(
    "--channel",
    default="job_portal",
    show_default=True,
    help=f"How you applied: {_choice_help(Channel)}.",
)
@click.option(
    "--stage",
    default=None,
    help="Starting stage (default: applied if --applied-on is given, else saved).",
)
@click.option("--applied-on", help="Date you applied (YYYY-MM-DD); implies stage applied.")
@click.option("--location")
@click.option("--mode", "work_mode", type=click.Choice(["remote", "hybrid", "onsite"]))
@click.option("--salary", "salary_text", help="Salary as the posting states it.")
@click.option(
    "--priority",
    type=click.IntRange(1, 3),
    default=2,
    show_default=True,
    help="1 = top target, 3 = long shot.",
)
@click.option("--next-action", help="What you will do next, shown in `landml today` when due.")
@click.option("--next-action-on", help="When the next action is due.")
@command_options
@pass_state
def add(
    st: CliState,
    company: str | None,
    title: str | None,
    url: str | None,
    paste_file: TextIO | None,
    kind: str | None,
    channel: str,
    stage: str | None,
    applied_on: str | None,
    location: str | None,
    work_mode: str | None,
    salary_text: str | None,
    priority: int,
    next_action: str | None,
    next_action_on: str | None,
) -> None:
    """Track an application: COMPANY and TITLE, or --url / --paste a posting."""
    description = paste_file.read() if paste_file is not None else None
    if description is not None and not description.strip():
        raise InvalidInput("The pasted posting is empty.")
    if description:
        guessed_company, guessed_title = company_and_title_from_text(description)
        company, title = company or guessed_company, title or guessed_title
    if url and not title and (from_url := company_from_url(url)):
        # `landml add --url URL TITLE`: the one argument given is the title.
        company, title = from_url, company
    elif url and not company:
        company = company_from_url(url)
    if not company or not title:
        missing = " and ".join(n for n, v in (("company", company), ("title", title)) if not v)
        raise InvalidInput(
            f"Could not tell the {missing} of this application.",
            hint="Give them: landml add COMPANY TITLE [--url ...].",
        )
    prefs = _prefs(st)
    tz = st.zone(prefs)
    stage_at = parse_when(applied_on, tz, what="application date") if applied_on else None
    data = ApplicationIn(
        company=company,
        title=title,
        url=url,
        description=description,
        company_kind=parse_choice(CompanyKind, kind, "company kind") if kind else None,
        channel=parse_choice(Channel, channel, "channel"),
        stage=stage or ("applied" if applied_on else "saved"),
        stage_at=stage_at,
        location=location,
        work_mode=work_mode,
        salary_text=salary_text,
        priority=priority,
        next_action=next_action,
        next_action_on=_date(next_action_on, st, "next action date"),
    )
    with st.session() as s:
        summary = service.add_application(s, st.owner, data, now=st.now())
    st.emit(
        summary,
        lambda: st.console.print(
            f"Added #{summary.id}: {summary.title} at {summary.company} ({summary.stage_label})."
        ),
    )


# --- board, show -----------------------------------------------------------------


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Show empty stages too.")
@command_options
@pass_state
def board(st: CliState, show_all: bool) -> None:
    """Applications grouped by stage, in the order of the interview path."""
    with st.session() as s:
        b = service.board(s, st.owner)

    def render() -> None:
        if b.total == 0:
            st.console.print(
                "No applications yet. Add one with `landml add COMPANY TITLE`, "
                "or look around with `landml demo --home /tmp/landml-demo`."
            )
            return
        for col in b.columns:
            if not col.applications and not show_all:
                continue
            st.console.print(f"[bold]{col.stage.label}[/bold] ({len(col.applications)})")
            for a in col.applications:
                demo = " [dim](demo)[/dim]" if a.demo else ""
                st.console.print(
                    f"  #{a.id:<4} {a.company} · {a.title}  "
                    f"[dim]since {a.stage_since:%Y-%m-%d}[/dim]{demo}"
                )

    st.emit(b, render)


@click.command()
@click.argument("app_id", type=int)
@command_options
@pass_state
def show(st: CliState, app_id: int) -> None:
    """An application and its timeline."""
    prefs = _prefs(st)
    tz = st.zone(prefs)
    with st.session() as s:
        d = service.application_detail(s, st.owner, app_id)

    def render() -> None:
        a = d.application
        st.console.print(f"[bold]#{a.id} {a.title}[/bold] at {a.company} ({label(a.company_kind)})")
        st.console.print(
            f"Stage: {a.stage_label} since {a.stage_since.astimezone(tz):%Y-%m-%d}"
            f" · channel {label(a.channel)} · priority {a.priority}"
        )
        for line in (a.location, a.url, d.salary_text):
            if line:
                st.console.print(line)
        if a.next_action:
            st.console.print(
                f"Next: {a.next_action}"
                + (f" (due {a.next_action_on})" if a.next_action_on else "")
            )
        if d.contacts:
            st.console.print(
                "Contacts: " + "; ".join(f"{c.name} ({label(c.role)}, #{c.id})" for c in d.contacts)
            )
        st.console.print("\n[bold]Timeline[/bold]")
        for ev in d.timeline:
            st.console.print(
                f"  {ev.at.astimezone(tz):%Y-%m-%d %H:%M}  [{ev.kind}] {ev.text}", markup=False
            )

    st.emit(d, render)


# --- move, note, edit, delete ------------------------------------------------------


@click.command()
@click.argument("app_id", type=int)
@click.argument("stage")
@click.option("--note", help="What happened.")
@click.option("--reason", help="When closing (rejected, ...): the reason given.")
@click.option(
    "--skill",
    "skills",
    multiple=True,
    help="A skill the rejection named (repeatable); it feeds your gap analysis.",
)
@click.option("--at", "at_text", help="When it happened (default: now).")
@command_options
@pass_state
def move(
    st: CliState,
    app_id: int,
    stage: str,
    note: str | None,
    reason: str | None,
    skills: tuple[str, ...],
    at_text: str | None,
) -> None:
    """Move an application to STAGE (appends to its history; nothing is rewritten)."""
    tz = st.zone(_prefs(st))
    at = parse_when(at_text, tz) if at_text else st.now()
    with st.session() as s:
        change = service.move(
            s, st.owner, app_id, stage, note=note, reason=reason, skills=skills, at=at
        )
    st.emit(change, lambda: st.console.print(f"#{app_id}: {change.from_stage} → {change.to_stage}"))


@click.command()
@click.argument("app_id", type=int)
@click.argument("text")
@command_options
@pass_state
def note(st: CliState, app_id: int, text: str) -> None:
    """Add a dated note to an application's timeline."""
    with st.session() as s:
        n = service.add_note(s, st.owner, app_id, text, at=st.now())
    st.emit(n, lambda: st.console.print(f"Noted on #{app_id}."))


@click.command()
@click.argument("app_id", type=int)
@click.option("--title")
@click.option("--url")
@click.option("--location")
@click.option("--salary", "salary_text")
@click.option("--channel")
@click.option("--priority", type=click.IntRange(1, 3))
@click.option("--resume-version")
@click.option("--next-action")
@click.option("--next-action-on")
@command_options
@pass_state
def edit(
    st: CliState,
    app_id: int,
    title: str | None,
    url: str | None,
    location: str | None,
    salary_text: str | None,
    channel: str | None,
    priority: int | None,
    resume_version: str | None,
    next_action: str | None,
    next_action_on: str | None,
) -> None:
    """Change an application's details (its stage changes with `landml move`)."""
    fields: dict[str, object] = {
        k: v
        for k, v in {
            "title": title,
            "url": url,
            "location": location,
            "salary_text": salary_text,
            "priority": priority,
            "resume_version": resume_version,
            "next_action": next_action,
        }.items()
        if v is not None
    }
    if channel is not None:
        fields["channel"] = parse_choice(Channel, channel, "channel")
    if next_action_on is not None:
        fields["next_action_on"] = _date(next_action_on, st, "next action date")
    if not fields:
        raise InvalidInput("Nothing to change.", hint="See `landml edit --help`.")
    with st.session() as s:
        summary = service.update_application(s, st.owner, app_id, **fields)
    st.emit(summary, lambda: st.console.print(f"Updated #{app_id}."))


@click.command()
@click.argument("app_id", type=int)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@command_options
@pass_state
def delete(st: CliState, app_id: int, yes: bool) -> None:
    """Delete an application and its history (for mistakes; close it with `move` instead)."""
    if not yes and not st.json:
        click.confirm(f"Delete application #{app_id} and its whole history?", abort=True)
    elif not yes:
        raise InvalidInput("Deleting needs --yes when --json is used.")
    with st.session() as s:
        summary = service.delete_application(s, st.owner, app_id)
    st.emit(summary, lambda: st.console.print(f"Deleted #{app_id}."))


# --- stages and companies ------------------------------------------------------------


@click.group(cls=LandmlGroup)
def stage() -> None:
    """The stages of the path, and your own."""


@stage.command("list")
@command_options
@pass_state
def stage_list(st: CliState) -> None:
    """List stages in path order."""
    with st.session() as s:
        rows = service.list_stages(s, st.owner)
    st.emit(
        rows,
        lambda: st.print_each(
            f"{r.key:<16} {r.label}{' (closed)' if r.closed else ''}"
            f"{'' if r.builtin else ' (yours)'}"
            for r in rows
        ),
    )


@stage.command("add")
@click.argument("name")
@click.option("--after", required=True, help="The stage it follows.")
@click.option("--closed", is_flag=True, help="It ends an application (like rejected).")
@command_options
@pass_state
def stage_add(st: CliState, name: str, after: str, closed: bool) -> None:
    """Add your own stage, for example "Hiring committee" after onsite."""
    with st.session() as s:
        out = service.add_stage(s, st.owner, name, after, closed)
    st.emit(out, lambda: st.console.print(f"Added stage {out.key}."))


@click.group(cls=LandmlGroup)
def company() -> None:
    """Companies and their kind."""


@company.command("list")
@command_options
@pass_state
def company_list(st: CliState) -> None:
    """List companies."""
    with st.session() as s:
        rows = service.list_companies(s, st.owner)
    st.emit(rows, lambda: st.print_each(f"{c.name} ({label(c.kind)})" for c in rows))


@company.command("kind", help="Set a company's kind: " + _choice_help(CompanyKind) + ".")
@click.argument("name")
@click.argument("kind")
@command_options
@pass_state
def company_kind(st: CliState, name: str, kind: str) -> None:
    value = CompanyKind(parse_choice(CompanyKind, kind, "company kind"))
    with st.session() as s:
        out = service.set_company_kind(s, st.owner, name, value)
    st.emit(out, lambda: st.console.print(f"{out.name} is now {label(out.kind)}."))


# --- contacts ----------------------------------------------------------------------------


@click.group(cls=LandmlGroup)
def contact() -> None:
    """Recruiters, hiring managers, referrers... and what you exchanged with them."""


@contact.command("add")
@click.argument("name")
@click.option("--role", default="other", help=f"One of: {_choice_help(ContactRole)}.")
@click.option("--company")
@click.option("--email")
@click.option("--phone")
@click.option("--url", help="LinkedIn or homepage.")
@click.option("--application", "application_id", type=int, help="Link to an application.")
@click.option("--notes")
@command_options
@pass_state
def contact_add(
    st: CliState,
    name: str,
    role: str,
    company: str | None,
    email: str | None,
    phone: str | None,
    url: str | None,
    application_id: int | None,
    notes: str | None,
) -> None:
    """Add a contact."""
    data = ContactIn(
        name=name,
        role=parse_choice(ContactRole, role, "contact role"),
        company=company,
        email=email,
        phone=phone,
        url=url,
        notes=notes,
    )
    with st.session() as s:
        out = service.add_contact(s, st.owner, data, application_id=application_id)
    st.emit(out, lambda: st.console.print(f"Added contact #{out.id}: {out.name}."))


@contact.command("list")
@command_options
@pass_state
def contact_list(st: CliState) -> None:
    """List contacts."""
    with st.session() as s:
        rows = service.list_contacts(s, st.owner)

    def render() -> None:
        table = Table("id", "name", "role", "company", "email")
        for c in rows:
            table.add_row(str(c.id), c.name, label(c.role), c.company or "", c.email or "")
        st.console.print(table)

    st.emit(rows, render)


@contact.command("show")
@click.argument("contact_id", type=int)
@command_options
@pass_state
def contact_show(st: CliState, contact_id: int) -> None:
    """A contact and your interactions with them."""
    with st.session() as s:
        c, interactions = service.contact_detail(s, st.owner, contact_id)

    def render() -> None:
        st.console.print(f"[bold]{c.name}[/bold] ({label(c.role)}) {c.company or ''}")
        for line in (c.email, c.phone, c.url, c.notes):
            if line:
                st.console.print(f"  {line}")
        for i in interactions:
            arrow = "→" if i.direction == "outbound" else "←"
            st.console.print(
                f"  {i.at:%Y-%m-%d} {arrow} {label(i.kind)}: {i.summary or ''}", markup=False
            )

    st.emit({"contact": c, "interactions": interactions}, render)


@contact.command("link")
@click.argument("contact_id", type=int)
@click.argument("app_id", type=int)
@command_options
@pass_state
def contact_link(st: CliState, contact_id: int, app_id: int) -> None:
    """Link a contact to an application."""
    with st.session() as s:
        out = service.link_contact(s, st.owner, contact_id, app_id)
    st.emit(out, lambda: st.console.print(f"Linked {out.name} to #{app_id}."))


@contact.command(
    "log", help="Log an interaction: KIND is one of " + _choice_help(InteractionKind) + "."
)
@click.argument("contact_id", type=int)
@click.argument("kind")
@click.option("--inbound", is_flag=True, help="They contacted you (default: you them).")
@click.option("--summary", help="What was said.")
@click.option("--application", "application_id", type=int)
@click.option("--at", "at_text", help="When (default: now).")
@click.option("--follow-up-on", help="Date to follow up.")
@click.option("--follow-up-in", type=click.IntRange(0, 365), help="Follow up in N days.")
@command_options
@pass_state
def contact_log(
    st: CliState,
    contact_id: int,
    kind: str,
    inbound: bool,
    summary: str | None,
    application_id: int | None,
    at_text: str | None,
    follow_up_on: str | None,
    follow_up_in: int | None,
) -> None:
    tz = st.zone(_prefs(st))
    at = parse_when(at_text, tz) if at_text else st.now()
    follow = _date(follow_up_on, st, "follow-up date")
    if follow_up_in is not None:
        follow = at.astimezone(tz).date() + timedelta(days=follow_up_in)
    data = InteractionIn(
        contact_id=contact_id,
        kind=parse_choice(InteractionKind, kind, "interaction kind"),
        direction=Direction.inbound if inbound else Direction.outbound,
        at=at,
        summary=summary,
        application_id=application_id,
        follow_up_on=follow,
    )
    with st.session() as s:
        out = service.log_interaction(s, st.owner, data)
    st.emit(out, lambda: st.console.print(f"Logged {label(out.kind)} with {out.contact_name}."))


@contact.command("done")
@click.argument("interaction_id", type=int)
@command_options
@pass_state
def contact_done(st: CliState, interaction_id: int) -> None:
    """Mark an interaction's follow-up as done."""
    with st.session() as s:
        out = service.complete_follow_up(s, st.owner, interaction_id)
    st.emit(out, lambda: st.console.print("Follow-up done."))


# --- interviews ----------------------------------------------------------------------


@click.group(cls=LandmlGroup)
def interview() -> None:
    """Interviews: schedule them, record outcomes and thank-you notes."""


@interview.command(
    "add", help="Schedule an interview. KIND is one of " + _choice_help(InterviewKind) + "."
)
@click.argument("app_id", type=int)
@click.argument("kind")
@click.argument("when")
@click.option("--tz", "tz_name", help="IANA time zone of WHEN (default: yours).")
@click.option(
    "--duration", type=click.IntRange(5, 24 * 60), default=45, show_default=True, help="Minutes."
)
@click.option("--with", "interviewers", multiple=True, help="An interviewer (repeatable).")
@click.option("--notes")
@command_options
@pass_state
def interview_add(
    st: CliState,
    app_id: int,
    kind: str,
    when: str,
    tz_name: str | None,
    duration: int,
    interviewers: tuple[str, ...],
    notes: str | None,
) -> None:
    prefs = _prefs(st)
    tz = service.zone(tz_name) if tz_name else st.zone(prefs)
    at = parse_when(when, tz, what="interview time")
    zone_name = tz_name or prefs.timezone or _zone_name(at)
    data = InterviewIn(
        application_id=app_id,
        kind=parse_choice(InterviewKind, kind, "interview kind"),
        scheduled_at=at,
        timezone=zone_name,
        duration_minutes=duration,
        interviewers=list(interviewers),
        notes=notes,
    )
    with st.session() as s:
        out = service.schedule_interview(s, st.owner, data)
    st.emit(
        out,
        lambda: st.console.print(
            f"Scheduled interview #{out.id}: {label(out.kind)}, {out.local_time}."
        ),
    )


def _zone_name(at: object) -> str:
    from datetime import datetime

    assert isinstance(at, datetime)
    key = getattr(at.tzinfo, "key", None)
    if isinstance(key, str):
        return key
    offset = at.utcoffset()
    if offset == timedelta(0):
        return "UTC"
    # A fixed offset from the system clock: Etc/GMT zones have inverted signs.
    hours = int(offset.total_seconds() // 3600) if offset is not None else 0
    return f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"


@interview.command("list")
@click.option("--upcoming", is_flag=True, help="Only interviews from now on.")
@command_options
@pass_state
def interview_list(st: CliState, upcoming: bool) -> None:
    """List interviews."""
    with st.session() as s:
        rows = service.list_interviews(s, st.owner, upcoming_from=st.now() if upcoming else None)

    def render() -> None:
        table = Table("id", "app", "kind", "when", "min", "outcome")
        for r in rows:
            table.add_row(
                str(r.id),
                str(r.application_id),
                label(r.kind),
                r.local_time,
                str(r.duration_minutes),
                r.outcome,
            )
        st.console.print(table)

    st.emit(rows, render)


@interview.command("outcome")
@click.argument("interview_id", type=int)
@click.argument("outcome", type=click.Choice([o.value for o in InterviewOutcome]))
@click.option("--notes")
@command_options
@pass_state
def interview_outcome(st: CliState, interview_id: int, outcome: str, notes: str | None) -> None:
    """Record how an interview went."""
    with st.session() as s:
        out = service.record_interview(
            s, st.owner, interview_id, outcome=InterviewOutcome(outcome), notes=notes
        )
    st.emit(out, lambda: st.console.print(f"Interview #{out.id}: {out.outcome}."))


@interview.command("thanked")
@click.argument("interview_id", type=int)
@command_options
@pass_state
def interview_thanked(st: CliState, interview_id: int) -> None:
    """Record that you sent the thank-you note."""
    with st.session() as s:
        out = service.record_interview(s, st.owner, interview_id, thanked=True, now=st.now())
    st.emit(out, lambda: st.console.print(f"Thank-you note recorded for interview #{out.id}."))


# --- today -------------------------------------------------------------------------------


@click.command("today")
@click.option(
    "--follow-up-days",
    type=click.IntRange(1, 90),
    help="Days after applying with no answer before a follow-up is due (default 7).",
)
@click.option(
    "--ghost-after",
    type=click.IntRange(1, 365),
    help="Days of silence before an application is suggested as ghosted (default 30).",
)
@click.option(
    "--goal",
    type=click.IntRange(1, 100),
    help="Tailored applications to send per day (default 5). Keep it small: past "
    "about 20 a day there is no time left to tailor each one, and quality "
    "and response rates drop.",
)
@command_options
@pass_state
def today_cmd(
    st: CliState, follow_up_days: int | None, ghost_after: int | None, goal: int | None
) -> None:
    """What to do today: offer deadlines, follow-ups, thank-you notes, interviews, interview
    prep, ghosted, daily goal.

    The daily goal counts tailored applications (default 5, set it with
    `landml config set daily_goal N`). More than about 20 a day hurts: each
    application deserves a tailored resume, a note to the recruiter and a follow-up.
    Nothing here changes your workspace; suggested moves show the command to run.
    """
    with st.session() as s:
        prefs = st.preferences(s)
        overrides = {
            k: v
            for k, v in {
                "follow_up_days": follow_up_days,
                "ghost_after_days": ghost_after,
                "daily_goal": goal,
            }.items()
            if v is not None
        }
        prefs = prefs.model_copy(update=overrides)
        tz = st.zone(prefs)
        report = today(
            s,
            st.owner,
            prefs,
            now=st.now(),
            tz=tz,
            offer_deadlines=offer_service.deadline_items,
            prep=functools.partial(prep_service.today_items, tz=tz),
        )
    st.emit(report, lambda: render_today(st, report))


def render_today(st: CliState, r: TodayReport) -> None:
    c = st.console
    c.print(f"[bold]Today, {r.date:%A %d %B %Y}[/bold]")
    sections = (
        ("Offer deadlines", r.offer_deadlines),
        ("Interviews coming up", r.interviews),
        ("Thank-you notes owed", r.thank_yous),
        ("Follow-ups due", r.follow_ups),
        ("Next actions due", r.next_actions),
        ("Interview prep", r.prep),
        ("Silent for a long time: ghosted?", r.ghosted),
    )
    for title, items in sections:
        if not items:
            continue
        c.print(f"\n[bold]{title}[/bold] ({len(items)})")
        for it in items:
            who = f"#{it.application_id} {it.company} · {it.title}: " if it.application_id else ""
            c.print(f"  {who}{it.text}", markup=False)
            if it.command:
                c.print(f"      → {it.command}", style="dim", markup=False)
    if not any(items for _, items in sections):
        c.print("\nNothing due. A good day to send tailored applications.")
    g = r.goal
    bar = "■" * min(g.done, g.goal) + "□" * max(g.goal - g.done, 0)
    c.print(f"\n[bold]Daily goal[/bold]: {g.done}/{g.goal} applications sent today {bar}")


# --- config ---------------------------------------------------------------------------------


@click.group(cls=LandmlGroup)
def config() -> None:
    """Preferences kept in the workspace (daily goal, follow-up delay, time zone)."""


@config.command("show")
@command_options
@pass_state
def config_show(st: CliState) -> None:
    """Show preferences and where the workspace lives."""
    settings = st.settings
    with st.session() as s:
        prefs = st.preferences(s)
    where = settings.url if not settings.is_sqlite else str(settings.sqlite_path)
    data = {"workspace": where, **prefs.model_dump()}
    st.emit(data, lambda: st.print_each(f"{k}: {v}" for k, v in data.items()))


@config.command("set")
@click.argument("key", type=click.Choice(list(accounts.PREFERENCE_KEYS)))
@click.argument("value")
@command_options
@pass_state
def config_set(st: CliState, key: str, value: str) -> None:
    """Set a preference."""
    with st.session() as s:
        prefs = accounts.set_preference(s, st.owner, key, value, st.settings)
    st.emit(prefs, lambda: st.console.print(f"{key} = {value}"))


def register(cli: click.Group) -> None:
    for cmd in (
        add,
        board,
        show,
        move,
        note,
        edit,
        delete,
        stage,
        company,
        contact,
        interview,
        today_cmd,
        config,
    ):
        cli.add_command(cmd)


__all__ = ["Path", "register"]
