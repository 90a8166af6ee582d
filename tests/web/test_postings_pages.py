"""The Postings pages and their JSON twins, in-process on SQLite and PostgreSQL: filters and
full-text search, skills marked in a posting's text, sanitised source HTML, "Track this",
and the import form (its report, its errors, and nothing written when it fails)."""

from __future__ import annotations

import json
import socket
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import respx
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from landml.config import Settings
from landml.postings import service
from landml.postings.service import SkillOut
from landml.postings.sources import RawPosting
from landml.web.routers.postings import JSON_TWINS, salary_range, skill_lines
from landml.web.routers.postings import router as pages_router
from tests.web.conftest import NOW, add_application, html, text_of

BOARD_DATA = Path(__file__).parents[1] / "postings" / "data"
RANKING = """Machine Learning Engineer at Orbital Foods

About the role
You will build the ranking models behind our recommendation feed.

Requirements
- 3+ years of Python
- Experience with PyTorch and Spark

Nice to have
- Kubernetes
"""
PWNED_HTML = (
    "<h3>What you will do</h3><p>Train <strong>retrieval</strong> models.</p>"
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'
    '<p><a href="javascript:alert(1)">Apply</a> <a href="https://jobs.example/1">here</a></p>'
)


def seed(session: Session, owner: int) -> dict[str, int]:
    """Three postings with distinct family, level, location, company kind and words; ids by
    company."""
    raws = [
        RawPosting(
            source="test",
            external_id="lumen",
            title="Senior Research Scientist",
            company="Lumen Labs",
            location="Zurich, Switzerland",
            description="Train diffusion models for protein design. PyTorch required.",
            salary_min=150_000,
            salary_max=190_000,
            salary_currency="CHF",
            salary_period="year",
        ),
        RawPosting(
            source="test",
            external_id="brightline",
            title="Data Engineer",
            company="Brightline",
            location="Berlin, Germany",
            description="Build Airflow pipelines and dbt models for analytics.",
        ),
        RawPosting(
            source="test",
            external_id="orbital",
            title="Machine Learning Engineer",
            company="Orbital Foods",
            location="Remote",
            description="Ranking models for a recommendation feed, in Python.",
        ),
    ]
    report = service.import_postings(session, owner, raws, now=NOW)
    return dict(zip(["lumen", "brightline", "orbital"], report.posting_ids, strict=True))


def listed(client: TestClient, params: dict[str, str]) -> list[int]:
    """Ids of the rows the postings page shows for these filters."""
    response = client.get("/postings", params=params)
    assert response.status_code == 200, response.text
    rows = html(response.text).iterfind(".//table[@id='postings-table']/tbody/tr")
    return [int(row.get("data-posting", "0")) for row in rows]


def api_listed(client: TestClient, params: dict[str, str]) -> list[int]:
    response = client.get("/api/v1/postings", params=params)
    assert response.status_code == 200, response.text
    return [p["id"] for p in response.json()]


def import_text(client: TestClient, text: str) -> dict[str, Any]:
    response = client.post("/api/v1/postings/import", json={"text": text})
    assert response.status_code == 200, response.text
    report: dict[str, Any] = response.json()
    return report


def marks(page: ET.Element) -> list[ET.Element]:
    return list(page.iterfind(".//div[@id='marked-text']/mark"))


def test_every_postings_page_route_has_a_json_twin(client: TestClient) -> None:
    pages = {
        (method, route.path)
        for route in pages_router.routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    }
    assert pages == set(JSON_TWINS), "a postings page was added or removed without its twin"
    api = client.get("/openapi.json").json()["paths"]
    missing = {(m, p) for m, p in JSON_TWINS.values() if m.lower() not in api.get(p, {})}
    assert not missing
    nav = html(client.get("/postings").text).find(".//nav[@aria-label='Main']/a[@href='/postings']")
    assert nav is not None and nav.get("aria-current") == "page"


