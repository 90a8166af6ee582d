"""Offers use cases: keep offers, the person's scores and weights, and compare them.

Offers come in as `OfferData`: the engine's `compensation.Offer` fields, flat, plus who
made the offer (company, title, the tracked application) and the person's scores. The same
shape is the YAML or JSON file of `landml offers add FILE` and the body of
`POST /api/v1/offers`; `SimpleOffer` builds it from a handful of flags or form fields.

Comparing wraps `decision.compare`. Weights the person never set are landml's defaults
(`DEFAULT_WEIGHTS`); a factor that no offer has a score for yet is left out of the
comparison (and named), so two offers can be compared on money before any scoring.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from landml.db.base import utcnow
from landml.db.workspace import transactional
from landml.errors import InvalidInput, NotFound
from landml.offers.compensation import (
    Benefits,
    Offer,
    OfferValue,
    SensitivityRow,
    SignOn,
    offer_value,
    read_offer,
)
from landml.offers.compensation import sensitivity as engine_sensitivity
from landml.offers.decision import (
    CRITERIA,
    LABELS,
    MONEY,
    SCORE_MAX,
    SCORE_MIN,
    Comparison,
    Factor,
)
from landml.offers.decision import compare as engine_compare
from landml.offers.equity import OptionGrant, Refresher, RsuGrant, startup_outcome_sources
from landml.offers.models import DecisionWeights, OfferRecord
from landml.offers.vesting import VestingKind, VestingSpec
from landml.tracker.models import Application
from landml.tracker.service import find_or_add_company, stages
from landml.tracker.today import TodayItem
from landml.tracker.vocab import CompanyKind

# Money weighs as much as four factors together until the person says otherwise.
DEFAULT_WEIGHTS: dict[str, float] = {MONEY: 4.0, **{f.value: 1.0 for f in Factor}}
# `landml today` shows deadlines this far ahead, and those passed this recently.
DEADLINE_AHEAD_DAYS = 14
DEADLINE_PASSED_DAYS = 7


# --- inputs ------------------------------------------------------------------------------


class OfferData(Offer):
    """An offer as the person writes it: the terms, flat, with who made it and their scores.

    `company` may be left out when `application_id` names a tracked application: the
    application's company (and title) are used.
    """

    name: str = Field(
        default="", max_length=200, description="Short name in comparisons; default the company."
    )
    company: str | None = Field(default=None, max_length=200)
    company_kind: CompanyKind | None = None
    title: str | None = Field(default=None, max_length=300)
    application_id: int | None = None
    notes: str | None = None
    scores: dict[Factor, float] = Field(
        default_factory=dict, description="Your scores from 1 (poor) to 5 (excellent)."
    )

    @field_validator("scores")
    @classmethod
    def _scores_in_range(cls, value: dict[Factor, float]) -> dict[Factor, float]:
        for factor, score in value.items():
            _check_score(factor.value, score)
        return value

    def terms(self, company: str) -> Offer:
        """The engine's offer, named after the company unless a name was given."""
        fields = self.model_dump(include=set(Offer.model_fields))
        fields["name"] = self.name or company
        return read_offer(fields)


def _check_score(factor: str, score: float) -> None:
    if not (math.isfinite(score) and SCORE_MIN <= score <= SCORE_MAX):
        raise ValueError(
            f"the {LABELS.get(factor, factor)} score {score:g} is outside "
            f"{SCORE_MIN:g}-{SCORE_MAX:g}"
        )


M = TypeVar("M", bound=BaseModel)


def _problems(exc: ValidationError) -> InvalidInput:
    problems = [
        f"{'.'.join(str(p) for p in err['loc']) or 'offer'}: {err['msg']}" for err in exc.errors()
    ]
    return InvalidInput(
        "The offer has problems: " + "; ".join(problems) + ".",
        hint="Fix these fields and try again (docs/offers.md shows a complete file).",
    )


