"""`landml offers`: keep offers, score what money does not show, and compare them."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from landml.cli.context import CliState, LandmlGroup, command_options, parse_when, pass_state
from landml.errors import InvalidInput
from landml.offers import service
from landml.offers.compensation import OfferValue, SensitivityRow
from landml.offers.decision import CRITERIA, LABELS, Comparison
from landml.offers.equity import OptionSummary
from landml.offers.service import OfferComparison, OfferDetail, OfferOut, WeightsOut
from landml.offers.vesting import VestingKind


def money(value: float, currency: str | None = None) -> str:
    """An amount as people read it: 1,234,567 (with the currency when given)."""
    text = f"{value:,.0f}"
    return f"{text} {currency}" if currency else text


def parse_pairs(items: Iterable[str], what: str) -> dict[str, float]:
    """`growth=4 mentorship=3.5` as {"growth": 4.0, "mentorship": 3.5}."""
    pairs: dict[str, float] = {}
    for item in items:
        name, sep, number = item.partition("=")
        try:
            value = float(number)
        except ValueError:
            value = math.nan
        if not sep or not name.strip() or math.isnan(value):
            raise InvalidInput(
                f"Cannot read {item!r}.", hint=f"Write each {what} as name=number, e.g. growth=4."
            )
        pairs[name.strip()] = value
    return pairs


@click.group(cls=LandmlGroup)
def offers() -> None:
    """Offers: what each is worth year by year, and which to take.

    Add an offer from a YAML or JSON file (every term: RSU vesting schedules,
    refreshers, startup options with dilution, preferences and exit scenarios) or
    with flags for the simple case; score what money does not show; compare.
    docs/offers.md explains every figure.
    """


# --- add and edit ---------------------------------------------------------------------------


SIMPLE_FLAGS: dict[str, str] = {
    "company": "Company that made the offer (default: the application's).",
    "title": "Job title (default: the application's).",
    "base": "Yearly base salary.",
    "bonus_percent": "Target bonus as a percentage of base.",
    "sign_on": "Sign-on bonus, paid in year 1.",
    "clawback_months": "Months within which leaving means repaying the sign-on.",
    "rsu_value": "RSU grant value over the whole vesting period, at the grant price.",
    "share_price": "Share price the grant was valued at (optional).",
    "cliff_months": "Cliff in months (default 12).",
    "refresher_percent": "Refresher grant each year, as a percentage of the first grant.",
    "options_shares": "Startup options: number of shares.",
    "strike": "Startup options: strike (exercise) price per share.",
    "preferred_price": "Startup options: latest preferred price per share.",
    "fully_diluted_shares": "Startup options: fully diluted share count.",
    "raise_percent": "Yearly raise you expect, from year 2.",
    "retirement_match": "Yearly retirement match in money.",
    "stipends": "Yearly stipends (learning, home office, wellness...).",
    "cost_of_living": "Your cost-of-living factor for the place (1.0: where you compare from).",
    "currency": "Three-letter currency code (default USD).",
    "location": "Where the job is.",
    "notes": "Your notes.",
}
NUMERIC = {
    "base",
    "bonus_percent",
    "sign_on",
    "rsu_value",
    "share_price",
    "refresher_percent",
    "options_shares",
    "strike",
    "preferred_price",
    "fully_diluted_shares",
    "raise_percent",
    "retirement_match",
    "stipends",
    "cost_of_living",
}


def _simple_options(fn: Any) -> Any:
    for name, text in reversed(SIMPLE_FLAGS.items()):
        kind: Any = float if name in NUMERIC else int if name.endswith("_months") else str
        fn = click.option(f"--{name.replace('_', '-')}", name, type=kind, help=text)(fn)
    return fn


@offers.command("add")
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
@_simple_options
@click.option(
    "--vesting",
    type=click.Choice([k.value for k in VestingKind if k is not VestingKind.custom]),
    help="How RSUs or options vest (default monthly, with the cliff).",
)
@click.option("--application", "application_id", type=int, help="The tracked application's id.")
@click.option("--deadline", help="Date by which to answer (YYYY-MM-DD); shown in `landml today`.")
@command_options
@pass_state
def offers_add(
    st: CliState, file: Path | None, deadline: str | None, **flags: str | float | None
) -> None:
    """Add an offer from FILE (YAML or JSON), or from flags for the simple case.

    \b
    landml offers add omnivane.yaml
    landml offers add --company Omnivane --base 190000 --bonus-percent 15 \\
        --sign-on 30000 --rsu-value 360000 --vesting yearly --deadline 2026-03-20
    """
    given: dict[str, object] = {k: v for k, v in flags.items() if v is not None}
    with st.session() as s:
        prefs = st.preferences(s)
        if deadline:
            given["deadline"] = parse_when(deadline, st.zone(prefs), what="deadline").date()
        if file is not None:
            if given:
                raise InvalidInput(
                    "Give an offer file or flags, not both.",
                    hint=f"Put {', '.join('--' + k.replace('_', '-') for k in given)} in the file.",
                )
            data = service.read_offer_file(file)
        else:
            if "base" not in given:
                raise InvalidInput(
                    "An offer needs at least --base (or an offer FILE).",
                    hint="landml offers add --company NAME --base 180000 ...",
                )
            data = service.simple_offer(given)
        out = service.add_offer(s, st.owner, data)
    st.emit(out, lambda: _added(st, out, "Added"))


def _added(st: CliState, out: OfferOut, verb: str) -> None:
    st.console.print(
        f"{verb} offer #{out.id} from {out.name}: {money(out.first_year_total, out.currency)} "
        f"in year 1, {money(out.four_year_total, out.currency)} over four years.",
        markup=False,
    )
    st.console.print(f"See it with `landml offers show {out.id}`.", style="dim", markup=False)


@offers.command("edit")
@click.argument("offer_id", type=int)
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
@click.option("--deadline", help="New deadline (YYYY-MM-DD).")
@click.option("--application", "application_id", type=int, help="Attach to this application.")
@click.option("--notes", help="Replace the notes.")
@command_options
@pass_state
def offers_edit(
    st: CliState,
    offer_id: int,
    file: Path | None,
    deadline: str | None,
    application_id: int | None,
    notes: str | None,
) -> None:
    """Change an offer: the fields in FILE replace the stored ones (others are kept)."""
    changes: dict[str, Any] = {}
    with st.session() as s:
        if file is not None:
            changes.update(service.read_offer_mapping(file))
        if deadline:
            changes["deadline"] = parse_when(deadline, st.zone(st.preferences(s))).date()
        if application_id is not None:
            changes["application_id"] = application_id
        if notes is not None:
            changes["notes"] = notes
        if not changes:
            raise InvalidInput(
                "Nothing to change.", hint="Give a FILE with the new fields, or an option."
            )
        out = service.update_offer(s, st.owner, offer_id, changes)
    st.emit(out, lambda: _added(st, out, "Updated"))


@offers.command("delete")
@click.argument("offer_id", type=int)
@command_options
@pass_state
def offers_delete(st: CliState, offer_id: int) -> None:
    """Delete an offer."""
    with st.session() as s:
        out = service.delete_offer(s, st.owner, offer_id)
    st.emit(out, lambda: st.console.print(f"Deleted offer #{out.id} ({out.name}).", markup=False))


# --- list and show --------------------------------------------------------------------------


@offers.command("list")
@command_options
@pass_state
def offers_list(st: CliState) -> None:
    """Your offers with their first-year and four-year totals and deadlines."""
    with st.session() as s:
        rows = service.list_offers(s, st.owner)

    def render() -> None:
        if not rows:
            st.console.print("No offers yet. Add one with `landml offers add`.", markup=False)
            return
        table = Table("id", "offer", "title", "equity", "year 1", "4 years", "4 years adj.")
        table.add_column("deadline")
        for o in rows:
            table.add_row(
                str(o.id),
                o.name + (" (demo)" if o.demo else ""),
                o.title or "",
                o.equity_kind or "none",
                money(o.first_year_total),
                money(o.four_year_total),
                money(o.four_year_adjusted),
                f"{o.deadline:%Y-%m-%d}" if o.deadline else "",
            )
        st.console.print(table)
        st.console.print(f"Amounts in {', '.join(sorted({o.currency for o in rows}))}.")

    st.emit(rows, render)


def _years_table(value: OfferValue) -> Table:
    table = Table(
        "year",
        "base",
        "bonus",
        "sign-on",
        "equity",
        "refreshers",
        "benefits",
        "total",
        "adjusted",
        title=f"Year by year ({value.currency}, {value.scenario})",
    )
    for r in value.rows:
        table.add_row(
            str(r.year),
            *(
                money(x)
                for x in (
                    r.base,
                    r.bonus,
                    r.sign_on,
                    r.equity,
                    r.refreshers,
                    r.benefits,
                    r.total,
                    r.total_adjusted,
                )
            ),
        )
    return table


def _sensitivity_table(rows: list[SensitivityRow], currency: str) -> Table:
    table = Table(
        "if", "equity (4 y)", "year 1", "4 years", "4 years adj.", "vs expected", title=None
    )
    table.title = f"How the totals move ({currency})"
    for r in rows:
        sign = "+" if r.change_from_expected >= 0.5 else ""
        table.add_row(
            r.label,
            money(r.equity_four_year),
            money(r.first_year_total),
            money(r.four_year_total),
            money(r.four_year_adjusted),
            f"{sign}{money(r.change_from_expected)}",
        )
    return table


def _options_table(o: OptionSummary, currency: str) -> Table:
    table = Table("exit scenario", "probability", "exit value", "per common share", "grant worth")
    table.title = f"Options: {o.shares:,.0f} at {o.strike:g} {currency} strike"
    for x in o.outcomes:
        table.add_row(
            x.label or x.name,
            f"{x.probability:.0%}",
            money(x.exit_value),
            f"{x.common_per_share:,.2f}",
            money(x.grant_value),
        )
    return table


def render_detail(st: CliState, d: OfferDetail) -> None:
    """Print one offer worked out."""
    c, o, v = st.console, d.offer, d.value
    where = f", {o.location}" if o.location else ""
    c.print(f"[bold]{o.name}[/bold] #{o.id}" + (f" · {o.title}" if o.title else "") + where)
    if o.deadline:
        c.print(f"Answer by {o.deadline:%A %d %B %Y}.")
    if d.vesting:
        c.print(f"Vesting: {d.vesting}.", markup=False)
    c.print(_years_table(v))
    c.print(
        f"First year: [bold]{money(v.first_year_total, v.currency)}[/bold] "
        f"(adjusted {money(v.first_year_adjusted)}). Four years: "
        f"[bold]{money(v.four_year_total, v.currency)}[/bold] "
        f"(adjusted for cost of living x{v.cost_of_living:g}: {money(v.four_year_adjusted)})."
    )
    if v.clawback:
        c.print(v.clawback.text, markup=False)
    if v.options is not None:
        c.print(_options_table(v.options, v.currency))
        c.print(
            f"Expected value of the grant: {money(v.options.expected_value, v.currency)}; "
            f"exercising all options costs {money(v.options.exercise_cost, v.currency)}.",
            markup=False,
        )
    if d.sensitivity:
        c.print(_sensitivity_table(d.sensitivity, v.currency))
    elif d.sensitivity_note:
        c.print(d.sensitivity_note, style="dim", markup=False)
    for note in v.notes:
        c.print(f"• {note}", style="dim", markup=False)
    if o.scores:
        scored = ", ".join(f"{LABELS[k]} {s:g}" for k, s in o.scores.items())
        c.print(f"Your scores: {scored}.", markup=False)


@offers.command("show")
@click.argument("offer_id", type=int)
@command_options
@pass_state
def offers_show(st: CliState, offer_id: int) -> None:
    """One offer year by year: totals, cost-of-living adjusted, clawback, and how the
    totals move with the stock price or the exit value."""
    with st.session() as s:
        detail = service.offer_detail(s, st.owner, offer_id)
    st.emit(detail, lambda: render_detail(st, detail))


# --- scores and weights ---------------------------------------------------------------------


@offers.command("score")
@click.argument("offer_id", type=int)
@click.argument("scores", nargs=-1)
@click.option("--clear", multiple=True, help="Remove the score of this factor (repeatable).")
@command_options
@pass_state
def offers_score(
    st: CliState, offer_id: int, scores: tuple[str, ...], clear: tuple[str, ...]
) -> None:
    """Score what money does not show, from 1 (poor) to 5 (excellent).

    \b
    Factors: surface_area (impact), mentorship, role_match (research or role match),
    growth, stability, work_life_balance, location, team.
    landml offers score 2 surface_area=4 mentorship=5 growth=3.5
    """
    if not scores and not clear:
        raise InvalidInput("Give at least one factor=score.", hint="e.g. mentorship=4")
    with st.session() as s:
        out = service.set_scores(s, st.owner, offer_id, parse_pairs(scores, "score"), clear=clear)

    def render() -> None:
        scored = ", ".join(f"{LABELS[k]} {v:g}" for k, v in out.scores.items()) or "none"
        st.console.print(f"Scores of {out.name}: {scored}.", markup=False)

    st.emit(out, render)


@offers.command("weights")
@click.argument("weights", nargs=-1)
@click.option("--replace", is_flag=True, help="Set every weight: those not given become 0.")
@command_options
@pass_state
def offers_weights(st: CliState, weights: tuple[str, ...], replace: bool) -> None:
    """Show or set how much money and each factor weigh (any scale; 0 leaves one out).

    \b
    landml offers weights money=4 role_match=3 mentorship=2
    """
    with st.session() as s:
        if weights:
            out = service.set_weights(s, st.owner, parse_pairs(weights, "weight"), replace=replace)
        else:
            out = service.weights(s, st.owner)
    st.emit(out, lambda: _render_weights(st, out))


def _render_weights(st: CliState, w: WeightsOut) -> None:
    total = sum(w.weights.values())
    table = Table("criterion", "weight", "share")
    for c in CRITERIA:
        table.add_row(LABELS[c], f"{w.weights[c]:g}", f"{w.weights[c] / total:.0%}")
    st.console.print(table)
    if w.default:
        st.console.print(
            "These are landml's defaults; set yours with `landml offers weights name=value`.",
            style="dim",
        )


# --- compare -------------------------------------------------------------------------------


def _side_by_side(c: Comparison, offers: list[OfferOut]) -> Table:
    by_name = {o.name: o for o in offers}
    names = [r.offer for r in c.table]
    table = Table("", *names, title=f"Side by side ({c.currency})")
    table.add_row("first year", *(money(r.first_year_total) for r in c.table))
    table.add_row("four years", *(money(r.four_year_total) for r in c.table))
    table.add_row(
        "four years, cost-of-living adj.", *(money(r.four_year_adjusted) for r in c.table)
    )
    table.add_row("money (best = 1)", *(f"{r.money_value:.2f}" for r in c.table))
    for criterion in CRITERIA[1:]:
        if any(criterion in r.scores for r in c.table):
            table.add_row(
                LABELS[criterion],
                *(f"{r.scores[criterion]:g}" if criterion in r.scores else "–" for r in c.table),
            )
    table.add_row(
        "deadline",
        *(f"{by_name[n].deadline:%Y-%m-%d}" if by_name[n].deadline else "" for n in names),
    )
    return table


def _ranking(c: Comparison) -> Table:
    """Criteria down, offers across in rank order: each cell is the points it gives."""
    used = [k for k in CRITERIA if c.weight_shares[k] > 0]
    table = Table(
        "criterion", "weight", *(f"{r.rank}. {r.offer}" for r in c.ranking), title="Ranking"
    )
    points = [{x.criterion: x.points for x in r.contributions} for r in c.ranking]
    for k in used:
        table.add_row(
            LABELS[k], f"{c.weight_shares[k]:.0%}", *(f"{p.get(k, 0.0):.1f}" for p in points)
        )
    table.add_row(
        "[bold]total (0-100)[/bold]", "", *(f"[bold]{r.total:.1f}[/bold]" for r in c.ranking)
    )
    return table


def render_comparison(st: CliState, cmp: OfferComparison) -> None:
    """Print money and factors side by side, the ranking, and what would flip it."""
    c = cmp.comparison
    if c is None:
        st.console.print("No offers to compare yet. Add one with `landml offers add`.")
        return
    st.console.print(_side_by_side(c, cmp.offers))
    st.console.print(_ranking(c))
    if cmp.weights.default:
        st.console.print(
            "The weights are landml's defaults; set yours with `landml offers weights`.",
            style="dim",
        )
    if c.flips:
        st.console.print("\n[bold]What would change the order[/bold]")
        for flip in c.flips:
            st.print_each(f"  {line}" for line in flip.sentences)
    for line in [*cmp.notes, c.method]:
        st.console.print(line, style="dim", markup=False)


@offers.command("compare")
@command_options
@pass_state
def offers_compare(st: CliState) -> None:
    """Money and factors side by side, the ranking with each factor's points, and what
    would have to change for the ranking to flip."""
    with st.session() as s:
        result = service.compare(s, st.owner)
    st.emit(result, lambda: render_comparison(st, result))


def register(cli: click.Group) -> None:
    cli.add_command(offers)
