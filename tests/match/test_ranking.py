"""Ranking a workspace's postings for a resume, on SQLite and PostgreSQL: the persisted index,
its updates on import, rebuilds when it is stale, and the reasons given."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from landml.config import Settings
from landml.errors import NotFound
from landml.match import ranking
from landml.match.index import PostingIndex, read_manifest
from landml.postings.models import Posting
from landml.postings.service import import_postings
from landml.postings.sources import RawPosting

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)

RESUME = """# Ana Lima

Machine Learning Engineer · ana@example.com

## Experience

### Machine Learning Engineer, Orbital Foods (Jan 2021 – Present)

- Trained ranking models in PyTorch on Spark features; cut feed latency by 30%.
- Deployed the models with Kubernetes and Docker for 4M daily users.

## Skills

Python, PyTorch, Spark, Kubernetes, Docker, SQL
"""

POSTINGS = {
    "ml": (
        "Machine Learning Engineer",
        "Acme Robotics",
        "We build the ranking models behind our feed.\n\nRequirements\n"
        "- 3+ years of Python\n- Experience with PyTorch and Spark\n\n"
        "Nice to have\n- Kubernetes\n",
    ),
    "analyst": (
        "Data Analyst",
        "Beta Retail",
        "You will own weekly sales dashboards.\n\nRequirements\n- Excel and Tableau\n- Some SQL\n",
    ),
    "research": (
        "Research Scientist",
        "Gamma Labs",
        "Publish on reinforcement learning for robot control.\n\nRequirements\n"
        "- JAX\n- A PhD in machine learning\n",
    ),
}


def raw(key: str, suffix: str = "") -> RawPosting:
    title, company, text = POSTINGS[key]
    return RawPosting(
        source="test",
        external_id=f"{key}{suffix}",
        title=title,
        company=company,
        description=text,
    )


def import_all(session: Session, owner: int, *keys: str) -> list[int]:
    return import_postings(session, owner, [raw(k) for k in keys], now=NOW).posting_ids


@pytest.fixture
def resume_path(tmp_path: Path) -> Path:
    path = tmp_path / "ana.md"
    path.write_text(RESUME, encoding="utf-8")
    return path


def test_the_posting_asking_for_the_resumes_skills_ranks_first_with_its_reasons(
    session: Session, owner: int, settings: Settings, resume_path: Path
) -> None:
    ids = import_all(session, owner, "analyst", "ml", "research")
    report = ranking.rank(session, owner, settings, resume_path, top=3, today=TODAY)
    assert report.rows[0].posting_id == ids[1]
    first = report.rows[0]
    assert (first.title, first.company, first.rank) == (
        "Machine Learning Engineer",
        "Acme Robotics",
        1,
    )
    asked = {s.label: s.requirement for s in first.reason.skills}
    assert asked["PyTorch"] == "required"
    assert asked["Kubernetes"] == "preferred"
    assert first.reason.title.family_fit == 1.0
    assert "PyTorch (req)" in first.reason.summary
    for row in report.rows:
        points = [s.points for s in row.reason.skills] + [w.points for w in row.reason.words]
        title = row.reason.title.family_points + row.reason.title.seniority_points
        total = math.fsum(points) + title + row.reason.semantic_points
        assert row.score == pytest.approx(total, abs=1e-9)
    assert report.rows[0].score > report.rows[1].score
    assert (report.target.role_family, report.target.source) == ("mle", "experience")
    assert {"ml:pytorch", "ml:apache-spark"} <= {s.skill_id for s in report.resume_skills}
    assert report.index.action == "built"


def test_the_role_option_sets_the_target_instead_of_the_resumes_title(
    session: Session, owner: int, settings: Settings, resume_path: Path
) -> None:
    import_all(session, owner, "analyst", "ml", "research")
    report = ranking.rank(
        session, owner, settings, resume_path, top=3, role="Senior Data Analyst", today=TODAY
    )
    assert (report.target.role_family, report.target.seniority) == ("analyst", "senior")
    assert report.target.source == "role option"
    analyst = next(r for r in report.rows if r.title == "Data Analyst")
    assert analyst.reason.title.family_fit == 1.0


def test_the_index_is_saved_then_loaded_and_imports_append_to_it(
    session: Session, owner: int, settings: Settings, resume_path: Path
) -> None:
    import_all(session, owner, "ml", "analyst")
    first = ranking.rank(session, owner, settings, resume_path, top=5, today=TODAY)
    directory = ranking.index_dir(settings, owner)
    manifest = read_manifest(directory)
    assert manifest is not None
    assert (manifest.postings, first.index.action) == (2, "built")
    assert manifest.workspace == ranking.workspace_key(settings)

    again = ranking.rank(session, owner, settings, resume_path, top=5, today=TODAY)
    assert again.index.action == "loaded"

    [new_id] = import_all(session, owner, "research")
    ranking.on_postings_imported(session, owner, settings, [new_id])
    after = read_manifest(directory)
    assert after is not None and (after.postings, after.max_id) == (3, new_id)
    assert after.created_at == manifest.created_at  # appended, not rebuilt
    assert new_id in PostingIndex.load(directory)
    third = ranking.rank(session, owner, settings, resume_path, top=5, today=TODAY)
    assert third.index.action == "loaded"
    assert len(third.rows) == 3


def test_postings_imported_without_the_hook_are_caught_up_before_ranking(
    session: Session, owner: int, settings: Settings, resume_path: Path
) -> None:
    import_all(session, owner, "ml")
    ranking.ensure_index(session, owner, settings)
    import_all(session, owner, "analyst", "research")
    report = ranking.rank(session, owner, settings, resume_path, top=5, today=TODAY)
    assert report.index.action == "updated"
    assert report.postings == 3


def test_a_stale_index_is_rebuilt_when_postings_were_removed(
    session: Session, owner: int, settings: Settings, resume_path: Path
) -> None:
    ids = import_all(session, owner, "ml", "analyst", "research")
    ranking.ensure_index(session, owner, settings)
    session.execute(delete(Posting).where(Posting.id == ids[2]))
    session.commit()
    report = ranking.rank(session, owner, settings, resume_path, top=5, today=TODAY)
    assert report.index.action == "rebuilt"
    assert report.index.reason is not None and "3 postings" in report.index.reason
    assert {r.posting_id for r in report.rows} == set(ids[:2])


def test_an_index_of_another_workspace_is_rebuilt_not_used(
    session: Session, owner: int, settings: Settings, resume_path: Path
) -> None:
    import_all(session, owner, "ml", "analyst")
    directory = ranking.index_dir(settings, owner)
    PostingIndex.build([], workspace="sqlite:/elsewhere.sqlite3").save(directory)
    report = ranking.rank(session, owner, settings, resume_path, top=5, today=TODAY)
    assert report.index.action == "rebuilt"
    assert report.index.reason is not None and "belongs to" in report.index.reason
    assert report.postings == 2


def test_each_database_has_its_own_index_directory(settings: Settings) -> None:
    directory = ranking.index_dir(settings, 1)
    assert directory.is_relative_to(settings.home / "index")
    if settings.is_sqlite:
        assert directory == settings.home / "index" / "1"
    else:
        assert directory.parent.name.endswith(settings.url.rsplit("/", 1)[-1])
        assert make_url(ranking.workspace_key(settings)).password in (None, "***")


def test_ranking_an_empty_workspace_says_what_to_do(
    session: Session, owner: int, settings: Settings, resume_path: Path
) -> None:
    with pytest.raises(NotFound, match="no postings"):
        ranking.rank(session, owner, settings, resume_path, today=TODAY)


def test_contact_details_are_not_words_of_the_resume(
    session: Session, owner: int, settings: Settings, resume_path: Path
) -> None:
    import_postings(
        session,
        owner,
        [
            RawPosting(
                source="test",
                external_id="ex",
                title="Data Scientist",
                company="Example Corp",
                description="Example Corp builds example apps. Requirements: Python.",
            )
        ],
        now=NOW,
    )
    report = ranking.rank(session, owner, settings, resume_path, top=1, today=TODAY)
    assert "example" not in {w.word.lower() for w in report.rows[0].reason.words}
