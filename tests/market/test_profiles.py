"""The shipped sector profiles: they load, every statement carries a dated source, figures
come only from attributable sources and are stated in the text, the editors' summary
holds no number, and the loops are prep's own."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pytest
import yaml

from landml.errors import InvalidInput
from landml.market import profiles
from landml.market.profiles import ASPECTS, SECTORS, Claim, _ProfilesFile, sectors
from landml.prep.datafiles import parse_data
from landml.prep.loops import default_loop


def _shipped() -> dict[str, Any]:
    text = resources.files("landml.market").joinpath("data", profiles.DATA_FILE).read_text()
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _parse(data: dict[str, Any]) -> _ProfilesFile:
    return parse_data(yaml.safe_dump(data), "sector_profiles.yaml", _ProfilesFile)


def _all_claims() -> list[Claim]:
    everything = sectors()
    claims = [b.claim for b in everything.pay_baselines] + list(everything.baseline_notes)
    for p in everything.profiles:
        for aspect in ASPECTS:
            claims.extend(getattr(p, aspect))
    return claims


def test_there_is_one_profile_per_sector_with_every_field() -> None:
    everything = sectors()
    assert [p.kind for p in everything.profiles] == list(SECTORS)
    for p in everything.profiles:
        assert p.label and len(p.summary) >= 40
        for aspect in ASPECTS:
            assert getattr(p, aspect), f"{p.kind} has no {aspect}"


def test_every_statement_carries_a_source_and_the_date_it_was_checked() -> None:
    claims = _all_claims()
    assert len(claims) > 30
    for claim in claims:
        assert claim.source.title and claim.source.publisher
        assert claim.source.as_of.year >= 2026
        assert str(claim.source.as_of) in claim.source.citation()


def test_every_figure_comes_from_a_dated_attributable_source_and_is_in_the_text() -> None:
    with_figures = [c for c in _all_claims() if c.figures]
    assert {c.source_id for c in with_figures} >= {
        "bls-ooh-data-scientists",
        "bls-oews-software-developers",
        "levine-correlation-2014",
    }
    for claim in with_figures:
        assert claim.source.kind != "editors_summary"
        assert claim.source.date is not None
        assert claim.source.date in claim.source.citation()
        for figure in claim.figures:
            assert figure.reference
            written = f"{figure.value:,.0f}" if figure.value >= 1000 else f"{figure.value:g}"
            assert written in claim.text, (written, claim.text)


def test_the_editors_summary_states_no_number() -> None:
    editors = [c for c in _all_claims() if c.is_editors_summary]
    assert editors
    for claim in editors:
        assert not claim.figures
        assert not re.search(r"\d", claim.text), claim.text
        assert "editors' summary" in claim.source.citation()


def test_baselines_follow_the_role_family() -> None:
    assert [b.soc for b in profiles.pay_baselines("ds")] == ["15-2051"]
    assert [b.soc for b in profiles.pay_baselines("rs")] == ["15-1221"]
    assert profiles.pay_baselines("analyst") == ()
    assert len(profiles.pay_baselines()) == 3


def test_the_loops_are_preps_default_loops() -> None:
    for kind in SECTORS:
        assert profiles.sector_profile(kind, "ds").loop == default_loop(kind, "ds")
    assert sectors(("finance",), loop_role="rs").profiles[0].loop.matched == ("finance", "rs")


def test_an_unknown_sector_is_refused() -> None:
    with pytest.raises(InvalidInput, match="No sector profile"):
        profiles.sector_profile("hedge_fund")


def test_the_shipped_file_parses_as_it_is() -> None:
    assert set(_parse(_shipped()).profiles) == set(SECTORS)


def test_an_unknown_field_is_refused() -> None:
    data = _shipped()
    data["profiles"]["startup"]["perks"] = [
        {"text": "Free lunch on Fridays, they say.", "source": "editors"}
    ]
    with pytest.raises(InvalidInput, match="perks"):
        _parse(data)


def test_a_number_in_the_editors_summary_is_refused() -> None:
    data = _shipped()
    data["profiles"]["finance"]["pay"] = [
        {"text": "Bonuses are often 50% of base salary at trading firms.", "source": "editors"}
    ]
    with pytest.raises(InvalidInput, match="may not state a number"):
        _parse(data)


def test_a_claim_citing_an_undefined_source_is_refused() -> None:
    data = _shipped()
    data["profiles"]["big_tech"]["pace"] = [
        {"text": "Structured planning cycles and reviews.", "source": "somebody"}
    ]
    with pytest.raises(InvalidInput, match="undefined source"):
        _parse(data)


def test_a_profile_field_without_claims_is_refused() -> None:
    data = _shipped()
    data["profiles"]["non_tech"]["stability"] = []
    with pytest.raises(InvalidInput, match="stability"):
        _parse(data)


def test_a_figure_not_stated_in_its_text_is_refused() -> None:
    data = _shipped()
    baseline = data["pay_baselines"][0]["claim"]
    baseline["figures"][0]["value"] = 99999
    with pytest.raises(InvalidInput, match="does not state the figure"):
        _parse(data)


def test_a_figure_from_an_undated_source_is_refused() -> None:
    data = _shipped()
    del data["sources"]["bls-ooh-data-scientists"]["date"]
    with pytest.raises(InvalidInput, match="has no date"):
        _parse(data)
