"""What a prep check reports: one finding per rule that fired, with the evidence and a fix.

Stories, job talk outlines and recruiter pitches are all checked this way, so every
interface can render their findings alike.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class Finding(BaseModel):
    """One rule that fired: what is wrong, the text that shows it, and what to do."""

    model_config = ConfigDict(frozen=True)

    rule: str
    severity: Severity
    message: str
    evidence: str | None = None
    fix: str


def by_severity(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then notes; the order of rules kept within each."""
    return sorted(findings, key=lambda finding: SEVERITY_ORDER[finding.severity])
