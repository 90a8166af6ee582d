"""The Offers page, its forms and its JSON twins, in-process on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from landml.web.routers.offers import JSON_TWINS
from landml.web.routers.offers import router as pages_router
from tests.web.conftest import add_application, html, text_of

XSS = "<script>alert(1)</script>"
SCORES = {
    "surface_area": 4,
    "mentorship": 3,
    "role_match": 5,
    "growth": 4,
    "stability": 2,
    "work_life_balance": 3,
    "location": 4,
    "team": 4,
}


def add_offer(client: TestClient, **fields: Any) -> dict[str, Any]:
    body = {"company": "Omnivane", "base": 190_000, "bonus_percent": 15, **fields}
    response = client.post("/api/v1/offers", json=body)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def ranked(client: TestClient) -> list[str]:
    page = html(client.get("/offers").text)
    return [
        th.get("data-offer", "")
        for th in page.iterfind(".//table[@id='ranking-table']//th")
        if th.get("data-offer")
    ]


def test_every_offers_page_route_has_a_json_twin(client: TestClient) -> None:
    pages = {
        (method, route.path)
        for route in pages_router.routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    }
    assert pages == set(JSON_TWINS), "an offers page was added or removed without its twin"
    api = client.get("/openapi.json").json()["paths"]
    missing = {(m, p) for m, p in JSON_TWINS.values() if m.lower() not in api.get(p, {})}
    assert not missing
    link = html(client.get("/offers").text).find(".//link[@rel='alternate']")
    assert link is not None and link.get("href") == "/api/v1/offers/comparison"
    assert client.get("/api/v1/offers/comparison").json()["offers"] == []


def test_the_page_ranks_like_its_twin_and_draws_two_charts(client: TestClient) -> None:
    add_offer(client, scores=SCORES)
    add_offer(
        client,
        company="Tallgrass Robotics",
        base=160_000,
        bonus_percent=None,
        equity={
            "kind": "options",
            "shares": 60_000,
            "strike": 1.1,
            "preferred_price": 4.4,
            "fully_diluted_shares": 40_000_000,
        },
        scores={**SCORES, "growth": 5, "surface_area": 5},
    )
    data = client.get("/api/v1/offers/comparison").json()
    assert ranked(client) == [r["offer"] for r in data["comparison"]["ranking"]]

    page = html(client.get("/offers").text)
    figures = page.findall(".//figure[@data-chart]")
    assert [f.get("data-chart") for f in figures] == ["by-year", "sensitivity"]
    assert all(f.find(".//svg") is not None for f in figures)
    totals = [text_of(td) for td in page.iterfind(".//td[@data-total]")]
    assert totals == [f"{r['total']:.1f}" for r in data["comparison"]["ranking"]]
    flips = text_of(page.find(".//ul[@class='flips']"))
    assert data["comparison"]["flips"][0]["sentences"][0] in flips
    assert page.find(".//details[@id='exit-sources']") is not None


def test_the_add_form_adds_and_a_refused_one_keeps_what_was_typed(client: TestClient) -> None:
    response = client.post(
        "/offers",
        data={"company": "Larkfield Labs", "base": "175000", "rsu_value": "200000"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    offer = client.get("/api/v1/offers").json()[0]
    assert response.headers["location"] == f"/offers#scores-{offer['id']}"
    assert offer["equity_kind"] == "rsu"

    refused = client.post("/offers", data={"company": "Typo Inc", "base": "lots"})
    assert refused.status_code == 422
    page = html(refused.text)
    assert "base" in text_of(page.find(".//div[@class='alert']"))
    field = page.find(".//input[@id='f-company']")
    assert field is not None and field.get("value") == "Typo Inc"
    assert len(client.get("/api/v1/offers").json()) == 1


def test_an_unscored_offer_shows_why_the_ranking_waits_then_scores_fix_it(
    client: TestClient,
) -> None:
    add_offer(client, scores=SCORES)
    late = add_offer(client, company="Larkfield Labs")
    page = html(client.get("/offers").text)
    assert "Larkfield Labs (offer #" in text_of(page.find(".//div[@id='compare-error']"))
    assert page.find(".//table[@id='ranking-table']") is None

    form = {k: str(v) for k, v in SCORES.items()}
    form["team"] = ""
    response = client.post(f"/offers/{late['id']}/scores", data=form, follow_redirects=False)
    assert response.status_code == 303
    scores = client.get(f"/api/v1/offers/{late['id']}").json()["offer"]["scores"]
    assert "team" not in scores and scores["role_match"] == 5
    # Team is now scored for one offer only: still refused, and named.
    assert "team" in text_of(html(client.get("/offers").text).find(".//div[@id='compare-error']"))
    client.post(f"/offers/{late['id']}/scores", data={k: str(v) for k, v in SCORES.items()})
    assert sorted(ranked(client)) == ["Larkfield Labs", "Omnivane"]


def test_the_weights_form_sets_every_weight(client: TestClient) -> None:
    add_offer(client)
    response = client.post(
        "/offers/weights", data={"money": "2", "growth": ""}, follow_redirects=False
    )
    assert response.status_code == 303
    weights = client.get("/api/v1/offers/weights").json()
    assert weights["default"] is False
    assert {k: v for k, v in weights["weights"].items() if v} == {"money": 2.0}

    refused = client.post("/offers/weights", data={"money": "much"})
    assert refused.status_code == 422
    assert "money weight" in refused.text
    refused_zero = client.post("/offers/weights", data={"money": "0"})
    assert "At least one weight" in refused_zero.text


def test_delete_through_the_page_and_the_api(client: TestClient) -> None:
    a = add_offer(client)
    b = add_offer(client, company="Kestrel Point Institute")
    assert client.post(f"/offers/{a['id']}/delete", follow_redirects=False).status_code == 303
    assert client.delete(f"/api/v1/offers/{b['id']}").json()["id"] == b["id"]
    assert client.get("/api/v1/offers").json() == []
    missing = client.delete(f"/api/v1/offers/{b['id']}")
    assert missing.status_code == 404
    assert missing.json()["error"]["type"] == "NotFound"


def test_the_api_patches_an_offer_and_refuses_bad_terms(client: TestClient) -> None:
    app = add_application(client, company="Omnivane", stage="offer")
    offer = add_offer(client, application_id=app["id"], deadline="2026-03-14")
    patched = client.patch(f"/api/v1/offers/{offer['id']}", json={"base": 200_000})
    assert patched.status_code == 200
    assert patched.json()["terms"]["base"] == 200_000
    assert patched.json()["application_id"] == app["id"]
    bad = client.patch(f"/api/v1/offers/{offer['id']}", json={"bonus_amount": 5})
    assert bad.status_code == 422
    assert "bonus" in bad.json()["error"]["message"]
    scored = client.put(f"/api/v1/offers/{offer['id']}/scores", json={"scores": {"growth": 4}})
    assert scored.json()["scores"] == {"growth": 4.0}


def test_offer_deadlines_appear_on_the_today_page(client: TestClient) -> None:
    add_offer(client, deadline="2026-03-14")
    report = client.get("/api/v1/today").json()
    assert [i["kind"] for i in report["offer_deadlines"]] == ["offer_deadline"]
    page = html(client.get("/today").text)
    item = page.find(".//li[@class='today-item today-offer_deadline']")
    assert "Omnivane offer is in 4 days" in text_of(item)


def test_a_company_named_like_a_script_is_shown_not_run(client: TestClient) -> None:
    add_offer(client, company=XSS, scores=SCORES)
    add_offer(client, company="Omnivane", scores=SCORES, base=100_000)
    body = client.get("/offers").text
    assert XSS not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
