"""A recruiter-call prep sheet, and questions to ask interviewers.

`recruiter_sheet` builds two or three 30-60 second project pitches (problem, your role,
method, measurable result) ONLY from what the person entered: it reorders and punctuates
their own words, never adds a number, a skill or a claim. A result without a number is
reported as a finding instead of being filled in. The sheet also states the ask (which role
and team) and lists questions for the recruiter from `prep/data/questions_to_ask.yaml`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from landml.errors import InvalidInput
from landml.prep.datafiles import read_data_file
from landml.prep.findings import Finding, by_severity
from landml.prep.stories import measurable_evidence, spoken_seconds, word_count
from landml.tracker.vocab import CompanyKind, InterviewKind

Audience = Literal["recruiter", "hiring_manager", "engineer", "researcher"]
Topic = Literal[
    "process",
    "role",
    "team",
    "growth",
    "culture",
    "ml_infra",
    "data",
    "evaluation",
    "deployment",
    "on_call",
    "research_freedom",
]
# Who sits across the table in each round kind, so the questions are ones they can answer.
AUDIENCES_BY_ROUND: dict[str, tuple[Audience, ...]] = {
    "recruiter_call": ("recruiter",),
    "hiring_manager": ("hiring_manager",),
    "team_matching": ("hiring_manager", "engineer", "researcher"),
    "job_talk": ("researcher",),
    "behavioral": ("hiring_manager", "engineer"),
    "onsite": ("engineer", "hiring_manager"),
    "other": ("recruiter", "hiring_manager", "engineer", "researcher"),
}
DEFAULT_AUDIENCES: tuple[Audience, ...] = ("engineer",)  # every technical round
MAX_PITCHES = 3
# A pitch should take 30-60 seconds; at 130-150 spoken words a minute that is about
# 65-150 words.
PITCH_MAX_WORDS = 150
PITCH_MIN_WORDS = 65
_FIRST_PERSON = re.compile(r"\b(i|my|me|i'm|i've)\b", re.IGNORECASE)
_WE = re.compile(r"\b(we|our|us)\b", re.IGNORECASE)


class QuestionToAsk(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    text: str = Field(min_length=20)
    audiences: tuple[Audience, ...] = Field(min_length=1)
    topics: tuple[Topic, ...] = Field(min_length=1)
    company_kinds: tuple[CompanyKind, ...] = ()


class _QuestionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    questions: tuple[QuestionToAsk, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Self:
        texts = [question.text for question in self.questions]
        if len(set(texts)) != len(texts):
            raise ValueError("a question appears twice")
        return self


@cache
def _questions() -> tuple[QuestionToAsk, ...]:
    return read_data_file("questions_to_ask.yaml", _QuestionsFile).questions


def _choice(enum: type[InterviewKind] | type[CompanyKind], value: str, what: str) -> str:
    choices = tuple(member.value for member in enum)
    if value not in choices:
        raise InvalidInput(
            f"Unknown {what} {value!r}.", hint=f"Choose one of: {', '.join(choices)}."
        )
    return value


def _spread_topics(questions: list[QuestionToAsk]) -> list[QuestionToAsk]:
    """Interleave questions by their first topic so a short list covers several subjects."""
    groups: dict[str, list[QuestionToAsk]] = {}
    for question in questions:
        groups.setdefault(question.topics[0], []).append(question)
    spread: list[QuestionToAsk] = []
    while any(groups.values()):
        for group in groups.values():
            if group:
                spread.append(group.pop(0))
    return spread


def questions_to_ask(
    round_kind: str, company_kind: str | None = None, *, limit: int | None = None
) -> list[QuestionToAsk]:
    """Questions suited to who runs this round kind, and to the company kind when given.

    Questions written for this company kind come first, then general ones; within each,
    topics are interleaved. Deterministic: the same arguments give the same list.
    """
    _choice(InterviewKind, round_kind, "round kind")
    if company_kind is not None:
        _choice(CompanyKind, company_kind, "company kind")
    if limit is not None and limit < 1:
        raise InvalidInput(f"limit must be at least 1, not {limit}.", hint="Leave it out for all.")
    audiences = AUDIENCES_BY_ROUND.get(round_kind, DEFAULT_AUDIENCES)
    suited = [q for q in _questions() if set(q.audiences) & set(audiences)]
    specific = [q for q in suited if company_kind and company_kind in q.company_kinds]
    general = [q for q in suited if not q.company_kinds]
    ordered = _spread_topics(specific) + _spread_topics(general)
    return ordered[:limit] if limit is not None else ordered


class ProjectIn(BaseModel):
    """A project as the person describes it; every pitch sentence comes from these fields."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1)
    problem: str = ""
    role: str = ""
    method: str = ""
    result: str = ""
    skills: tuple[str, ...] = ()


