from __future__ import annotations

import json
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import respx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from landml.errors import ImportRejected, NotFound
from landml.postings import service
from landml.postings.models import Posting, PostingSkill, PostingSource
from landml.postings.service import PostingFilters
from landml.postings.sources import RawPosting, from_csv

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
DATA = Path(__file__).parent / "data"

RANKING = """About the role
You will build the ranking models behind our recommendation feed.

Requirements
- 3+ years of Python
- Experience with PyTorch and Spark

Nice to have
- Kubernetes
"""

GLASSDOOR = (
    ",Job Title,Salary Estimate,Job Description,Rating,Company Name,Location,Headquarters,Size,"
    "Founded,Type of ownership,Industry,Sector,Revenue,Competitors\n"
    + "".join(
        f'{i},{title},$90K-$140K (Glassdoor est.),"{RANKING}",4.1,"Orbital Foods\n4.1",'
        f'"Austin, TX","Austin, TX",1001 to 5000 employees,2010,Company - Private,'
        f"Food Production,Manufacturing,$1 to $2 billion (USD),-1\n"
        for i, title in enumerate(["Machine Learning Engineer", "Machine Learning Engineer"])
    )
)


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_duplicate_rows_are_stored_once_with_both_sources(session: Session, owner: int) -> None:
    report = service.import_postings(session, owner, from_csv(GLASSDOOR), now=NOW)
    assert (report.read, report.added, report.merged) == (2, 1, 1)
    assert _count(session, Posting) == 1
    assert _count(session, PostingSource) == 2
    [posting] = service.list_postings(session, owner)
    assert posting.sources == 2
    assert (posting.role_family, posting.company) == ("mle", "Orbital Foods")
    assert (posting.salary_min, posting.salary_max, posting.salary_period) == (
        90000.0,
        140000.0,
        "year",
    )


def test_skills_are_extracted_with_their_spans_and_flags(session: Session, owner: int) -> None:
    service.import_postings(session, owner, from_csv(GLASSDOOR), now=NOW)
    [summary] = service.list_postings(session, owner)
    detail = service.posting_detail(session, owner, summary.id)
    by_label = {s.label.lower(): s for s in detail.skills}
    assert by_label["pytorch"].requirement == "required"
    assert by_label["kubernetes"].requirement == "preferred"
    for skill in detail.skills:
        assert detail.description[skill.start : skill.end]
    python = next(s for s in detail.skills if s.label.lower() == "python")
    assert python.years == 3


def test_importing_the_same_source_again_adds_nothing(session: Session, owner: int) -> None:
    raws = from_csv(GLASSDOOR)
    service.import_postings(session, owner, raws, now=NOW)
    again = service.import_postings(session, owner, from_csv(GLASSDOOR), now=NOW)
    assert (again.added, again.merged, again.already_known) == (0, 0, 2)
    assert _count(session, PostingSource) == 2


def test_a_failed_import_writes_nothing(session: Session, owner: int) -> None:
    good = RawPosting(
        source="text",
        external_id="a",
        title="Data Scientist",
        description="SQL and statistics",
        company="Acme",
    )
    bad = RawPosting(source="text", external_id="b", title="  ", description="no title")
    with pytest.raises(ImportRejected) as err:
        service.import_postings(session, owner, [good, bad], now=NOW)
    assert err.value.problems == ["posting 2 (text:b): no title"]
    assert _count(session, Posting) == 0
    assert _count(session, PostingSkill) == 0


def test_search_and_filters(session: Session, owner: int) -> None:
    raws = [
        RawPosting(
            source="text",
            external_id="1",
            title="Data Engineer",
            company="Brightline",
            description="Build Airflow pipelines and dbt models.",
            location="Berlin",
        ),
        RawPosting(
            source="text",
            external_id="2",
            title="Research Scientist",
            company="Lumen",
            description="Train diffusion models for protein design.",
            location="Zurich",
        ),
    ]
    service.import_postings(session, owner, raws, now=NOW)
    found = service.list_postings(session, owner, PostingFilters(query="airflow pipelines"))
    assert [p.title for p in found] == ["Data Engineer"]
    found = service.list_postings(session, owner, PostingFilters(query="diffus"))
    assert [p.title for p in found] == ["Research Scientist"]
    assert service.list_postings(session, owner, PostingFilters(query='"; DROP TABLE x')) == []
    found = service.list_postings(session, owner, PostingFilters(role_family="rs"))
    assert [p.company for p in found] == ["Lumen"]
    found = service.list_postings(session, owner, PostingFilters(location="berl"))
    assert [p.company for p in found] == ["Brightline"]


def test_tracking_a_posting_creates_a_saved_application(session: Session, owner: int) -> None:
    service.import_postings(session, owner, from_csv(GLASSDOOR), now=NOW)
    [posting] = service.list_postings(session, owner)
    app = service.track_posting(session, owner, posting.id, now=NOW)
    assert (app.company, app.title, app.stage) == (
        "Orbital Foods",
        "Machine Learning Engineer",
        "saved",
    )
    assert service.posting_detail(session, owner, posting.id).applications == [app.id]
    with pytest.raises(NotFound):
        service.track_posting(session, owner, 999)


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> None:
    def getaddrinfo(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_board_and_url_sources_are_read_through_the_guarded_fetcher(dns: None) -> None:
    with respx.mock() as mock:
        mock.get(
            "https://boards-api.greenhouse.io/v1/boards/orbitalfoods/jobs?content=true"
        ).respond(200, json=json.loads((DATA / "greenhouse_board.json").read_text()))
        mock.get("https://careers.example/ml").respond(
            200,
            text="<main><h1>ML Engineer</h1><p>PyTorch.</p></main>",
            headers={"Content-Type": "text/html"},
        )
        board = service.read_source("greenhouse:orbitalfoods")
        page = service.read_source("https://careers.example/ml")
    assert [r.title for r in board] == [
        "Machine Learning Engineer, Ranking",
        "Data Scientist, Experimentation",
    ]
    assert page[0].title == "ML Engineer" and page[0].url == "https://careers.example/ml"


def test_private_urls_are_refused_before_anything_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from landml.errors import UnsafeURL

    def getaddrinfo(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.0.10", port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(UnsafeURL):
        service.read_source("http://router.example/")
