"""The dashboard as JSON: the funnel and the other statistics, and the charts' Vega-Lite
specifications (the Dashboard page shows them rendered as SVG).

Building the chart specifications and rendering them takes seconds for a few dozen
applications, so both are cached per owner and *data version*: a digest of everything
the charts are drawn from (every application's ledger and interviews, the stages, the
daily goal, the zone) and of the clock rounded to `CLOCK_STEP`. Any change to the hunt
gives a new version; reloading the page does not.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, Field, WithJsonSchema
from sqlalchemy.orm import Session

from landml.accounts.service import Preferences
from landml.insights import service as insights
from landml.insights.charts import ChartSpec
from landml.insights.funnel import ApplicationHistory, StagePath
from landml.insights.service import StatsReport
from landml.web.charts import ChartCache, ChartCacheDep
from landml.web.deps import NowDep, OwnerDep, PrefsDep, SessionDep, ZoneDep
from landml.web.errors import error_responses

router = APIRouter(prefix="/api/v1", tags=["insights"])

# Open stages run to "now" on the charts; within this step the cached charts are reused.
CLOCK_STEP = timedelta(minutes=10)
VegaLiteSpec = Annotated[
    dict[str, Any], WithJsonSchema({"type": "object", "description": "A Vega-Lite specification."})
]
CHART_ORDER = ("funnel", "cumulative", "weekly", "timeline")
CHART_TITLES = {
    "funnel": "Funnel",
    "cumulative": "Applications, answers and interviews over time",
    "weekly": "Weekly activity against the daily goal",
    "timeline": "Each application's stages",
}


class DashboardOut(BaseModel):
    """What the Dashboard page shows."""

    stats: StatsReport
    version: str = Field(description="Changes whenever the data behind the charts changes.")
    charts: dict[str, VegaLiteSpec] = Field(
        description="Vega-Lite specifications by chart name (empty without applications)."
    )
    chart_titles: dict[str, str]


def data_version(
    owner: int,
    histories: list[ApplicationHistory],
    path: StagePath,
    prefs: Preferences,
    *,
    now: datetime,
    tz: tzinfo,
) -> str:
    """A digest of everything the dashboard is drawn from (see the module docstring)."""
    step = int(CLOCK_STEP.total_seconds())
    bucket = int(now.astimezone(UTC).timestamp()) // step
    local_day = now.astimezone(tz).date()
    parts = (owner, histories, path.stages, prefs.daily_goal, str(tz), local_day, bucket)
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def dashboard(
    session: Session,
    owner: int,
    prefs: Preferences,
    *,
    now: datetime,
    tz: tzinfo,
    cache: ChartCache,
) -> DashboardOut:
    """The statistics, and the chart specifications from the cache when the data is unchanged."""
    histories = insights.load_histories(session, owner, tz=tz)
    path = insights.stage_path(session, owner)
    version = data_version(owner, histories, path, prefs, now=now, tz=tz)

    def build() -> tuple[StatsReport, dict[str, ChartSpec]]:
        report = insights.build_report(histories, path, prefs, now=now, tz=tz)
        specs = insights.build_chart_specs(histories, path, prefs, now=now, tz=tz)
        return report, specs

    report, specs = cache.get_or_make(("dashboard", version), build)
    ordered = {name: specs[name] for name in CHART_ORDER if name in specs}
    return DashboardOut(
        stats=report,
        version=version,
        charts=ordered,
        chart_titles={name: CHART_TITLES[name] for name in ordered},
    )


@router.get("/dashboard", summary="The dashboard", responses=error_responses(422))
def get_dashboard(
    session: SessionDep,
    owner: OwnerDep,
    prefs: PrefsDep,
    now: NowDep,
    tz: ZoneDep,
    cache: ChartCacheDep,
) -> DashboardOut:
    """Funnel, response rate, time in stage, weekly activity and the charts' specifications."""
    return dashboard(session, owner, prefs, now=now, tz=tz, cache=cache)
