"""The demo's three offers: a startup with options, a big tech company with back-loaded
RSUs, and a research lab with base, bonus and a generous retirement match.

Invented like the rest of the demo (the companies are fictional; see `tracker.demo`),
with figures in a plausible range for ML engineering offers in the United States. The
startup's exit scenarios are landml's shipped defaults, so the demo shows them with their
sources. Cost-of-living factors compare each city with Boulder, CO (1.0).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DemoOffer:
    company: str
    # The title of the demo application it answers (matched to attach the offer).
    title: str
    deadline_in_days: int
    terms: dict[str, Any]
    scores: dict[str, float]
    notes: str


DEMO_OFFERS: tuple[DemoOffer, ...] = (
    DemoOffer(
        company="Tallgrass Robotics",
        title="ML Engineer, Robot Learning",
        deadline_in_days=5,
        terms={
            "base": 160_000,
            "raise_percent": 4,
            "sign_on": {"amount": 10_000, "clawback_months": 12},
            "equity": {
                "kind": "options",
                # 0.15% of the fully diluted shares.
                "shares": 60_000,
                "strike": 1.10,
                "preferred_price": 4.40,
                "fully_diluted_shares": 40_000_000,
                "liquidation_preferences": 62_000_000,
                "preference_note": "Series A and B, both 1x non-participating; about $62M "
                "raised in total, as the recruiter put it.",
                "dilution_per_round": 0.18,
                "rounds_before_exit": 2,
                "vesting": {"kind": "monthly", "cliff_months": 12},
            },
            "benefits": {"retirement_match": 0, "stipends": 2_000},
            "cost_of_living": 1.0,
            "location": "Boulder, CO",
        },
        scores={
            "surface_area": 5,
            "mentorship": 3,
            "role_match": 4,
            "growth": 5,
            "stability": 2,
            "work_life_balance": 2,
            "location": 4,
            "team": 4,
        },
        notes="Demo offer (fictional). Options are 0.15% of the company; ask how much "
        "runway the Series B bought.",
    ),
    DemoOffer(
        company="Omnivane",
        title="Machine Learning Engineer, Maps ETA Prediction",
        deadline_in_days=9,
        terms={
            "base": 190_000,
            "raise_percent": 3,
            "bonus_percent": 15,
            "sign_on": {
                "amount": 60_000,
                "by_year": [40_000, 20_000],
                "clawback_months": 24,
                "clawback_prorated": True,
            },
            "equity": {
                "kind": "rsu",
                "grant_value": 360_000,
                "share_price": 150,
                # Back-loaded 5/15/40/40, paid every six months after the first year.
                "vesting": {"kind": "back_loaded", "every_months": 6},
                "refresher": {"percent_of_initial": 20},
            },
            "benefits": {"retirement_match": 9_500, "stipends": 1_500},
            "cost_of_living": 1.12,
            "location": "Seattle, WA",
        },
        scores={
            "surface_area": 2,
            "mentorship": 4,
            "role_match": 3,
            "growth": 3,
            "stability": 5,
            "work_life_balance": 3,
            "location": 3,
            "team": 3,
        },
        notes="Demo offer (fictional). The sign-on is paid over two years because the "
        "RSUs are back-loaded; ask whether the grant can be raised instead.",
    ),
    DemoOffer(
        company="Kestrel Point Institute",
        title="Research Engineer, AI for Science",
        deadline_in_days=12,
        terms={
            "base": 172_000,
            "raise_percent": 3,
            "bonus_percent": 8,
            "benefits": {"retirement_match": 17_200, "stipends": 4_000},
            "cost_of_living": 0.9,
            "location": "Pittsburgh, PA",
        },
        scores={
            "surface_area": 4,
            "mentorship": 5,
            "role_match": 5,
            "growth": 4,
            "stability": 4,
            "work_life_balance": 4,
            "location": 3,
            "team": 4,
        },
        notes="Demo offer (fictional). Non-profit: no equity, a 10% retirement "
        "contribution and a conference travel budget.",
    ),
)

DEMO_WEIGHTS: dict[str, float] = {
    "money": 4,
    "surface_area": 2,
    "mentorship": 2,
    "role_match": 3,
    "growth": 2,
    "stability": 2,
    "work_life_balance": 1,
    "location": 1,
    "team": 2,
}
