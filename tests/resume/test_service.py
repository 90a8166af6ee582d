"""Resume versions on SQLite and PostgreSQL: a file is parsed before it is stored, the same
file is one version, one version is the default, and an owner sees only their own."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from landml.accounts.models import Owner
from landml.errors import InvalidInput, LandmlError, NotFound
from landml.resume import service
from landml.resume.check import check_resume
from landml.resume.models import ResumeVersion
from landml.resume.parse import parse_resume
from tests.resume.conftest import FILES

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ResumeVersion)) or 0


def test_a_file_is_parsed_and_stored_with_its_bytes_and_document(
    session: Session, owner: int
) -> None:
    path = FILES / "one_column.pdf"
    added = service.add_version(session, owner, path, "ML roles", now=T0)
    v = added.version
    assert added.created and v.ref == f"v{v.id}" and v.is_default
    assert (v.label, v.filename, v.format, v.pages) == ("ML roles", "one_column.pdf", "pdf", 1)
    assert v.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    name, media, data = service.version_file(session, owner, v.ref)
    assert (name, media, data) == ("one_column.pdf", "application/pdf", path.read_bytes())
    _, document = service.load_document(session, owner, v.id)
    assert document == parse_resume(path)


def test_the_same_file_twice_is_one_version(session: Session, owner: int) -> None:
    first = service.add_version(session, owner, FILES / "resume.md", now=T0)
    again = service.add_version(session, owner, FILES / "resume.md", "another label", now=T0)
    assert not again.created and again.version == first.version
    assert count(session) == 1
    assert first.version.label == "resume"  # the file name without its extension


@pytest.mark.parametrize("name", ["corrupt.pdf", "empty.pdf", "image_only.pdf", "missing.pdf"])
def test_a_file_that_does_not_parse_stores_nothing(session: Session, owner: int, name: str) -> None:
    with pytest.raises(LandmlError):
        service.add_version(session, owner, FILES / name)
    assert count(session) == 0
    with pytest.raises(NotFound, match="No resume stored yet"):
        service.resolve(session, owner)


def test_one_default_at_a_time_and_deleting_it_hands_it_on(session: Session, owner: int) -> None:
    a = service.add_version(session, owner, FILES / "resume.md", now=T0).version
    b = service.add_version(session, owner, FILES / "two_column.pdf", now=T0 + timedelta(1)).version
    c = service.add_version(session, owner, FILES / "resume.json", now=T0 + timedelta(2)).version
    assert [v.id for v in service.list_versions(session, owner)] == [c.id, b.id, a.id]
    assert service.resolve(session, owner).id == a.id
    service.set_default(session, owner, f"V{b.id}")
    assert [v.id for v in service.list_versions(session, owner) if v.is_default] == [b.id]
    service.delete_version(session, owner, b.id)
    # The newest version left takes over.
    assert service.resolve(session, owner).id == c.id
    service.delete_version(session, owner, c.id)
    service.delete_version(session, owner, a.id)
    assert service.list_versions(session, owner) == []


def test_versions_are_named_v_and_a_number(session: Session, owner: int) -> None:
    assert [service.parse_ref(r) for r in ("v3", "V3", " 3 ", 3)] == [3, 3, 3, 3]
    with pytest.raises(InvalidInput, match="not a resume version"):
        service.parse_ref("latest")
    with pytest.raises(NotFound, match="No resume version v999"):
        service.get_version(session, owner, "v999")


def test_an_owner_sees_only_their_own_versions(session: Session, owner: int) -> None:
    other = Owner(name="coached candidate", created_at=T0)
    session.add(other)
    session.commit()
    mine = service.add_version(session, owner, FILES / "resume.md", now=T0).version
    theirs = service.add_version(session, other.id, FILES / "resume.md", now=T0).version
    # The same file under two owners is two versions, each its owner's default.
    assert mine.id != theirs.id and mine.is_default and theirs.is_default
    assert [v.id for v in service.list_versions(session, owner)] == [mine.id]
    with pytest.raises(NotFound):
        service.get_version(session, owner, theirs.id)
    with pytest.raises(NotFound):
        service.delete_version(session, owner, theirs.id)


def test_a_version_is_viewed_with_the_checker_findings(session: Session, owner: int) -> None:
    service.add_version(session, owner, FILES / "one_column.pdf", now=T0)
    view = service.view_version(session, owner, today=date(2026, 3, 10))
    expected = check_resume(parse_resume(FILES / "one_column.pdf"), today=date(2026, 3, 10))
    assert view.report == expected
    # The fixture has a bullet that opens "Worked on": the checker quotes its line.
    vague = next(f for f in view.report.findings if f.rule_id == "bullets.vague_openers")
    line = vague.evidence[0].line
    assert line is not None and view.document.lines[line].text.endswith(
        "Worked on the monitoring dashboard."
    )


def test_a_label_longer_than_the_column_is_refused(session: Session, owner: int) -> None:
    with pytest.raises(InvalidInput, match="at most 200 fit"):
        service.add_version(session, owner, FILES / "resume.md", "x" * 201)
    assert count(session) == 0
