"""The JSON API under /api/v1: the pages' twins, their error shape and their schema."""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from landml.web.routers.tracker import JSON_TWINS
from landml.web.routers.tracker import router as pages_router
from tests.web.conftest import NOW, add_application, html, stages_of


def test_every_page_route_has_a_json_twin(client: TestClient) -> None:
    pages = {
        (method, route.path)
        for route in pages_router.routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    }
    assert pages == set(JSON_TWINS), "a page was added or removed without its JSON twin"
    api = client.get("/openapi.json").json()["paths"]
    missing = {
        (method, path) for method, path in JSON_TWINS.values() if method.lower() not in api[path]
    }
    assert not missing


def test_each_page_links_its_twin_and_the_twin_answers_json(client: TestClient) -> None:
    app = add_application(client)
    for (method, path), (_, twin) in JSON_TWINS.items():
        if method != "GET" or path == "/":
            continue
        url = path.replace("{app_id:int}", str(app["id"]))
        page = html(client.get(url).text)
        link = page.find(".//link[@rel='alternate']")
        assert link is not None, url
        assert link.get("href") == twin.replace("{app_id}", str(app["id"]))
        response = client.get(link.get("href", ""))
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"


def test_board_json_matches_the_board_page(client: TestClient) -> None:
    a = add_application(client, company="Glintwork", stage="applied")
    b = add_application(client, company="Cloudmere", stage="tech_screen")
    board = client.get("/api/v1/board").json()
    placed = {
        app["id"]: column["stage"]["key"]
        for column in board["columns"]
        for app in column["applications"]
    }
    assert placed == {a["id"]: "applied", b["id"]: "tech_screen"}
    assert board["total"] == 2
    page = html(client.get("/board").text)
    on_page = {
        int(li.get("data-id", "0")): li.get("data-stage") for li in page.iterfind(".//li[@data-id]")
    }
    assert on_page == placed


def test_creating_returns_201_with_the_location_of_the_new_application(
    client: TestClient,
) -> None:
    response = client.post(
        "/api/v1/applications",
        json={"company": "Hyperloom", "title": "Research Scientist", "company_kind": "big_tech"},
    )
    assert response.status_code == 201
    body = response.json()
    assert response.headers["location"] == f"/api/v1/applications/{body['id']}"
    assert (body["company"], body["company_kind"], body["stage"]) == (
        "Hyperloom",
        "big_tech",
        "saved",
    )
    assert [a["id"] for a in client.get("/api/v1/applications").json()] == [body["id"]]


def test_moves_are_appended_and_dated_now_unless_given(client: TestClient) -> None:
    app = add_application(client, stage="applied", stage_at="2026-03-01T08:00:00+00:00")
    first = client.post(f"/api/v1/applications/{app['id']}/moves", json={"stage": "Recruiter call"})
    assert first.status_code == 201
    assert first.json()["at"] == NOW.isoformat().replace("+00:00", "Z")
    second = client.post(
        f"/api/v1/applications/{app['id']}/moves",
        json={"stage": "rejected", "reason": "Headcount", "at": "2026-03-11T09:00:00+01:00"},
    )
    assert second.status_code == 201
    assert second.json()["from_stage"] == "recruiter_call"
    assert stages_of(client, app["id"]) == ["applied", "recruiter_call", "rejected"]


def _error(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}
    error: dict[str, Any] = body["error"]
    return error


def test_errors_come_as_type_message_and_hint_and_change_nothing(client: TestClient) -> None:
    app = add_application(client)
    unknown_stage = client.post(f"/api/v1/applications/{app['id']}/moves", json={"stage": "x"})
    assert unknown_stage.status_code == 422
    error = _error(unknown_stage)
    assert error["type"] == "InvalidInput"
    assert error["message"] == "Unknown stage 'x'."
    assert error["hint"].startswith("Choose one of: saved, applied,")

    unknown_id = client.post("/api/v1/applications/4242/moves", json={"stage": "applied"})
    assert unknown_id.status_code == 404
    assert _error(unknown_id)["type"] == "NotFound"

    same_stage = client.post(f"/api/v1/applications/{app['id']}/moves", json={"stage": "saved"})
    assert same_stage.status_code == 422
    assert "already at stage 'saved'" in _error(same_stage)["message"]
    assert stages_of(client, app["id"]) == ["saved"]


