"""What to do today: follow-ups due, thank-you notes owed, interviews coming up,
applications silent long enough to call ghosted, next actions, offer deadlines, and the
daily goal.

Nothing here changes the workspace: a ghosted application is only suggested,
with the command that would close it.

Offer deadlines belong to the offers domain, which builds on the tracker; the tracker
must not import it. The interfaces pass its `deadline_items` in as `offer_deadlines`.
Interview prep (due reviews, today's plan items) comes in the same way as `prep`, from
`landml.prep.service.today_items`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, tzinfo

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from landml.accounts.service import Preferences
from landml.tracker.models import Application, Interaction, Interview
from landml.tracker.service import interview_out, load_applications
from landml.tracker.stages import BUILTIN_BY_KEY
from landml.tracker.vocab import label

# Stages at which the person is waiting on the company; silence there can mean ghosting.
WAITING_STAGES = ("applied", "recruiter_call", "tech_screen", "take_home", "onsite", "team_match")
THANK_YOU_WINDOW = timedelta(days=3)
UPCOMING_WINDOW = timedelta(days=7)


class TodayItem(BaseModel):
    kind: str  # follow_up, thank_you, interview, ghosted, next_action, offer_deadline, prep
    application_id: int | None
    company: str | None
    title: str | None
    text: str
    due: date | None = None
    at: datetime | None = None
    command: str | None = None


class GoalProgress(BaseModel):
    goal: int
    done: int
    explanation: str


class TodayReport(BaseModel):
    date: date
    timezone: str
    follow_ups: list[TodayItem]
    thank_yous: list[TodayItem]
    interviews: list[TodayItem]
    ghosted: list[TodayItem]
    next_actions: list[TodayItem]
    goal: GoalProgress
    offer_deadlines: list[TodayItem] = []
    prep: list[TodayItem] = []


# Another domain's items for the day: (session, owner, the local date) -> items.
DaySection = Callable[[Session, int, date], list[TodayItem]]


GOAL_EXPLANATION = (
    "Tailored applications sent today. A few well-aimed applications a day beat mass "
    "applying: past about 20 a day there is no time left to tailor the resume, write to "
    "the recruiter or follow up, and response rates fall."
)


def _last_activity(
    app: Application, interactions: list[Interaction], interviews: list[Interview]
) -> datetime:
    times = [app.stage_changes[-1].at]
    times += [i.at for i in interactions]
    times += [iv.scheduled_at + timedelta(minutes=iv.duration_minutes) for iv in interviews]
    return max(times)


def today(
    session: Session,
    owner: int,
    prefs: Preferences,
    *,
    now: datetime,
    tz: tzinfo,
    offer_deadlines: DaySection | None = None,
    prep: DaySection | None = None,
) -> TodayReport:
    """Build the day's list for one owner at `now`, with "today" as seen in `tz`.

    `offer_deadlines` fills the offer deadlines (`landml.offers.service.deadline_items`);
    `prep` fills the interview prep items (`landml.prep.service.today_items`).
    """
    today_local = now.astimezone(tz).date()
    day_start = datetime.combine(today_local, time.min, tz)
    apps = load_applications(session, owner)
    interactions = list(session.scalars(select(Interaction).where(Interaction.owner_id == owner)))
    interviews = list(session.scalars(select(Interview).where(Interview.owner_id == owner)))
    by_app_inter: dict[int, list[Interaction]] = {}
    for it in interactions:
        if it.application_id is not None:
            by_app_inter.setdefault(it.application_id, []).append(it)
    by_app_iv: dict[int, list[Interview]] = {}
    for iv in interviews:
        by_app_iv.setdefault(iv.application_id, []).append(iv)
    app_by_id = {a.id: a for a in apps}

    follow_ups: list[TodayItem] = []
    ghosted: list[TodayItem] = []
    next_actions: list[TodayItem] = []
    open_follow_up_apps: set[int] = set()

    for it in interactions:
        if it.follow_up_on and not it.follow_up_done and it.follow_up_on <= today_local:
            app = app_by_id.get(it.application_id) if it.application_id else None
            if app is not None:
                open_follow_up_apps.add(app.id)
            follow_ups.append(
                TodayItem(
                    kind="follow_up",
                    application_id=app.id if app else None,
                    company=app.company.name if app else None,
                    title=app.title if app else None,
                    text=f"Follow up with {it.contact.name}"
                    + (f" ({it.summary})" if it.summary else ""),
                    due=it.follow_up_on,
                    command=f"landml contact done {it.id}",
                )
            )

    for app in apps:
        current = app.stage_changes[-1]
        app_inter = by_app_inter.get(app.id, [])
        if app.next_action and app.next_action_on and app.next_action_on <= today_local:
            next_actions.append(
                TodayItem(
                    kind="next_action",
                    application_id=app.id,
                    company=app.company.name,
                    title=app.title,
                    text=app.next_action,
                    due=app.next_action_on,
                )
            )
        if current.to_stage not in WAITING_STAGES:
            continue
        last = _last_activity(app, app_inter, by_app_iv.get(app.id, []))
        silent_days = (now - last).days
        if silent_days >= prefs.ghost_after_days:
            ghosted.append(
                TodayItem(
                    kind="ghosted",
                    application_id=app.id,
                    company=app.company.name,
                    title=app.title,
                    text=f"No news for {silent_days} days at stage "
                    f"{BUILTIN_BY_KEY[current.to_stage].label}; mark it ghosted?",
                    command=f"landml move {app.id} ghosted",
                )
            )
            continue
        if current.to_stage != "applied" or app.id in open_follow_up_apps:
            continue
        answered = any(i.direction == "inbound" and i.at >= current.at for i in app_inter)
        if answered:
            continue
        due = last.astimezone(tz).date() + timedelta(days=prefs.follow_up_days)
        if due <= today_local:
            follow_ups.append(
                TodayItem(
                    kind="follow_up",
                    application_id=app.id,
                    company=app.company.name,
                    title=app.title,
                    text=f"No answer {silent_days} days after applying: send a short follow-up",
                    due=due,
                    command=f"landml contact log CONTACT_ID email --application {app.id}",
                )
            )

    thank_yous: list[TodayItem] = []
    upcoming: list[TodayItem] = []
    for iv in sorted(interviews, key=lambda i: i.scheduled_at):
        app = app_by_id[iv.application_id]
        end = iv.scheduled_at + timedelta(minutes=iv.duration_minutes)
        out = interview_out(iv)
        if iv.outcome == "cancelled":
            continue
        if end <= now and now - end <= THANK_YOU_WINDOW and iv.thank_you_sent_at is None:
            who = ", ".join(iv.interviewers) or "your interviewers"
            thank_yous.append(
                TodayItem(
                    kind="thank_you",
                    application_id=app.id,
                    company=app.company.name,
                    title=app.title,
                    text=f"Thank {who} for the {label(out.kind)} interview of {out.local_time}",
                    at=iv.scheduled_at,
                    command=f"landml interview thanked {iv.id}",
                )
            )
        elif now <= iv.scheduled_at <= now + UPCOMING_WINDOW:
            upcoming.append(
                TodayItem(
                    kind="interview",
                    application_id=app.id,
                    company=app.company.name,
                    title=app.title,
                    text=f"{label(out.kind)} interview, "
                    f"{out.local_time} ({iv.duration_minutes} min)",
                    at=iv.scheduled_at,
                )
            )

    applied_today = sum(
        1
        for app in apps
        for ch in app.stage_changes
        if ch.to_stage == "applied"
        and ch.at >= day_start
        and ch.at.astimezone(tz).date() == today_local
    )
    return TodayReport(
        date=today_local,
        timezone=str(tz),
        follow_ups=sorted(follow_ups, key=lambda i: i.due or today_local),
        thank_yous=thank_yous,
        interviews=upcoming,
        ghosted=ghosted,
        next_actions=sorted(next_actions, key=lambda i: i.due or today_local),
        goal=GoalProgress(goal=prefs.daily_goal, done=applied_today, explanation=GOAL_EXPLANATION),
        offer_deadlines=offer_deadlines(session, owner, today_local) if offer_deadlines else [],
        prep=prep(session, owner, today_local) if prep else [],
    )
