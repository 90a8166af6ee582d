"""The Market page and its JSON twin, in-process: the same report in both, filters by
GET, inline charts, every profile statement with its source in small print, and text
from the request never run as script."""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from landml.db.workspace import Workspace
from landml.postings.service import import_postings
from landml.web.routers.market import JSON_TWINS
from landml.web.routers.market import router as pages_router
from tests.market.sample import boilerplate_postings, sample_postings
from tests.web.conftest import html, text_of


def _import(workspace: Workspace) -> None:
    with workspace.session() as session:
        import_postings(session, 1, sample_postings())


def test_the_market_page_has_its_json_twin(client: TestClient) -> None:
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
    page = html(client.get("/market?family=ds&kind=").text)
    link = page.find(".//link[@rel='alternate']")
    assert link is not None and link.get("href") == "/api/v1/market?family=ds"
    current = page.find(".//nav/a[@aria-current='page']")
    assert current is not None and text_of(current) == "Market"


def test_page_and_json_show_the_same_report(client: TestClient, workspace: Workspace) -> None:
    _import(workspace)
    data: dict[str, Any] = client.get("/api/v1/market").json()
    page = html(client.get("/market").text)
    assert text_of(page.find(".//*[@id='tile-postings']/span")) == "6"
    skill_rows = page.findall(".//table[@id='skills-table']/tbody/tr")
    assert [r.get("data-skill") for r in skill_rows] == [
        s["skill_id"] for s in data["top_skills"]["skills"]
    ]
    salary_rows = page.findall(".//table[@id='salary-table']/tbody/tr")
    assert len(salary_rows) == len(data["salaries"]["by_role"]) == 4
    figures = page.findall(".//figure[@data-chart]")
    assert [f.get("data-chart") for f in figures] == ["top-skills", "salaries-GBP", "salaries-USD"]
    assert all(f.find(".//svg") is not None for f in figures)
    assert "Not enough dated postings" in text_of(page.find(".//section[@id='trends']"))


def test_every_profile_statement_shows_its_source_and_date(client: TestClient) -> None:
    # Profiles and baselines show whatever the postings: no chart needs drawing here.
    data = client.get("/api/v1/market").json()
    page = html(client.get("/market").text)
    articles = page.findall(".//article[@data-kind]")
    assert [a.get("data-kind") for a in articles] == [p["kind"] for p in data["profiles"]]
    claims = page.findall(".//li[@data-source]")
    assert len(claims) > 30
    for claim in claims:
        source = claim.find("./p[@class='source small muted']")
        assert source is not None, text_of(claim)
        assert "2026-11-22" in text_of(source)
    bls = page.find(".//li[@data-soc='15-2051']")
    assert bls is not None
    assert "$112,590" in text_of(bls) and "2024-05" in text_of(bls)
    link = bls.find(".//a")
    assert (
        link is not None and link.get("href") == "https://www.bls.gov/ooh/math/data-scientists.htm"
    )


def test_filters_come_from_the_query_string(client: TestClient, workspace: Workspace) -> None:
    _import(workspace)
    page = html(client.get("/market?kind=startup&family=mle&top=3").text)
    assert [a.get("data-kind") for a in page.findall(".//article[@data-kind]")] == ["startup"]
    selected = page.find(".//select[@name='kind']/option[@selected]")
    assert selected is not None and selected.get("value") == "startup"
    assert text_of(page.find(".//*[@id='tile-postings']/span")) == "1"
    assert len(page.findall(".//table[@id='skills-table']/tbody/tr")) == 3
    body = client.get("/api/v1/market?kind=startup&family=mle&top=3").json()
    assert body["filters"] == {
        "role_family": "mle",
        "company_kind": "startup",
        "seniority": None,
        "location": None,
        "top": 3,
    }


def test_an_empty_workspace_says_how_to_import(client: TestClient) -> None:
    page = html(client.get("/market").text)
    assert "postings import" in text_of(page.find(".//section[@id='no-postings']"))
    assert page.find(".//figure") is None
    assert len(page.findall(".//article[@data-kind]")) == 6


def test_an_unknown_filter_value_is_shown_not_crashed_on(client: TestClient) -> None:
    page = client.get("/market?family=wizard")
    assert page.status_code == 422
    assert "Unknown role family" in page.text
    api = client.get("/api/v1/market?family=wizard")
    assert api.status_code == 422
    assert api.json()["error"]["type"] == "InvalidInput"


def test_text_from_the_request_is_never_run_as_script(client: TestClient) -> None:
    xss = "<script>alert(1)</script>"
    response = client.get("/market", params={"location": xss})
    assert xss not in response.text
    page = html(response.text)
    assert page.find(".//main//script") is None
    field = page.find(".//input[@name='location']")
    assert field is not None and field.get("value") == xss


def test_industries_named_are_shown_apart_from_the_top_skills(
    client: TestClient, workspace: Workspace
) -> None:
    with workspace.session() as session:
        import_postings(session, 1, boilerplate_postings())
    data: dict[str, Any] = client.get("/api/v1/market").json()
    page = html(client.get("/market").text)
    skills = [r.get("data-skill") for r in page.findall(".//table[@id='skills-table']/tbody/tr")]
    assert skills[0] == "ml:python" and "ml:fintech" not in skills
    rows = page.findall(".//table[@id='industries-table']/tbody/tr")
    assert [r.get("data-skill") for r in rows] == [
        i["skill_id"] for i in data["industries_named"]["industries"]
    ]
    assert [text_of(td) for td in rows[0].findall("td")] == ["4", "100%", "0", "0", "4"]
    section = text_of(page.find(".//section[@id='industries']"))
    assert "4 of 4 postings name an industry" in section and "company" in section