def test_filters_narrow_the_list_as_its_json_twin_does(
    client: TestClient, session: Session, owner: int
) -> None:
    add_application(client, company="Lumen Labs", company_kind="research_lab")
    ids = seed(session, owner)
    assert sorted(listed(client, {})) == sorted(ids.values())
    cases = [
        ({"role_family": "rs"}, [ids["lumen"]]),
        ({"role_family": "data_eng"}, [ids["brightline"]]),
        ({"company_kind": "research_lab"}, [ids["lumen"]]),
        ({"seniority": "senior"}, [ids["lumen"]]),
        ({"location": "berl"}, [ids["brightline"]]),
        ({"role_family": "rs", "location": "berlin"}, []),
        ({"role_family": "", "company_kind": "", "q": ""}, None),
    ]
    for params, expected in cases:
        shown = listed(client, params)
        assert shown == api_listed(client, params), params
        if expected is not None:
            assert shown == expected, params
    page = html(client.get("/postings", params={"role_family": "rs", "location": "Zurich"}).text)
    assert page.find(".//select[@name='role_family']/option[@value='rs']").get("selected") == ""  # type: ignore[union-attr]
    assert page.find(".//input[@name='location']").get("value") == "Zurich"  # type: ignore[union-attr]
    link = page.find(".//link[@rel='alternate']")
    assert (
        link is not None and link.get("href") == "/api/v1/postings?role_family=rs&location=Zurich"
    )
    row = page.find(f".//tr[@data-posting='{ids['lumen']}']")
    assert "150,000–190,000 CHF / year" in text_of(row)
    assert "Research scientist" in text_of(row) and "Senior" in text_of(row)


def test_search_finds_a_word_that_only_the_description_holds(
    client: TestClient, session: Session, owner: int
) -> None:
    ids = seed(session, owner)
    assert listed(client, {"q": "protein"}) == [ids["lumen"]]
    assert listed(client, {"q": "airflow pipelines"}) == [ids["brightline"]]
    assert api_listed(client, {"q": "recommendation"}) == [ids["orbital"]]
    page = html(client.get("/postings", params={"q": "quantum"}).text)
    assert page.find(".//div[@id='no-match']") is not None
    assert page.find(".//input[@name='q']").get("value") == "quantum"  # type: ignore[union-attr]


def test_an_unknown_filter_value_is_refused_with_a_message(client: TestClient) -> None:
    response = client.get("/postings", params={"role_family": "wizard"})
    assert response.status_code == 422
    assert "Unknown role family 'wizard'" in text_of(html(response.text).find(".//main"))
    body = client.get("/api/v1/postings", params={"seniority": "ancient"}).json()
    assert body["error"]["type"] == "InvalidInput"


def test_the_list_stops_at_its_limit_and_offers_more(
    client: TestClient, session: Session, owner: int
) -> None:
    seed(session, owner)
    page = html(client.get("/postings", params={"limit": "2"}).text)
    assert len(page.findall(".//table[@id='postings-table']/tbody/tr")) == 2
    more = page.find(".//a[@id='show-more']")
    assert more is not None and more.get("href") == "/postings?limit=52"
    assert html(client.get("/postings").text).find(".//a[@id='show-more']") is None


def test_the_posting_page_marks_each_skill_with_its_flag(client: TestClient) -> None:
    [posting_id] = import_text(client, RANKING)["posting_ids"]
    detail = client.get(f"/api/v1/postings/{posting_id}").json()
    page = html(client.get(f"/postings/{posting_id}").text)
    text = page.find(".//div[@id='marked-text']")
    assert text is not None and "".join(text.itertext()) == detail["description"]

    flags = {m.get("data-skill"): (m.text, m.get("data-requirement")) for m in marks(page)}
    assert flags["ml:python"] == ("Python", "required")
    assert flags["ml:pytorch"] == ("PyTorch", "required")
    assert flags["ml:kubernetes"] == ("Kubernetes", "preferred")
    assert all(m.get("class") == f"skill skill-{m.get('data-requirement')}" for m in marks(page))
    assert [m.text for m in marks(page)] == [
        detail["description"][s["start"] : s["end"]] for s in detail["skills"]
    ]
    required = text_of(page.find(".//ul[@data-group='required']"))
    assert "Python 3+ years" in required and "PyTorch" in required
    assert "Kubernetes" in text_of(page.find(".//ul[@data-group='preferred']"))
    legend = [m.text for m in page.iterfind(".//ul[@class='skill-legend']//mark")]
    assert legend == ["required", "preferred", "mentioned"]


def test_posting_text_is_escaped_not_run(client: TestClient) -> None:
    posting = "ML Engineer at Acme\n\n<script>alert(1)</script> <b>Python</b> & PyTorch"
    [posting_id] = import_text(client, posting)["posting_ids"]
    response = client.get(f"/postings/{posting_id}")
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    text = html(response.text).find(".//div[@id='marked-text']")
    assert text is not None and text.find(".//script") is None and text.find(".//b") is None
    assert "".join(text.itertext()) == posting.strip()


