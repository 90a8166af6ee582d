"""Resume test files: the committed ones built by make_fixtures.py, and builders for the
ones the tests make on the fly (encrypted, oversized, zip bombs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from landml.resume.check import ResumeReport, check_resume
from landml.resume.document import ResumeDocument
from landml.resume.parse import parse_resume

FILES = Path(__file__).resolve().parent / "files"


@pytest.fixture(scope="session")
def files() -> Path:
    return FILES


def encrypted_copy(src: Path, dest: Path, *, user: str, algorithm: str = "AES-256") -> Path:
    """`src` encrypted with pypdf; an empty user password opens without one."""
    writer = PdfWriter(clone_from=PdfReader(src))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm=algorithm)
    with dest.open("wb") as fh:
        writer.write(fh)
    return dest


def write_resume(tmp_path: Path, text: str, name: str = "resume.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def parse_text(tmp_path: Path, text: str, name: str = "resume.md") -> ResumeDocument:
    return parse_resume(write_resume(tmp_path, text, name))


def check_text(tmp_path: Path, text: str, name: str = "resume.md", **kw: object) -> ResumeReport:
    return check_resume(parse_text(tmp_path, text, name), **kw)  # type: ignore[arg-type]


def rule_ids(report: ResumeReport) -> set[str]:
    return {f.rule_id for f in report.findings}
