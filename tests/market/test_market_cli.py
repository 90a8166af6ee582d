"""`landml market` through Click: tables with sources under the profile figures, --json,
filters, --png, and errors on one line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from landml.cli import market
from landml.cli.context import CliState, LandmlGroup, home_option
from landml.cli.main import cli
from landml.config import Settings
from landml.db.workspace import Workspace
from landml.postings.service import import_postings
from tests.market.sample import boilerplate_postings, sample_postings

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _landml_with_market() -> click.Group:
    """The real `landml` commands plus `market` in a group of their own, so registering
    here leaves the real command (and its generated reference) untouched."""

    @click.group(cls=LandmlGroup)
    @home_option
    @click.pass_context
    def landml(ctx: click.Context) -> None:
        obj = ctx.ensure_object(CliState)
        ctx.call_on_close(obj.close)

    for command in cli.commands.values():
        landml.add_command(command)
    if "market" not in landml.commands:
        market.register(landml)
    return landml


LANDML = _landml_with_market()


def run(*args: str) -> Result:
    return CliRunner().invoke(LANDML, list(args), catch_exceptions=False, terminal_width=200)


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def postings() -> None:
    """The sample postings in the workspace LANDML_HOME points at."""
    workspace = Workspace.open(Settings())
    try:
        with workspace.session() as session:
            import_postings(session, 1, sample_postings())
    finally:
        workspace.close()


@pytest.fixture
def boilerplate() -> None:
    """Postings whose company description names industries more often than any skill."""
    workspace = Workspace.open(Settings())
    try:
        with workspace.session() as session:
            import_postings(session, 1, boilerplate_postings())
    finally:
        workspace.close()


@pytest.mark.usefixtures("postings")
def test_json_holds_the_whole_report() -> None:
    data = run_json("market", "--top", "5")
    assert data["counts"]["postings"] == 6
    assert len(data["top_skills"]["skills"]) == 5
    assert data["top_skills"]["skills"][0]["label"] == "Python"
    assert [p["kind"] for p in data["profiles"]] == [
        "startup",
        "big_tech",
        "mid_size",
        "research_lab",
        "finance",
        "non_tech",
    ]
    claim = data["pay_baselines"][0]["claim"]
    assert claim["source"]["publisher"] == "U.S. Bureau of Labor Statistics"
    assert claim["source"]["as_of"] == "2026-11-22"


@pytest.mark.usefixtures("postings")
def test_tables_print_each_profile_figure_with_its_source() -> None:
    result = run("market")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Top skills in 6 postings" in out
    assert "Not enough dated postings to show trends: 2 of 6" in out
    lines = out.splitlines()
    bls = next(i for i, line in enumerate(lines) if "$112,590" in line)
    assert lines[bls + 1].strip().startswith("source: U.S. Bureau of Labor Statistics")
    assert "https://www.bls.gov/ooh/math/data-scientists.htm" in lines[bls + 1]
    levine = next(i for i, line in enumerate(lines) if "21,000 US venture financings" in line)
    assert "Correlation Ventures" in lines[levine + 1] and "2014-08" in lines[levine + 1]
    assert "source: landml editors' summary, as of 2026-11-22" in out
    assert "Interview loop" in out


@pytest.mark.usefixtures("postings")
def test_filters_narrow_the_view() -> None:
    result = run("market", "--kind", "startup", "--family", "mle")
    assert result.exit_code == 0, result.output
    assert "Market view: 1 postings (of 6 in the workspace); filters: family mle, kind startup" in (
        result.stdout
    )
    assert "Startup:" in result.stdout and "Big tech:" not in result.stdout
    data = run_json("market", "--location", "GB")
    assert data["counts"]["postings"] == 1
    assert data["salaries"]["by_role"][0]["currency"] == "GBP"


@pytest.mark.usefixtures("postings")
def test_png_writes_the_charts(tmp_path: Path) -> None:
    target = tmp_path / "charts"
    data = run_json("market", "--png", str(target))
    assert sorted(Path(p).name for p in data["charts"]) == [
        "salaries-GBP.png",
        "salaries-USD.png",
        "top-skills.png",
    ]
    assert all(Path(p).read_bytes().startswith(PNG_SIGNATURE) for p in data["charts"])


def test_an_unknown_family_is_one_line_and_exit_1() -> None:
    result = run("market", "--family", "wizard")
    assert result.exit_code == 1
    assert "Error: Unknown role family 'wizard'." in result.stderr
    assert "Traceback" not in result.output


def test_an_empty_workspace_says_how_to_import_and_still_shows_profiles() -> None:
    result = run("market")
    assert result.exit_code == 0, result.output
    assert "No postings match. Import some with `landml postings import FILE`" in result.stdout
    assert "Research lab:" in result.stdout


@pytest.mark.usefixtures("boilerplate")
def test_industries_from_the_company_description_are_not_top_skills() -> None:
    data = run_json("market")
    assert data["top_skills"]["skills"][0]["label"] == "Python"
    assert "finance and fintech" not in [s["label"] for s in data["top_skills"]["skills"]]
    named = data["industries_named"]
    assert [(i["label"], i["postings"]) for i in named["industries"]] == [
        ("finance and fintech", 4),
        ("healthcare and life sciences", 4),
    ]
    assert named["postings"] == 4 and "company" in named["note"]
    result = run("market")
    assert result.exit_code == 0, result.output
    after_skills = result.stdout.split("Top skills in 4 postings")[1]
    skills_table, industries = after_skills.split("Industries named")
    assert "Python" in skills_table and "fintech" not in skills_table
    industries = industries.split("Skills rising")[0]
    assert "4 of 4 postings name an industry" in industries
    assert "finance and fintech" in industries and "Python" not in industries
