"""What ranking reads from a posting and from a resume.

A posting gives its skills (each with the strongest way the text asks for it), the role
family and seniority of its title, and its words. A resume gives the skills it names, the
broader skills those imply (PyTorch implies "deep learning frameworks", at the partial
credit `landml match explain` gives the same relation), the role family and seniority it
targets, and its words.

The resume side reuses `landml.match.explain.resume_features`, so a ranking and the
explanation of one posting read the same skills and the same most recent title.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from landml.match.explain import (
    LADDER,
    PARTIAL_CREDIT,
    families_fit,
    resume_features,
    resume_level,
)
from landml.match.index import FAMILIES, SENIORITIES, PostingFeatures, ResumeFeatures, ResumeSkill
from landml.postings.titles import classify_title
from landml.resume.document import ResumeDocument
from landml.skills.taxonomy import Taxonomy, load_taxonomy

# A broader skill the resume implies counts this much of a skill it names; the same figure
# `explain` gives when the resume's skill "lies under" the one a posting asks for.
IMPLIED_WEIGHT = PARTIAL_CREDIT["narrower"]
SENIORITY_STEP_FIT = {0: 1.0, 1: 0.5}  # levels apart -> fit; further apart fits 0
_STRENGTH = {"required": 2, "preferred": 1, None: 0}

TargetSource = Literal["role option", "experience", "headline", "none"]


@dataclass(frozen=True, slots=True)
class ResumeSkillFact:
    """A skill on the resume's side: named, or implied by a named one."""

    skill_id: str
    label: str
    weight: float
    via: str | None  # the named skill an implied one comes from
    via_label: str | None


@dataclass(frozen=True, slots=True)
class Target:
    """The role the resume is ranked for, and where that was read."""

    title: str | None
    role_family: str | None
    seniority: str | None
    source: TargetSource
    evidence: str


@dataclass(frozen=True, slots=True)
class ResumeProfile:
    """Everything ranking read from a resume: the facts to show and the query features."""

    name: str
    skills: tuple[ResumeSkillFact, ...]
    target: Target
    features: ResumeFeatures


def strongest_requirements(found: Iterable[tuple[str, str | None]]) -> dict[str, str | None]:
    """One entry per skill: the strongest way any of its mentions asks for it."""
    out: dict[str, str | None] = {}
    for skill_id, requirement in found:
        old = out.get(skill_id, "missing")
        if old == "missing" or _STRENGTH.get(requirement, 0) > _STRENGTH.get(old, 0):
            out[skill_id] = requirement
    return out


def posting_features(
    posting_id: int,
    *,
    title: str,
    description: str,
    role_family: str | None,
    seniority: str | None,
    skills: Iterable[tuple[str, str | None]],
) -> PostingFeatures:
    """The index's view of a stored posting (skills as (skill id, requirement) pairs)."""
    return PostingFeatures(
        posting_id=posting_id,
        skills=strongest_requirements(skills),
        role_family=role_family,
        seniority=seniority,
        text=f"{title}\n{description}",
    )


def implied_skills(named: Iterable[str], taxonomy: Taxonomy) -> dict[str, tuple[float, str | None]]:
    """Skill id -> (weight, via): the named skills at 1, each broader skill at
    `IMPLIED_WEIGHT`, credited through the first named skill that implies it."""
    out: dict[str, tuple[float, str | None]] = {}
    named = list(dict.fromkeys(named))
    for skill_id in named:
        out[skill_id] = (1.0, None)
    for skill_id in named:
        for broader in taxonomy.ancestors(skill_id):
            out.setdefault(broader.id, (IMPLIED_WEIGHT, skill_id))
    return out


def read_target(
    doc: ResumeDocument, role: str | None, *, today: date, taxonomy: Taxonomy
) -> tuple[Target, list[str], list[str]]:
    """The target role, and the skill ids and labels the resume names (read once)."""
    facts = resume_features(doc, today=today, taxonomy=taxonomy)
    skill_ids = [s.skill_id for s in facts.skills]
    labels = [s.label for s in facts.skills]
    if role and role.strip():
        tc = classify_title(role)
        family = tc.role_family.value
        level, why = (
            (tc.seniority.value, tc.seniority_evidence)
            if tc.seniority_stated
            else resume_level(facts)
        )
        return (
            Target(role.strip(), family, level, "role option", f"{tc.family_evidence}; {why}"),
            skill_ids,
            labels,
        )
    if facts.title is None:
        level, why = resume_level(facts)
        return (
            Target(None, None, level, "none", f"no job title found; seniority: {why}"),
            skill_ids,
            labels,
        )
    level, why = resume_level(facts)
    title = facts.title
    return (
        Target(
            title.text, title.role_family, level, title.source, f"{title.family_evidence}; {why}"
        ),
        skill_ids,
        labels,
    )


def fits(target: Target) -> tuple[dict[str, float], dict[str, float]]:
    """Fit of every posting role family and seniority with the target, in [0, 1]."""
    family = (
        {f: families_fit(target.role_family, f) for f in FAMILIES if f != "other"}
        if target.role_family and target.role_family != "other"
        else {}
    )
    level = target.seniority
    seniority = (
        {s: SENIORITY_STEP_FIT.get(abs(LADDER[s] - LADDER[level]), 0.0) for s in SENIORITIES}
        if level in LADDER
        else {}
    )
    return family, seniority


def words_text(doc: ResumeDocument) -> str:
    """The resume's text without its e-mail addresses and links: "example.com" or a
    GitHub handle says nothing about the work."""
    text = doc.text
    for contact in sorted(doc.contacts, key=lambda c: -len(c.value)):
        text = text.replace(contact.value, " ")
    return text


def resume_profile(
    doc: ResumeDocument,
    *,
    role: str | None = None,
    today: date,
    taxonomy: Taxonomy | None = None,
) -> ResumeProfile:
    """Skills (named and implied), target role and words of a parsed resume."""
    taxonomy = taxonomy or load_taxonomy()
    target, named, labels = read_target(doc, role, today=today, taxonomy=taxonomy)
    label_of = dict(zip(named, labels, strict=True))
    weighted = implied_skills(named, taxonomy)
    facts = []
    for skill_id, (weight, via) in weighted.items():
        skill = taxonomy.get(skill_id)
        facts.append(
            ResumeSkillFact(
                skill_id=skill_id,
                label=label_of.get(skill_id) or (skill.label if skill else skill_id),
                weight=weight,
                via=via,
                via_label=label_of.get(via) if via else None,
            )
        )
    family_fit, seniority_fit = fits(target)
    features = ResumeFeatures(
        skills={f.skill_id: ResumeSkill(f.weight, f.via) for f in facts},
        family_fit=family_fit,
        seniority_fit=seniority_fit,
        text=words_text(doc),
    )
    return ResumeProfile(doc.name, tuple(facts), target, features)
