"""`plan_portfolio(...)`: ONE portfolio project, chosen from what you know, what your target
companies need and what you lack.

1. **Start from what you know.** Among your projects (the resume's Projects section and
   any you list in a projects file), the base is the one whose skills your targets ask
   for most: the sum of the demand of each of its skills, where a skill's demand is the
   sum over targets asking for it of target weight x requirement weight (see `gaps`).
2. **Add what they need and you lack.** The heaviest gap seeds the list; each next skill
   is the gap that most often appears in the same postings as the ones chosen (its gap
   weight x the share of its targets' weight that also ask for a chosen skill), up to four.
   A fifth would make a project too broad to finish well.
3. **Aim at a problem they have.** Each target posting is read for kinds of problem
   (recommendation, ranking and search, forecasting, NLP and LLM applications, computer
   vision, fraud and anomaly detection, experimentation) from its skills and its words;
   a kind weighs the sum of the weights of the targets that show it.

Ideas you enter are scored on the same scale as the plan, out of 100:

    coverage 50 x (gap weight the idea's skills close / gap weight of the four heaviest gaps)
    known    25 x min(1, skills of the idea you already have / 3)
    kind     25 x (weight of the idea's problem kind / weight of the heaviest kind)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from landml.errors import ImportRejected, InvalidInput
from landml.match.explain import AskedSkill, ProjectFact, ResumeFeatures, SkillRelations
from landml.match.gaps import REQUIREMENT_WEIGHT, Gap, GapReport, Target, target_weight
from landml.skills.extract import distinct_skills, extract_skills
from landml.skills.taxonomy import Taxonomy, load_taxonomy

MIN_SKILLS, MAX_SKILLS = 2, 4
CANDIDATE_GAPS = 12
# A skill that shares no posting with the ones chosen joins only while fewer than
# MIN_SKILLS are chosen; one that shares postings must still carry this share of the seed's
# weight, so that a rare co-occurrence does not crowd the plan.
MIN_SHARE_OF_SEED = 0.2
KNOWN_ENOUGH = 3
COVERAGE_POINTS, KNOWN_POINTS, KIND_POINTS = 50.0, 25.0, 25.0
# What a portfolio project can show; soft skills and industries come with the work.
PROJECT_CATEGORIES = frozenset(
    {
        "programming_language",
        "framework_library",
        "cloud_infrastructure",
        "data_tool",
        "ml_concept",
        "math_statistics",
    }
)
SCORING = (
    "coverage 50 x (gap weight the idea's skills close / gap weight of the four heaviest "
    "gaps) + known 25 x min(1, skills you already have / 3) + kind 25 x (weight of the "
    "idea's problem kind / weight of the heaviest kind)"
)


@dataclass(frozen=True)
class ProblemKind:
    key: str
    label: str
    anchors: frozenset[str]  # skills (and everything under them) that show the kind
    words: re.Pattern[str]
    aim: str  # what a project of this kind does and how it is judged


def _kind(key: str, label: str, anchors: str, words: str, aim: str) -> ProblemKind:
    """A kind from its ML-layer anchor slugs (space-separated) and its word pattern."""
    ids = frozenset(f"ml:{a}" for a in anchors.split())
    return ProblemKind(key, label, ids, re.compile(words, re.IGNORECASE), aim)


KINDS: tuple[ProblemKind, ...] = (
    _kind(
        "recommendation",
        "recommendation",
        "recommender-systems personalization collaborative-filtering ctr-prediction two-tower "
        "matrix-factorization",
        r"\brecommend\w*|\bpersonali[sz]\w*|\bfor you\b",
        "Recommend items to people from their past interactions; judge it offline with "
        "recall@k and NDCG against a most-popular baseline.",
    ),
    _kind(
        "ranking_search",
        "ranking and search",
        "information-retrieval learning-to-rank search-domain vector-search",
        r"\bsearch\b|\branking\b|\bretrieval\b|\brelevance\b",
        "Rank results for queries; judge it with NDCG and MRR on held-out queries with "
        "relevance labels.",
    ),
    _kind(
        "forecasting",
        "forecasting",
        "time-series time-series-forecasting survival-analysis",
        r"\bforecast\w*|\bdemand planning\b|\btime[- ]series\b",
        "Forecast a quantity over time; backtest it on rolling windows against a seasonal "
        "naive baseline.",
    ),
    _kind(
        "nlp_llm",
        "NLP and LLM applications",
        "nlp llms language-models generative-ai rag llm-techniques ai-agents prompt-engineering",
        r"\bllms?\b|\blanguage models?\b|\bnlp\b|\bchatbots?\b|\bgen ?ai\b|\bgenerative ai\b",
        "Build an application on language models with a test set of real questions; "
        "measure answer quality and cost per answer.",
    ),
    _kind(
        "computer_vision",
        "computer vision",
        "computer-vision object-detection image-segmentation image-classification ocr "
        "3d-vision cnn",
        r"\bimages?\b|\bvideos?\b|\bcomputer vision\b|\bcameras?\b",
        "Detect or classify what images show; report precision and recall on a held-out "
        "set taken from a different source than the training data.",
    ),
    _kind(
        "fraud_anomaly",
        "fraud and anomaly detection",
        "anomaly-detection fraud-detection cybersecurity",
        r"\bfraud\w*|\banomal\w*|\babuse\b|\bspam\b|\btrust (?:and|&) safety\b",
        "Flag rare bad events under heavy class imbalance; report precision at a fixed "
        "daily alert budget.",
    ),
    _kind(
        "experimentation",
        "experimentation and causal inference",
        "experimentation causal-inference bandits product-analytics",
        r"\ba/b test\w*|\bexperimentation\b|\bcausal\b|\buplift\b",
        "Design and analyse an experiment: a power analysis first, then the effect with "
        "its confidence interval and the checks that the split was fair.",
    ),
)
KIND_BY_KEY = {k.key: k for k in KINDS}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class SkillDemand(_Model):
    skill_id: str
    label: str
    category: str
    demand: float
    targets: int


class BaseProject(_Model):
    project: ProjectFact
    score: float
    skills: list[SkillDemand]  # its skills your targets ask for
    explanation: str


class AddedSkill(_Model):
    skill_id: str
    label: str
    gap_weight: float
    targets: int
    together_with: list[str]
    explanation: str


class KindEvidence(_Model):
    application_id: int
    company: str
    terms: list[str]


class KindScore(_Model):
    key: str
    label: str
    weight: float
    postings: list[KindEvidence]


class CoveredSkill(_Model):
    label: str
    requirement: str
    new: bool  # a skill the project adds, not one you already show


class Strengthened(_Model):
    application_id: int
    posting_id: int | None
    company: str
    title: str
    covers: list[CoveredSkill]
    explanation: str


class IdeaScore(_Model):
    idea: str
    is_plan: bool
    skills: list[str]
    kind: str | None
    coverage: float
    known: float
    kind_fit: float
    total: float
    explanations: list[str]


class PortfolioPlan(_Model):
    resume_name: str
    resume_ref: str | None = None
    title: str
    base: BaseProject | None
    known_skills: list[SkillDemand]  # the skills you have that your targets ask for most
    add_skills: list[AddedSkill]
    problem_kind: KindScore | None
    aim: str
    kinds: list[KindScore]
    rationale: list[str]
    strengthens: list[Strengthened]
    alternatives: list[IdeaScore]
    notes: list[str]
    scoring: str


# --- demand, kinds and the base project ----------------------------------------------------


def skill_demand(targets: Sequence[Target]) -> dict[str, SkillDemand]:
    """How much your targets ask for each skill, whether or not you have it."""
    totals: dict[str, float] = {}
    counts: dict[str, int] = {}
    first: dict[str, AskedSkill] = {}
    for t in targets:
        weight = target_weight(t.priority, t.furthest_rank)
        for asked in t.skills:
            first.setdefault(asked.skill_id, asked)
            totals[asked.skill_id] = (
                totals.get(asked.skill_id, 0.0) + weight * REQUIREMENT_WEIGHT[asked.requirement]
            )
            counts[asked.skill_id] = counts.get(asked.skill_id, 0) + 1
    return {
        sid: SkillDemand(
            skill_id=sid,
            label=a.label,
            category=a.category,
            demand=round(totals[sid], 3),
            targets=counts[sid],
        )
        for sid, a in first.items()
    }


def known_core(
    demand: dict[str, SkillDemand], known: set[str], relations: SkillRelations
) -> list[SkillDemand]:
    """The skills you have that your targets ask for most: what a new project stands on.

    Umbrella skills ("machine learning") are left out: a project cannot be built on a field.
    """
    have = [
        d
        for d in demand.values()
        if d.skill_id in known
        and d.category in PROJECT_CATEGORIES
        and relations.narrow_parent(d.skill_id)
    ]
    return sorted(have, key=lambda d: -d.demand)[:KNOWN_ENOUGH]


def kinds_in(
    skill_ids: Iterable[str], text: str, relations: SkillRelations
) -> dict[str, list[str]]:
    """Problem kinds a text and its skills show, with the terms that show each."""
    found: dict[str, list[str]] = {}
    ids = list(skill_ids)
    for kind in KINDS:
        terms = []
        for sid in ids:
            if sid in kind.anchors or kind.anchors & relations.ancestors(sid):
                skill = relations.taxonomy.get(sid)
                terms.append(skill.label if skill else sid)
        terms += [m.group().lower() for m in kind.words.finditer(text)]
        if terms:
            found[kind.key] = list(dict.fromkeys(terms))[:5]
    return found


def kind_scores(
    targets: Sequence[Target],
    relations: SkillRelations,
    yours: Iterable[ProjectFact] = (),
) -> list[KindScore]:
    """Each problem kind weighed by the targets that show it, heaviest first.

    Ties go to the kind the postings show in more words, then to the kind your projects
    (`yours`) show in more words.
    """
    weights: dict[str, float] = {}
    evidence: dict[str, list[KindEvidence]] = {}
    for t in targets:
        shown = kinds_in((a.skill_id for a in t.skills), f"{t.title}\n{t.text}", relations)
        for key, terms in shown.items():
            weights[key] = weights.get(key, 0.0) + target_weight(t.priority, t.furthest_rank)
            evidence.setdefault(key, []).append(
                KindEvidence(application_id=t.application_id, company=t.company, terms=terms)
            )
    scores = [
        KindScore(
            key=key,
            label=KIND_BY_KEY[key].label,
            weight=round(w, 3),
            postings=evidence[key],
        )
        for key, w in weights.items()
    ]
    mine: dict[str, int] = {}
    for project in yours:
        for key, terms in kinds_in(project.skill_ids, project.text, relations).items():
            mine[key] = mine.get(key, 0) + len(terms)
    return sorted(
        scores,
        key=lambda s: (-s.weight, -sum(len(e.terms) for e in s.postings), -mine.get(s.key, 0)),
    )


def choose_base(
    projects: Sequence[ProjectFact],
    demand: dict[str, SkillDemand],
    top_kind: str | None,
    relations: SkillRelations,
) -> BaseProject | None:
    """The project whose skills your targets ask for most (ties: the one of the top kind)."""
    best: tuple[float, bool, int, BaseProject] | None = None
    for i, project in enumerate(projects):
        asked = [demand[s] for s in dict.fromkeys(project.skill_ids) if s in demand]
        score = round(sum(d.demand for d in asked), 3)
        of_kind = top_kind in kinds_in(project.skill_ids, project.text, relations)
        if score == 0 and not of_kind:
            continue
        terms = " + ".join(f"{d.label} {d.demand:g}" for d in asked) or "none"
        explanation = f"Its skills your targets ask for: {terms} = {score:g}" + (
            "; it already works on that kind of problem." if of_kind else "."
        )
        base = BaseProject(project=project, score=score, skills=asked, explanation=explanation)
        key = (score, of_kind, -i, base)
        if best is None or key[:3] > best[:3]:
            best = key
    return best[3] if best else None


# --- the skills to add ---------------------------------------------------------------------


def _askers(gap: Gap) -> set[int]:
    return {s.application_id for s in gap.asked_by} | {r.application_id for r in gap.rejections}


def project_gaps(report: GapReport, known: set[str], relations: SkillRelations) -> list[Gap]:
    """Gaps a project can close, heaviest first: taxonomy skills of a technical kind, not
    umbrella fields, and not already shown by one of your projects."""
    return [
        g
        for g in report.gaps
        if g.skill_id is not None
        and g.skill_id not in known
        and (g.category or "") in PROJECT_CATEGORIES
        and relations.narrow_parent(g.skill_id)
    ]


def choose_skills(
    report: GapReport, known: set[str], relations: SkillRelations
) -> list[AddedSkill]:
    """Two to four gaps that your targets ask for together, heaviest first."""
    weight_of = {t.application_id: t.weight for t in report.targets}
    candidates = project_gaps(report, known, relations)[:CANDIDATE_GAPS]
    if not candidates:
        return []
    seed = candidates[0]
    chosen: list[tuple[Gap, list[str], float]] = [(seed, [], 1.0)]
    while len(chosen) < MAX_SKILLS:
        pick = _next_skill(candidates, chosen, weight_of, seed.weight)
        if pick is None:
            break
        chosen.append(pick)
    return [_added(gap, together, share) for gap, together, share in chosen]


def _next_skill(
    candidates: Sequence[Gap],
    chosen: Sequence[tuple[Gap, list[str], float]],
    weight_of: dict[int, float],
    seed_weight: float,
) -> tuple[Gap, list[str], float] | None:
    taken = {g.label for g, _, _ in chosen}
    best: tuple[float, Gap, list[str], float] | None = None
    for gap in candidates:
        if gap.label in taken:
            continue
        mine = _askers(gap)
        total = sum(weight_of.get(a, 0.0) for a in mine)
        together = [g.label for g, _, _ in chosen if _askers(g) & mine]
        shared = mine & set().union(*(_askers(g) for g, _, _ in chosen))
        share = sum(weight_of.get(a, 0.0) for a in shared) / total if total else 0.0
        score = gap.weight * share
        if best is None or score > best[0]:
            best = (score, gap, together, share)
    if best is not None and best[0] >= MIN_SHARE_OF_SEED * seed_weight:
        return best[1], best[2], best[3]
    if len(chosen) < MIN_SKILLS:
        rest = [g for g in candidates if g.label not in taken]
        return (rest[0], [], 0.0) if rest else None
    return None


def _added(gap: Gap, together: list[str], share: float) -> AddedSkill:
    n = len({s.application_id for s in gap.asked_by})
    parts = [f"gap weight {gap.weight:g} ({gap.explanation})"]
    if gap.status == "partial" and gap.related_skill:
        parts.append(f"you show the related {gap.related_skill}")
    if gap.rejections:
        parts.append(f"named in {len(gap.rejections)} rejection(s)")
    if together:
        parts.append(
            f"asked together with {', '.join(together)} ({share:.0%} of its targets' weight)"
        )
    return AddedSkill(
        skill_id=gap.skill_id or "",
        label=gap.label,
        gap_weight=gap.weight,
        targets=n,
        together_with=together,
        explanation="; ".join(parts) + ".",
    )


# --- the plan ------------------------------------------------------------------------------


def plan_portfolio(
    resume: ResumeFeatures,
    report: GapReport,
    targets: Sequence[Target],
    *,
    projects: Sequence[ProjectFact] = (),
    ideas: Sequence[str] = (),
    taxonomy: Taxonomy | None = None,
) -> PortfolioPlan:
    """ONE project: a base you have, the gaps to add, the problem to aim at, and why."""
    relations = SkillRelations(taxonomy or load_taxonomy())
    all_projects = [*resume.projects, *projects]
    known = {s.skill_id for s in resume.skills} | {s for p in projects for s in p.skill_ids}
    demand = skill_demand(targets)
    kinds = kind_scores(targets, relations, all_projects)
    top = kinds[0] if kinds else None
    base = choose_base(all_projects, demand, top.key if top else None, relations)
    core = known_core(demand, known, relations)
    added = choose_skills(report, known, relations)
    plan_skills = [
        *(base.project.skill_ids if base else []),
        *(d.skill_id for d in core),
        *(a.skill_id for a in added),
    ]
    plan = PortfolioPlan(
        resume_name=resume.name,
        title=_title(base, core, added, top),
        base=base,
        known_skills=core,
        add_skills=added,
        problem_kind=top,
        aim=KIND_BY_KEY[top.key].aim if top else "",
        kinds=kinds,
        rationale=_rationale(base, core, added, top, len(targets)),
        strengthens=_strengthens(targets, set(plan_skills), {a.skill_id for a in added}),
        alternatives=[],
        notes=_notes(report, resume, projects, targets),
        scoring=SCORING,
    )
    context = _IdeaContext(report, known, kinds, relations)
    plan_row = context.score(plan.title, plan_skills, top.key if top else None, is_plan=True)
    rows = [context.score_text(idea) for idea in ideas if idea.strip()]
    ranked = sorted([plan_row, *rows], key=lambda r: -r.total)
    return plan.model_copy(update={"alternatives": ranked})


def _title(
    base: BaseProject | None,
    core: Sequence[SkillDemand],
    added: Sequence[AddedSkill],
    kind: KindScore | None,
) -> str:
    skills = _and(a.label for a in added) or "the skills your targets ask for"
    problem = f"a {kind.label} project" if kind else "a project"
    if base is not None:
        return f"Extend “{base.project.name}” into {problem} that adds {skills}"
    if core:
        return f"Build {problem} on {_and(d.label for d in core)} that adds {skills}"
    return f"Build {problem} that uses {skills}"


def _share(k: int, n: int) -> str:
    if k == n:
        return "your target" if n == 1 else f"all {n} of your targets"
    return f"{k} of your {n} targets"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _and(words: Iterable[str]) -> str:
    items = list(words)
    return " and ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])} and {items[-1]}"


def _rationale(
    base: BaseProject | None,
    core: Sequence[SkillDemand],
    added: Sequence[AddedSkill],
    kind: KindScore | None,
    n_targets: int,
) -> list[str]:
    lines = []
    if base is not None:
        shown = _and(s.label for s in base.skills[:4]) or "skills of its own"
        lines.append(
            f"What you know: “{base.project.name}” already shows {shown}; starting from it "
            "means the first weeks go into new skills, not into rebuilding what you have."
        )
    elif core:
        lines.append(
            "What you know: none of your projects uses a skill your targets ask for, so the "
            f"plan stands on the skills you have that they ask for most: "
            f"{_and(f'{d.label} (demand {d.demand:g})' for d in core)}."
        )
    else:
        lines.append(
            "What you know: neither your projects nor your resume name a skill your targets "
            "ask for; add your projects (resume Projects section or a projects file)."
        )
    if added:
        heaviest = added[0]
        lines.append(
            f"What they need and you lack: {_and(a.label for a in added)}. {heaviest.label} "
            f"is the heaviest gap across your {_count(n_targets, 'target')}"
            + (
                "; the others are asked for in the same postings, so one project shows them "
                "together as the job would."
                if len(added) > 1
                else "."
            )
        )
    if kind is not None:
        companies = _and(dict.fromkeys(p.company for p in kind.postings))
        lines.append(
            f"The kind of problem: {kind.label}, shown by {_share(len(kind.postings), n_targets)} "
            f"({companies}); a project on their kind of problem gives you something to talk "
            "about in their interviews."
        )
    return lines


def _strengthens(
    targets: Sequence[Target], plan_skills: set[str], added: set[str]
) -> list[Strengthened]:
    out = []
    ordered = sorted(targets, key=lambda t: -target_weight(t.priority, t.furthest_rank))
    for t in ordered:
        covers = [
            CoveredSkill(label=a.label, requirement=a.requirement, new=a.skill_id in added)
            for a in t.skills
            if a.skill_id in plan_skills
        ]
        new = [c for c in covers if c.new]
        if not new:
            continue
        required = [c.label for c in new if c.requirement == "required"]
        explanation = f"Adds {len(new)} skill(s) it asks for that your resume lacks"
        explanation += f" ({len(required)} required: {_and(required)})" if required else ""
        kept = len(covers) - len(new)
        explanation += f", and shows {kept} it asks for that you have." if kept else "."
        out.append(
            Strengthened(
                application_id=t.application_id,
                posting_id=t.posting_id,
                company=t.company,
                title=t.title,
                covers=covers,
                explanation=explanation,
            )
        )
    return out


def _notes(
    report: GapReport,
    resume: ResumeFeatures,
    projects: Sequence[ProjectFact],
    targets: Sequence[Target],
) -> list[str]:
    notes = []
    if not targets:
        notes.append(
            "No target postings: track applications with a posting or a description, and "
            "the plan will follow what they ask for."
        )
    on_resume = {s.skill_id for s in resume.skills}
    declared = {
        label
        for p in projects
        for sid, label in zip(p.skill_ids, p.labels, strict=True)
        if sid not in on_resume and any(g.skill_id == sid for g in report.gaps)
    }
    if declared:
        notes.append(
            f"{_and(sorted(declared))}: in your projects file but not on your resume, where "
            "your targets would see them; add them to the resume if you used them."
        )
    return notes


# --- scoring ideas -------------------------------------------------------------------------


@dataclass
class _IdeaContext:
    """What every idea is scored against: the gaps, what you know, the kinds of problem."""

    report: GapReport
    known: set[str]
    kinds: list[KindScore]
    relations: SkillRelations

    def score_text(self, idea: str) -> IdeaScore:
        found = distinct_skills(extract_skills(idea, taxonomy=self.relations.taxonomy))
        ids = [f.skill_id for f in found if f.category != "soft_skill"]
        shown = kinds_in(ids, idea, self.relations)
        weights = {k.key: k.weight for k in self.kinds}
        kind = max(shown, key=lambda k: (weights.get(k, 0.0), len(shown[k])), default=None)
        return self.score(idea, ids, kind, is_plan=False)

    def score(
        self, idea: str, skill_ids: Sequence[str], kind: str | None, *, is_plan: bool
    ) -> IdeaScore:
        ids = list(dict.fromkeys(skill_ids))
        coverage, coverage_text = self._coverage(ids)
        known, known_text = self._known(ids)
        kind_fit, kind_text = self._kind_fit(kind)
        return IdeaScore(
            idea=idea,
            is_plan=is_plan,
            skills=[self._label(s) for s in ids],
            kind=KIND_BY_KEY[kind].label if kind else None,
            coverage=coverage,
            known=known,
            kind_fit=kind_fit,
            total=round(coverage + known + kind_fit, 1),
            explanations=[coverage_text, known_text, kind_text],
        )

    def _coverage(self, ids: Sequence[str]) -> tuple[float, str]:
        gaps = project_gaps(self.report, self.known, self.relations)
        best = sum(g.weight for g in gaps[:MAX_SKILLS])
        closed = [g for g in gaps if g.skill_id in ids]
        covered = sum(g.weight for g in closed)
        points = round(COVERAGE_POINTS * min(1.0, covered / best), 1) if best else 0.0
        names = _and(g.label for g in closed) or "no gap"
        return points, (
            f"Coverage {points:.1f}/50: closes {names} (weight {covered:g} of {best:g}, "
            "the four heaviest gaps)."
        )

    def _known(self, ids: Sequence[str]) -> tuple[float, str]:
        have = [s for s in ids if s in self.known]
        points = round(KNOWN_POINTS * min(1.0, len(have) / KNOWN_ENOUGH), 1)
        named = f" ({_and(self._label(s) for s in have)})" if have else ""
        return points, (
            f"Known {points:.1f}/25: {len(have)} of its skills you already have{named}; "
            f"{KNOWN_ENOUGH} are enough to start from."
        )

    def _kind_fit(self, kind: str | None) -> tuple[float, str]:
        top = self.kinds[0].weight if self.kinds else 0.0
        if kind is None or not top:
            return 0.0, "Kind 0/25: no kind of problem your targets have was recognised in it."
        weight = next((k.weight for k in self.kinds if k.key == kind), 0.0)
        points = round(KIND_POINTS * weight / top, 1)
        return points, (
            f"Kind {points:.1f}/25: {KIND_BY_KEY[kind].label}, weight {weight:g} of the "
            f"heaviest {top:g}."
        )

    def _label(self, skill_id: str) -> str:
        skill = self.relations.taxonomy.get(skill_id)
        return skill.label if skill else skill_id


# --- a projects file -----------------------------------------------------------------------

PROJECTS_HINT = (
    "Write a YAML list of projects (or `projects:` with a list), each with `name`, and "
    "`description`, `skills` (a list of names) and `link` as you like; docs/resume.md shows one."
)


class ProjectIn(BaseModel):
    """A project as a person writes it in a projects file."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=5000)
    skills: list[str] = Field(default_factory=list, max_length=50)
    link: str | None = Field(default=None, max_length=500)


