"""The HTML pages, driven in-process on SQLite and PostgreSQL: forms post, the service
acts, the page shows the result or the error, and a refused input changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from landml.db.workspace import Workspace
from landml.tracker.models import Application, Company, Contact, Interview, Note, StageChange
from tests.web.conftest import NOW, add_application, html, stages_of, text_of


def _row_counts(workspace: Workspace) -> dict[str, int]:
    with workspace.session() as s:
        return {
            m.__name__: s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Application, Company, Contact, Interview, Note, StageChange)
        }


def test_root_redirects_to_the_board(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code in (302, 303, 307)
    assert response.headers["location"] == "/board"


def test_board_shows_each_application_in_its_stage_column(client: TestClient) -> None:
    saved = add_application(client, company="Quillmoth AI", priority=1)
    applied = add_application(
        client,
        company="Otterbyte",
        title="Computer Vision Engineer",
        stage="applied",
        stage_at=(NOW - timedelta(days=12)).isoformat(),
    )
    page = html(client.get("/board").text)
    columns = [s.get("data-stage") for s in page.iterfind(".//section[@data-stage]")]
    assert columns[:3] == ["saved", "applied", "recruiter_call"]
    assert columns[-4:] == ["rejected", "ghosted", "withdrawn", "declined"]
    card = page.find(f".//section[@data-stage='applied']//li[@data-id='{applied['id']}']")
    assert card is not None
    assert "Otterbyte" in text_of(card) and "Computer Vision Engineer" in text_of(card)
    assert text_of(card.find(".//*[@data-days]")) == "12 days"
    assert text_of(card.find(".//span[@class='priority p2']")) == "P2"
    top = page.find(f".//section[@data-stage='saved']//li[@data-id='{saved['id']}']")
    assert text_of(top.find(".//span[@class='priority p1']")) == "P1"  # type: ignore[union-attr]
    assert text_of(page.find(".//section[@data-stage='applied']//*[@data-count]")) == "1"


def test_every_card_has_a_move_form_that_works_without_javascript(
    client: TestClient,
) -> None:
    app = add_application(client)
    page = html(client.get("/board").text)
    form = page.find(f".//li[@data-id='{app['id']}']//form")
    assert form is not None
    assert form.get("method") == "post" and form.get("action") == f"/applications/{app['id']}/move"
    options = {o.get("value"): o for o in form.iterfind(".//option")}
    assert "disabled" in options["saved"].attrib  # the current stage cannot be picked
    assert "selected" in options["applied"].attrib  # the next one on the path is offered

    response = client.post(
        f"/applications/{app['id']}/move",
        data={"stage": "applied", "return_to": "board"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/board#app-{app['id']}"
    assert stages_of(client, app["id"]) == ["saved", "applied"]
    board = html(client.get("/board").text)
    assert board.find(f".//section[@data-stage='applied']//li[@data-id='{app['id']}']") is not None


def test_an_invalid_stage_shows_the_error_and_changes_nothing(
    client: TestClient, workspace: Workspace
) -> None:
    app = add_application(client)
    before = _row_counts(workspace)
    response = client.post(
        f"/applications/{app['id']}/move", data={"stage": "hired!", "return_to": "board"}
    )
    assert response.status_code == 422
    alert = html(response.text).find(".//div[@id='board-error']")
    assert "Unknown stage 'hired!'" in text_of(alert)
    assert "hidden" not in alert.attrib  # type: ignore[union-attr]
    assert _row_counts(workspace) == before


def test_an_unknown_application_is_a_404_page_and_changes_nothing(
    client: TestClient, workspace: Workspace
) -> None:
    add_application(client)
    before = _row_counts(workspace)
    response = client.post("/applications/999/move", data={"stage": "applied"})
    assert response.status_code == 404
    assert "No application with id 999." in text_of(html(response.text).find(".//main"))
    assert _row_counts(workspace) == before
    assert client.get("/applications/999").status_code == 404


def test_adding_through_the_form_redirects_to_the_new_application(client: TestClient) -> None:
    response = client.post(
        "/applications",
        data={
            "company": "Lanternfish Data",
            "title": "Machine Learning Engineer",
            "company_kind": "startup",
            "url": "https://jobs.example.org/42",
            "location": "Lisbon",
            "channel": "referral",
            "stage": "saved",
            "applied_on": "2026-03-08",
            "priority": "1",
            "description": "We train ranking models.",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    app_id = int(response.headers["location"].rsplit("/", 1)[1])
    detail = client.get(f"/api/v1/applications/{app_id}").json()
    summary = detail["application"]
    assert (summary["company"], summary["company_kind"], summary["channel"]) == (
        "Lanternfish Data",
        "startup",
        "referral",
    )
    assert summary["priority"] == 1 and summary["location"] == "Lisbon"
    # A date applied turns the default "saved" into "applied", dated that day in Paris.
    assert summary["stage"] == "applied"
    assert detail["stages"][0]["at"] == "2026-03-07T23:00:00Z"
    assert detail["description"] == "We train ranking models."


def test_a_pasted_posting_fills_company_and_title(client: TestClient) -> None:
    response = client.post(
        "/applications",
        data={"description": "Applied Scientist at Mosswick Learning\nWe build tutors."},
    )
    assert response.status_code == 200
    assert "Applied Scientist" in text_of(html(response.text).find(".//h1"))
    assert "Mosswick Learning" in response.text


def test_a_refused_form_is_shown_again_with_the_values_typed(
    client: TestClient, workspace: Workspace
) -> None:
    before = _row_counts(workspace)
    response = client.post(
        "/applications",
        data={"company": "Pebblewick", "title": "", "location": "Berlin", "priority": "1"},
    )
    assert response.status_code == 422
    page = html(response.text)
    assert "Job title: this field is required." in text_of(page.find(".//div[@role='alert']"))
    assert page.find(".//input[@name='company']").get("value") == "Pebblewick"  # type: ignore[union-attr]
    assert page.find(".//input[@name='location']").get("value") == "Berlin"  # type: ignore[union-attr]
    assert "selected" in page.find(".//select[@name='priority']/option[@value='1']").attrib  # type: ignore[union-attr]
    assert _row_counts(workspace) == before


def test_application_page_shows_the_timeline_in_order(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = add_application(client, stage="applied", stage_at=(NOW - timedelta(days=3)).isoformat())
    client.post(
        f"/applications/{app['id']}/move",
        data={"stage": "recruiter_call", "note": "Call with Ana", "return_to": "application"},
    )
    monkeypatch.setenv("LANDML_NOW", (NOW + timedelta(hours=1)).isoformat())
    client.post(f"/applications/{app['id']}/notes", data={"body": "Ask about the team"})
    monkeypatch.setenv("LANDML_NOW", (NOW + timedelta(days=2)).isoformat())
    client.post(
        f"/applications/{app['id']}/move",
        data={"stage": "tech_screen", "return_to": "application"},
    )
    page = html(client.get(f"/applications/{app['id']}").text)
    events = [text_of(li.find("p")) for li in page.iterfind(".//ol[@class='timeline']/li")]
    assert events == [
        "Added at stage Applied",
        "Applied → Recruiter call: Call with Ana",
        "Ask about the team",
        "Recruiter call → Technical screen",
    ]
    first_time = page.find(".//ol[@class='timeline']/li/time")
    assert text_of(first_time) == "2026-03-07 10:00"  # shown in Europe/Paris


def test_closing_with_a_reason_keeps_reason_and_skills(client: TestClient) -> None:
    app = add_application(client, stage="onsite")
    response = client.post(
        f"/applications/{app['id']}/move",
        data={
            "stage": "rejected",
            "reason": "Wanted more MLOps",
            "skills": "Kubernetes, Airflow",
            "return_to": "application",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    change = client.get(f"/api/v1/applications/{app['id']}").json()["stages"][-1]
    assert (change["to_stage"], change["reason"], change["skills"]) == (
        "rejected",
        "Wanted more MLOps",
        ["Kubernetes", "Airflow"],
    )


def test_a_reason_on_an_open_stage_is_refused_on_the_application_page(
    client: TestClient, workspace: Workspace
) -> None:
    app = add_application(client)
    before = _row_counts(workspace)
    response = client.post(
        f"/applications/{app['id']}/move",
        data={"stage": "applied", "reason": "n/a", "note": "sent", "return_to": "application"},
    )
    assert response.status_code == 422
    page = html(response.text)
    move = page.find(".//section[@id='move']")
    assert "only be given when closing" in text_of(move.find(".//div[@role='alert']"))  # type: ignore[union-attr]
    assert move.find(".//input[@name='note']").get("value") == "sent"  # type: ignore[union-attr]
    assert move.find(".//details[@class='closing']").get("open") is not None  # type: ignore[union-attr]
    assert _row_counts(workspace) == before


def test_contacts_added_on_the_page_are_linked_to_the_application(client: TestClient) -> None:
    app = add_application(client, company="Tidewell Health AI")
    response = client.post(
        f"/applications/{app['id']}/contacts",
        data={"name": "Ana Lee", "role": "recruiter", "company": "", "email": "ana@example.org"},
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/applications/{app['id']}#contacts"
    section = html(client.get(f"/applications/{app['id']}").text).find(".//section[@id='contacts']")
    assert "Ana Lee Recruiter" in text_of(section)
    contacts = client.get("/api/v1/contacts").json()
    assert [c["name"] for c in contacts] == ["Ana Lee"]


def test_an_empty_contact_name_reopens_the_form_with_the_error(client: TestClient) -> None:
    app = add_application(client)
    response = client.post(
        f"/applications/{app['id']}/contacts", data={"name": " ", "email": "x@example.org"}
    )
    assert response.status_code == 422
    details = html(response.text).find(".//section[@id='contacts']/details")
    assert details is not None and details.get("open") is not None
    assert "Name: this field is required." in text_of(details)
    assert client.get("/api/v1/contacts").json() == []


def test_interviews_are_scheduled_in_the_zone_given(client: TestClient) -> None:
    app = add_application(client)
    client.post(
        f"/applications/{app['id']}/interviews",
        data={
            "kind": "ml_system_design",
            "scheduled_at": "2026-03-12T10:30",
            "timezone": "America/New_York",
            "duration_minutes": "60",
            "interviewers": "Bo Chen, Kim Park",
        },
    )
    interviews = client.get("/api/v1/interviews").json()
    assert len(interviews) == 1
    iv = interviews[0]
    assert iv["scheduled_at"] == "2026-03-12T14:30:00Z"  # 10:30 in New York is 14:30 UTC
    assert iv["interviewers"] == ["Bo Chen", "Kim Park"]
    section = html(client.get(f"/applications/{app['id']}").text).find(
        ".//section[@id='interviews']"
    )
    assert "Thu 12 Mar 2026 10:30 America/New_York" in text_of(section)


def test_an_unknown_time_zone_is_refused(client: TestClient) -> None:
    app = add_application(client)
    response = client.post(
        f"/applications/{app['id']}/interviews",
        data={"kind": "coding", "scheduled_at": "2026-03-12T10:30", "timezone": "Mars/Olympus"},
    )
    assert response.status_code == 422
    section = html(response.text).find(".//section[@id='interviews']")
    assert "Unknown time zone 'Mars/Olympus'" in text_of(section)
    assert client.get("/api/v1/interviews").json() == []


def test_today_page_lists_what_is_due(client: TestClient) -> None:
    app = add_application(client, stage="applied", stage_at=(NOW - timedelta(days=40)).isoformat())
    page = html(client.get("/today").text)
    assert text_of(page.find(".//h1")) == "Today"
    assert "Tuesday 10 March 2026" in text_of(page.find(".//main"))
    ghosted = page.find(".//li[@class='today-item today-ghosted']")
    assert "No news for 40 days" in text_of(ghosted)
    form = ghosted.find(".//form")  # type: ignore[union-attr]
    assert form is not None and form.get("action") == f"/applications/{app['id']}/move"
    response = client.post(
        f"/applications/{app['id']}/move",
        data={"stage": "ghosted", "return_to": "today"},
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/today#app-{app['id']}"
    assert stages_of(client, app["id"]) == ["applied", "ghosted"]


def test_demo_applications_carry_a_badge(client: TestClient, workspace: Workspace) -> None:
    plain = add_application(client, company="Real Co")
    demo = add_application(client, company="Demo Co")
    with workspace.session() as s:
        s.get_one(Application, demo["id"]).demo = True
        s.commit()
    page = html(client.get("/board").text)
    assert page.find(f".//li[@data-id='{demo['id']}']//span[@class='badge badge-demo']") is not None
    assert page.find(f".//li[@data-id='{plain['id']}']//span[@class='badge badge-demo']") is None


def test_text_from_the_workspace_is_escaped(client: TestClient) -> None:
    app = add_application(
        client,
        company="<script>alert(1)</script>",
        url="javascript:alert(2)",
    )
    board = client.get("/board").text
    assert "<script>alert(1)" not in board
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in board
    page = html(client.get(f"/applications/{app['id']}").text)
    # A URL that is not http(s) is shown, never made a link.
    assert not [a for a in page.iterfind(".//a") if "javascript:" in (a.get("href") or "")]


def test_unknown_paths_get_a_page_that_says_so(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Nothing lives at /no/such/page." in response.text
