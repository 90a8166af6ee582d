"""A few postings with known companies, roles, places, salaries and skills, shared by the
market tests (service, CLI, web and browser)."""

from __future__ import annotations

from datetime import UTC, datetime

from landml.postings.sources import RawPosting

BIG_TECH = {"Sector": "Information Technology", "Industry": "Internet", "Size": "10000+ Employees"}
STARTUP = {
    "Sector": "Information Technology",
    "Industry": "Computer Hardware & Software",
    "Size": "51 to 200 Employees",
    "Type of ownership": "Company - Private",
}
FINANCE = {"Sector": "Finance", "Industry": "Investment Banking & Asset Management"}
RETAIL = {"Sector": "Retail", "Industry": "Department, Clothing, & Shoe Stores"}


def _raw(n: int, title: str, company: str, facts: dict[str, str], **fields: object) -> RawPosting:
    return RawPosting(
        source="market-test",
        external_id=f"m{n}",
        title=title,
        company=company,
        company_facts=facts,
        **fields,  # type: ignore[arg-type]
    )


def sample_postings() -> list[RawPosting]:
    """Six postings: four with salaries in two currencies, one paid by the hour."""
    return [
        _raw(
            1,
            "Machine Learning Engineer",
            "Acme AI",
            BIG_TECH,
            location="Mountain View, CA",
            salary_text="$160,000 - $200,000 a year",
            posted_at=datetime(2026, 9, 1, tzinfo=UTC),
            description="Acme AI ranks videos for two billion viewers.\n"
            "Requirements:\n- Strong Python and PyTorch skills\n- Kubernetes in production\n"
            "Nice to have:\n- Apache Spark for feature pipelines",
        ),
        _raw(
            2,
            "Data Scientist",
            "Acme AI",
            BIG_TECH,
            location="New York, NY",
            salary_text="$140K-$170K (Glassdoor est.)",
            posted_at=datetime(2026, 10, 1, tzinfo=UTC),
            description="Measure how our ads marketplace behaves with experiments.\n"
            "Requirements:\n- SQL and Python for analysis\n- Statistics and A/B testing\n"
            "Preferred:\n- Tableau dashboards",
        ),
        _raw(
            3,
            "Senior Machine Learning Engineer",
            "Tiny Labs",
            STARTUP,
            location="San Francisco, CA",
            salary_text="$75 - $95 an hour",
            description="Tiny Labs is a seed-stage company shipping speech models to phones.\n"
            "What you need:\n- Python, PyTorch and ONNX\n- Model quantization experience\n"
            "Bonus points:\n- Rust or C++",
        ),
        _raw(
            4,
            "Data Scientist",
            "Quant Capital",
            FINANCE,
            location="London, United Kingdom",
            salary_text="£90,000 - £110,000 per year",
            description="Forecast market liquidity for our trading desks.\n"
            "Requirements:\n- Python and pandas\n- Time series forecasting and statistics\n"
            "Nice to have:\n- kdb+ or q",
        ),
        _raw(
            5,
            "Data Analyst",
            "Shoe Palace",
            RETAIL,
            location="Chicago, IL",
            description="Report weekly sales across our stores to the merchandising team.\n"
            "Requirements:\n- SQL and Excel\n- Clear written communication",
        ),
        _raw(
            6,
            "Research Scientist, Computer Vision",
            "Tiny Labs",
            STARTUP,
            location="San Francisco, CA",
            salary_text="$180,000 - $220,000",
            description="Invent new self-supervised methods for on-device vision.\n"
            "Requirements:\n- PhD in machine learning or computer vision\n"
            "- Publications at CVPR or NeurIPS\n- PyTorch",
        ),
    ]


LEDGERLY = {
    "Sector": "Finance",
    "Industry": "Banks & Credit Unions",
    "Size": "1001 to 5000 Employees",
}
ABOUT_LEDGERLY = (
    "About us: Ledgerly is a leading provider of financial services and insurance to "
    "healthcare companies across the country.\n"
)


def boilerplate_postings() -> list[RawPosting]:
    """Four postings of one company whose "About us" paragraph names finance, insurance and
    healthcare in every posting, while each skill the jobs ask for appears in at most two."""
    asks = [
        ("Data Scientist", "- Python for analysis\n- Statistics"),
        ("Data Analyst", "- SQL\n- Tableau dashboards"),
        ("Machine Learning Engineer", "- Degree in computer science\n- Python and PyTorch"),
        ("Analytics Engineer", "- dbt and Apache Airflow"),
    ]
    return [
        _raw(
            10 + i,
            title,
            "Ledgerly",
            LEDGERLY,
            location="Boston, MA",
            description=f"{ABOUT_LEDGERLY}Requirements:\n{needs}\n\n"
            "Benefits: medical, dental and life insurance; 401k match.",
        )
        for i, (title, needs) in enumerate(asks)
    ]
