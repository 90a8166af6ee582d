"""Offers as JSON: the same service calls as the Offers page, with the engine's models as
bodies, so /openapi.json describes an offer field by field."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Response, status
from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from landml.offers import service
from landml.offers.service import (
    OfferComparison,
    OfferData,
    OfferDetail,
    OfferOut,
    WeightsOut,
)
from landml.web.deps import OwnerDep, SessionDep
from landml.web.errors import error_responses

router = APIRouter(prefix="/api/v1/offers", tags=["offers"])
CREATED = status.HTTP_201_CREATED
# Any subset of an offer's fields; described as one object, the full shape being OfferData.
OfferChanges = Annotated[
    dict[str, Any],
    WithJsonSchema({"type": "object", "description": "Fields of OfferData to replace."}),
    Body(),
]


class ScoresIn(BaseModel):
    """Scores from 1 (poor) to 5 (excellent) for factors money does not show."""

    model_config = ConfigDict(extra="forbid")

    scores: dict[str, float] = Field(
        default_factory=dict, description="Factor -> score; other scores are kept."
    )
    clear: list[str] = Field(default_factory=list, description="Factors whose score to remove.")


class WeightsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weights: dict[str, float] = Field(description="Criterion (money or a factor) -> weight.")
    replace: bool = Field(
        default=False, description="Set every weight: criteria not given become 0."
    )


@router.get("", summary="All offers", responses=error_responses())
def get_offers(session: SessionDep, owner: OwnerDep) -> list[OfferOut]:
    """Offers, oldest first, with their first-year and four-year totals."""
    return service.list_offers(session, owner)


@router.post("", status_code=CREATED, summary="Add an offer", responses=error_responses(404, 422))
def post_offer(
    data: OfferData, response: Response, session: SessionDep, owner: OwnerDep
) -> OfferOut:
    """Add an offer: its terms (the same fields as an offer file) and who made it."""
    out = service.add_offer(session, owner, data)
    response.headers["Location"] = f"/api/v1/offers/{out.id}"
    return out


@router.get("/comparison", summary="Compare the offers", responses=error_responses(422))
def get_comparison(session: SessionDep, owner: OwnerDep) -> OfferComparison:
    """Money and scores side by side, the ranking with each criterion's points, and the
    smallest changes that would flip each pair of neighbours in the ranking."""
    return service.compare(session, owner)


@router.get("/weights", summary="Decision weights", responses=error_responses())
def get_weights(session: SessionDep, owner: OwnerDep) -> WeightsOut:
    return service.weights(session, owner)


@router.put("/weights", summary="Set decision weights", responses=error_responses(422))
def put_weights(data: WeightsIn, session: SessionDep, owner: OwnerDep) -> WeightsOut:
    return service.set_weights(session, owner, data.weights, replace=data.replace)


@router.get("/{offer_id}", summary="One offer worked out", responses=error_responses(404, 422))
def get_offer(offer_id: int, session: SessionDep, owner: OwnerDep) -> OfferDetail:
    """Year-by-year value, totals, clawback, options scenarios and sensitivity."""
    return service.offer_detail(session, owner, offer_id)


@router.patch("/{offer_id}", summary="Change an offer", responses=error_responses(404, 422))
def patch_offer(
    offer_id: int,
    changes: OfferChanges,
    session: SessionDep,
    owner: OwnerDep,
) -> OfferOut:
    """Replace some fields; a nested one (equity, sign_on...) is replaced whole."""
    return service.update_offer(session, owner, offer_id, changes)


@router.delete("/{offer_id}", summary="Delete an offer", responses=error_responses(404, 422))
def delete_offer(offer_id: int, session: SessionDep, owner: OwnerDep) -> OfferOut:
    return service.delete_offer(session, owner, offer_id)


@router.put("/{offer_id}/scores", summary="Score an offer", responses=error_responses(404, 422))
def put_scores(offer_id: int, data: ScoresIn, session: SessionDep, owner: OwnerDep) -> OfferOut:
    return service.set_scores(session, owner, offer_id, data.scores, clear=tuple(data.clear))
