"""The Offers page: the comparison table, the ranking with each criterion's points, what
would flip it, two charts, and forms to add a simple offer and set scores and weights.

Forms post here and are answered with a redirect (303) back to the page; an input the
service refuses re-renders the page with the message (and the add form as typed).
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

from landml.errors import Conflict, InvalidInput
from landml.insights.charts import render_svg
from landml.offers import charts, service
from landml.offers.decision import CRITERIA, LABELS, MONEY, Factor
from landml.offers.service import OfferComparison
from landml.offers.vesting import VestingKind
from landml.web.charts import ChartCache, ChartCacheDep, inline_svg
from landml.web.deps import PageDep, PageRequest
from landml.web.rendering import render

router = APIRouter(include_in_schema=False)

# Each page route and the /api/v1 route that returns the same data as JSON.
JSON_TWINS: dict[tuple[str, str], tuple[str, str]] = {
    ("GET", "/offers"): ("GET", "/api/v1/offers/comparison"),
    ("POST", "/offers"): ("POST", "/api/v1/offers"),
    ("POST", "/offers/weights"): ("PUT", "/api/v1/offers/weights"),
    ("POST", "/offers/{offer_id:int}/scores"): ("PUT", "/api/v1/offers/{offer_id}/scores"),
    ("POST", "/offers/{offer_id:int}/delete"): ("DELETE", "/api/v1/offers/{offer_id}"),
}

FormError = InvalidInput | Conflict
FACTORS = [f.value for f in Factor]


class OfferForm(BaseModel):
    """The add form as typed: every field a string, blank meaning "not given"."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    company: str = ""
    title: str = ""
    base: str = ""
    bonus_percent: str = ""
    sign_on: str = ""
    clawback_months: str = ""
    rsu_value: str = ""
    vesting: str = "monthly"
    cliff_months: str = "12"
    refresher_percent: str = ""
    options_shares: str = ""
    strike: str = ""
    preferred_price: str = ""
    fully_diluted_shares: str = ""
    cost_of_living: str = "1"
    currency: str = "USD"
    location: str = ""
    deadline: str = ""

    def to_data(self) -> service.OfferData:
        given = {k: v for k, v in self.model_dump().items() if v != ""}
        if "base" not in given:
            raise InvalidInput("Base salary: this field is required.")
        return service.simple_offer(given)


def _number(text: str, what: str) -> float | None:
    if not text.strip():
        return None
    try:
        return float(text)
    except ValueError:
        raise InvalidInput(f"Cannot read the {what} {text!r} as a number.") from None


