"""The Dashboard page: the funnel in numbers and the insights charts as inline SVG."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from landml.insights.charts import render_svg
from landml.insights.funnel import STEP_LABELS
from landml.web.api.dashboard import dashboard
from landml.web.charts import ChartCacheDep, inline_svg
from landml.web.deps import PageDep
from landml.web.rendering import render

router = APIRouter(include_in_schema=False)

# Each page route and the /api/v1 route that returns the same data as JSON.
JSON_TWINS: dict[tuple[str, str], tuple[str, str]] = {
    ("GET", "/dashboard"): ("GET", "/api/v1/dashboard"),
}


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(page: PageDep, cache: ChartCacheDep) -> Response:
    view = dashboard(page.session, page.owner, page.prefs, now=page.now, tz=page.tz, cache=cache)
    svgs = cache.get_or_make(
        ("dashboard-svg", view.version),
        lambda: {name: inline_svg(render_svg(spec)) for name, spec in view.charts.items()},
    )
    charts = [(name, view.chart_titles[name], svgs[name]) for name in view.charts]
    context = {"report": view.stats, "charts": charts, "step_labels": STEP_LABELS}
    return render(page.request, "dashboard.html", context, api_url="/api/v1/dashboard")
