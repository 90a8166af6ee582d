"""The Market page: a filter form (GET), top skills, trends and salary ranges as tables
and inline SVG charts, national pay baselines and the sector profiles with each
statement's source and date in small print."""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from landml.insights.charts import render_svg
from landml.market import service
from landml.market.charts import role_label
from landml.market.profiles import ASPECT_LABELS, ASPECTS
from landml.market.service import MarketReport
from landml.postings.titles import Seniority
from landml.prep.loops import ROLE_FAMILIES
from landml.skills.taxonomy import CATEGORIES
from landml.tracker.vocab import CompanyKind, label
from landml.web.api.market import FiltersDep
from landml.web.charts import ChartCache, ChartCacheDep, inline_svg
from landml.web.deps import PageDep
from landml.web.rendering import render

router = APIRouter(include_in_schema=False)

# Each page route and the /api/v1 route that returns the same data as JSON.
JSON_TWINS: dict[tuple[str, str], tuple[str, str]] = {
    ("GET", "/market"): ("GET", "/api/v1/market"),
}
QUERY_NAMES = ("family", "kind", "seniority", "location", "top")
SENIORITY_LABELS = {"staff_plus": "Staff and above", "lead_manager": "Lead or manager"}


def _charts(report: MarketReport, cache: ChartCache) -> list[tuple[str, str, Markup]]:
    """The report's charts as inline SVG, rendered once per distinct chart data."""
    drawn = report.model_dump_json(include={"top_skills", "salaries", "trends"})
    digest = hashlib.blake2b(drawn.encode(), digest_size=16).hexdigest()

    def make() -> list[tuple[str, str, Markup]]:
        return [
            (name, title, inline_svg(render_svg(spec)))
            for name, (title, spec) in service.report_charts(report).items()
        ]

    return cache.get_or_make(("market-charts", digest), make)


def _choices(values: list[str], labels: dict[str, str] | None = None) -> list[tuple[str, str]]:
    return [(v, (labels or {}).get(v) or label(v)) for v in values]


@router.get("/market", response_class=HTMLResponse)
def market_page(filters: FiltersDep, page: PageDep, cache: ChartCacheDep) -> Response:
    report = service.market_report(page.session, page.owner, filters)
    given = {k: v for k, v in page.request.query_params.items() if k in QUERY_NAMES and v.strip()}
    api_url = "/api/v1/market" + (f"?{urlencode(given)}" if given else "")
    context = {
        "report": report,
        "charts": _charts(report, cache),
        "families": _choices(list(ROLE_FAMILIES), {f: role_label(f) for f in ROLE_FAMILIES}),
        "kinds": _choices([k.value for k in CompanyKind]),
        "seniorities": _choices([s.value for s in Seniority], SENIORITY_LABELS),
        "aspects": ASPECTS,
        "aspect_labels": ASPECT_LABELS,
        "categories": CATEGORIES,
        "role_label": role_label,
    }
    return render(page.request, "market.html", context, api_url=api_url)
