"""The Dashboard page and its JSON twin, in-process: the funnel numbers, the four charts
inline, the cache keyed on the data, and names from the data never run as script."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from landml.accounts.service import Preferences
from landml.insights.funnel import ApplicationHistory, LedgerEntry, StagePath
from landml.web.api.dashboard import data_version
from landml.web.routers.dashboard import JSON_TWINS
from landml.web.routers.dashboard import router as pages_router
from tests.web.conftest import add_application, html, text_of

XSS = "<script>alert(1)</script>"


def test_the_dashboard_page_has_its_json_twin(client: TestClient) -> None:
    pages = {
        (method, route.path)
        for route in pages_router.routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    }
    assert pages == set(JSON_TWINS)
    api = client.get("/openapi.json").json()["paths"]
    for method, path in JSON_TWINS.values():
        assert method.lower() in api[path]
    page = html(client.get("/dashboard").text)
    link = page.find(".//link[@rel='alternate']")
    assert link is not None and link.get("href") == "/api/v1/dashboard"


def test_an_empty_workspace_has_nothing_to_chart(client: TestClient) -> None:
    page = html(client.get("/dashboard").text)
    assert "Nothing to chart yet" in text_of(page.find(".//main"))
    assert page.find(".//figure") is None
    assert client.get("/api/v1/dashboard").json()["charts"] == {}


def test_the_dashboard_shows_the_funnel_numbers_and_four_inline_charts(
    client: TestClient,
) -> None:
    for stage in ("applied", "tech_screen", "onsite", "offer"):
        add_application(client, company=f"Co {stage}", stage=stage)
    data = client.get("/api/v1/dashboard").json()
    counts = [step["count"] for step in data["stats"]["funnel"]["steps"]]

    response = client.get("/dashboard")
    assert response.status_code == 200
    page = html(response.text)
    rows = page.findall(".//table[@id='funnel-table']/tbody/tr")
    assert [int(text_of(row.findall("td")[0])) for row in rows] == counts
    figures = page.findall(".//figure[@data-chart]")
    assert [f.get("data-chart") for f in figures] == list(data["charts"])
    assert len(figures) == 4
    assert all(f.find(".//svg") is not None for f in figures)


def test_charts_are_rendered_once_per_data_version(client: TestClient) -> None:
    add_application(client, stage="applied")
    first = client.get("/api/v1/dashboard").json()["version"]
    client.get("/dashboard")
    cache = client.app.state.chart_cache  # type: ignore[attr-defined]
    kept = len(cache)
    client.get("/dashboard")
    assert client.get("/api/v1/dashboard").json()["version"] == first
    assert len(cache) == kept

    add_application(client, company="Second Co", stage="applied")
    assert client.get("/api/v1/dashboard").json()["version"] != first


def test_the_version_follows_the_data_and_the_clock_step() -> None:
    at = datetime(2026, 3, 10, 9, 1, tzinfo=UTC)
    history = ApplicationHistory(
        id=1,
        company="Acme",
        title="MLE",
        company_kind="other",
        channel="referral",
        role_family="mle",
        created_at=at,
        ledger=(LedgerEntry("applied", at),),
    )
    prefs = Preferences(daily_goal=5, follow_up_days=7, ghost_after_days=30)
    path = StagePath()

    def version(histories: list[ApplicationHistory], now: datetime) -> str:
        return data_version(1, histories, path, prefs, now=now, tz=UTC)

    base = version([history], at)
    assert version([history], at + timedelta(minutes=5)) == base
    assert version([history], at + timedelta(minutes=30)) != base
    renamed = ApplicationHistory(**{**history.__dict__, "company": "Acme AI"})
    assert version([renamed], at) != base


def test_a_company_named_like_a_script_is_drawn_as_text(client: TestClient) -> None:
    add_application(client, company=XSS, stage="applied")
    body = client.get("/dashboard").text
    assert XSS not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script" not in body.split("<main", 1)[1].split("</main>", 1)[0]