def _validated(model: type[M], data: Mapping[str, Any]) -> M:
    """`model` from plain data, every problem named in one InvalidInput."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        raise _problems(exc) from None


def offer_data(data: Mapping[str, Any]) -> OfferData:
    """`OfferData` from plain data (a parsed file), every problem named in one InvalidInput."""
    return _validated(OfferData, data)


def simple_offer(data: Mapping[str, Any]) -> OfferData:
    """`OfferData` from the fields of `SimpleOffer` (flags, a form), problems in one error."""
    simple = _validated(SimpleOffer, data)
    try:
        return simple.to_data()
    except ValidationError as exc:
        raise _problems(exc) from None


def read_offer_mapping(path: Path) -> dict[str, Any]:
    """The mapping in a YAML or JSON file (JSON is read as YAML, which contains it)."""
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InvalidInput(
            f"{path} is not valid YAML or JSON{where}.", hint="Check the indentation and colons."
        ) from exc
    if not isinstance(loaded, dict):
        raise InvalidInput(
            f"{path} must hold one offer as a mapping (company: ..., base: ...).",
            hint="See docs/offers.md for a complete example.",
        )
    return loaded


def read_offer_file(path: Path) -> OfferData:
    """An offer from a YAML or JSON file."""
    return offer_data(read_offer_mapping(path))


class SimpleOffer(BaseModel):
    """The simple case in a few fields: base, bonus, sign-on, and RSUs or options."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    company: str | None = None
    title: str | None = None
    application_id: int | None = None
    base: float = Field(ge=0)
    bonus_percent: float | None = Field(default=None, ge=0, le=500)
    sign_on: float = Field(default=0.0, ge=0)
    clawback_months: int = Field(default=0, ge=0, le=60)
    rsu_value: float | None = Field(default=None, gt=0)
    share_price: float | None = Field(default=None, gt=0)
    vesting: VestingKind = VestingKind.monthly
    cliff_months: int = Field(default=12, ge=0, le=48)
    refresher_percent: float | None = Field(default=None, ge=0, le=1000)
    options_shares: float | None = Field(default=None, gt=0)
    strike: float | None = Field(default=None, ge=0)
    preferred_price: float | None = Field(default=None, gt=0)
    fully_diluted_shares: float | None = Field(default=None, gt=0)
    raise_percent: float = Field(default=0.0, ge=-50, le=100)
    retirement_match: float = Field(default=0.0, ge=0)
    stipends: float = Field(default=0.0, ge=0)
    cost_of_living: float = Field(default=1.0, gt=0, le=10)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    location: str | None = None
    deadline: date | None = None
    notes: str | None = None

    def to_data(self) -> OfferData:
        """The full `OfferData` this simple offer stands for."""
        vesting = VestingSpec(kind=self.vesting, cliff_months=self.cliff_months)
        return OfferData(
            company=self.company,
            title=self.title,
            application_id=self.application_id,
            base=self.base,
            bonus_percent=self.bonus_percent,
            raise_percent=self.raise_percent,
            sign_on=SignOn(amount=self.sign_on, clawback_months=self.clawback_months),
            equity=self._equity(vesting),
            benefits=Benefits(retirement_match=self.retirement_match, stipends=self.stipends),
            cost_of_living=self.cost_of_living,
            currency=self.currency,
            location=self.location,
            deadline=self.deadline,
            notes=self.notes,
        )

    def _equity(self, vesting: VestingSpec) -> RsuGrant | OptionGrant | None:
        # The preferred price places the default exit scenarios (multiples of the valuation).
        option_fields = {
            "options_shares": self.options_shares,
            "strike": self.strike,
            "preferred_price": self.preferred_price,
            "fully_diluted_shares": self.fully_diluted_shares,
        }
        wants_options = any(v is not None for v in option_fields.values())
        if self.rsu_value is not None and wants_options:
            raise InvalidInput(
                "An offer here holds RSUs or startup options, not both.",
                hint="Keep either the RSU value or the options fields (shares, strike...).",
            )
        if self.rsu_value is not None:
            refresher = (
                Refresher(percent_of_initial=self.refresher_percent)
                if self.refresher_percent
                else None
            )
            return RsuGrant(
                grant_value=self.rsu_value,
                share_price=self.share_price,
                vesting=vesting,
                refresher=refresher,
            )
        if not wants_options:
            return None
        missing = [name.replace("_", " ") for name, v in option_fields.items() if v is None]
        if missing:
            raise InvalidInput(
                f"Startup options also need: {', '.join(missing)}.",
                hint="Ask the company for the latest preferred price and the fully diluted "
                "share count; without them the options cannot be valued.",
            )
        return OptionGrant(
            shares=self.options_shares or 0.0,
            strike=self.strike or 0.0,
            preferred_price=self.preferred_price,
            fully_diluted_shares=self.fully_diluted_shares or 0.0,
            vesting=vesting,
        )


