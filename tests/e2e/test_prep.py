"""What only a browser shows on the Prep pages: typing a solution into the editor and
grading it, revealing and rating a review, and the system design clock ticking."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from landml.prep.exercises import get_exercise, reference_source

pytestmark = pytest.mark.e2e


def _snap(page: Page, screenshots: Path | None, name: str, *, full_page: bool = True) -> None:
    if screenshots is not None:
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=full_page)


def test_paste_a_correct_solution_grade_it_and_see_every_check_pass(
    browser: Browser, server: str, screenshots: Path | None
) -> None:
    exercise = get_exercise("scaled-dot-product-attention")
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    page.goto(f"{server}/prep/exercises")
    page.get_by_role("link", name=exercise.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(exercise.title)
    _snap(page, screenshots, "prep-exercise-start")

    expect(page.locator("[data-exercise-clock]")).to_have_text(
        re.compile(rf"^0:0\d of {exercise.time_target_minutes} min$")
    )
    editor = page.locator("textarea#source")
    editor.fill(reference_source(exercise))
    # The editor keeps Tab for indenting code instead of moving the focus away.
    editor.press("End")
    editor.press("Tab")
    expect(editor).to_be_focused()
    page.get_by_role("button", name="Grade").click()
    page.wait_for_url(re.compile(r"#results$"))

    tests = page.locator("#test-list > li")
    expect(tests.first).to_be_visible()
    count = tests.count()
    assert count > 1
    expect(page.locator("#test-list > li.test-pass")).to_have_count(count)
    expect(page.locator("#verdict")).to_contain_text(f"All {count} checks passed")
    page.locator("#results").scroll_into_view_if_needed()
    _snap(page, screenshots, "prep-exercise-graded")

    page.goto(f"{server}/prep/exercises")
    row = page.locator(f"#ex-{exercise.id}")
    expect(row.locator(".badge-passed")).to_have_text("passed")
    page.close()


def test_reveal_a_due_review_and_rate_it(
    browser: Browser, server: str, screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    # An application with an announced round, so the page also shows today's plan.
    app = page.request.post(
        f"{server}/api/v1/applications",
        data={"company": "Googlish", "title": "ML Engineer", "company_kind": "big_tech"},
    ).json()
    in_a_week = (date.today() + timedelta(days=7)).isoformat()
    page.request.put(
        f"{server}/api/v1/prep/applications/{app['id']}/loop",
        data={"rounds": [{"kind": "ml_system_design", "on": in_a_week}]},
    )
    page.goto(f"{server}/prep")
    expect(page.locator("#plan .today-item", has_text="Googlish").first).to_be_visible()
    card = page.locator("article.review-card")
    first_item = card.get_attribute("data-item")
    answer = page.locator("#review-answer .answer-text")
    expect(answer).to_be_hidden()
    _snap(page, screenshots, "prep-review-question")

    page.get_by_text("Show the answer").click()
    expect(answer).to_be_visible()
    _snap(page, screenshots, "prep-review-answer")
    page.get_by_role("button", name="3 · Good").click()
    page.wait_for_url(re.compile(r"/prep#review$"))
    expect(page.locator("article.review-card")).not_to_have_attribute("data-item", first_item or "")
    due = page.request.get(f"{server}/api/v1/prep/due").json()
    assert due["new_introduced_today"] == 1
    assert first_item not in [c["item_id"] for c in due["cards"]]
    page.close()


def test_the_design_clock_counts_down_and_marks_the_current_step(
    browser: Browser, server: str, screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/prep/design")
    page.locator("#prompt-fraud-detection").get_by_role("button", name="Start").click()
    page.wait_for_url(re.compile(r"/prep/design/sessions/\d+$"))
    clock = page.locator("[data-clock-time]")
    expect(clock).to_have_text(re.compile(r"^(39:5\d|40:00)$"))
    expect(page.locator("li.design-step.current h3")).to_have_text(
        "Requirements and problem framing"
    )
    expect(page.locator("[data-clock-step]")).to_have_text("Requirements and problem framing")
    _snap(page, screenshots, "prep-design-session")
    # The clock stays in view while the person scrolls down to later steps.
    page.locator("li.design-step").nth(5).scroll_into_view_if_needed()
    expect(page.locator("[data-clock]")).to_be_in_viewport()
    _snap(page, screenshots, "prep-design-scrolled", full_page=False)

    page.locator("li.design-step").first.get_by_label("2").first.check()
    page.get_by_role("button", name="Score the session").click()
    page.wait_for_url(re.compile(r"#result$"))
    expect(page.locator("#score-total")).to_have_text(re.compile(r"^2/\d+$"))
    page.close()


def test_stories_page_after_adding_a_story(
    browser: Browser, server: str, screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/prep/stories")
    page.get_by_label("Title").fill("Cutting ranking latency")
    page.get_by_label("Situation").fill(
        "At my last company our ranking service timed out for 4% of requests at the peak."
    )
    page.get_by_label("Task").fill("I had to bring p99 latency under 80 ms.")
    page.get_by_label("Action").fill(
        "I profiled the service, found slow feature lookups, proposed a cache, and we built it."
    )
    page.get_by_label("Result").fill("p99 latency fell from 140 ms to 62 ms.")
    page.get_by_role("button", name="Add and check").click()
    page.wait_for_url(re.compile(r"/prep/stories#story-\d+$"))
    story = page.locator("section.story").first
    expect(story.get_by_role("heading", level=2)).to_have_text("Cutting ranking latency")
    expect(story.locator(".findings li").first).to_be_visible()
    _snap(page, screenshots, "prep-stories")
    page.close()
