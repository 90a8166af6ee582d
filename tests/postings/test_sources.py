from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from landml.errors import InvalidInput
from landml.postings import sources

DATA = Path(__file__).parent / "data"

JSON_LD_PAGE = """<html><head><title>Careers</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "x"},
 {"@type": "JobPosting", "title": "Senior ML Engineer",
  "description": "&lt;p&gt;Ship &lt;b&gt;models&lt;/b&gt;.&lt;/p&gt;\
&lt;ul&gt;&lt;li&gt;PyTorch&lt;/li&gt;&lt;/ul&gt;",
  "hiringOrganization": {"@type": "Organization", "name": "Fennec Robotics"},
  "jobLocation": {"@type": "Place", "address": {"addressLocality": "Berlin",
                  "addressCountry": "DE"}},
  "jobLocationType": "TELECOMMUTE", "identifier": {"@type": "PropertyValue", "value": "R-77"},
  "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                 "value": {"@type": "QuantitativeValue", "minValue": 80000, "maxValue": 95000,
                           "unitText": "YEAR"}},
  "datePosted": "2026-11-01"}]}
</script></head><body><h1>Not this</h1></body></html>"""


def test_json_ld_job_posting_is_read_field_by_field() -> None:
    [raw] = sources.from_html(JSON_LD_PAGE, url="https://fennec.example/jobs/77")
    assert (raw.title, raw.company, raw.location) == (
        "Senior ML Engineer",
        "Fennec Robotics",
        "Berlin, DE",
    )
    assert raw.description == "Ship models.\n\n- PyTorch"
    assert (raw.salary_min, raw.salary_max, raw.salary_currency, raw.salary_period) == (
        80000.0,
        95000.0,
        "EUR",
        "year",
    )
    assert raw.remote is True
    assert raw.external_id == "R-77"
    assert raw.posted_at == datetime(2026, 11, 1, tzinfo=UTC)


def test_page_without_json_ld_gives_its_main_text_without_navigation() -> None:
    page = (
        "<html><head><title>Jobs</title></head><body><nav>Home About</nav>"
        "<main><h1>Data Scientist</h1><p>We need SQL and statistics.</p></main>"
        "<footer>Cookie settings</footer><script>alert(1)</script></body></html>"
    )
    [raw] = sources.from_html(page, url="https://x.example/jobs/1")
    assert raw.title == "Data Scientist"
    assert "We need SQL and statistics." in raw.description
    assert "Home About" not in raw.description and "Cookie" not in raw.description
    assert "alert" not in raw.description


def test_pasted_text_reads_title_and_company_from_the_first_line() -> None:
    raw = sources.from_text("Research Scientist at Cobalt Bio\n\nWe study proteins.")
    assert (raw.title, raw.company) == ("Research Scientist", "Cobalt Bio")
    with pytest.raises(InvalidInput, match="empty"):
        sources.from_text("  \n ")


@pytest.mark.parametrize(
    ("kind", "board", "fixture", "expected"),
    [
        (
            "greenhouse",
            "orbitalfoods",
            "greenhouse_board.json",
            ("Machine Learning Engineer, Ranking", "Orbital Foods", "Remote - US"),
        ),
        (
            "lever",
            "tallgrass",
            "lever_site.json",
            ("Applied Scientist, LLM Evaluation", "tallgrass", "London"),
        ),
        ("ashby", "lumen", "ashby_board.json", ("Research Scientist, Vision", "lumen", "Zurich")),
        (
            "workable",
            "kestrel",
            "workable_account.json",
            ("MLOps Engineer", "Kestrel Analytics", "Lisbon, Portugal"),
        ),
    ],
)
def test_job_board_answers_are_read(
    kind: str, board: str, fixture: str, expected: tuple[str, str, str]
) -> None:
    data = json.loads((DATA / fixture).read_text())
    raws = sources.BOARD_READERS[kind](data, board)
    first = raws[0]
    assert (first.title, first.company, first.location) == expected
    assert first.external_id.startswith(f"{board}:")
    assert first.description