# --- outputs -----------------------------------------------------------------------------


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class OfferOut(_Out):
    """An offer as shown: who made it, the terms, the person's scores and the headline totals."""

    id: int
    name: str
    company: str
    company_kind: str
    title: str | None
    application_id: int | None
    currency: str
    location: str | None
    deadline: date | None
    notes: str | None
    scores: dict[str, float]
    demo: bool
    created_at: datetime
    equity_kind: str | None
    first_year_total: float
    four_year_total: float
    four_year_adjusted: float
    terms: Offer


class OfferDetail(_Out):
    """One offer worked out: year-by-year value, vesting, clawback, sensitivity."""

    offer: OfferOut
    value: OfferValue
    vesting: str | None
    sensitivity: list[SensitivityRow]
    sensitivity_note: str | None


class WeightsOut(_Out):
    """The weights in force; `default` when the person has set none."""

    weights: dict[str, float]
    default: bool
    labels: dict[str, str]


class OfferComparison(_Out):
    """Every offer side by side, ranked, with what would flip the ranking."""

    offers: list[OfferOut]
    weights: WeightsOut
    # Criteria weighed but scored for no offer yet, so left out of the totals.
    left_out: list[str]
    comparison: Comparison | None
    # Four-year totals under other stock prices or exit values, by offer name.
    sensitivity: dict[str, list[SensitivityRow]]
    notes: list[str]
    # The sources of landml's default exit scenarios, when an offer uses them.
    exit_scenario_sources: list[dict[str, str]] = []


class OfferDeadline(_Out):
    offer_id: int
    name: str
    company: str
    title: str | None
    application_id: int | None
    deadline: date
    days_left: int


# --- reading ----------------------------------------------------------------------------


def _records(session: Session, owner: int) -> list[OfferRecord]:
    return list(
        session.scalars(
            select(OfferRecord)
            .where(OfferRecord.owner_id == owner)
            .options(selectinload(OfferRecord.application).selectinload(Application.stage_changes))
            .order_by(OfferRecord.id)
        )
    )


def _get_record(session: Session, owner: int, offer_id: int) -> OfferRecord:
    record = session.scalar(
        select(OfferRecord).where(OfferRecord.id == offer_id, OfferRecord.owner_id == owner)
    )
    if record is None:
        raise NotFound(f"No offer with id {offer_id}.", hint="`landml offers list` lists them.")
    return record


def _stored_terms(record: OfferRecord) -> Offer:
    try:
        return Offer.model_validate(record.terms)
    except ValidationError as exc:
        raise InvalidInput(
            f"Offer {record.id} was stored with terms this version cannot read: "
            f"{exc.errors()[0]['msg']}.",
            hint=f"Replace them with `landml offers edit {record.id} FILE`.",
        ) from None


def display_names(records: list[OfferRecord]) -> dict[int, str]:
    """A name per offer, unique among them: the stored name, then the title, then the id."""
    names = {r.id: str(r.terms.get("name") or r.company.name) for r in records}
    counts = Counter(names.values())
    for r in records:
        if counts[names[r.id]] > 1 and r.title:
            names[r.id] = f"{names[r.id]} · {r.title}"
    counts = Counter(names.values())
    for r in records:
        if counts[names[r.id]] > 1:
            names[r.id] = f"{names[r.id]} (#{r.id})"
    return names


def _named_terms(record: OfferRecord, name: str) -> Offer:
    return _stored_terms(record).model_copy(update={"name": name})


def _offer_out(record: OfferRecord, name: str) -> OfferOut:
    terms = _named_terms(record, name)
    value = offer_value(terms)
    return OfferOut(
        id=record.id,
        name=name,
        company=record.company.name,
        company_kind=record.company.kind,
        title=record.title,
        application_id=record.application_id,
        currency=record.currency,
        location=record.location,
        deadline=record.deadline,
        notes=record.notes,
        scores=dict(record.scores or {}),
        demo=record.demo,
        created_at=record.created_at,
        equity_kind=value.equity_kind,
        first_year_total=value.first_year_total,
        four_year_total=value.four_year_total,
        four_year_adjusted=value.four_year_adjusted,
        terms=terms,
    )


