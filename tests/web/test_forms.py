"""Turning what a person typed in a form into the tracker's inputs."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from landml.errors import InvalidInput
from landml.web.forms import ApplicationForm, InterviewForm, split_list

PARIS = ZoneInfo("Europe/Paris")


def test_split_list_accepts_commas_semicolons_and_lines() -> None:
    assert split_list("Ana Lee, Bo Chen;Kim\n\n , ") == ["Ana Lee", "Bo Chen", "Kim"]


def test_blank_optional_fields_become_none() -> None:
    data = ApplicationForm(company="Acme", title="MLE", company_kind="", url="  ").to_input(PARIS)
    assert data.company_kind is None and data.url is None and data.stage_at is None
    assert data.stage == "saved"


def test_a_date_applied_is_the_start_of_that_day_and_implies_applied() -> None:
    data = ApplicationForm(company="Acme", title="MLE", applied_on="2026-03-02").to_input(PARIS)
    assert data.stage == "applied"
    assert data.stage_at == datetime(2026, 3, 2, tzinfo=PARIS)
    kept = ApplicationForm(company="A", title="B", stage="tech_screen", applied_on="2026-03-02")
    assert kept.to_input(PARIS).stage == "tech_screen"


def test_company_comes_from_a_job_board_url_when_left_empty() -> None:
    data = ApplicationForm(
        title="Research Engineer", url="https://jobs.lever.co/otterbyte/123"
    ).to_input(PARIS)
    assert data.company == "Otterbyte"


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (ApplicationForm(company="Acme"), "Job title: this field is required."),
        (ApplicationForm(company="A", title="B", priority="7"), "Priority:"),
        (ApplicationForm(company="A", title="B", channel="pigeon"), "Channel: choose one of"),
        (ApplicationForm(company="A", title="B", applied_on="03/02/2026"), "date applied"),
    ],
)
def test_bad_values_give_one_readable_message(form: ApplicationForm, message: str) -> None:
    with pytest.raises(InvalidInput) as info:
        form.to_input(PARIS)
    assert message in info.value.message


def test_an_interview_time_is_read_in_the_zone_given() -> None:
    data = InterviewForm(
        kind="coding", scheduled_at="2026-07-01T09:15", timezone="Asia/Kolkata"
    ).to_input(3)
    assert data.scheduled_at == datetime(2026, 7, 1, 9, 15, tzinfo=ZoneInfo("Asia/Kolkata"))
    assert (data.application_id, data.timezone, data.duration_minutes) == (3, "Asia/Kolkata", 45)


def test_an_interview_without_a_time_is_refused() -> None:
    with pytest.raises(InvalidInput, match="Date and time"):
        InterviewForm(kind="coding", timezone="UTC").to_input(1)
