"""Builders for the matching tests: a resume read from a Markdown file written to a temporary
folder, and target applications whose postings are read from their text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from landml.match.explain import ResumeFeatures, posting_features, resume_features
from landml.match.gaps import Rejection, Target
from landml.resume.parse import parse_resume

TODAY = date(2026, 3, 10)
# Stage ranks of the built-in path (landml.tracker.stages).
SAVED, RECRUITER_CALL, ONSITE = 0.0, 20.0, 50.0

RESUME = """# Noor Haddad

Data Scientist · noor@example.com

## Experience

### Data Scientist, Umbra Retail (Jan 2022 – Present)

- Cut stock-outs 12% with a demand model in XGBoost over 300 stores.
- Wrote the SQL feature tables the team reuses, 40 tables in all.

## Projects

- **Churn model**: gradient boosting with XGBoost and SQL on 1M rows, AUC 0.87.
- **Cover classifier**: fine-tuned a PyTorch vision model on 20k covers, 0.83 accuracy.

## Education

MSc Statistics, University of Leeds, 2019-2021

## Skills

Python, SQL, XGBoost, PyTorch, Docker
"""


def resume_from(folder: Path, text: str = RESUME) -> ResumeFeatures:
    path = folder / "resume.md"
    path.write_text(text, encoding="utf-8")
    return resume_features(parse_resume(path), today=TODAY)


@pytest.fixture(scope="package")
def noor(tmp_path_factory: pytest.TempPathFactory) -> ResumeFeatures:
    return resume_from(tmp_path_factory.mktemp("noor"))


def target(
    app_id: int,
    text: str,
    *,
    company: str = "Acme",
    title: str = "Machine Learning Engineer",
    priority: int = 2,
    rank: float = SAVED,
    stage: str = "Saved",
) -> Target:
    """A target application whose posting says `text`."""
    features = posting_features(title, text, company=company)
    return Target(
        application_id=app_id,
        posting_id=app_id * 10,
        company=company,
        title=title,
        priority=priority,
        stage="saved",
        furthest_stage=stage,
        furthest_rank=rank,
        skills=features.skills,
        text=text,
    )


def rejection(
    app_id: int,
    skills: list[str],
    *,
    company: str = "Acme",
    priority: int = 2,
    rank: float = SAVED,
    reason: str | None = None,
) -> Rejection:
    return Rejection(
        application_id=app_id,
        company=company,
        title="ML Engineer",
        priority=priority,
        furthest_stage="Saved",
        furthest_rank=rank,
        reason=reason,
        skills=skills,
    )