def read_projects(text: str, *, taxonomy: Taxonomy | None = None) -> list[ProjectFact]:
    """The projects in a YAML file's text, skills resolved through the taxonomy.

    Skills named under `skills` must be taxonomy skills (a name or an alias); skills found
    in the description count too. Every faulty project is named at once.
    """
    taxonomy = taxonomy or load_taxonomy()
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InvalidInput(
            f"Not valid YAML: {' '.join(str(exc).split())}", hint=PROJECTS_HINT
        ) from exc
    if isinstance(data, dict) and set(data) == {"projects"}:
        data = data["projects"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data:
        raise InvalidInput("The projects file holds no project.", hint=PROJECTS_HINT)
    projects, problems = [], []
    for position, entry in enumerate(data, start=1):
        try:
            project = ProjectIn.model_validate(entry)
        except ValidationError as exc:
            problems += [f"project {position}: {e['msg']} ({_where(e)})" for e in exc.errors()]
            continue
        fact, unknown = _project_fact(project, taxonomy)
        problems += [
            f"project {position} ({project.name}): no skill called {name!r} in the taxonomy"
            for name in unknown
        ]
        projects.append(fact)
    if problems:
        raise ImportRejected(
            f"{len(problems)} problem(s) in the projects file; nothing was read.",
            problems,
            hint="Name skills as `landml skills show NAME` finds them, or describe them "
            "in the project's description.",
        )
    return projects


def _where(error: Any) -> str:
    return ".".join(str(part) for part in error.get("loc", ())) or "entry"


def _project_fact(project: ProjectIn, taxonomy: Taxonomy) -> tuple[ProjectFact, list[str]]:
    ids: dict[str, str] = {}
    unknown = []
    for name in project.skills:
        skill = taxonomy.find(name)
        if skill is None:
            unknown.append(name)
        else:
            ids.setdefault(skill.id, skill.label)
    for found in distinct_skills(extract_skills(project.description, taxonomy=taxonomy)):
        if found.category != "soft_skill":
            ids.setdefault(found.skill_id, found.label)
    fact = ProjectFact(
        name=project.name,
        text=" ".join(f"{project.name}. {project.description}".split()),
        skill_ids=list(ids),
        labels=list(ids.values()),
        source="file",
        link=project.link,
    )
    return fact, unknown