def test_greenhouse_html_content_is_unescaped_to_text() -> None:
    data = json.loads((DATA / "greenhouse_board.json").read_text())
    first = sources.from_greenhouse(data, "orbitalfoods")[0]
    assert "Requirements\n\n- 3+ years of Python\n- PyTorch and Spark" in first.description
    assert first.description_html is not None and "<li>" in first.description_html


def test_lever_lists_and_salary_range() -> None:
    data = json.loads((DATA / "lever_site.json").read_text())
    raw = sources.from_lever(data, "tallgrass")[0]
    assert "What you'll need\n\n- PhD or equivalent\n- JAX or PyTorch" in raw.description
    assert (raw.salary_min, raw.salary_max, raw.salary_currency, raw.salary_period) == (
        90000.0,
        120000.0,
        "GBP",
        "year",
    )


def test_a_board_that_does_not_exist_is_a_clear_error() -> None:
    with pytest.raises(InvalidInput, match="not a job list"):
        sources.from_greenhouse({"status": 404, "error": "Job not found"}, "nope")
    with pytest.raises(InvalidInput, match="not a job-board name"):
        sources.board_api_url("greenhouse", "../../etc")


JOBSPY_CSV = (
    "id,site,job_url,title,company,location,date_posted,interval,min_amount,max_amount,"
    "currency,is_remote,description\n"
    'li-1,linkedin,https://www.linkedin.com/jobs/view/1,ML Engineer,Acme,"Austin, TX",'
    "2026-11-01,yearly,150000,180000,USD,False,Build models with PyTorch\n"
    ",,,,,,,,,,,,\n"
)


def test_jobspy_csv_layout_is_recognised() -> None:
    [raw] = sources.from_csv(JOBSPY_CSV)
    assert raw.source == "jobspy:linkedin"
    assert (raw.title, raw.company, raw.location, raw.url) == (
        "ML Engineer",
        "Acme",
        "Austin, TX",
        "https://www.linkedin.com/jobs/view/1",
    )
    assert (raw.salary_min, raw.salary_max, raw.salary_period) == (150000.0, 180000.0, "year")
    assert raw.remote is False


GLASSDOOR_CSV = (
    ",Job Title,Salary Estimate,Job Description,Rating,Company Name,Location,Headquarters,Size,"
    "Founded,Type of ownership,Industry,Sector,Revenue,Competitors\n"
    '0,Data Scientist,$53K-$91K (Glassdoor est.),"Line one\nLine two",3.8,"Tecolote\n3.8",'
    '"Albuquerque, NM","Goleta, CA",501 to 1000 employees,1973,Company - Private,'
    "Aerospace & Defense,Aerospace & Defense,$50 to $100 million (USD),-1\n"
)


def test_glassdoor_layout_strips_the_rating_from_the_company_name() -> None:
    [raw] = sources.from_csv(GLASSDOOR_CSV)
    assert (raw.title, raw.company, raw.salary_text) == (
        "Data Scientist",
        "Tecolote",
        "$53K-$91K (Glassdoor est.)",
    )
    assert raw.description == "Line one\nLine two"
    assert raw.company_facts["Size"] == "501 to 1000 employees"
    assert "Competitors" not in raw.company_facts


def test_any_csv_with_a_column_mapping() -> None:
    text = "Position,Employer,Text\nData Engineer,Brightline,Airflow and dbt\n"
    [raw] = sources.from_csv(
        text, mapping={"title": "Position", "company": "Employer", "description": "Text"}
    )
    assert (raw.title, raw.company, raw.description) == (
        "Data Engineer",
        "Brightline",
        "Airflow and dbt",
    )
    with pytest.raises(InvalidInput, match="not recognised"):
        sources.from_csv(text)
    with pytest.raises(InvalidInput, match="Column\\(s\\) not in the file: Missing"):
        sources.from_csv(text, mapping={"title": "Missing"})