def _out_of(session: Session, owner: int, record: OfferRecord) -> OfferOut:
    return _offer_out(record, display_names(_records(session, owner))[record.id])


def list_offers(session: Session, owner: int) -> list[OfferOut]:
    """The owner's offers, oldest first, with their headline totals."""
    records = _records(session, owner)
    names = display_names(records)
    return [_offer_out(r, names[r.id]) for r in records]


def get_offer(session: Session, owner: int, offer_id: int) -> OfferOut:
    return _out_of(session, owner, _get_record(session, owner, offer_id))


def offer_detail(session: Session, owner: int, offer_id: int) -> OfferDetail:
    """One offer worked out year by year, with how it moves with the stock price or exit."""
    out = get_offer(session, owner, offer_id)
    rows, note = _sensitivity_of(out.terms)
    equity = out.terms.equity
    return OfferDetail(
        offer=out,
        value=offer_value(out.terms),
        vesting=equity.vesting.describe() if equity is not None else None,
        sensitivity=rows,
        sensitivity_note=note,
    )


def sensitivity(session: Session, owner: int, offer_id: int) -> list[SensitivityRow]:
    """Totals of one offer at other stock prices (RSUs) or exit values (options)."""
    return engine_sensitivity(get_offer(session, owner, offer_id).terms)


def _sensitivity_of(terms: Offer) -> tuple[list[SensitivityRow], str | None]:
    try:
        return engine_sensitivity(terms), None
    except InvalidInput as exc:
        # Options without the preferred price have no valuation to scale exits from.
        return [], str(exc)


# --- writing -----------------------------------------------------------------------------


def _application(session: Session, owner: int, app_id: int) -> Application:
    app = session.scalar(
        select(Application).where(Application.id == app_id, Application.owner_id == owner)
    )
    if app is None:
        raise NotFound(
            f"No application with id {app_id} to attach the offer to.",
            hint="`landml board` lists the ids.",
        )
    return app


def _apply(session: Session, owner: int, record: OfferRecord, data: OfferData) -> None:
    """Write `data` onto `record`: who made the offer, then terms validated by the engine."""
    app = _application(session, owner, data.application_id) if data.application_id else None
    company_name = data.company or (app.company.name if app is not None else None)
    if not company_name:
        raise InvalidInput(
            "An offer needs the company that made it.",
            hint="Give company, or application_id of the tracked application.",
        )
    kind = data.company_kind.value if data.company_kind else None
    company = find_or_add_company(session, owner, company_name, kind)
    terms = data.terms(company.name)
    record.company = company
    record.application_id = app.id if app is not None else None
    record.title = data.title or (app.title if app is not None else None)
    record.currency = terms.currency
    record.location = terms.location
    record.deadline = terms.deadline
    record.terms = terms.model_dump(mode="json")
    record.scores = {f.value: float(s) for f, s in data.scores.items()}
    record.notes = data.notes or None


def create_offer(
    session: Session, owner: int, data: OfferData, *, demo: bool = False
) -> OfferRecord:
    """Store an offer (no commit: a building block for the demo)."""
    record = OfferRecord(owner_id=owner, demo=demo)
    _apply(session, owner, record, data)
    session.add(record)
    session.flush()
    return record


@transactional
def add_offer(session: Session, owner: int, data: OfferData) -> OfferOut:
    """Store a new offer."""
    return _out_of(session, owner, create_offer(session, owner, data))


def _flat(record: OfferRecord) -> dict[str, Any]:
    """The stored offer in the shape of `OfferData`, so changes can be laid over it."""
    terms = dict(record.terms)
    if terms.get("name") == record.company.name:
        terms["name"] = ""
    return {
        **terms,
        "company": record.company.name,
        "title": record.title,
        "application_id": record.application_id,
        "notes": record.notes,
        "scores": dict(record.scores or {}),
    }


@transactional
def update_offer(
    session: Session, owner: int, offer_id: int, changes: Mapping[str, Any]
) -> OfferOut:
    """Change some fields of an offer; a nested field (equity, sign_on...) is replaced whole."""
    record = _get_record(session, owner, offer_id)
    _apply(session, owner, record, offer_data({**_flat(record), **changes}))
    session.flush()
    return _out_of(session, owner, record)


@transactional
def delete_offer(session: Session, owner: int, offer_id: int) -> OfferOut:
    record = _get_record(session, owner, offer_id)
    out = _out_of(session, owner, record)
    session.delete(record)
    return out