class Pitch(BaseModel):
    project: str
    text: str
    words: int
    seconds_low: int
    seconds_high: int
    measurable: bool
    findings: list[Finding]


class RecruiterSheet(BaseModel):
    company: str
    target_role: str
    team_interest: str | None
    pitches: list[Pitch]
    left_out: list[str]
    ask: str
    questions: list[QuestionToAsk]
    findings: list[Finding]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else f"{text}."


def _role_sentence(role: str) -> str:
    # "Owned the ranking model" reads as a fragment after other sentences; a prefix keeps
    # the person's words while making clear whose part it was.
    return _sentence(role) if _FIRST_PERSON.search(role) else _sentence(f"My part: {role}")


def _missing_parts(project: ProjectIn) -> list[Finding]:
    findings = []
    for part, why in (
        ("problem", "what problem it solved and for whom"),
        ("role", "what you did yourself"),
        ("method", "how you solved it"),
        ("result", "what changed because of it"),
    ):
        if not getattr(project, part):
            findings.append(
                Finding(
                    rule=f"pitch.missing_{part}",
                    severity="warning",
                    message=f"{project.name}: no {part} entered, so the pitch cannot say {why}.",
                    fix=f"Add the {part} in your own words.",
                )
            )
    return findings


def _pitch_findings(project: ProjectIn, text: str, measurable: bool) -> list[Finding]:
    findings = _missing_parts(project)
    if project.result and not measurable:
        findings.append(
            Finding(
                rule="pitch.result_unmeasured",
                severity="warning",
                message=f"{project.name}: the result has no number.",
                evidence=project.result,
                fix=(
                    "If you measured it, say what changed and by how much (accuracy, latency, "
                    "users, money, hours saved). landml will not invent a figure."
                ),
            )
        )
    if project.role and _WE.search(project.role) and not _FIRST_PERSON.search(project.role):
        findings.append(
            Finding(
                rule="pitch.role_we",
                severity="warning",
                message=f"{project.name}: your role is told as 'we'.",
                evidence=project.role,
                fix="Say what you did yourself: 'I designed...', 'I trained...'.",
            )
        )
    words = word_count(text)
    low, high = spoken_seconds(words)
    if words > PITCH_MAX_WORDS:
        findings.append(
            Finding(
                rule="pitch.too_long",
                severity="warning",
                message=f"{project.name}: {words} words take {low}-{high} seconds, over a minute.",
                fix=f"Cut to about {PITCH_MAX_WORDS} words: keep the result, drop method detail.",
            )
        )
    elif words < PITCH_MIN_WORDS:
        findings.append(
            Finding(
                rule="pitch.too_short",
                severity="info",
                message=f"{project.name}: {words} words take {low}-{high} seconds, under 30.",
                fix="Add the problem's stakes or one method choice you made and why.",
            )
        )
    return findings


