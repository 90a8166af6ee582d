"""What only a browser shows on the Offers and Dashboard pages: the charts drawn as SVG,
the ranking as the person reads it, and the forms that change it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from landml.config import Settings
from landml.db.workspace import Workspace
from landml.tracker.demo import load_demo

pytestmark = pytest.mark.e2e

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
XSS_COMPANY = "<script>alert(1)</script>"


@pytest.fixture
def demo_server(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test server over a workspace holding the demo hunt, with the clock pinned."""
    monkeypatch.setenv("LANDML_NOW", NOW.isoformat())
    monkeypatch.setenv("LANDML_TIMEZONE", "America/Denver")
    workspace = Workspace.open(Settings(home=tmp_path / "e2e-workspace"))
    try:
        with workspace.session() as session:
            load_demo(session, 1, now=NOW)
    finally:
        workspace.close()
    return server


def _snap(page: Page, screenshots: Path | None, name: str) -> None:
    if screenshots is not None:
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)


def _ranked_names(page: Page) -> list[str]:
    names: list[str] = page.locator("#ranking-table thead th[data-offer]").evaluate_all(
        "cells => cells.map(c => c.dataset.offer)"
    )
    return names


def _comparison(page: Page, server: str) -> dict[str, Any]:
    body: dict[str, Any] = page.request.get(f"{server}/api/v1/offers/comparison").json()
    return body


def _charts_drawn(page: Page) -> dict[str, float]:
    """Width in pixels of each chart's SVG as laid out, by chart name."""
    widths: dict[str, float] = page.locator("figure.chart").evaluate_all(
        """figures => Object.fromEntries(figures.map(f => {
            const svg = f.querySelector('svg');
            return [f.dataset.chart, svg ? svg.getBoundingClientRect().width : 0];
        }))"""
    )
    return widths


def test_offers_page_ranks_the_demo_offers_draws_charts_and_reranks_on_new_weights(
    browser: Browser, demo_server: str, screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{demo_server}/offers")
    expect(page.get_by_role("heading", name="Ranking")).to_be_visible()
    data = _comparison(page, demo_server)
    assert _ranked_names(page) == [r["offer"] for r in data["comparison"]["ranking"]]
    kinds = {o["company_kind"] for o in data["offers"]}
    assert kinds == {"startup", "big_tech", "research_lab"}
    widths = _charts_drawn(page)
    assert set(widths) == {"by-year", "sensitivity"}
    assert all(w > 400 for w in widths.values()), widths
    expect(
        page.locator("#chart-sensitivity svg text", has_text="Tallgrass Robotics")
    ).to_have_count(1)
    expect(page.locator("#exit-sources li")).to_have_count(len(data["exit_scenario_sources"]))
    _snap(page, screenshots, "offers")

    startup = next(o for o in data["offers"] if o["equity_kind"] == "options")
    detail = page.locator(f"#offer-{startup['id']}")
    detail.locator("summary").click()
    expect(detail.get_by_role("heading", name="Options under each exit scenario")).to_be_visible()
    expect(detail.locator("table").nth(1).locator("tbody tr")).to_have_count(4)
    if screenshots is not None:
        detail.screenshot(path=str(screenshots / "offer_detail.png"))

    # Money alone: the richest offer after the cost-of-living adjustment comes first.
    weights = page.locator("#weights")
    for criterion in data["weights"]["weights"]:
        weights.locator(f"#w-{criterion}").fill("1" if criterion == "money" else "0")
    weights.get_by_role("button", name="Save weights").click()
    page.wait_for_url(f"{demo_server}/offers#weights")
    richest = max(data["comparison"]["table"], key=lambda row: row["four_year_adjusted"])
    assert _ranked_names(page)[0] == richest["offer"]
    expect(page.locator("#ranking-table tbody tr")).to_have_count(1)
    page.close()


def test_a_new_offer_must_be_scored_before_it_is_ranked(
    browser: Browser, demo_server: str, screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{demo_server}/offers#add")
    form = page.locator("form.new-offer")
    form.get_by_label("Company").fill("Larkfield Labs")
    form.get_by_label("Base salary a year").fill("175000")
    form.get_by_label("Target bonus (% of base)").fill("10")
    form.get_by_label("Grant value (whole grant)").fill("200000")
    form.locator("#f-vesting").select_option("yearly")
    form.get_by_role("button", name="Add offer").click()
    page.wait_for_url(f"{demo_server}/offers#scores-4")
    expect(page.locator("#compare-error")).to_contain_text("Larkfield Labs (offer #4) has no score")
    _snap(page, screenshots, "offers_unscored")

    scores = page.locator("#scores-4")
    for field in scores.locator("input").all():
        field.fill("3")
    scores.get_by_role("button", name="Save scores of Larkfield Labs").click()
    page.wait_for_url(f"{demo_server}/offers#scores-4")
    expect(page.locator("#compare-error")).to_have_count(0)
    assert "Larkfield Labs" in _ranked_names(page)
    assert len(_charts_drawn(page)) == 2
    page.close()


def test_dashboard_draws_four_charts_never_runs_data_and_today_leads_to_offers(
    browser: Browser, demo_server: str, screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    response = page.request.post(
        f"{demo_server}/api/v1/applications",
        data={"company": XSS_COMPANY, "title": "ML Engineer", "stage": "applied"},
    )
    assert response.status == 201
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{demo_server}/dashboard")
    expect(page.get_by_role("link", name="Dashboard")).to_have_attribute("aria-current", "page")
    widths = _charts_drawn(page)
    assert set(widths) == {"funnel", "cumulative", "weekly", "timeline"}
    assert all(w > 400 for w in widths.values()), widths
    expect(page.locator("#funnel-table tbody tr")).to_have_count(5)
    # The company's name is drawn as text on the timeline, not run as a script.
    expect(page.locator("#chart-timeline svg text", has_text=XSS_COMPANY)).to_have_count(1)
    assert dialogs == []
    _snap(page, screenshots, "dashboard")

    page.goto(f"{demo_server}/today")
    deadlines = page.locator("li.today-offer_deadline")
    expect(deadlines).to_have_count(3)
    deadlines.first.get_by_role("link", name="Compare offers").click()
    page.wait_for_url(f"{demo_server}/offers#comparison")
    expect(page.locator("#comparison-table")).to_be_in_viewport()
    page.close()