def _checked_scores(scores: Mapping[str, float]) -> dict[str, float]:
    factors = {f.value for f in Factor}
    unknown = sorted(set(scores) - factors)
    if unknown:
        raise InvalidInput(
            f"Cannot score {', '.join(unknown)}.",
            hint=f"Money is computed from the offer; score only {', '.join(sorted(factors))}.",
        )
    for factor, score in scores.items():
        try:
            _check_score(factor, score)
        except ValueError as exc:
            raise InvalidInput(f"{str(exc).capitalize()}.") from None
    return {k: float(v) for k, v in scores.items()}


@transactional
def set_scores(
    session: Session,
    owner: int,
    offer_id: int,
    scores: Mapping[str, float],
    *,
    clear: tuple[str, ...] = (),
) -> OfferOut:
    """Set some of an offer's factor scores (others are kept); `clear` removes scores."""
    record = _get_record(session, owner, offer_id)
    checked = _checked_scores(scores)
    _checked_scores(dict.fromkeys(clear, SCORE_MIN))
    merged = {k: v for k, v in (record.scores or {}).items() if k not in clear}
    # A new dict: JSON columns only notice reassignment, not changes in place.
    record.scores = {**merged, **checked}
    return _out_of(session, owner, record)


def weights(session: Session, owner: int) -> WeightsOut:
    """The owner's decision weights, or landml's defaults when none were set."""
    row = session.scalar(select(DecisionWeights).where(DecisionWeights.owner_id == owner))
    stored = dict(row.weights) if row is not None else None
    full = {c: float((stored or DEFAULT_WEIGHTS).get(c, 0.0)) for c in CRITERIA}
    return WeightsOut(weights=full, default=row is None, labels=dict(LABELS))


def _checked_weights(given: Mapping[str, float]) -> dict[str, float]:
    unknown = sorted(set(given) - set(CRITERIA))
    if unknown:
        raise InvalidInput(
            f"Unknown criteria: {', '.join(unknown)}.", hint=f"Use: {', '.join(CRITERIA)}."
        )
    bad = [c for c, w in given.items() if not math.isfinite(w) or w < 0]
    if bad:
        raise InvalidInput(f"Weights must be zero or more; check {', '.join(bad)}.")
    return {c: float(w) for c, w in given.items()}


@transactional
def set_weights(
    session: Session, owner: int, given: Mapping[str, float], *, replace: bool = False
) -> WeightsOut:
    """Set some weights (others keep their value) or, with `replace`, all of them."""
    checked = _checked_weights(given)
    current = {} if replace else weights(session, owner).weights
    merged = {c: checked.get(c, current.get(c, 0.0)) for c in CRITERIA}
    if sum(merged.values()) <= 0:
        raise InvalidInput("At least one weight must be above zero.", hint="Weigh money at least.")
    _store_weights(session, owner, merged)
    return WeightsOut(weights=merged, default=False, labels=dict(LABELS))


def _store_weights(session: Session, owner: int, merged: dict[str, float]) -> None:
    row = session.scalar(select(DecisionWeights).where(DecisionWeights.owner_id == owner))
    if row is None:
        session.add(DecisionWeights(owner_id=owner, weights=merged))
    else:
        row.weights = merged
        row.updated_at = utcnow()
    session.flush()


# --- comparing ---------------------------------------------------------------------------


def compare(session: Session, owner: int) -> OfferComparison:
    """Every offer ranked by money and the person's scores, with the flips explained."""
    offers = list_offers(session, owner)
    current = weights(session, owner)
    if not offers:
        return OfferComparison(
            offers=[], weights=current, left_out=[], comparison=None, sensitivity={}, notes=[]
        )
    scored = {c for o in offers for c in o.scores}
    left_out = [c for c, w in current.weights.items() if c != MONEY and w > 0 and c not in scored]
    used = {c: (0.0 if c in left_out else w) for c, w in current.weights.items()}
    _check_scored(offers, [c for c, w in used.items() if c != MONEY and w > 0])
    comparison = engine_compare([o.terms for o in offers], used, {o.name: o.scores for o in offers})
    notes = []
    if left_out:
        notes.append(
            "Not scored for any offer yet, so left out: "
            + ", ".join(LABELS[c] for c in left_out)
            + ". Score them with `landml offers score ID factor=1..5`."
        )
    chart_rows: dict[str, list[SensitivityRow]] = {}
    for o in offers:
        rows, note = _sensitivity_of(o.terms)
        if rows:
            chart_rows[o.name] = rows
        elif note:
            notes.append(note)
    defaults_used = any(
        v.options is not None and v.options.uses_default_scenarios for v in comparison.values
    )
    return OfferComparison(
        offers=offers,
        weights=current,
        left_out=left_out,
        comparison=comparison,
        sensitivity=chart_rows,
        notes=notes,
        exit_scenario_sources=startup_outcome_sources() if defaults_used else [],
    )


