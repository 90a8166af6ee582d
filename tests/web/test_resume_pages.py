"""The Resume pages and their JSON twins, in-process on SQLite and PostgreSQL: uploads are
parsed before they are stored, findings sit beside the text with their lines marked, and a
match shows every point it gives."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from landml.config import Settings
from landml.web.routers.resume import JSON_TWINS
from landml.web.routers.resume import router as pages_router
from tests.resume.conftest import FILES
from tests.web.conftest import html, text_of

POSTING = """Senior Machine Learning Engineer at Globex

Requirements
- 5+ years of experience shipping models
- Python and PyTorch
- Kubernetes and Apache Spark

Nice to have
- A/B testing
We build recommendation systems.
"""
XSS_LINE = "<script>alert(1)</script> Built a ranker in PyTorch"


def upload(client: TestClient, path: Path, name: str | None = None, **data: str) -> Any:
    files = {"file": (name or path.name, path.read_bytes(), "application/octet-stream")}
    return client.post("/resume", files=files, data=data, follow_redirects=False)


def attribute(element: ET.Element, path: str, name: str) -> str:
    found = element.find(path)
    assert found is not None, path
    return found.get(name, "")


def add_posting(client: TestClient, text: str = POSTING) -> int:
    response = client.post("/api/v1/postings/import", json={"text": text})
    assert response.status_code == 200, response.text
    posting_id: int = response.json()["posting_ids"][0]
    return posting_id


def test_every_resume_page_route_has_a_json_twin(client: TestClient) -> None:
    pages = {
        (method, route.path)
        for route in pages_router.routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    }
    assert pages == set(JSON_TWINS), "a resume page was added or removed without its twin"
    api = client.get("/openapi.json").json()["paths"]
    missing = {(m, p) for m, p in JSON_TWINS.values() if m.lower() not in api.get(p, {})}
    assert not missing
    body = api["/api/v1/resumes"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in body


def test_an_uploaded_resume_shows_its_findings_beside_the_text(client: TestClient) -> None:
    empty = html(client.get("/resume").text)
    assert empty.find(".//form[@enctype='multipart/form-data']") is not None
    response = upload(client, FILES / "one_column.pdf", label="PDF version")
    assert response.status_code == 303
    location = response.headers["location"]
    page = html(client.get(location).text)
    lines = page.findall(".//ol[@id='resume-lines']/li")
    view = client.get(f"/api/v1/resumes/{location.rsplit('/', 1)[1]}").json()
    assert len(lines) == len(view["document"]["lines"])
    findings = page.findall(".//li[@class]")
    rules = [f.get("data-rule") for f in findings if f.get("data-rule")]
    assert rules == [f["rule_id"] for f in view["report"]["findings"]]
    # Each finding's evidence links to a line of the text, and that line is highlighted.
    vague = next(f for f in findings if f.get("data-rule") == "bullets.vague_openers")
    link = vague.find(".//a[@class='line-link']")
    assert link is not None
    target = page.find(f".//li[@id='{link.get('href', '')[1:]}']")
    assert target is not None and "flagged" in target.get("class", "")
    assert "Worked on the monitoring dashboard." in text_of(target)
    assert text_of(page.find(".//span[@id='check-score']")) == str(view["report"]["score"])


def test_a_refused_upload_stores_nothing_and_says_why(
    client: TestClient, settings: Settings
) -> None:
    mislabelled = upload(client, FILES / "one_column.pdf", name="resume.docx")
    assert mislabelled.status_code == 422
    error = html(mislabelled.text).find(".//div[@id='upload-error']")
    assert error is not None and "Wrong extension" in text_of(error)
    huge = client.post(
        "/api/v1/resumes",
        files={"file": ("big.pdf", b"%PDF-1.4\n" + b"0" * (11 * 2**20), "application/pdf")},
    )
    assert huge.status_code == 422 and huge.json()["error"]["type"] == "FileTooLarge"
    empty = client.post("/api/v1/resumes", files={"file": ("cv.md", b"  \n", "text/markdown")})
    assert empty.status_code == 422
    assert client.get("/api/v1/resumes").json() == []
    # The parser's temporary copies live inside the workspace and are gone afterwards.
    uploads = settings.home / "uploads"
    assert not uploads.exists() or list(uploads.iterdir()) == []


def test_the_same_file_twice_is_one_version_and_forms_set_the_default(
    client: TestClient,
) -> None:
    first = client.post(
        "/api/v1/resumes",
        files={"file": ("resume.md", (FILES / "resume.md").read_bytes(), "text/markdown")},
    )
    assert first.status_code == 201 and first.json()["created"]
    again = upload(client, FILES / "resume.md")
    assert again.status_code == 303 and again.headers["location"] == "/resume/1"
    second = upload(client, FILES / "two_column.pdf")
    assert second.headers["location"] == "/resume/2"
    assert client.post("/resume/2/default", follow_redirects=False).status_code == 303
    defaults = [v["ref"] for v in client.get("/api/v1/resumes").json() if v["is_default"]]
    assert defaults == ["v2"]
    assert client.get("/api/v1/resumes/default").json()["version"]["ref"] == "v2"
    original = client.get("/api/v1/resumes/1/file")
    assert original.content == (FILES / "resume.md").read_bytes()
    assert client.post("/resume/2/delete", follow_redirects=False).status_code == 303
    assert [v["ref"] for v in client.get("/api/v1/resumes").json()] == ["v1"]


def test_resume_text_is_escaped(client: TestClient, tmp_path: Path) -> None:
    # Plain text keeps the tag as typed (the Markdown reader would drop it).
    path = tmp_path / "cv.txt"
    path.write_text(f"Kim\n\nEXPERIENCE\n\n- {XSS_LINE}\n", encoding="utf-8")
    location = upload(client, path).headers["location"]
    page = client.get(location).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_match_page_shows_every_item_and_its_points(client: TestClient) -> None:
    posting = add_posting(client)
    needed = client.get(f"/match/{posting}")
    assert needed.status_code == 404 and "No resume stored yet" in needed.text
    upload(client, FILES / "resume.md")
    response = client.get(f"/match/{posting}")
    assert response.status_code == 200
    page = html(response.text)
    twin = page.find(".//link[@rel='alternate']")
    assert twin is not None and twin.get("href") == f"/api/v1/match/{posting}"
    report = client.get(twin.get("href", "")).json()
    rows = page.findall(".//table[@id='match-items']//tr[@data-component]")
    assert [text_of(r.find("th")) for r in rows] == [i["name"] for i in report["items"]]
    points = [float(attribute(r, ".//td[@data-points]", "data-points")) for r in rows]
    assert round(sum(points), 1) == report["score"]
    assert text_of(page.find(".//span[@id='match-score']")) == f"{report['score']:g}"
    spark = next(r for r in rows if r.get("data-skill") == "ml:apache-spark")
    assert "missing" in text_of(spark)
    # Evidence links open the resume page at the quoted line.
    assert attribute(page, ".//a[@class='line-link']", "href").startswith("/resume/1#line-")
    refused = client.get(f"/api/v1/match/{posting}?resume=/etc/passwd")
    assert refused.status_code == 422


def test_gaps_portfolio_and_ranked_pages_follow_the_targets(client: TestClient) -> None:
    posting = add_posting(client)
    tracked = client.post(f"/api/v1/postings/{posting}/track")
    assert tracked.status_code == 201
    upload(client, FILES / "resume.md")
    gaps = html(client.get("/gaps").text)
    labels = [text_of(r.find("th")) for r in gaps.findall(".//table[@id='gaps-table']/tbody/tr")]
    assert client.get("/api/v1/gaps").json()["gaps"][0]["label"] == labels[0] == "Apache Spark"
    idea = "Recommend books with Apache Spark on Kubernetes"
    plan_page = client.get("/portfolio", params={"ideas": idea})
    page = html(plan_page.text)
    twin = page.find(".//link[@rel='alternate']")
    assert twin is not None and "idea=Recommend%20books" in twin.get("href", "")
    plan = client.get(twin.get("href", "")).json()
    assert text_of(page.find(".//section[@id='plan']/h2")) == plan["title"]
    ideas = [text_of(r.find("th")) for r in page.findall(".//table[@id='ideas-table']/tbody/tr")]
    assert any(i.startswith(idea) for i in ideas) and any("landml's plan" in i for i in ideas)
    ranked = html(client.get("/ranked").text)
    rows = ranked.findall(".//table[@id='ranked-table']/tbody/tr")
    assert [r.get("data-posting") for r in rows] == [str(posting)]
    match_link = rows[0].find(".//a[@class='button button-small']")
    assert match_link is not None and match_link.get("href") == f"/match/{posting}?resume=v1"
