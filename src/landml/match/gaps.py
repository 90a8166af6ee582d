"""`find_gaps(targets, rejections, resume)`: the skills your target postings ask for that
your resume lacks, weighted by how much each target matters, plus the skills rejections
named.

Each target application weighs

    priority weight x stage weight

with priority 1 (top target) x3, 2 x2, 3 x1, and the stage weight 1 + rank / 20 of the
furthest open stage it reached (saved 1, applied 1.5, recruiter call 2, technical screen
2.5, take-home 3, onsite 3.5, team matching 4, offer 4.5): companies that take you
further show where you compete, so their asks count more.

A skill's gap weight adds, over the targets that ask for it,

    target weight x requirement weight (required 1, preferred 0.5) x (1 - credit)

where credit is what the resume already earns for it (1 named, partial for a related skill,
see `explain`), and, for every rejection that named it, 2 x that application's weight:
a rejection naming a skill is the most direct evidence there is, so it counts as two
required asks, whatever the resume says.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from landml.match.explain import AskedSkill, ResumeFeatures, SkillRelations
from landml.skills.taxonomy import Taxonomy, load_taxonomy

PRIORITY_WEIGHT: dict[int, float] = {1: 3.0, 2: 2.0, 3: 1.0}
REQUIREMENT_WEIGHT: dict[str, float] = {"required": 1.0, "preferred": 0.5}
REJECTION_WEIGHT = 2.0
STAGE_RANK_CAP = 80.0  # accepted; closed outcomes rank higher but are no further along


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Target(_Model):
    """An application you target, with the skills its posting asks for."""

    application_id: int
    posting_id: int | None
    company: str
    title: str
    priority: int
    stage: str  # current stage
    furthest_stage: str  # the furthest open stage it reached
    furthest_rank: float
    skills: list[AskedSkill]
    text: str = ""  # the posting text, for the portfolio planner's problem kinds


class Rejection(_Model):
    """A rejection and the skills it named, as the person wrote them."""

    application_id: int
    company: str
    title: str
    priority: int
    furthest_stage: str
    furthest_rank: float
    reason: str | None
    skills: list[str]


class GapSource(_Model):
    application_id: int
    posting_id: int | None
    company: str
    title: str
    requirement: str
    credit: float
    weight: float  # what this target adds to the gap


class RejectionSource(_Model):
    application_id: int
    company: str
    title: str
    reason: str | None
    named_as: str
    weight: float


class Gap(_Model):
    """A skill to close, with every target and rejection that makes it one."""

    skill_id: str | None  # None for a rejection's skill the taxonomy does not know
    label: str
    category: str | None
    status: str  # missing, partial (a related skill on the resume) or named_in_rejection
    related_skill: str | None
    weight: float
    asked_by: list[GapSource]
    rejections: list[RejectionSource]
    explanation: str


class TargetWeight(_Model):
    application_id: int
    posting_id: int | None
    company: str
    title: str
    priority: int
    furthest_stage: str
    weight: float
    explanation: str
    skills_asked: int
    skills_missing: int


class GapReport(_Model):
    resume_name: str
    resume_ref: str | None = None
    gaps: list[Gap]
    targets: list[TargetWeight]
    skipped: list[str]
    formula: str


FORMULA = (
    "gap weight = sum over targets asking for the skill of (priority weight x stage weight "
    "x requirement weight x (1 - credit)) + 2 x (priority weight x stage weight) for each "
    "rejection naming it; priority 1/2/3 weighs 3/2/1, stage weight = 1 + stage rank / 20, "
    "required 1, preferred 0.5"
)


def stage_weight(rank: float) -> float:
    """1 for saved, +0.5 per built-in stage reached, up to 5 for an accepted offer."""
    return 1.0 + min(max(rank, 0.0), STAGE_RANK_CAP) / 20.0


def priority_weight(priority: int) -> float:
    return PRIORITY_WEIGHT.get(priority, PRIORITY_WEIGHT[3])


def target_weight(priority: int, rank: float) -> float:
    return round(priority_weight(priority) * stage_weight(rank), 3)


def _weight_text(priority: int, stage: str, rank: float) -> str:
    return (
        f"priority {priority} x{priority_weight(priority):g}, reached {stage} "
        f"x{stage_weight(rank):g} = {target_weight(priority, rank):g}"
    )


class _Accumulator:
    """Gap sources by skill, in the order skills are first met."""

    def __init__(self) -> None:
        self.asked: dict[str, list[GapSource]] = {}
        self.rejected: dict[str, list[RejectionSource]] = {}
        self.info: dict[str, tuple[str | None, str, str | None, str, str | None]] = {}

    def key(self, skill_id: str | None, label: str) -> str:
        return skill_id or f"text:{' '.join(label.lower().split())}"


def find_gaps(
    targets: Sequence[Target],
    rejections: Sequence[Rejection],
    resume: ResumeFeatures,
    *,
    skipped: Sequence[str] = (),
    taxonomy: Taxonomy | None = None,
) -> GapReport:
    """Skills to close, heaviest first, each with the sum that gives its weight."""
    taxonomy = taxonomy or load_taxonomy()
    relations = SkillRelations(taxonomy)
    acc = _Accumulator()
    weights = [_add_target(acc, t, resume, relations) for t in targets]
    for rejection in rejections:
        _add_rejection(acc, rejection, resume, taxonomy)
    gaps = [_gap(acc, key) for key in acc.info]
    gaps = [g for g in gaps if g.weight > 0]
    gaps.sort(key=lambda g: (-g.weight, g.label.lower()))
    return GapReport(
        resume_name=resume.name,
        gaps=gaps,
        targets=sorted(weights, key=lambda w: -w.weight),
        skipped=list(skipped),
        formula=FORMULA,
    )


def _add_target(
    acc: _Accumulator, target: Target, resume: ResumeFeatures, relations: SkillRelations
) -> TargetWeight:
    weight = target_weight(target.priority, target.furthest_rank)
    missing = 0
    for asked in target.skills:
        credit = relations.credit(asked.skill_id, resume.skills)
        if credit.status == "met":
            continue
        missing += 1
        key = acc.key(asked.skill_id, asked.label)
        status = credit.status
        acc.info.setdefault(
            key, (asked.skill_id, asked.label, asked.category, status, credit.related_label)
        )
        acc.asked.setdefault(key, []).append(
            GapSource(
                application_id=target.application_id,
                posting_id=target.posting_id,
                company=target.company,
                title=target.title,
                requirement=asked.requirement,
                credit=credit.credit,
                weight=round(
                    weight * REQUIREMENT_WEIGHT[asked.requirement] * (1 - credit.credit), 3
                ),
            )
        )
    return TargetWeight(
        application_id=target.application_id,
        posting_id=target.posting_id,
        company=target.company,
        title=target.title,
        priority=target.priority,
        furthest_stage=target.furthest_stage,
        weight=weight,
        explanation=_weight_text(target.priority, target.furthest_stage, target.furthest_rank),
        skills_asked=len(target.skills),
        skills_missing=missing,
    )


def _add_rejection(
    acc: _Accumulator, rejection: Rejection, resume: ResumeFeatures, taxonomy: Taxonomy
) -> None:
    weight = round(REJECTION_WEIGHT * target_weight(rejection.priority, rejection.furthest_rank), 3)
    for named in rejection.skills:
        skill = taxonomy.find(named)
        skill_id = skill.id if skill else None
        key = acc.key(skill_id, named)
        if key not in acc.info:
            has = skill_id is not None and resume.skill(skill_id) is not None
            status = "named_in_rejection" if has else "missing"
            label = skill.label if skill else named.strip()
            acc.info[key] = (skill_id, label, skill.category if skill else None, status, None)
        acc.rejected.setdefault(key, []).append(
            RejectionSource(
                application_id=rejection.application_id,
                company=rejection.company,
                title=rejection.title,
                reason=rejection.reason,
                named_as=named,
                weight=weight,
            )
        )


def _gap(acc: _Accumulator, key: str) -> Gap:
    skill_id, label, category, status, related = acc.info[key]
    asked = acc.asked.get(key, [])
    rejected = acc.rejected.get(key, [])
    terms = [f"{s.company} {s.weight:g}" for s in asked]
    terms += [f"rejection at {r.company} {r.weight:g}" for r in rejected]
    weight = round(sum(s.weight for s in asked) + sum(r.weight for r in rejected), 3)
    return Gap(
        skill_id=skill_id,
        label=label,
        category=category,
        status=status,
        related_skill=related,
        weight=weight,
        asked_by=asked,
        rejections=rejected,
        explanation=f"{' + '.join(terms)} = {weight:g}",
    )