def _check_scored(offers: list[OfferOut], weighed: list[str]) -> None:
    """Refuse a comparison where an offer lacks a score that another offer has."""
    for o in offers:
        missing = [c for c in weighed if c not in o.scores]
        if missing:
            raise InvalidInput(
                f"{o.name} (offer #{o.id}) has no score for "
                f"{', '.join(LABELS[c] for c in missing)}, which the other offers have.",
                hint=f"Score it from {SCORE_MIN:g} to {SCORE_MAX:g} "
                f"(`landml offers score {o.id} {missing[0]}=3`), or set those weights to 0.",
            )


# --- deadlines ---------------------------------------------------------------------------


def deadlines(session: Session, owner: int, *, today: date) -> list[OfferDeadline]:
    """Offers to answer soon (or answered late), soonest first.

    An offer whose application is already closed or accepted has been answered and is
    left out; so are deadlines more than `DEADLINE_AHEAD_DAYS` ahead or long passed.
    """
    open_stages = {s.key for s in stages(session, owner) if s.active}
    records = _records(session, owner)
    names = display_names(records)
    due = []
    for r in records:
        if r.deadline is None:
            continue
        days_left = (r.deadline - today).days
        if not -DEADLINE_PASSED_DAYS <= days_left <= DEADLINE_AHEAD_DAYS:
            continue
        if r.application is not None and r.application.stage_changes[-1].to_stage not in (
            open_stages
        ):
            continue
        due.append(
            OfferDeadline(
                offer_id=r.id,
                name=names[r.id],
                company=r.company.name,
                title=r.title,
                application_id=r.application_id,
                deadline=r.deadline,
                days_left=days_left,
            )
        )
    return sorted(due, key=lambda d: (d.deadline, d.offer_id))


def _when(days_left: int) -> str:
    if days_left < 0:
        return f"passed {-days_left} day{'s' if days_left < -1 else ''} ago"
    if days_left == 0:
        return "is today"
    return "is tomorrow" if days_left == 1 else f"is in {days_left} days"


def deadline_items(session: Session, owner: int, today: date) -> list[TodayItem]:
    """Offer deadlines as items of `landml today` (see `tracker.today.today`)."""
    return [
        TodayItem(
            kind="offer_deadline",
            application_id=d.application_id,
            company=d.company,
            title=d.title,
            text=f"The deadline to answer the {d.name} offer {_when(d.days_left)}",
            due=d.deadline,
            command=f"landml offers show {d.offer_id}",
        )
        for d in deadlines(session, owner, today=today)
    ]


# --- demo --------------------------------------------------------------------------------


def load_demo_offers(session: Session, owner: int, *, now: datetime) -> int:
    """Add the demo's three offers, their scores and weights (no commit: inside `load_demo`).

    Each offer is attached to the demo application of its company that reached the offer
    stage, when there is one. Returns how many offers were added.
    """
    from landml.offers.demo import DEMO_OFFERS, DEMO_WEIGHTS

    apps = {
        (a.company.name, a.title): a
        for a in session.scalars(
            select(Application).where(Application.owner_id == owner, Application.demo)
        )
    }
    for spec in DEMO_OFFERS:
        app = apps.get((spec.company, spec.title))
        deadline = now.date() + timedelta(days=spec.deadline_in_days)
        data = offer_data(
            {
                **spec.terms,
                "company": spec.company,
                "title": spec.title,
                "application_id": app.id if app is not None else None,
                "deadline": deadline,
                "scores": spec.scores,
                "notes": spec.notes,
            }
        )
        create_offer(session, owner, data, demo=True)
    _store_weights(session, owner, {c: DEMO_WEIGHTS.get(c, 0.0) for c in CRITERIA})
    return len(DEMO_OFFERS)
