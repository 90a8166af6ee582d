"""`landml stats`: the funnel, response rate, time in stage, weekly activity, rejections,
and the charts as PNG files."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from landml.cli.context import CliState, command_options, parse_when, pass_state
from landml.insights import service
from landml.insights.activity import CountedText
from landml.insights.funnel import FUNNEL_STEPS, STEP_LABELS, Funnel
from landml.insights.service import StatsReport


def _percent(share: float | None) -> str:
    return f"{share * 100:.0f}%" if share is not None else "–"


def _days(value: float | None, longest: float | None = None) -> str:
    if value is not None:
        return f"{value:.1f} d"
    # The percentile lies beyond the longest time observed (too many stays still open).
    return f"> {longest:.1f} d" if longest is not None else "–"


def _funnel_table(st: CliState, f: Funnel) -> None:
    table = Table("step", "applications", "of applied", "of previous step", title=f.label)
    for step in f.steps:
        table.add_row(
            step.label, str(step.count), _percent(step.of_applied), _percent(step.of_previous)
        )
    st.console.print(table)


def _groups_table(st: CliState, title: str, funnels: list[Funnel]) -> None:
    if not funnels:
        return
    table = Table(title, *(STEP_LABELS[k].lower() for k in FUNNEL_STEPS), "response rate")
    for f in funnels:
        answered = f.steps[1].of_applied
        table.add_row(f.label, *(str(f.count(k)) for k in FUNNEL_STEPS), _percent(answered))
    st.console.print(table)


def _response(st: CliState, r: StatsReport) -> None:
    resp = r.response
    st.console.print(
        f"\n[bold]Response rate[/bold]: {resp.answered} of {resp.applied} applications sent got "
        f"an answer ({_percent(resp.rate)}); {resp.waiting} still waiting, "
        f"{resp.closed_unanswered} closed without one."
    )
    st.console.print(resp.note, style="dim")


def _time_table(st: CliState, r: StatsReport) -> None:
    if not r.time_in_stage:
        return
    table = Table(
        "stage",
        "stays",
        "still in it",
        "median",
        "75th pct",
        "median (finished only)",
        "75th pct (finished only)",
        title="Time in stage (Kaplan–Meier, counting applications still in the stage)",
    )
    for t in r.time_in_stage:
        table.add_row(
            t.label,
            str(t.spells),
            str(t.open),
            _days(t.median_days, t.longest_observed_days),
            _days(t.p75_days, t.longest_observed_days),
            _days(t.finished_median_days),
            _days(t.finished_p75_days),
        )
    st.console.print(table)
    st.console.print(
        "The finished-only figures drop applications still waiting, so they look faster than "
        'reality; "> N d": too many are still open to tell yet.',
        style="dim",
    )


def _weekly_table(st: CliState, r: StatsReport) -> None:
    if not r.weekly:
        return
    table = Table(
        "week of",
        "applications sent",
        "goal",
        "answers",
        "interviews",
        title=f"Weekly activity (daily goal {r.daily_goal})",
    )
    for w in r.weekly:
        days = "" if w.active_days == 7 else f" ({w.active_days} d)"
        table.add_row(
            f"{w.week_start:%Y-%m-%d}",
            str(w.applications),
            f"{w.goal}{days}",
            str(w.answers),
            str(w.interviews),
        )
    st.console.print(table)


def _counted_table(st: CliState, title: str, rows: list[CountedText]) -> None:
    if not rows:
        return
    table = Table(title, "count")
    for row in rows:
        table.add_row(row.text, str(row.count))
    st.console.print(table)


def render_stats(st: CliState, r: StatsReport) -> None:
    """Print the report as Rich tables."""
    c = st.console
    since = f" since {r.since:%Y-%m-%d}" if r.since else ""
    c.print(f"[bold]Job hunt statistics{since}[/bold]: {r.applications} applications tracked")
    if r.applications == 0:
        c.print("Nothing to count yet. Track applications with `landml add COMPANY TITLE`.")
        return
    _funnel_table(st, r.funnel)
    for step, text in r.funnel_definitions.items():
        c.print(f"  {STEP_LABELS[step]}: {text}", style="dim", markup=False)
    _response(st, r)
    _groups_table(st, "channel", r.by_channel)
    _groups_table(st, "company kind", r.by_company_kind)
    _groups_table(st, "role family", r.by_role_family)
    _time_table(st, r)
    _weekly_table(st, r)
    rej = r.rejections
    if rej.total:
        c.print(f"\n[bold]Rejections[/bold]: {rej.total}, {rej.with_reason} with a reason given.")
        _counted_table(st, "rejected after", rej.after_stage)
        _counted_table(st, "reason", rej.reasons)
        _counted_table(st, "skill named", rej.skills)


@click.command("stats")
@click.option(
    "--png",
    "png_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write the charts as PNG files into this folder (created if needed).",
)
@click.option("--since", help="Only applications started on or after this date (YYYY-MM-DD).")
@command_options
@pass_state
def stats_cmd(st: CliState, png_dir: Path | None, since: str | None) -> None:
    """What works: the funnel by channel, company kind and role family, response rate,
    time in each stage, weekly activity against the daily goal, rejection reasons.

    With --png DIR, the charts are written as PNG files: applications, answers and
    interviews over time, the funnel, each application's stages, and activity by week.
    """
    with st.session() as s:
        prefs = st.preferences(s)
        tz = st.zone(prefs)
        since_day = parse_when(since, tz, what="--since date").date() if since else None
        now = st.now()
        report = service.stats(s, st.owner, prefs, now=now, tz=tz, since=since_day)
        written = (
            service.write_chart_pngs(s, st.owner, prefs, png_dir, now=now, tz=tz, since=since_day)
            if png_dir is not None
            else []
        )
    data: object = report
    if png_dir is not None:
        data = {**report.model_dump(mode="json"), "charts": [str(p) for p in written]}

    def render() -> None:
        render_stats(st, report)
        if written:
            st.console.print(f"\nWrote {len(written)} charts:")
            st.print_each(f"  {p}" for p in written)

    st.emit(data, render)


def register(cli: click.Group) -> None:
    cli.add_command(stats_cmd)