def test_the_formatted_view_shows_the_source_html_sanitised(
    client: TestClient, session: Session, owner: int
) -> None:
    raw = RawPosting(
        source="greenhouse",
        external_id="42",
        title="Machine Learning Engineer, Retrieval",
        company="Quillmoth",
        description="What you will do\nTrain retrieval models.\nApply here",
        description_html=PWNED_HTML,
    )
    [posting_id] = service.import_postings(session, owner, [raw], now=NOW).posting_ids
    plain = html(client.get(f"/postings/{posting_id}").text)
    assert plain.find(".//a[@id='formatted-tab']") is not None

    response = client.get(f"/postings/{posting_id}", params={"view": "formatted"})
    assert "__pwned" not in response.text and "javascript:" not in response.text
    formatted = html(response.text).find(".//div[@id='formatted']")
    assert formatted is not None
    assert [e.tag for e in formatted.iter()][1:] == ["h3", "p", "strong", "p", "a", "a"]
    links = formatted.findall(".//a")
    assert links[0].get("href") is None
    assert links[1].get("href") == "https://jobs.example/1"
    assert links[1].get("rel") == "noopener noreferrer nofollow"
    assert html(response.text).find(".//div[@id='marked-text']") is None

    detail = client.get(f"/api/v1/postings/{posting_id}").json()
    assert (
        "script" not in detail["description_html"] and "onerror" not in detail["description_html"]
    )


def test_track_this_creates_an_application_and_opens_it(client: TestClient) -> None:
    [posting_id] = import_text(client, RANKING)["posting_ids"]
    page = html(client.get(f"/postings/{posting_id}").text)
    button = page.find(".//button[@id='track']")
    assert text_of(button) == "Track this"
    response = client.post(f"/postings/{posting_id}/track", follow_redirects=False)
    assert response.status_code == 303
    app_url = response.headers["location"]
    app_id = int(app_url.rsplit("/", 1)[1])
    assert app_url == f"/applications/{app_id}"
    app = client.get(f"/api/v1/applications/{app_id}").json()["application"]
    assert (app["company"], app["title"], app["stage"]) == (
        "Orbital Foods",
        "Machine Learning Engineer",
        "saved",
    )
    page = html(client.get(f"/postings/{posting_id}").text)
    assert page.find(f".//section[@id='applications']//a[@href='{app_url}']") is not None
    assert text_of(page.find(".//button[@id='track']")) == "Track this again"

    twin = client.post(f"/api/v1/postings/{posting_id}/track")
    assert twin.status_code == 201
    assert twin.headers["location"] == f"/api/v1/applications/{twin.json()['id']}"
    assert client.get(f"/api/v1/postings/{posting_id}").json()["applications"] == [
        app_id,
        twin.json()["id"],
    ]


def test_tracking_a_posting_without_a_company_shows_why(client: TestClient) -> None:
    [posting_id] = import_text(client, "Machine Learning Engineer\n\nPython and PyTorch.")[
        "posting_ids"
    ]
    response = client.post(f"/postings/{posting_id}/track", follow_redirects=False)
    assert response.status_code == 422
    alert = html(response.text).find(".//div[@id='posting-error']")
    assert "has no company name" in text_of(alert)
    assert client.get("/api/v1/applications").json() == []


def test_an_unknown_posting_is_a_404_page_and_json(client: TestClient) -> None:
    response = client.get("/postings/999")
    assert response.status_code == 404
    assert "No posting with id 999" in response.text
    assert client.get("/api/v1/postings/999").json()["error"]["type"] == "NotFound"
    assert client.post("/api/v1/postings/999/track").status_code == 404


def test_pasted_text_is_imported_and_the_report_shown(client: TestClient) -> None:
    response = client.post("/postings/import", data={"text": RANKING})
    assert response.status_code == 200
    page = html(response.text)
    report = text_of(page.find(".//div[@id='import-report']"))
    assert "Read 1 posting: 1 new, 0 merged as duplicates or reposts, 0 already imported." in report
    [posting] = client.get("/api/v1/postings").json()
    assert (
        page.find(f".//div[@id='import-report']//a[@href='/postings/{posting['id']}']") is not None
    )
    assert page.find(f".//tr[@data-posting='{posting['id']}']").get("class") == "just-imported"  # type: ignore[union-attr]
    assert (posting["title"], posting["company"]) == ("Machine Learning Engineer", "Orbital Foods")

    again = html(client.post("/postings/import", data={"text": RANKING}).text)
    assert "0 new, 0 merged as duplicates or reposts, 1 already imported" in text_of(
        again.find(".//div[@id='import-report']")
    )


