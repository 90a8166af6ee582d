"""`landml market`: what the postings in the workspace ask for and pay, and what each kind
of company is like, every profile figure printed with its source."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from landml.cli.context import CliState, command_options, pass_state
from landml.market import service
from landml.market.analytics import SalaryStats
from landml.market.charts import role_label
from landml.market.profiles import ASPECT_LABELS, ASPECTS, Claim, SectorProfile
from landml.market.service import MarketFilters, MarketReport
from landml.prep.loops import ROLE_FAMILIES
from landml.skills.taxonomy import CATEGORIES


def _money(value: float) -> str:
    return f"{value:,.0f}"


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _filters_text(f: MarketFilters) -> str:
    parts = [
        f"{name} {value}"
        for name, value in (
            ("family", f.role_family),
            ("kind", f.company_kind),
            ("seniority", f.seniority),
            ("location", f.location),
        )
        if value
    ]
    return ", ".join(parts) if parts else "none"


def _header(st: CliState, r: MarketReport) -> None:
    c = r.counts
    st.console.print(
        f"[bold]Market view[/bold]: {c.postings} postings (of {c.workspace_postings} in the "
        f"workspace); filters: {escape(_filters_text(r.filters))}. {c.with_salary} state a "
        f"salary, {c.dated} carry a posting date."
    )


def _skills_table(st: CliState, r: MarketReport) -> None:
    top = r.top_skills
    table = Table(
        "skill",
        "category",
        "postings",
        "share",
        "required",
        "preferred",
        "not marked",
        title=f"Top skills in {top.postings} postings",
    )
    for s in top.skills:
        table.add_row(
            escape(s.label),
            CATEGORIES.get(s.category, s.category),
            str(s.postings),
            _percent(s.share),
            str(s.required),
            str(s.preferred),
            str(s.unmarked),
        )
    st.console.print(table)


def _industries_table(st: CliState, r: MarketReport) -> None:
    named = r.industries_named
    st.console.print(
        f"\n[bold]Industries named[/bold]: {named.postings_naming_any} of {named.postings} "
        "postings name an industry."
    )
    st.console.print(named.note, style="dim", markup=False)
    if not named.industries:
        return
    table = Table("industry", "postings", "share", "required", "preferred", "not marked")
    for s in named.industries:
        table.add_row(
            escape(s.label),
            str(s.postings),
            _percent(s.share),
            str(s.required),
            str(s.preferred),
            str(s.unmarked),
        )
    st.console.print(table)


def _trends(st: CliState, r: MarketReport) -> None:
    t = r.trends
    st.console.print("\n[bold]Skills rising and falling[/bold]")
    st.console.print(t.message, markup=False)
    if t.status != "ok":
        return
    if not t.rising and not t.falling:
        st.console.print("No skill's share changed by more than sampling noise.")
        return
    table = Table("skill", "earlier", "later", "change", "z")
    for trend in [*t.rising, *t.falling]:
        table.add_row(
            escape(trend.label),
            f"{trend.earlier} ({_percent(trend.earlier_share)})",
            f"{trend.later} ({_percent(trend.later_share)})",
            f"{trend.change * 100:+.0f} pts",
            f"{trend.z:+.1f}",
        )
    st.console.print(table)


def _salary_table(st: CliState, title: str, rows: Iterable[SalaryStats]) -> None:
    table = Table(
        "role",
        "place",
        "currency",
        "n",
        "25th pct",
        "median",
        "75th pct",
        "lowest-highest",
        "estimates",
        title=title,
    )
    for s in rows:
        table.add_row(
            role_label(s.role_family),
            escape(s.place or "all"),
            s.currency,
            str(s.postings),
            _money(s.p25),
            _money(s.median),
            _money(s.p75),
            f"{_money(s.low)}-{_money(s.high)}",
            _percent(s.estimate_share),
        )
    st.console.print(table)


def _salaries(st: CliState, r: MarketReport) -> None:
    sal = r.salaries
    st.console.print(
        f"\n[bold]Salaries[/bold]: {sal.with_salary} of {sal.postings} postings state one"
        + (f"; {sal.unknown_period} left out (no period)" if sal.unknown_period else "")
        + (f"; {sal.no_currency} left out (no currency)" if sal.no_currency else "")
        + "."
    )
    if not sal.by_role:
        return
    _salary_table(st, "Pay per year by role", sal.by_role)
    if sal.by_role_and_place:
        _salary_table(st, f"Pay per year by role and {sal.location_level}", sal.by_role_and_place)
    st.console.print(sal.assumptions, style="dim", markup=False)


def _source_lines(st: CliState, claim: Claim, indent: str) -> None:
    src = claim.source
    url = f" {src.url}" if src.url else ""
    st.console.print(f"{indent}source: {src.citation()}{url}", style="dim", markup=False)


def _claim(st: CliState, claim: Claim, indent: str = "  ") -> None:
    st.console.print(f"{indent}- {claim.text}", markup=False)
    _source_lines(st, claim, indent + "  ")


def _baselines(st: CliState, r: MarketReport) -> None:
    if not r.pay_baselines:
        return
    st.console.print("\n[bold]National pay baselines (United States)[/bold]")
    for b in r.pay_baselines:
        families = ", ".join(role_label(f) for f in b.role_families)
        st.console.print(f"  {b.occupation} (SOC {b.soc}; shown for {families})", markup=False)
        _claim(st, b.claim, "    ")
    for note in r.baseline_notes:
        _claim(st, note)


def _profile(st: CliState, p: SectorProfile) -> None:
    c = st.console
    c.print(f"\n[bold]{escape(p.label)}[/bold]: {escape(p.summary)}")
    for aspect in ASPECTS:
        c.print(f" {ASPECT_LABELS[aspect]}", style="bold")
        for claim in getattr(p, aspect):
            _claim(st, claim)
    loop = p.loop
    c.print(" Interview loop", style="bold")
    c.print(
        f"  {loop.label}: {loop.total_rounds} required interviews, usually "
        f"{loop.timeline_weeks.min}-{loop.timeline_weeks.max} weeks from first call to decision.",
        markup=False,
    )
    rounds = ", ".join(
        f"{rnd.label}{f' x{rnd.count}' if rnd.count > 1 else ''} ({rnd.minutes} min"
        f"{', optional' if rnd.optional else ''})"
        for rnd in loop.rounds
    )
    c.print(f"  Rounds: {rounds}", markup=False)
    if loop.fallback_note:
        c.print(f"  {loop.fallback_note}", style="dim", markup=False)
    for src in loop.sources:
        by = f"{src.author}: " if src.author else ""
        year = f" ({src.year})" if src.year else ""
        url = f" {src.url}" if src.url else ""
        c.print(
            f"    source: {by}{src.title}{year}, checked {src.as_of.isoformat()}{url}",
            style="dim",
            markup=False,
        )


def render_market(st: CliState, r: MarketReport) -> None:
    """Print the report as Rich tables, each profile claim followed by its source."""
    _header(st, r)
    if r.counts.postings == 0:
        st.console.print(
            "No postings match. Import some with `landml postings import FILE` "
            "or loosen the filters."
        )
    else:
        _skills_table(st, r)
        _industries_table(st, r)
        _trends(st, r)
        _salaries(st, r)
    _baselines(st, r)
    st.console.print(
        f"\n[bold]Sector profiles[/bold] (interview loops for {role_label(r.loop_role_family)} "
        "roles; profile text without figures is landml editors' summary)"
    )
    for profile in r.profiles:
        _profile(st, profile)


@click.command("market")
@click.option("--family", "role_family", help=f"Role family: {', '.join(ROLE_FAMILIES)}.")
@click.option("--kind", "company_kind", help="Company kind, e.g. startup or big_tech.")
@click.option("--seniority", help="intern, junior, mid, senior, staff_plus, lead_manager.")
@click.option("--location", help="Part of the location text, or a country code such as US.")
@click.option(
    "--top",
    type=click.IntRange(1, 200),
    default=service.DEFAULT_TOP,
    show_default=True,
    help="How many skills to list.",
)
@click.option(
    "--png",
    "png_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write the charts as PNG files into this folder (created if needed).",
)
@command_options
@pass_state
def market_cmd(
    st: CliState,
    role_family: str | None,
    company_kind: str | None,
    seniority: str | None,
    location: str | None,
    top: int,
    png_dir: Path | None,
) -> None:
    """The market in your postings: top skills (required or preferred), skills rising or
    falling over posting dates, salary ranges by role and place, national pay baselines,
    and sector profiles (startup, big tech, mid-size, research lab, finance, non-tech)
    with pay, equity, stability, pace, interview loop and what to emphasise.

    Every profile figure is printed with its source and date; docs/market.md explains
    how each number is computed.
    """
    filters = MarketFilters(
        role_family=role_family,
        company_kind=company_kind,
        seniority=seniority,
        location=location,
        top=top,
    )
    with st.session() as s:
        report = service.market_report(s, st.owner, filters)
    written = service.write_chart_pngs(report, png_dir) if png_dir is not None else []
    data: object = report
    if png_dir is not None:
        data = {**report.model_dump(mode="json"), "charts": [str(p) for p in written]}

    def render() -> None:
        render_market(st, report)
        if written:
            st.console.print(f"\nWrote {len(written)} charts:")
            st.print_each(f"  {p}" for p in written)

    st.emit(data, render)


def register(cli: click.Group) -> None:
    cli.add_command(market_cmd)
