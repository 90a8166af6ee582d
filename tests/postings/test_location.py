from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from landml.postings.location import WorkMode, parse_location, work_mode_from_description

W = WorkMode


@pytest.mark.parametrize(
    ("text", "city", "region", "country", "mode"),
    [
        ("New York, NY", "New York", "NY", "US", None),
        ("New York, NY 10001", "New York", "NY", "US", None),
        ("Portland, OR", "Portland", "OR", "US", None),
        ("Austin, Texas", "Austin", "TX", "US", None),
        ("Rochester, New York", "Rochester", "NY", "US", None),
        ("Virginia", None, "VA", "US", None),
        ("Remote", None, None, None, W.remote),
        ("Remote (US)", None, None, "US", W.remote),
        ("US-Remote", None, None, "US", W.remote),
        ("Hybrid - 3 days in office", None, None, None, W.hybrid),
        ("On-site", None, None, None, W.onsite),
        ("San Francisco, CA (Remote)", "San Francisco", "CA", "US", W.remote),
        ("Zürich, Switzerland (Hybrid)", "Zürich", None, "CH", W.hybrid),
        ("3 days in office, Austin, TX", "Austin", "TX", "US", W.hybrid),
        ("London, United Kingdom", "London", None, "GB", None),
        ("Berlin, Germany", "Berlin", None, "DE", None),
        ("Bengaluru, Karnataka, India", "Bengaluru", "Karnataka", "IN", None),
        ("United States", None, None, "US", None),
        ("Remote - Europe", None, "Europe", None, W.remote),
    ],
)
def test_locations(
    text: str, city: str | None, region: str | None, country: str | None, mode: WorkMode | None
) -> None:
    place = parse_location(text)
    assert (place.city, place.region, place.country, place.work_mode) == (
        city,
        region,
        country,
        mode,
    ), place.evidence


@pytest.mark.parametrize("text", ["London", "Toronto, ON", "New York", "Tbilisi, Georgia"])
def test_no_country_is_guessed_when_the_text_does_not_state_one(text: str) -> None:
    assert parse_location(text).country is None


def test_only_the_first_of_several_places_is_read_and_the_evidence_says_so() -> None:
    place = parse_location("New York, NY or San Francisco, CA")
    assert (place.city, place.region) == ("New York", "NY")
    assert any("several places" in e for e in place.evidence)


@pytest.mark.parametrize(
    ("description", "mode"),
    [
        ("This role is fully remote within the US.", W.remote),
        ("We offer work from home flexibility.", W.hybrid),
        ("Telecommuting Options:  Telecommuting Not Allowed", W.onsite),
        ("Telecommuter?\n\nNo", W.onsite),
        ("Work must be performed on site; no remote possible.", W.onsite),
        ("It is not a remote role.", W.onsite),
        ("This is a contract, remote position.", W.remote),
        ("Staff were told to work from home until further notice.", None),
        ("We offer a hybrid work schedule.", W.hybrid),
        ("Expect 3 days a week in the office.", W.hybrid),
        ("This position is not remote.", W.onsite),
        ("You must work on-site in our Boston lab.", W.onsite),
        ("We build remote sensing models on a hybrid cloud.", None),
        ("Our on-site gym is open late.", None),
    ],
)
def test_work_mode_from_description_reads_only_job_phrases(
    description: str, mode: WorkMode | None
) -> None:
    assert work_mode_from_description(description)[0] is mode


def test_the_location_cue_wins_over_the_description() -> None:
    place = parse_location("Remote", "This position is not remote.")
    assert place.work_mode is W.remote
    assert place.evidence[0].startswith("location says")


def test_the_description_fills_in_a_work_mode_the_location_lacks() -> None:
    place = parse_location("Cambridge, MA", "This role is fully remote.")
    assert (place.city, place.work_mode) == ("Cambridge", W.remote)
    assert any(e.startswith("description says") for e in place.evidence)


@given(st.text(max_size=60), st.none() | st.text(max_size=120))
def test_any_text_gives_a_location_without_crashing(text: str, description: str | None) -> None:
    place = parse_location(text, description)
    assert place.country is None or (len(place.country) == 2 and place.country.isupper())