def test_imported_postings_join_the_saved_ranking_index(
    client: TestClient, settings: Settings, owner: int
) -> None:
    from landml.match.index import read_manifest
    from landml.match.ranking import index_dir

    assert client.post("/postings/import", data={"text": RANKING}).status_code == 200
    manifest = read_manifest(index_dir(settings, owner))
    assert manifest is not None and manifest.postings == 1
    other = RANKING.replace("Orbital Foods", "Quarry Analytics").replace("ranking", "search")
    assert client.post("/api/v1/postings/import", json={"text": other}).status_code == 200
    manifest = read_manifest(index_dir(settings, owner))
    assert manifest is not None and manifest.postings == 2


def test_a_private_url_is_refused_with_the_message_shown_and_nothing_written(
    client: TestClient,
) -> None:
    for address in ("http://127.0.0.1:8080/jobs/1", "https://10.0.0.7/careers"):
        response = client.post("/postings/import", data={"source": address})
        assert response.status_code == 422
        page = html(response.text)
        alert = text_of(page.find(".//div[@id='import-error']"))
        assert "non-public address" in alert and "web app fetches public addresses only" in alert
        assert page.find(".//input[@name='source']").get("value") == address  # type: ignore[union-attr]
        assert page.find(".//details[@id='import']").get("open") == ""  # type: ignore[union-attr]
    body = client.post("/api/v1/postings/import", json={"source": "http://[::1]/x"}).json()
    assert body["error"]["type"] == "UnsafeURL"
    assert client.get("/api/v1/postings").json() == []


def test_the_web_import_never_reads_a_file_path(client: TestClient) -> None:
    for source in ("/etc/passwd", "file:///etc/passwd", "notes.txt"):
        response = client.post("/postings/import", data={"source": source})
        assert response.status_code == 422
        assert "is not a web address or a job board" in text_of(
            html(response.text).find(".//div[@id='import-error']")
        )
    response = client.post("/postings/import", data={"text": "   "})
    assert "There is nothing to import" in response.text
    assert client.get("/api/v1/postings").json() == []


def test_salaries_read_as_people_write_them() -> None:
    assert salary_range(90_000, 140_000, "USD", "year") == "90,000–140,000 USD / year"
    assert salary_range(60, 60, "EUR", "hour") == "60 EUR / hour"
    assert salary_range(None, 120_000, None, None) == "up to 120,000"
    assert salary_range(80_000, None, "GBP", "year") == "from 80,000 GBP / year"
    assert salary_range(None, None, "USD", "year") == ""


def test_a_skill_mentioned_twice_is_listed_once_with_its_strongest_flag() -> None:
    def skill(skill_id: str, requirement: str | None, years: float | None) -> SkillOut:
        return SkillOut(
            skill_id=skill_id,
            label=skill_id.title(),
            category="programming_language",
            start=0,
            end=1,
            requirement=requirement,
            years=years,
        )

    groups = skill_lines(
        [
            skill("python", "preferred", 2),
            skill("sql", None, None),
            skill("python", "required", None),
            skill("python", None, 5),
        ]
    )
    [python] = groups["required"]
    assert (python.label, python.years, python.mentions) == ("Python", 5, 3)
    assert groups["preferred"] == []
    assert [line.skill_id for line in groups["mentioned"]] == ["sql"]


def test_a_job_board_is_imported_through_the_guarded_fetcher(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def public_dns(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port))]

    monkeypatch.setattr(socket, "getaddrinfo", public_dns)
    board = json.loads((BOARD_DATA / "greenhouse_board.json").read_text())
    with respx.mock(assert_all_called=True) as mock:
        mock.get(
            "https://boards-api.greenhouse.io/v1/boards/orbitalfoods/jobs?content=true"
        ).respond(200, json=board)
        response = client.post("/postings/import", data={"source": "Greenhouse:orbitalfoods"})
    assert response.status_code == 200, response.text
    report = text_of(html(response.text).find(".//div[@id='import-report']"))
    assert "Read 2 postings: 2 new" in report
    titles = {p["title"]: p["id"] for p in client.get("/api/v1/postings").json()}
    assert set(titles) == {"Machine Learning Engineer, Ranking", "Data Scientist, Experimentation"}
    page = client.get(f"/postings/{titles['Machine Learning Engineer, Ranking']}?view=formatted")
    formatted = html(page.text).find(".//div[@id='formatted']")
    assert [e.tag for e in formatted.iter()][1:4] == ["h2", "p", "h3"]  # type: ignore[union-attr]