def test_malformed_bodies_get_the_same_error_shape(client: TestClient) -> None:
    missing = client.post("/api/v1/applications", json={"company": "Acme"})
    assert missing.status_code == 422
    assert _error(missing)["message"] == "Job title: this field is required."
    naive = client.post(
        "/api/v1/applications/1/moves", json={"stage": "applied", "at": "2026-03-10T10:00:00"}
    )
    assert naive.status_code == 422
    assert _error(naive)["type"] == "InvalidInput"
    extra = client.post("/api/v1/applications", json={"company": "A", "title": "B", "x": 1})
    assert extra.status_code == 422
    assert client.get("/api/v1/applications").json() == []


def test_unknown_api_paths_answer_json(client: TestClient) -> None:
    response = client.get("/api/v1/nothing")
    assert response.status_code == 404
    assert _error(response)["type"] == "NotFound"


def test_notes_contacts_and_interviews_through_the_api(client: TestClient) -> None:
    app = add_application(client, stage_at="2026-03-09T12:00:00+00:00")
    note = client.post(f"/api/v1/applications/{app['id']}/notes", json={"body": "Prep SQL"})
    assert note.status_code == 201 and note.json()["body"] == "Prep SQL"
    contact = client.post(
        "/api/v1/contacts",
        json={"name": "Kim Park", "role": "hiring_manager", "application_id": app["id"]},
    )
    assert contact.status_code == 201
    interview = client.post(
        "/api/v1/interviews",
        json={
            "application_id": app["id"],
            "kind": "behavioral",
            "scheduled_at": "2026-03-13T15:00:00+01:00",
            "timezone": "Europe/Paris",
        },
    )
    assert interview.status_code == 201
    assert interview.json()["local_time"] == "Fri 13 Mar 2026 15:00 Europe/Paris"
    detail = client.get(f"/api/v1/applications/{app['id']}").json()
    assert [c["name"] for c in detail["contacts"]] == ["Kim Park"]
    assert [n["body"] for n in detail["notes"]] == ["Prep SQL"]
    assert [e["kind"] for e in detail["timeline"]] == ["stage", "note", "interview"]
    upcoming = client.get("/api/v1/interviews", params={"upcoming": "true"}).json()
    assert [i["id"] for i in upcoming] == [interview.json()["id"]]


def test_an_interview_for_an_unknown_application_is_a_404(client: TestClient) -> None:
    response = client.post(
        "/api/v1/interviews",
        json={"application_id": 77, "kind": "coding", "scheduled_at": "2026-03-13T15:00:00Z"},
    )
    assert response.status_code == 404
    assert client.get("/api/v1/interviews").json() == []


def test_today_json_is_the_today_report(client: TestClient) -> None:
    add_application(client, stage="applied", stage_at="2026-03-10T07:00:00+00:00")
    report = client.get("/api/v1/today").json()
    assert report["date"] == "2026-03-10"
    assert report["timezone"] == "Europe/Paris"
    assert report["goal"]["done"] == 1


def test_stages_list_the_path_then_the_closed_outcomes(client: TestClient) -> None:
    stages = client.get("/api/v1/stages").json()
    keys = [s["key"] for s in stages]
    assert keys[0] == "saved" and keys[-1] == "declined"
    assert [s["closed"] for s in stages].index(True) == keys.index("rejected")


def test_openapi_describes_the_tracker_models_and_the_error_shape(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    models = schema["components"]["schemas"]
    assert {"ApplicationIn", "ApplicationSummary", "Board", "MoveIn", "ErrorBody"} <= set(models)
    post = schema["paths"]["/api/v1/applications/{app_id}/moves"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("MoveIn")
    assert post["responses"]["201"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "StageChangeOut"
    )
    assert post["responses"]["404"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "ErrorBody"
    )
    assert "HTTPValidationError" not in models
    assert not [p for p in schema["paths"] if not p.startswith("/api/v1/")]


def test_docs_page_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    page = html(client.get("/docs").text)
    listed = {
        "".join(h.itertext()).split(maxsplit=1)[1].strip()
        for h in page.iterfind(".//article[@class='endpoint']/h3")
    }
    assert listed == set(schema["paths"])
    assert page.find(".//article[@id='model-ApplicationIn']") is not None
