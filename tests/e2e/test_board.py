"""What only a browser shows: adding through the form, dragging a card between columns,
the no-JavaScript fallback, errors on the page, and how the pages look when full."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import APIRequestContext, Browser, Page, expect

pytestmark = pytest.mark.e2e


def _snap(page: Page, screenshots: Path | None, name: str, *, full_page: bool = True) -> None:
    if screenshots is not None:
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=full_page)


def _server_stage(request: APIRequestContext, server: str, app_id: int) -> str:
    detail = request.get(f"{server}/api/v1/applications/{app_id}").json()
    stage: str = detail["application"]["stage"]
    return stage


def _card_in(page: Page, stage: str, app_id: int) -> Any:
    return page.locator(f"section.column[data-stage='{stage}'] #app-{app_id}")


def test_add_drag_then_move_without_javascript_and_read_the_timeline(
    browser: Browser, server: str
) -> None:
    page = browser.new_page()
    page.goto(f"{server}/applications/new")
    page.get_by_label("Company", exact=True).fill("Northwind Robotics")
    page.get_by_label("Job title").fill("Perception ML Engineer")
    page.get_by_label("Company kind").select_option("startup")
    page.get_by_role("button", name="Add application").click()
    page.wait_for_url(re.compile(r"/applications/\d+$"))
    app_id = int(page.url.rsplit("/", 1)[1])
    expect(page.get_by_role("heading", level=1)).to_have_text("Perception ML Engineer")

    page.goto(f"{server}/board")
    expect(_card_in(page, "saved", app_id)).to_be_visible()
    page.locator(f"#app-{app_id}").drag_to(
        page.locator("section.column[data-stage='applied'] .cards")
    )
    expect(_card_in(page, "applied", app_id)).to_be_visible()
    expect(page.locator("#board-status")).to_have_text("Moved Northwind Robotics to Applied.")
    expect(page.locator("#board-error")).to_be_hidden()
    assert _server_stage(page.request, server, app_id) == "applied"
    page.close()

    no_js = browser.new_context(java_script_enabled=False)
    plain = no_js.new_page()
    plain.goto(f"{server}/board")
    card = plain.locator(f"#app-{app_id}")
    card.locator("summary", has_text="Move").click()
    card.get_by_label(re.compile("^Move Northwind Robotics")).select_option("recruiter_call")
    card.get_by_role("button", name="Move").click()
    plain.wait_for_url(re.compile(rf"/board#app-{app_id}$"))
    expect(_card_in(plain, "recruiter_call", app_id)).to_be_visible()
    assert _server_stage(plain.request, server, app_id) == "recruiter_call"

    plain.locator(f"#app-{app_id} a.card-title").click()
    plain.wait_for_url(f"{server}/applications/{app_id}")
    events = plain.locator("ol.timeline > li .event-text")
    expect(events).to_have_text(
        ["Added at stage Saved", "Saved → Applied", "Applied → Recruiter call"]
    )
    no_js.close()


def test_a_refused_move_shows_the_error_and_puts_the_card_back(
    browser: Browser, server: str
) -> None:
    page = browser.new_page()
    created = page.request.post(
        f"{server}/api/v1/applications", data={"company": "Glasshouse Labs", "title": "MLE"}
    ).json()
    app_id = created["id"]
    page.goto(f"{server}/board")
    # Another tab moves it meanwhile: this board still shows the card under Saved.
    page.request.post(f"{server}/api/v1/applications/{app_id}/moves", data={"stage": "applied"})
    page.locator(f"#app-{app_id}").drag_to(
        page.locator("section.column[data-stage='applied'] .cards")
    )
    alert = page.locator("#board-error")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Could not move Glasshouse Labs to Applied")
    expect(alert).to_contain_text("already at stage 'applied'")
    expect(_card_in(page, "saved", app_id)).to_be_visible()
    expect(page.locator("section.column[data-stage='saved'] [data-count]")).to_have_text("1")
    assert _server_stage(page.request, server, app_id) == "applied"
    page.close()


# --- a realistic workspace, its layout, and screenshots -------------------------------------

# (company, title, kind, stage, days at that stage, priority, location)
HUNT: list[tuple[str, str, str, str, int, int, str | None]] = [
    ("Northwind Robotics", "Perception ML Engineer", "startup", "onsite", 4, 1, "Munich"),
    (
        "Bellweather Bank",
        "Machine Learning Engineer, Fraud",
        "finance",
        "tech_screen",
        6,
        2,
        "London",
    ),
    ("Harborlight", "Applied Scientist, Search", "big_tech", "applied", 9, 1, "Seattle, WA"),
    ("Sable Analytics", "Data Scientist, Pricing", "mid_size", "applied", 3, 2, "Remote"),
    (
        "Kestrel AI Research",
        "Research Engineer, Evaluation",
        "research_lab",
        "recruiter_call",
        2,
        1,
        None,
    ),
    (
        "Coppervale Health",
        "ML Engineer, Medical Imaging",
        "non_tech",
        "take_home",
        5,
        2,
        "Boston, MA",
    ),
    (
        "Tinderbox Games",
        "Machine Learning Engineer, Recommendations",
        "mid_size",
        "saved",
        1,
        3,
        None,
    ),
    ("Loomstack", "MLOps Engineer", "startup", "applied", 0, 2, "Berlin"),
    ("Orchard Freight", "Data Scientist, Forecasting", "non_tech", "rejected", 12, 2, None),
    ("Quarry Systems", "LLM Inference Engineer", "startup", "saved", 2, 1, "San Francisco, CA"),
    ("Meridian Insurance Group", "Senior Data Scientist", "finance", "applied", 36, 2, None),
    ("Fernleaf Energy", "ML Engineer, Grid Forecasting", "mid_size", "offer", 1, 1, "Amsterdam"),
    (
        "Brightwater University",
        "Research Scientist (Postdoc), RL",
        "research_lab",
        "applied",
        0,
        2,
        None,
    ),
    ("Aldous Retail", "Applied Scientist, Demand", "big_tech", "team_match", 8, 2, "New York, NY"),
    ("Pinecrest Mobility", "Computer Vision Engineer", "startup", "withdrawn", 20, 3, None),
]


def _fill_realistic_hunt(request: APIRequestContext, server: str) -> int:
    """Fifteen applications across the path, dated so that today has something to show;
    the first gets contacts, interviews (one yesterday, one tomorrow) and a note."""
    now = datetime.now(UTC)
    ids: list[int] = []
    for company, title, kind, stage, days, priority, location in HUNT:
        spec = {
            "company": company,
            "title": title,
            "company_kind": kind,
            "stage": stage,
            "stage_at": (now - timedelta(days=days, hours=2)).isoformat(),
            "priority": priority,
            "location": location,
        }
        response = request.post(f"{server}/api/v1/applications", data=spec)
        assert response.status == 201, response.text()
        ids.append(response.json()["id"])
    first = ids[0]
    for name, role in (("Ines Duarte", "recruiter"), ("Tom Ecker", "hiring_manager")):
        request.post(
            f"{server}/api/v1/contacts",
            data={"name": name, "role": role, "application_id": first},
        )
    berlin = ZoneInfo("Europe/Berlin")
    today = now.astimezone(berlin).date()
    for kind, when in (
        ("ml_coding", datetime.combine(today - timedelta(days=1), time(15), berlin)),
        ("ml_system_design", datetime.combine(today + timedelta(days=1), time(10), berlin)),
    ):
        request.post(
            f"{server}/api/v1/interviews",
            data={
                "application_id": first,
                "kind": kind,
                "scheduled_at": when.isoformat(),
                "timezone": "Europe/Berlin",
                "duration_minutes": 60,
                "interviewers": ["Tom Ecker", "Yara Haddad"],
            },
        )
    request.post(
        f"{server}/api/v1/applications/{first}/notes",
        data={"body": "Loop is four rounds; system design is about a labeling pipeline."},
    )
    return first


def test_a_full_board_scrolls_sideways_with_even_columns(
    browser: Browser, server: str, screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    first = _fill_realistic_hunt(page.request, server)

    page.goto(f"{server}/board")
    expect(page.locator("li.card")).to_have_count(len(HUNT))
    layout = page.evaluate(
        """() => {
            const board = document.querySelector('[data-board]');
            const open = [...document.querySelectorAll('.column:not(.column-closed)')];
            return {
                boardScrolls: board.scrollWidth > board.clientWidth,
                pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
                widths: [...new Set(open.map(c => Math.round(c.getBoundingClientRect().width)))],
            };
        }"""
    )
    assert layout == {"boardScrolls": True, "pageScrolls": False, "widths": layout["widths"]}
    assert len(layout["widths"]) == 1, "open stage columns should all be as wide"
    _snap(page, screenshots, "board", full_page=False)
    page.locator("[data-board]").evaluate("board => { board.scrollLeft = board.scrollWidth; }")
    _snap(page, screenshots, "board_scrolled_to_closed", full_page=False)

    page.goto(f"{server}/applications/{first}")
    expect(page.locator("#contacts li")).to_have_count(2)
    expect(page.locator("#interviews li")).to_have_count(2)
    _snap(page, screenshots, "application")

    page.goto(f"{server}/applications/new")
    _snap(page, screenshots, "add_application")

    page.goto(f"{server}/today")
    expect(page.get_by_role("heading", name="Daily goal")).to_be_visible()
    expect(page.locator("li.today-thank_you")).to_have_count(1)
    expect(page.locator("li.today-ghosted")).to_contain_text("Meridian Insurance Group")
    _snap(page, screenshots, "today")
    page.close()