def build_pitch(project: ProjectIn) -> Pitch:
    """One pitch from the project's own fields: problem, role, method, result."""
    parts = [
        _sentence(project.problem),
        _role_sentence(project.role) if project.role else "",
        _sentence(project.method),
        _sentence(project.result),
    ]
    text = " ".join(part for part in parts if part)
    measurable = bool(measurable_evidence(project.result))
    low, high = spoken_seconds(word_count(text))
    return Pitch(
        project=project.name,
        text=text,
        words=word_count(text),
        seconds_low=low,
        seconds_high=high,
        measurable=measurable,
        findings=by_severity(_pitch_findings(project, text, measurable)),
    )


def _rank_key(project: ProjectIn, position: int, role_words: set[str]) -> tuple[int, int, int, int]:
    filled = sum(bool(getattr(project, part)) for part in ("problem", "role", "method", "result"))
    skills = {w for skill in project.skills for w in re.findall(r"[a-z0-9+#]+", skill.lower())}
    overlap = len(role_words & skills)
    return (-int(bool(measurable_evidence(project.result))), -filled, -overlap, position)


def _choose_projects(projects: list[ProjectIn], target_role: str) -> list[int]:
    """Positions of the strongest projects: measured result first, then completeness, then
    fit with the target role, then the order entered."""
    role_words = set(re.findall(r"[a-z0-9+#]+", target_role.lower()))
    ranked = sorted(range(len(projects)), key=lambda i: _rank_key(projects[i], i, role_words))
    return ranked[:MAX_PITCHES]


def _article(phrase: str) -> str:
    """'a' or 'an' by sound: 'an ML engineer', 'an applied scientist', 'a data scientist'."""
    word = phrase.split()[0]
    if word.isupper() and len(word) > 1:  # an acronym is read letter by letter
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    return "an" if word[0].lower() in "aeiou" else "a"


def _ask(target_role: str, company: str, team_interest: str | None) -> str:
    role = target_role.strip()
    team = (
        f", ideally on {team_interest.strip()}" if team_interest and team_interest.strip() else ""
    )
    return (
        f"I'm looking for {_article(role)} {role} role at {company.strip()}{team}. "
        "Which teams are hiring for that, and what does the interview loop look like?"
    )


def recruiter_sheet(
    projects: list[ProjectIn],
    target_role: str,
    company: str,
    team_interest: str | None = None,
    *,
    company_kind: str | None = None,
    question_count: int = 5,
) -> RecruiterSheet:
    """A prep sheet for a recruiter call built only from the person's own entries."""
    if not projects:
        raise InvalidInput(
            "No projects entered, so there is nothing to pitch.",
            hint="Add two or three projects with problem, your role, method and result.",
        )
    if not target_role.strip() or not company.strip():
        raise InvalidInput(
            "Both the target role and the company are needed for the ask.",
            hint="Give the role (e.g. 'ML engineer') and the company name.",
        )
    chosen = _choose_projects(projects, target_role)
    findings: list[Finding] = []
    if len(projects) == 1:
        findings.append(
            Finding(
                rule="sheet.one_project",
                severity="warning",
                message="Only one project entered.",
                fix="Prepare two or three pitches so you can pick the one closest to the team.",
            )
        )
    left_out = [p.name for i, p in enumerate(projects) if i not in chosen]
    if left_out:
        findings.append(
            Finding(
                rule="sheet.left_out",
                severity="info",
                message=f"Pitched the {MAX_PITCHES} strongest projects; left out: "
                + ", ".join(left_out)
                + ".",
                fix="Reorder or complete a project's fields to bring it in.",
            )
        )
    return RecruiterSheet(
        company=company.strip(),
        target_role=target_role.strip(),
        team_interest=team_interest.strip() if team_interest else None,
        pitches=[build_pitch(projects[i]) for i in chosen],
        left_out=left_out,
        ask=_ask(target_role, company, team_interest),
        questions=questions_to_ask("recruiter_call", company_kind, limit=question_count),
        findings=findings,
    )
