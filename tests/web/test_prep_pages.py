"""The Prep pages in-process: their JSON twins, reviews rated without JavaScript, the
exercise editor and its graded results, the story bank and system design sessions."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from landml.prep.exercises import get_exercise, reference_source, starter
from landml.web.routers.prep import JSON_TWINS, answer_blocks
from landml.web.routers.prep import router as prep_router
from tests.web.conftest import add_application, html, text_of


def test_every_prep_page_route_has_a_json_twin(client: TestClient) -> None:
    pages = {
        (method, route.path)
        for route in prep_router.routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    }
    assert pages == set(JSON_TWINS), "a page was added or removed without its JSON twin"
    api = client.get("/openapi.json").json()["paths"]
    missing = {
        (method, path) for method, path in JSON_TWINS.values() if method.lower() not in api[path]
    }
    assert not missing


def test_each_prep_page_links_its_twin_and_the_twin_answers_json(client: TestClient) -> None:
    started = client.post("/api/v1/prep/design/sessions", json={}).json()
    ids = {"{exercise_id}": "stable-softmax", "{session_id:int}": str(started["id"])}
    for (method, path), (_, twin) in JSON_TWINS.items():
        if method != "GET":
            continue
        url = path
        for placeholder, value in ids.items():
            url = url.replace(placeholder, value)
        page = html(client.get(url).text)
        link = page.find(".//link[@rel='alternate']")
        assert link is not None, url
        expected = twin.replace("{exercise_id}", "stable-softmax").replace(
            "{session_id}", str(started["id"])
        )
        assert link.get("href") == expected
        response = client.get(expected)
        assert response.status_code == 200, expected
        assert response.headers["content-type"] == "application/json"
        assert page.find(".//nav[@aria-label='Prep']/a[@aria-current='page']") is not None, url


def test_a_review_is_revealed_and_rated_without_javascript(client: TestClient) -> None:
    due = client.get("/api/v1/prep/due").json()["cards"]
    page = html(client.get("/prep").text)
    card = page.find(".//article[@class='review-card']")
    assert card is not None and card.get("data-item") == due[0]["item_id"]
    assert text_of(card.find(".//p[@id='review-prompt']")) == " ".join(due[0]["prompt"].split())
    answer = card.find(".//details[@id='review-answer']")
    assert answer is not None and answer.find("summary") is not None
    form = answer.find(".//form[@action='/prep/reviews']")
    assert form is not None
    assert [b.get("value") for b in form.iterfind(".//button[@name='rating']")] == [
        "1",
        "2",
        "3",
        "4",
    ]
    rated = client.post(
        "/prep/reviews",
        data={"item_id": due[0]["item_id"], "rating": "3", "shown_at": ""},
        follow_redirects=False,
    )
    assert rated.status_code == 303 and rated.headers["location"] == "/prep#review"
    after = client.get("/api/v1/prep/due").json()
    assert after["new_introduced_today"] == 1
    assert (
        html(client.get("/prep").text).find(f".//article[@data-item='{due[0]['item_id']}']") is None
    )
    refused = client.post("/prep/reviews", data={"item_id": due[1]["item_id"], "rating": "9"})
    assert refused.status_code == 422
    assert "Unknown rating" in text_of(html(refused.text).find(".//div[@role='alert']"))


def _editor_text(page: ET.Element) -> str:
    editor = page.find(".//textarea[@name='source']")
    assert editor is not None
    return (editor.text or "").strip()


def test_exercise_editor_grades_in_the_sandbox_and_lists_each_check(client: TestClient) -> None:
    exercise = get_exercise("stable-softmax")
    page = html(client.get("/prep/exercises/stable-softmax").text)
    assert _editor_text(page) == starter(exercise).strip()
    assert "Numerically stable softmax" in text_of(
        page.find(".//section[@class='panel statement']")
    )
    graded = client.post(
        "/prep/exercises/stable-softmax/grade",
        data={"source": reference_source(exercise).replace("\n", "\r\n")},
        follow_redirects=False,
    )
    assert graded.status_code == 303
    assert graded.headers["location"] == "/prep/exercises/stable-softmax#results"
    page = html(client.get("/prep/exercises/stable-softmax").text)
    tests = page.findall(".//ol[@id='test-list']/li")
    assert len(tests) > 1 and all("test-pass" in (t.get("class") or "") for t in tests)
    assert text_of(page.find(".//p[@id='verdict']")).startswith(f"All {len(tests)} checks passed")
    # The editor now holds the last submission, with the person's line ends restored.
    assert _editor_text(page) == reference_source(exercise).strip()
    listed = {e["id"]: e for e in client.get("/api/v1/prep/exercises").json()}
    assert listed["stable-softmax"]["passed"] is True
    fresh = html(client.get("/prep/exercises/stable-softmax?starter=1").text)
    assert _editor_text(fresh) == starter(exercise).strip()


def test_a_failing_submission_shows_what_went_wrong(client: TestClient) -> None:
    exercise = get_exercise("stable-softmax")
    client.post("/prep/exercises/stable-softmax/grade", data={"source": starter(exercise)})
    page = html(client.get("/prep/exercises/stable-softmax").text)
    verdict = text_of(page.find(".//p[@id='verdict']"))
    assert "checks passed." in verdict and not verdict.startswith("All")
    messages = [text_of(m) for m in page.iterfind(".//pre[@class='test-message']")]
    assert messages and any("NotImplementedError" in m for m in messages)
    attempts = client.get("/api/v1/prep/attempts", params={"exercise": "stable-softmax"}).json()
    assert [a["passed"] for a in attempts] == [False]
    assert client.get("/prep/exercises/no-such-exercise").status_code == 404


def test_stories_page_adds_checks_and_deletes(client: TestClient) -> None:
    empty = client.post("/prep/stories", data={"title": "", "action": "x"})
    assert empty.status_code == 422
    kept = html(empty.text).find(".//textarea[@name='action']")
    assert kept is not None and kept.text == "x"
    added = client.post(
        "/prep/stories",
        data={
            "title": "Thin",
            "text": "We fixed the pipeline. It was better.",
            "tags": "Teamwork, ",
        },
        follow_redirects=False,
    )
    assert added.status_code == 303
    story = client.get("/api/v1/prep/stories").json()[0]
    assert story["tags"] == ["teamwork"]
    page = html(client.get("/prep/stories").text)
    section = page.find(f".//section[@id='story-{story['id']}']")
    assert section is not None
    assert "needs work" in text_of(section)
    assert section.find(".//li[@class='finding finding-error']") is not None
    client.post(f"/prep/stories/{story['id']}/delete")
    assert client.get("/api/v1/prep/stories").json() == []


def test_a_design_session_runs_from_start_to_score(client: TestClient) -> None:
    started = client.post(
        "/prep/design",
        data={"prompt_id": "fraud-detection", "minutes": "45"},
        follow_redirects=False,
    )
    assert started.status_code == 303
    url = started.headers["location"]
    page = html(client.get(url).text)
    steps = page.findall(".//li[@class='design-step']")
    assert len(steps) == 8
    assert steps[-1].get("data-end") == "45.0"
    clock = page.find(".//div[@data-clock]")
    assert clock is not None and clock.get("data-minutes") == "45"
    first = page.find(".//input[@type='radio']")
    assert first is not None
    scored = client.post(f"{url}/score", data={first.get("name", ""): "2"}, follow_redirects=True)
    result = html(scored.text)
    assert text_of(result.find(".//span[@id='score-total']")).startswith("2/")
    assert result.find(".//div[@data-clock]") is None
    bad = client.post(f"{url}/score", data={first.get("name", ""): "5"})
    assert bad.status_code == 422


def test_today_shows_the_prep_of_an_application_with_rounds(client: TestClient) -> None:
    app = add_application(client, company="Googlish", company_kind="big_tech", stage="applied")
    loop = client.put(
        f"/api/v1/prep/applications/{app['id']}/loop",
        json={"rounds": [{"kind": "ml_coding", "on": "2026-03-16"}]},
    )
    assert loop.status_code == 200
    report = client.get("/api/v1/today").json()
    assert report["prep"] and report["prep"][0]["kind"] == "prep"
    page = html(client.get("/today").text)
    assert "Interview prep" in text_of(page)
    prep_page = html(client.get("/prep").text)
    rounds = text_of(prep_page.find(".//section[@aria-labelledby='rounds-h']"))
    assert "2026-03-16" in rounds and "Googlish" in rounds
    # Today's exercise is one click away.
    links = [
        a.get("href", "") for a in prep_page.iterfind(".//li[@class='today-item plan-exercise']//a")
    ]
    exercise_links = [href for href in links if href.startswith("/prep/exercises/")]
    assert exercise_links
    assert client.get(exercise_links[0]).status_code == 200
    plan = client.get(f"/api/v1/prep/applications/{app['id']}/plan").json()
    assert plan["plan"]["days"][-1]["date"] == "2026-03-16"


def test_answers_are_reflowed_into_paragraphs_and_list_items() -> None:
    text = (
        "Probes: how you structure an answer, and whether your story fits the role you want\n"
        "next. Keep it short.\n"
        "Outline:\n"
        "- Present: what you do now, in one sentence with the kind of ML work you do every\n"
        "  day.\n"
        "  - A nested point.\n"
        "1. A numbered step.\n"
        "Pitfalls: reciting the resume."
    )
    blocks = answer_blocks(text)
    assert [(b.marker, b.depth, b.text) for b in blocks] == [
        (
            None,
            0,
            "Probes: how you structure an answer, and whether your story fits the role you "
            "want next. Keep it short.",
        ),
        (None, 0, "Outline:"),
        (
            "-",
            0,
            "Present: what you do now, in one sentence with the kind of ML work you do every day.",
        ),
        ("-", 1, "A nested point."),
        ("1.", 0, "A numbered step."),
        (None, 0, "Pitfalls: reciting the resume."),
    ]
