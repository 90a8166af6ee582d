"""The market view as JSON: the same service call as the Market page, with the same
query parameters, so the page's "as JSON" link returns exactly what it shows."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from landml.market import service
from landml.market.service import MarketFilters, MarketReport
from landml.web.deps import OwnerDep, SessionDep
from landml.web.errors import error_responses

router = APIRouter(prefix="/api/v1", tags=["market"])


def market_filters(
    family: Annotated[str | None, Query(description="Role family: mle, ds, rs, as, ...")] = None,
    kind: Annotated[str | None, Query(description="Company kind: startup, big_tech, ...")] = None,
    seniority: Annotated[str | None, Query(description="intern, junior, mid, senior, ...")] = None,
    location: Annotated[
        str | None, Query(description="Part of the location text, or a country code.")
    ] = None,
    top: Annotated[int, Query(ge=1, le=200, description="How many skills to list.")] = (
        service.DEFAULT_TOP
    ),
) -> MarketFilters:
    """The filters from the query string; blank values mean "any"."""
    return MarketFilters(
        role_family=family, company_kind=kind, seniority=seniority, location=location, top=top
    )


FiltersDep = Annotated[MarketFilters, Depends(market_filters)]


@router.get("/market", summary="The market view", responses=error_responses(422))
def get_market(filters: FiltersDep, session: SessionDep, owner: OwnerDep) -> MarketReport:
    """Top skills, skills rising or falling, salary ranges by role and place for the
    postings matching the filters, national pay baselines and sector profiles, each
    profile statement with its source and date."""
    return service.market_report(session, owner, filters)
