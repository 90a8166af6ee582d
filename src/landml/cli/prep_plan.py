"""`landml prep` beyond the exercises: loops and plans, spaced-repetition reviews, timed
system design practice, the job talk check, the recruiter-call sheet and questions to ask.

`register` adds these commands to the `prep` group of `landml.cli.prep` and hands that
module the recorder that keeps every graded attempt in the workspace.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
import yaml
from rich.table import Table

from landml.cli import prep as exercise_cli
from landml.cli.context import (
    CliState,
    LandmlGroup,
    command_options,
    parse_when,
    pass_state,
    state,
)
from landml.errors import InvalidInput
from landml.prep import service
from landml.prep.design import MAX_ITEM_SCORE
from landml.prep.exercises import Exercise, get_exercise
from landml.prep.findings import Finding
from landml.prep.grader import GradeReport, grade
from landml.prep.jobtalk import check_job_talk
from landml.prep.loops import Loop
from landml.prep.recruiter import ProjectIn, questions_to_ask, recruiter_sheet
from landml.prep.service import AppPlan, DesignSessionOut, DueCard, LoopOut, ReviewOut, RoundIn
from landml.tracker.vocab import CompanyKind, InterviewKind, label

ROUND_KINDS = [kind.value for kind in InterviewKind]
PROJECT_FIELDS = ("name", "problem", "role", "method", "result")


def record_attempt_in_workspace(exercise: Exercise, source: str, report: GradeReport) -> None:
    """The `prep grade` recorder: keep the attempt in the workspace of this invocation."""
    st = state()
    with st.session() as session:
        service.record_attempt(session, st.owner, exercise.id, source, report, now=st.now())


def register(cli: click.Group) -> None:
    """Add the exercise commands (recording attempts) and the commands here to `prep`."""
    exercise_cli.register(cli, record_attempt=record_attempt_in_workspace)
    group = cli.commands["prep"]
    assert isinstance(group, click.Group)
    commands = (loop_cmd, plan_cmd, review_cmd, attempts_cmd, practice)
    for command in (*commands, jobtalk_cmd, recruiter_cmd, questions_cmd):
        group.add_command(command)


def findings_lines(findings: Iterable[Finding], indent: str = "  ") -> list[str]:
    """Findings as people read them: severity, message, evidence, what to do."""
    lines = []
    for finding in findings:
        lines.append(f"{indent}{finding.severity.upper():7} {finding.message}")
        if finding.evidence:
            lines.append(f"{indent}        «{finding.evidence}»")
        lines.append(f"{indent}        → {finding.fix}")
    return lines


def _zone(st: CliState) -> Any:
    with st.session() as session:
        return st.zone(st.preferences(session))


# --- loops and plans ----------------------------------------------------------------------


def _round_in(kind: str, when: str, tz: Any) -> RoundIn:
    try:
        return RoundIn.model_validate({"kind": kind, "on": date.fromisoformat(when.strip())})
    except ValueError:
        pass
    return RoundIn.model_validate({"kind": kind, "at": parse_when(when, tz, what="round date")})


@click.command("loop")
@click.argument("app_id", metavar="APP", type=int)
@click.option(
    "--default",
    "use_default",
    is_flag=True,
    help="Replace the loop with the usual one for the company kind and role family.",
)
@click.option("--on", "on", help="With --default: the day of the loop (YYYY-MM-DD); else undated.")
@click.option(
    "--add",
    "added",
    nargs=2,
    multiple=True,
    metavar="KIND DATE",
    help=f"Add a round: its kind ({', '.join(ROUND_KINDS)}) and day or time. Repeatable.",
)
@click.option("--clear", is_flag=True, help="Remove every round of the loop first.")
@command_options
@pass_state
def loop_cmd(
    st: CliState,
    app_id: int,
    use_default: bool,
    on: str | None,
    added: tuple[tuple[str, str], ...],
    clear: bool,
) -> None:
    """Show or set the interview loop of application APP.

    Without options it shows the rounds you entered, or the interviews scheduled in the
    tracker when you entered none, and the usual loop for the company kind and role family
    with its sources. A loop the company told you about always beats the default.
    """
    if on is not None and not use_default:
        raise InvalidInput("--on dates the default loop.", hint="Use it with --default.")
    tz = _zone(st)
    with st.session() as s:
        if clear:
            service.set_loop(s, st.owner, app_id, [], tz=tz)
        if use_default:
            day = date.fromisoformat(on) if on else None
            service.use_default_loop(s, st.owner, app_id, on=day, tz=tz)
        for kind, when in added:
            service.add_round(s, st.owner, app_id, _round_in(kind, when, tz), tz=tz)
        out = service.get_loop(s, st.owner, app_id, tz=tz)
    st.emit(out, lambda: st.print_each(loop_lines(out)))


def loop_lines(out: LoopOut) -> list[str]:
    """A loop and its default, as text."""
    app = out.application
    lines = [
        f"#{app.application_id} {app.company} · {app.title} "
        f"({label(app.company_kind).lower()}, role family {app.role_family} from the "
        f"{app.role_from})"
    ]
    source = {
        "loop": "Your loop:",
        "interviews": "No loop entered; the interviews scheduled in the tracker:",
        "none": "No rounds yet.",
    }[out.source]
    lines.append(source)
    for position, round_ in enumerate(out.rounds, start=1):
        when = str(round_.on) if round_.on else "no date yet"
        mark = " (from the default)" if round_.from_default else ""
        lines.append(f"  {position}. {round_.kind_label:28} {when}{mark}")
    if out.source != "loop":
        lines += ["", *default_lines(out.default)]
        lines.append(
            f"Copy it with `landml prep loop {app.application_id} --default --on DATE`, or add "
            f"the rounds you were told about with `--add KIND DATE`."
        )
    return lines


def default_lines(loop: Loop) -> list[str]:
    lines = [f"Usual loop: {loop.label} ({loop.timeline_weeks.min}-{loop.timeline_weeks.max} "]
    lines[0] += "weeks from the first call to a decision)"
    if loop.fallback_note:
        lines.append(f"  {loop.fallback_note}")
    for round_ in loop.rounds:
        count = f"{round_.count}× " if round_.count > 1 else ""
        optional = " (optional)" if round_.optional else ""
        lines.append(f"  - {count}{round_.label}, {round_.minutes} min{optional}")
    lines.append("Sources: " + "; ".join(source.title for source in loop.sources))
    return lines


@click.command("plan")
@click.argument("app_id", metavar="APP", type=int)
@click.option(
    "--minutes",
    type=click.IntRange(5, 720),
    default=service.DEFAULT_MINUTES_PER_DAY,
    show_default=True,
    help="Minutes you can practise on a typical day.",
)
@command_options
@pass_state
def plan_cmd(st: CliState, app_id: int, minutes: int) -> None:
    """A day-by-day prep plan up to the rounds of application APP.

    The plan shares each day among the rounds ahead (nearer, heavier and weaker kinds get
    more), and turns the minutes into exercises, drills of bank questions, system design
    mocks, STAR story work and talk rehearsals. Weak areas come from your review ratings
    and exercise results. Today's items also appear in `landml today`.
    """
    tz = _zone(st)
    with st.session() as s:
        out = service.plan_for(s, st.owner, app_id, now=st.now(), tz=tz, minutes_per_day=minutes)
    st.emit(out, lambda: st.print_each(plan_lines(out)))


def plan_lines(out: AppPlan) -> list[str]:
    app, plan = out.application, out.plan
    lines = [
        f"Plan for #{app.application_id} {app.company} · {app.title}: {len(plan.days)} days, "
        f"{plan.minutes_per_day} min a day"
    ]
    rounds = ", ".join(f"{label(r.kind.value)} {r.date}" for r in plan.rounds)
    lines.append(f"Rounds: {rounds}")
    if out.weak_areas:
        weak = ", ".join(f"{a.topic} {a.weakness:.2f}" for a in out.weak_areas[:5])
        lines.append(f"Weak areas: {weak}")
    for focus in plan.focus:
        because = f" (weak: {', '.join(focus.weak_because)})" if focus.weak_because else ""
        lines.append(
            f"  {label(focus.kind.value):28} {focus.minutes:4} min {focus.share:4.0%}{because}"
        )
    for day in plan.days:
        lines.append(f"\n{day.date:%a %Y-%m-%d} ({day.minutes} min)")
        for item in day.items:
            lines.append(f"  - {item.title} [{item.minutes} min]")
            lines.append(f"      {item.reason}")
    lines += [f"Note: {note}" for note in plan.notes]
    return lines


# --- reviews ------------------------------------------------------------------------------


def _until(when: datetime, now: datetime) -> str:
    seconds = (when - now).total_seconds()
    if seconds < 3600:
        return f"in {max(round(seconds / 60), 1)} min"
    if seconds < 86400:
        return f"in {round(seconds / 3600)} h"
    days = round(seconds / 86400)
    return f"in {days} day{'s' if days != 1 else ''}"


@click.command("review")
@click.option("--limit", type=click.IntRange(1, 500), help="Ask at most this many items.")
@click.option(
    "--new",
    "new_per_day",
    type=click.IntRange(0, 100),
    default=service.NEW_CARDS_PER_DAY,
    show_default=True,
    help="New questions to introduce per day.",
)
@command_options
@pass_state
def review_cmd(st: CliState, limit: int | None, new_per_day: int) -> None:
    """Review the question bank items that are due, with spaced repetition (FSRS).

    Each item shows its question; press Enter to see the answer, then rate how well you
    recalled it: 1 Again, 2 Hard, 3 Good, 4 Easy (q stops). The rating schedules the next
    review. New items come in gradually, chosen for your upcoming rounds and the roles and
    companies you apply to. With --json it lists what is due and asks nothing.
    """
    tz = _zone(st)
    with st.session() as s:
        due = service.due(s, st.owner, st.now(), tz=tz, new_per_day=new_per_day, limit=limit)
    if st.json:
        st.emit(due, lambda: None)
        return
    if not due.cards:
        st.console.print("Nothing to review now. Come back later, or practise an exercise.")
        return
    st.console.print(
        f"{due.due_count} due and {due.new_count} new item(s). Enter shows the answer; "
        "rate 1 Again, 2 Hard, 3 Good, 4 Easy; q stops.",
        markup=False,
    )
    done = _review_session(st, due.cards)
    st.console.print(f"\nReviewed {len(done)} item(s).", markup=False)


def _review_session(st: CliState, cards: list[DueCard]) -> list[ReviewOut]:
    done: list[ReviewOut] = []
    for number, card in enumerate(cards, start=1):
        started = time.monotonic()
        _show_question(st, card, number, len(cards))
        try:
            answer = click.prompt("[Enter] answer", default="", show_default=False)
            if answer.strip().lower() == "q":
                break
            _show_answer(st, card)
            rating = _ask_rating()
        except click.Abort:
            break
        if rating is None:
            break
        with st.session() as s:
            result = service.review(
                s,
                st.owner,
                card.item_id,
                rating,
                now=st.now(),
                duration_seconds=round(time.monotonic() - started),
            )
        done.append(result)
        st.console.print(
            f"{result.rating_label}: next review {_until(result.due, result.reviewed_at)}.",
            markup=False,
        )
    return done


def _show_question(st: CliState, card: DueCard, number: int, total: int) -> None:
    new = "new, " if card.new else ""
    st.console.print(
        f"\n[{number}/{total}] {label(card.round_kind)} · {card.topic.replace('_', ' ')} "
        f"({new}{card.difficulty})",
        markup=False,
    )
    st.console.print(card.prompt, markup=False)


def _show_answer(st: CliState, card: DueCard) -> None:
    st.console.print("\nAnswer:", markup=False)
    st.console.print(card.answer.rstrip(), markup=False)
    if card.follow_ups:
        st.print_each(["Follow-ups:", *(f"  - {q}" for q in card.follow_ups)])


def _ask_rating() -> int | None:
    while True:
        text = click.prompt("Rating 1-4 (q stops)", default="", show_default=False)
        if text.strip().lower() == "q":
            return None
        try:
            return service.parse_rating(text)
        except InvalidInput as exc:
            click.echo(str(exc))


# --- system design practice ---------------------------------------------------------------


@click.group("practice", cls=LandmlGroup)
def practice() -> None:
    """Timed practice sessions with a clock: ML system design mocks and ML coding."""


def _parse_scores(items: Iterable[str]) -> dict[str, int]:
    scores: dict[str, int] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not value.strip().isdigit():
            raise InvalidInput(
                f"Cannot read the score {item!r}.",
                hint="Write each as RUBRIC_ITEM=N with N 0, 1 or 2, e.g. data.splits-leakage=2.",
            )
        scores[name.strip()] = int(value)
    return scores


@practice.command("design")
@click.argument("prompt_id", metavar="[PROMPT]", required=False)
@click.option(
    "--minutes",
    type=click.IntRange(10, 90),
    default=service.DEFAULT_DESIGN_MINUTES,
    show_default=True,
    help="Length of the session; interviews give 35-45 minutes.",
)
@click.option("--no-clock", is_flag=True, help="Do not run the clock; use your own timer.")
@click.option(
    "--score",
    "score_items",
    multiple=True,
    metavar="ITEM=N",
    help="Score a rubric item (0, 1 or 2) instead of being asked. Repeatable.",
)
@command_options
@pass_state
def design_cmd(
    st: CliState, prompt_id: str | None, minutes: int, no_clock: bool, score_items: tuple[str, ...]
) -> None:
    """A timed ML system design mock on PROMPT (the one you practised least by default).

    Prints the prompt and the framework steps with their share of the time, runs a clock
    that announces each step (Ctrl-C ends it early), then asks you to score each rubric
    item 0 (missing), 1 (mentioned) or 2 (argued with a trade-off or a number), and prints
    your score with advice for the weakest steps. With --json, give the scores with --score
    or later with `landml prep practice score`.
    """
    scores = _parse_scores(score_items)
    with st.session() as s:
        started = service.start_design(s, st.owner, prompt_id, minutes=minutes, now=st.now())
    if st.json and not scores:
        st.emit(started, lambda: None)
        return
    if not st.json:
        st.print_each(design_lines(started))
        _run_clock(st, started, clock=not no_clock)
        if not scores:
            scores = _ask_scores(st, started)
    with st.session() as s:
        out = service.score_design_session(s, st.owner, started.id, scores, now=st.now())
    st.emit(out, lambda: st.print_each(score_lines(out)))


@practice.command("coding")
@click.argument("exercise_id", metavar="[EX]", required=False)
@click.option(
    "--kind",
    type=click.Choice(["coding", "debugging"]),
    help="Without EX: pick an ML coding or an ML debugging exercise.",
)
@click.option(
    "--minutes",
    type=click.IntRange(5, 120),
    help="Length of the session (default: the exercise's time target; rounds give 30-45).",
)
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="Folder for the solution file (an existing one is kept, not overwritten).",
)
@click.option("--no-clock", is_flag=True, help="Do not announce the time left.")
@command_options
@pass_state
def coding_cmd(
    st: CliState,
    exercise_id: str | None,
    kind: str | None,
    minutes: int | None,
    folder: Path,
    no_clock: bool,
) -> None:
    """A timed ML coding session on EX (by default the one to practise next).

    Writes the starter file (or keeps the one you started), shows the statement, and
    says how much time is left every five minutes while you work in your editor. Press
    Enter when done: the file is graded in the sandbox and the attempt is kept. With
    --json it prepares the session and returns at once; grade later with `prep grade`.
    """
    with st.session() as s:
        if exercise_id is not None:
            exercise = get_exercise(exercise_id)
        else:
            exercise = service.next_exercise(s, st.owner, kind=kind)
    path = folder / exercise.starter_filename
    if not path.exists():
        exercise_cli.write_starter(exercise, folder, force=False)
    length = minutes or exercise.time_target_minutes
    if st.json:
        st.emit({"exercise": exercise, "path": str(path), "minutes": length}, lambda: None)
        return
    st.console.print(exercise.statement.rstrip(), markup=False)
    st.console.print(
        f"\nEdit {path}. You have {length} minutes; press Enter to grade it.", markup=False
    )
    started = time.monotonic()
    stop = threading.Event()
    if not no_clock:
        threading.Thread(target=_announce, args=(st, length, stop), daemon=True).start()
    try:
        click.prompt("", default="", show_default=False, prompt_suffix="")
    except click.Abort:
        stop.set()
        st.console.print("\nStopped without grading.", markup=False)
        return
    stop.set()
    used = (time.monotonic() - started) / 60
    source = exercise_cli.read_submission(path)
    report = grade(exercise, source)
    record_attempt_in_workspace(exercise, source, report)
    exercise_cli.render_report(st, exercise, report)
    over = " (over time)" if used > length else ""
    st.console.print(f"Time used: {used:.0f} of {length} min{over}.", markup=False)
    if not report.passed:
        click.get_current_context().exit(1)


def _announce(st: CliState, minutes: int, stop: threading.Event) -> None:
    """Every five minutes, and at the end, say how much time is left."""
    left = minutes
    while left > 0:
        step = left % 5 or 5
        if stop.wait(step * 60):
            return
        left -= step
        message = f"{left} min left." if left else "Time is up: press Enter to grade."
        st.console.print(message, style="dim", markup=False)


@practice.command("score")
@click.argument("session_id", metavar="SESSION", type=int)
@click.argument("score_items", metavar="ITEM=N...", nargs=-1, required=True)
@command_options
@pass_state
def design_score_cmd(st: CliState, session_id: int, score_items: tuple[str, ...]) -> None:
    """Score system design session SESSION: each ITEM=N with N 0, 1 or 2."""
    with st.session() as s:
        out = service.score_design_session(
            s, st.owner, session_id, _parse_scores(score_items), now=st.now()
        )
    st.emit(out, lambda: st.print_each(score_lines(out)))


def design_lines(session: DesignSessionOut) -> list[str]:
    lines = [f"{session.title} ({session.minutes} min)", "", session.prompt, ""]
    for mark, step in zip(session.timer, session.steps, strict=True):
        lines.append(
            f"{_clock(mark.start_minute)}-{_clock(mark.end_minute)}  {step.title}: "
            f"{'; '.join(step.focus)}"
        )
    return lines


def _clock(minutes: float) -> str:
    seconds = round(minutes * 60)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def _run_clock(st: CliState, session: DesignSessionOut, *, clock: bool) -> None:
    if not clock:
        click.prompt(
            "\nWork through the steps with your own timer; press Enter when done",
            default="",
            show_default=False,
        )
        return
    st.console.print("\nClock started. Ctrl-C ends the session early.", markup=False)
    try:
        for mark in session.timer:
            seconds = round((mark.end_minute - mark.start_minute) * 60)
            st.console.print(f"▶ {_clock(mark.start_minute)} {mark.title}", markup=False)
            _count_down(st, seconds)
        st.console.print("Time. Stop and score yourself.", markup=False)
    except KeyboardInterrupt:
        st.console.print("\nClock stopped.", markup=False)


def _count_down(st: CliState, seconds: int) -> None:
    """Sleep through a step, saying each minute how long is left."""
    left = seconds
    while left > 0:
        chunk = min(60, left)
        time.sleep(chunk)
        left -= chunk
        if left > 0:
            st.console.print(f"    {left // 60}:{left % 60:02d} left", style="dim", markup=False)


def _ask_scores(st: CliState, session: DesignSessionOut) -> dict[str, int]:
    st.console.print(
        "\nScore each item: 0 missing, 1 mentioned, 2 argued with a trade-off or a number.",
        markup=False,
    )
    scores: dict[str, int] = {}
    for step in session.steps:
        st.console.print(f"\n{step.title}", markup=False)
        for item in step.rubric:
            scores[item.id] = click.prompt(
                f"  {item.text}", type=click.IntRange(0, MAX_ITEM_SCORE), default=0
            )
    return scores


def score_lines(session: DesignSessionOut) -> list[str]:
    result = session.result
    if result is None:
        return [f"Session {session.id} on {session.title} is not scored yet."]
    lines = [f"{session.title}: {result.total}/{result.max_total} ({result.share:.0%})"]
    for step in result.per_step:
        lines.append(f"  {step.title:38} {step.score}/{step.max_score}")
    if result.advice:
        lines += ["Advice:", *(f"  - {advice}" for advice in result.advice)]
    return lines


# --- job talk, recruiter call, questions to ask -------------------------------------------


@click.command("jobtalk")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slot", type=int, help="Minutes of the slot, questions included (default 60).")
@command_options
@pass_state
def jobtalk_cmd(st: CliState, file: Path, slot: int | None) -> None:
    """Check a job talk outline in FILE: one thesis, an early roadmap, time per part, Q&A.

    Write 'Title:', 'Thesis:' and 'Slot:' lines, then one part per bullet, number or
    heading line with its minutes, e.g. '3. Method (12 min)'.
    """
    checked = check_job_talk(exercise_cli.read_submission(file), slot_minutes=slot)

    def render() -> None:
        lines = [
            f"{checked.title or 'Untitled talk'}: {checked.talk_minutes:g} min of talk and "
            f"{checked.qa_minutes:g} min of questions in a {checked.slot_minutes}-min slot"
        ]
        for part in checked.parts:
            minutes = f"{part.minutes:g} min" if part.minutes else "no time"
            tie = {True: "", False: "  (not tied to the thesis)", None: ""}[part.tied_to_theme]
            lines.append(f"  - {part.title} [{part.kind}, {minutes}]{tie}")
        lines += findings_lines(checked.findings) or ["No findings: the outline holds together."]
        st.print_each(lines)

    st.emit(checked, render)


def _project_from_flag(text: str) -> ProjectIn:
    fields = [part.strip() for part in text.split("|")]
    if len(fields) > len(PROJECT_FIELDS) or not fields[0]:
        raise InvalidInput(
            f"Cannot read the project {text!r}.",
            hint="Write NAME | PROBLEM | YOUR ROLE | METHOD | RESULT (later fields optional).",
        )
    return ProjectIn(**dict(zip(PROJECT_FIELDS, fields, strict=False)))


def _sheet_file(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(exercise_cli.read_submission(path))
    except yaml.YAMLError as exc:
        raise InvalidInput(f"{path} is not valid YAML: {' '.join(str(exc).split())}") from exc
    if not isinstance(data, dict):
        raise InvalidInput(
            f"{path} should hold a mapping.",
            hint="Give company, role, team (optional) and projects: a list of name, problem, "
            "role, method, result.",
        )
    return data


@click.command("recruiter")
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
@click.option("--company", help="The company you will talk to.")
@click.option("--role", "target_role", help="The role you want, e.g. 'ML engineer'.")
@click.option("--team", help="The team or area you are interested in.")
@click.option(
    "--company-kind", type=click.Choice([k.value for k in CompanyKind]), help="For questions."
)
@click.option(
    "--project",
    "projects",
    multiple=True,
    metavar="SPEC",
    help="A project as 'NAME | PROBLEM | YOUR ROLE | METHOD | RESULT'. Repeatable.",
)
@command_options
@pass_state
def recruiter_cmd(
    st: CliState,
    file: Path | None,
    company: str | None,
    target_role: str | None,
    team: str | None,
    company_kind: str | None,
    projects: tuple[str, ...],
) -> None:
    """A recruiter-call prep sheet: project pitches, your ask, and questions to ask.

    Pitches are built only from your own words (from --project or a YAML FILE with
    company, role, team, company_kind and projects); a result without a number is flagged,
    never filled in. Flags override the file.
    """
    data = _sheet_file(file) if file is not None else {}
    entered = [ProjectIn.model_validate(p) for p in data.get("projects") or []]
    entered += [_project_from_flag(spec) for spec in projects]
    sheet = recruiter_sheet(
        entered,
        target_role or str(data.get("role") or ""),
        company or str(data.get("company") or ""),
        team or data.get("team"),
        company_kind=company_kind or data.get("company_kind"),
    )

    def render() -> None:
        lines = [f"Recruiter call at {sheet.company}: {sheet.target_role}", ""]
        for pitch in sheet.pitches:
            lines.append(f"{pitch.project} ({pitch.seconds_low}-{pitch.seconds_high} s):")
            lines.append(f"  {pitch.text}")
            lines += findings_lines(pitch.findings, "    ")
        lines += ["", f"Your ask: {sheet.ask}", "", "Questions to ask:"]
        lines += [f"  - {q.text}" for q in sheet.questions]
        lines += findings_lines(sheet.findings)
        st.print_each(lines)

    st.emit(sheet, render)


@click.command("questions")
@click.option(
    "--round",
    "round_kind",
    type=click.Choice(ROUND_KINDS),
    default="onsite",
    show_default=True,
    help="The round you will ask them in (who sits across the table).",
)
@click.option(
    "--company-kind", type=click.Choice([k.value for k in CompanyKind]), help="The company kind."
)
@click.option("--limit", type=click.IntRange(1, 100), default=8, show_default=True)
@command_options
@pass_state
def questions_cmd(st: CliState, round_kind: str, company_kind: str | None, limit: int) -> None:
    """Questions to ask your interviewers, suited to the round and the company kind."""
    found = questions_to_ask(round_kind, company_kind, limit=limit)
    st.emit(found, lambda: st.print_each(f"- {q.text}" for q in found))


@click.command("attempts")
@click.argument("exercise_id", metavar="[EX]", required=False)
@command_options
@pass_state
def attempts_cmd(st: CliState, exercise_id: str | None) -> None:
    """Your graded attempts, newest first (of exercise EX when given)."""
    with st.session() as s:
        found = service.attempts(s, st.owner, exercise_id)

    def render() -> None:
        if not found:
            st.console.print("No attempts yet. Grade one with `landml prep grade EX FILE`.")
            return
        table = Table(box=None, pad_edge=False)
        for column in ("id", "when", "exercise", "result", "tests", "sandbox"):
            table.add_column(column)
        for a in found:
            table.add_row(
                str(a.id),
                f"{a.created_at:%Y-%m-%d %H:%M}",
                a.exercise_id,
                "passed" if a.passed else "failed",
                f"{a.tests_passed}/{a.tests_total}",
                a.isolation,
            )
        st.console.print(table)

    st.emit(found, render)
