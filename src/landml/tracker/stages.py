"""Stages of an application, following the ML interview path, and the user's own.

The built-in path runs saved -> applied -> recruiter call -> technical screen ->
take-home -> onsite/full loop -> team matching -> offer -> accepted. Closed
outcomes (rejected, ghosted, withdrawn, declined) end an application without an
offer being taken. Users may add stages of their own, placed after any stage.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    key: str
    label: str
    closed: bool = False
    builtin: bool = True
    # Where the stage stands on the path; used to order board columns and funnels.
    rank: float = 0.0

    @property
    def active(self) -> bool:
        return not self.closed and self.key != "accepted"


BUILTIN_STAGES: tuple[Stage, ...] = (
    Stage("saved", "Saved", rank=0),
    Stage("applied", "Applied", rank=10),
    Stage("recruiter_call", "Recruiter call", rank=20),
    Stage("tech_screen", "Technical screen", rank=30),
    Stage("take_home", "Take-home", rank=40),
    Stage("onsite", "Onsite / full loop", rank=50),
    Stage("team_match", "Team matching", rank=60),
    Stage("offer", "Offer", rank=70),
    Stage("accepted", "Accepted", rank=80),
    Stage("rejected", "Rejected", closed=True, rank=100),
    Stage("ghosted", "Ghosted", closed=True, rank=101),
    Stage("withdrawn", "Withdrawn", closed=True, rank=102),
    Stage("declined", "Declined", closed=True, rank=103),
)

BUILTIN_BY_KEY = {s.key: s for s in BUILTIN_STAGES}
CLOSED_OUTCOMES = tuple(s.key for s in BUILTIN_STAGES if s.closed)
# Stages that mean the company answered (anything past "applied", except silence).
ANSWERED_STAGES = frozenset(
    {
        "recruiter_call",
        "tech_screen",
        "take_home",
        "onsite",
        "team_match",
        "offer",
        "accepted",
        "rejected",
    }
)


def stage_key(text: str) -> str:
    """The key form of a stage name: "Phone Screen" -> "phone_screen"."""
    out = "".join(c if c.isalnum() else "_" for c in text.strip().lower())
    return "_".join(part for part in out.split("_") if part)
