"""Hand-built application histories for the pure insights tests: a ledger is written as
(stage, day) pairs, days counted from a fixed start."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from landml.insights.funnel import ApplicationHistory, InterviewRecord, LedgerEntry

START = datetime(2026, 9, 7, 9, 0, tzinfo=UTC)  # a Monday


def day(n: float) -> datetime:
    return START + timedelta(days=n)


def history(
    app_id: int,
    *steps: tuple[str, float] | LedgerEntry,
    channel: str = "job_portal",
    kind: str = "startup",
    family: str = "mle",
    interviews: tuple[InterviewRecord, ...] = (),
) -> ApplicationHistory:
    ledger = tuple(
        step if isinstance(step, LedgerEntry) else LedgerEntry(step[0], day(step[1]))
        for step in steps
    )
    return ApplicationHistory(
        id=app_id,
        company=f"Company {app_id}",
        title=f"Role {app_id}",
        company_kind=kind,
        channel=channel,
        role_family=family,
        created_at=ledger[0].at,
        ledger=ledger,
        interviews=interviews,
    )
