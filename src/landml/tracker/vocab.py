"""The tracker's fixed vocabularies: company kinds, channels, contact roles, interaction
and interview kinds. Stored as their string values; labels are for people."""

from __future__ import annotations

from enum import StrEnum


class CompanyKind(StrEnum):
    startup = "startup"
    big_tech = "big_tech"
    mid_size = "mid_size"
    research_lab = "research_lab"
    finance = "finance"
    non_tech = "non_tech"
    other = "other"


class Channel(StrEnum):
    job_portal = "job_portal"
    referral = "referral"
    recruiter = "recruiter"
    linkedin_post = "linkedin_post"
    career_fair = "career_fair"
    conference = "conference"
    cold_email = "cold_email"
    advisor = "advisor"
    other = "other"


class ContactRole(StrEnum):
    recruiter = "recruiter"
    hiring_manager = "hiring_manager"
    engineer = "engineer"
    researcher = "researcher"
    professor = "professor"
    ceo = "ceo"
    referrer = "referrer"
    other = "other"


class InteractionKind(StrEnum):
    message = "message"
    email = "email"
    call = "call"
    meeting = "meeting"
    connection_request = "connection_request"


class Direction(StrEnum):
    outbound = "outbound"
    inbound = "inbound"


class InterviewKind(StrEnum):
    """Round kinds of an ML interview loop (shared with interview prep)."""

    recruiter_call = "recruiter_call"
    coding = "coding"
    ml_coding = "ml_coding"
    ml_debugging = "ml_debugging"
    ml_concepts = "ml_concepts"
    dl_llm_concepts = "dl_llm_concepts"
    probability_stats = "probability_stats"
    ml_system_design = "ml_system_design"
    behavioral = "behavioral"
    job_talk = "job_talk"
    take_home = "take_home"
    team_matching = "team_matching"
    hiring_manager = "hiring_manager"
    onsite = "onsite"
    other = "other"


class InterviewOutcome(StrEnum):
    pending = "pending"
    passed = "passed"
    failed = "failed"
    cancelled = "cancelled"
    unknown = "unknown"


LABELS: dict[str, str] = {
    "startup": "Startup",
    "big_tech": "Big tech",
    "mid_size": "Mid-size",
    "research_lab": "Research lab",
    "finance": "Finance",
    "non_tech": "Non-tech",
    "job_portal": "Job portal",
    "referral": "Referral",
    "recruiter": "Recruiter",
    "linkedin_post": "LinkedIn post",
    "career_fair": "Career fair",
    "conference": "Conference",
    "cold_email": "Cold email",
    "advisor": "Advisor / professor",
    "hiring_manager": "Hiring manager",
    "engineer": "Engineer",
    "researcher": "Researcher",
    "professor": "Professor",
    "ceo": "CEO",
    "referrer": "Referrer",
    "connection_request": "Connection request",
    "recruiter_call": "Recruiter call",
    "coding": "Coding",
    "ml_coding": "ML coding",
    "ml_debugging": "ML debugging",
    "ml_concepts": "ML concepts",
    "dl_llm_concepts": "Deep learning / LLM concepts",
    "probability_stats": "Probability & statistics",
    "ml_system_design": "ML system design",
    "behavioral": "Behavioral",
    "job_talk": "Job talk",
    "take_home": "Take-home",
    "team_matching": "Team matching",
    "onsite": "Onsite / full loop",
    "other": "Other",
}


def label(value: str) -> str:
    """A person-readable label for a vocabulary value."""
    return LABELS.get(value, value.replace("_", " ").capitalize())


def parse_choice(enum: type[StrEnum], value: str, what: str) -> str:
    """Accept a value or its label in any case ("Big tech", "big-tech", "BIG_TECH")."""
    from landml.errors import InvalidInput

    key = value.strip().lower().replace("-", "_").replace(" ", "_").replace("/", "_")
    for member in enum:
        if key in (member.value, label(member.value).lower().replace(" ", "_")):
            return member.value
    choices = ", ".join(m.value for m in enum)
    raise InvalidInput(f"Unknown {what} {value!r}.", hint=f"Choose one of: {choices}.")