class ScoresForm(BaseModel):
    """One offer's scores as typed; a blank field removes that score."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    surface_area: str = ""
    mentorship: str = ""
    role_match: str = ""
    growth: str = ""
    stability: str = ""
    work_life_balance: str = ""
    location: str = ""
    team: str = ""

    def typed(self) -> dict[str, float | None]:
        return {f: _number(getattr(self, f), f"{LABELS[f]} score") for f in FACTORS}


class WeightsForm(ScoresForm):
    """Every weight as typed; a blank field weighs 0."""

    money: str = ""

    def weights(self) -> dict[str, float]:
        return {c: _number(getattr(self, c), f"{LABELS[c]} weight") or 0.0 for c in CRITERIA}


def _see_other(anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/offers{anchor}", status_code=303)


# --- the page ------------------------------------------------------------------------------


def _charts(cmp: OfferComparison, cache: ChartCache) -> list[tuple[str, str, Markup]]:
    """The two charts, rendered once per distinct comparison (a digest of all of it)."""
    if cmp.comparison is None:
        return []
    digest = hashlib.blake2b(cmp.model_dump_json().encode(), digest_size=16).hexdigest()
    return cache.get_or_make(("offer-charts", digest), lambda: _rendered_charts(cmp))


def _rendered_charts(cmp: OfferComparison) -> list[tuple[str, str, Markup]]:
    c = cmp.comparison
    assert c is not None
    order = [r.offer for r in c.ranking]
    values = {v.offer: v for v in c.values}
    by_year = charts.value_by_year_chart([values[n] for n in order], c.currency)
    moves = charts.sensitivity_chart(
        order, {n: values[n].four_year_adjusted for n in order}, cmp.sensitivity, c.currency
    )
    return [
        ("by-year", "Value by year, per offer", inline_svg(render_svg(by_year))),
        ("sensitivity", "How the four-year total moves", inline_svg(render_svg(moves))),
    ]


def _comparison_view(cmp: OfferComparison | None) -> dict[str, Any]:
    """Lookups the template needs: offers by name, criteria in use, points by offer."""
    if cmp is None or cmp.comparison is None:
        return {"by_name": {}, "used": [], "scored": [], "points": {}}
    c = cmp.comparison
    return {
        "by_name": {o.name: o for o in cmp.offers},
        "used": [k for k in CRITERIA if c.weight_shares[k] > 0],
        "scored": [f for f in FACTORS if any(f in row.scores for row in c.table)],
        "points": {r.offer: {x.criterion: x.points for x in r.contributions} for r in c.ranking},
    }


def _offers_page(
    page: PageRequest,
    cache: ChartCache,
    *,
    form: OfferForm | None = None,
    error: FormError | None = None,
) -> HTMLResponse:
    compare_error: InvalidInput | None = None
    try:
        cmp: OfferComparison | None = service.compare(page.session, page.owner)
    except InvalidInput as exc:
        cmp, compare_error = None, exc
    context: dict[str, Any] = {
        **_comparison_view(cmp),
        "cmp": cmp,
        "offers": cmp.offers if cmp else service.list_offers(page.session, page.owner),
        "weights": cmp.weights if cmp else service.weights(page.session, page.owner),
        "charts": _charts(cmp, cache) if cmp else [],
        "compare_error": compare_error,
        "error": error,
        "form": form or OfferForm(),
        "factors": FACTORS,
        "criteria": CRITERIA,
        "labels": LABELS,
        "money": MONEY,
        "vesting_kinds": [k.value for k in VestingKind if k is not VestingKind.custom],
        "today": page.now.astimezone(page.tz).date(),
    }
    return render(
        page.request,
        "offers.html",
        context,
        status_code=error.http_status if error else 200,
        api_url="/api/v1/offers/comparison",
    )


@router.get("/offers", response_class=HTMLResponse)
def offers_page(page: PageDep, cache: ChartCacheDep) -> Response:
    return _offers_page(page, cache)


@router.post("/offers")
def add_offer(form: Annotated[OfferForm, Form()], page: PageDep, cache: ChartCacheDep) -> Response:
    try:
        out = service.add_offer(page.session, page.owner, form.to_data())
    except (InvalidInput, Conflict) as exc:
        return _offers_page(page, cache, form=form, error=exc)
    # Scoring is what a new offer needs next before it can be ranked.
    return _see_other(f"#scores-{out.id}")


@router.post("/offers/{offer_id:int}/scores")
def set_scores(
    offer_id: int, form: Annotated[ScoresForm, Form()], page: PageDep, cache: ChartCacheDep
) -> Response:
    try:
        typed = form.typed()
        scores = {f: v for f, v in typed.items() if v is not None}
        clear = tuple(f for f, v in typed.items() if v is None)
        service.set_scores(page.session, page.owner, offer_id, scores, clear=clear)
    except (InvalidInput, Conflict) as exc:
        return _offers_page(page, cache, error=exc)
    return _see_other(f"#scores-{offer_id}")


@router.post("/offers/weights")
def set_weights(
    form: Annotated[WeightsForm, Form()], page: PageDep, cache: ChartCacheDep
) -> Response:
    try:
        service.set_weights(page.session, page.owner, form.weights(), replace=True)
    except (InvalidInput, Conflict) as exc:
        return _offers_page(page, cache, error=exc)
    return _see_other("#weights")


@router.post("/offers/{offer_id:int}/delete")
def delete_offer(offer_id: int, page: PageDep) -> Response:
    service.delete_offer(page.session, page.owner, offer_id)
    return _see_other()
