"""landml's interview question bank: original items shipped as YAML in `prep/bank/`.

Each YAML file holds one area (`area:` at the top, then `items:`); the schema is described in
`prep/bank/README.md` and enforced here. The packaged bank is read and validated once per
process; `items_for` filters it for a prep plan or a practice session.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from landml.errors import ImportRejected, InvalidInput, NotFound

try:  # libyaml parses the bank about ten times faster than the pure-Python parser
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

Area = Literal[
    "coding", "ml_fundamentals", "dl_llm", "probability_stats", "ml_system_design", "behavioral"
]
# The interview rounds an item prepares; the same values as tracker.vocab.InterviewKind,
# minus the kinds that name a whole day or person rather than a kind of question.
RoundKind = Literal[
    "recruiter_call",
    "coding",
    "ml_coding",
    "ml_debugging",
    "ml_concepts",
    "dl_llm_concepts",
    "probability_stats",
    "ml_system_design",
    "behavioral",
    "job_talk",
    "take_home",
    "team_matching",
]
Difficulty = Literal["easy", "medium", "hard"]
Role = Literal["mle", "ds", "rs", "as", "data_eng"]
CompanyKindName = Literal["startup", "big_tech", "mid_size", "research_lab", "finance", "non_tech"]

AREAS: tuple[str, ...] = get_args(Area)
ROUND_KINDS: tuple[str, ...] = get_args(RoundKind)
DIFFICULTIES: tuple[str, ...] = get_args(Difficulty)
ROLES: tuple[str, ...] = get_args(Role)
COMPANY_KINDS: tuple[str, ...] = get_args(CompanyKindName)

TOPICS: dict[str, tuple[str, ...]] = {
    "coding": (
        "arrays_hashing",
        "two_pointers",
        "sliding_window",
        "stack",
        "binary_search",
        "linked_lists",
        "trees",
        "tries",
        "heaps",
        "backtracking",
        "graphs",
        "dynamic_programming",
        "greedy",
        "intervals",
        "bit_manipulation",
        "complexity",
    ),
    "ml_fundamentals": (
        "evaluation_metrics",
        "overfitting_underfitting",
        "data_splits_leakage",
        "regression_classification",
        "regularisation",
        "data_drift",
        "feature_engineering",
        "classical_models",
        "unsupervised",
        "optimisation",
        "ml_from_scratch",
        "ml_debugging",
    ),
    "dl_llm": (
        "neural_net_basics",
        "training_dynamics",
        "transformers",
        "attention_variants",
        "positional_encodings",
        "tokenization",
        "kv_cache",
        "sampling",
        "pretraining_posttraining",
        "fine_tuning",
        "efficiency",
        "llm_evaluation",
        "retrieval_augmentation",
    ),
    "probability_stats": (
        "probability_basics",
        "combinatorics",
        "bayes",
        "distributions",
        "expectation_variance",
        "estimation",
        "hypothesis_testing",
        "confidence_intervals",
        "ab_testing",
        "statistical_pitfalls",
    ),
    "ml_system_design": (
        "recommendation",
        "two_tower_retrieval",
        "ranking_metrics",
        "fraud_detection",
        "ad_click_prediction",
        "feed_ranking",
        "search_ranking",
        "data_pipelines",
        "model_lifecycle",
        "serving",
        "monitoring_drift",
        "experimentation",
        "llm_systems",
    ),
    "behavioral": (
        "motivation",
        "career_narrative",
        "impact_ownership",
        "teamwork_conflict",
        "failure_learning",
        "leadership_influence",
        "ambiguity",
        "prioritisation",
        "communication",
        "ethics_responsibility",
        "recruiter_screen",
        "research_talk",
        "team_matching",
    ),
}

# Ids start with their area's prefix, so an id read in a review log says where it came from.
ID_PREFIXES: dict[str, str] = {
    "coding": "code",
    "ml_fundamentals": "mlf",
    "dl_llm": "dl",
    "probability_stats": "ps",
    "ml_system_design": "sd",
    "behavioral": "beh",
}

MIN_PROMPT_CHARS = 20
MIN_ANSWER_CHARS = 200
_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)+$"
_TAG = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
_SCHEMA_HINT = "Fix the file; the schema is described in landml/prep/bank/README.md."


class BankItem(BaseModel):
    """One question with its model answer or outline."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str = Field(pattern=_SLUG, max_length=80)
    area: Area
    topic: str
    round_kind: RoundKind
    difficulty: Difficulty
    roles: tuple[Role, ...] = Field(min_length=1)
    company_kinds: tuple[CompanyKindName, ...] = Field(min_length=1)
    prompt: str = Field(min_length=MIN_PROMPT_CHARS)
    answer: str = Field(min_length=MIN_ANSWER_CHARS)
    follow_ups: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> BankItem:
        if self.topic not in TOPICS[self.area]:
            raise ValueError(
                f"topic {self.topic!r} is not a {self.area} topic; "
                f"choose one of: {', '.join(TOPICS[self.area])}"
            )
        prefix = ID_PREFIXES[self.area] + "-"
        if not self.id.startswith(prefix):
            raise ValueError(f"id {self.id!r} must start with {prefix!r} in area {self.area}")
        for name in ("roles", "company_kinds", "tags"):
            values: tuple[str, ...] = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(f"{name} lists a value twice: {list(values)}")
        if any(not _is_tag(tag) for tag in self.tags):
            raise ValueError(f"tags must be lower-case slugs: {list(self.tags)}")
        if any(not question for question in self.follow_ups):
            raise ValueError("follow_ups must not contain empty questions")
        return self


class _BankFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    area: Area
    items: list[dict[str, Any]] = Field(min_length=1)


class _StrictLoader(_SafeLoader):
    """SafeLoader that refuses duplicate keys, which PyYAML would otherwise overwrite silently."""


def _mapping_without_duplicates(
    loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[Hashable, Any]:
    seen: set[Hashable] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates
)


def _is_tag(tag: str) -> bool:
    return re.fullmatch(_TAG, tag) is not None


def _describe(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in e['loc']) or 'item'}: {e['msg']}" for e in error.errors()
    )


def _parse_file(text: str, name: str) -> tuple[list[BankItem], list[str]]:
    """The valid items of one bank file, and one problem line per invalid part."""
    try:
        raw = yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as exc:
        return [], [f"{name}: not valid YAML ({' '.join(str(exc).split())})"]
    try:
        bank_file = _BankFile.model_validate(raw)
    except ValidationError as exc:
        return [], [f"{name}: {_describe(exc)}"]
    items: list[BankItem] = []
    problems: list[str] = []
    for position, entry in enumerate(bank_file.items, start=1):
        label = f"{name} item {position} ({entry.get('id', 'no id')})"
        if "area" in entry:
            problems.append(f"{label}: area is set once at the top of the file, not per item")
            continue
        try:
            items.append(BankItem.model_validate({**entry, "area": bank_file.area}))
        except ValidationError as exc:
            problems.append(f"{label}: {_describe(exc)}")
    return items, problems


def read_bank(directory: Traversable) -> list[BankItem]:
    """Read and validate every `*.yaml` file in `directory`, in file-name order.

    Raises ImportRejected listing every faulty item (and duplicate id) at once.
    """
    files = sorted(
        (entry for entry in directory.iterdir() if entry.name.endswith(".yaml")),
        key=lambda entry: entry.name,
    )
    if not files:
        raise InvalidInput(f"No question bank files (*.yaml) in {directory}.", hint=_SCHEMA_HINT)
    items: list[BankItem] = []
    problems: list[str] = []
    for bank_file in files:
        file_items, file_problems = _parse_file(
            bank_file.read_text(encoding="utf-8"), bank_file.name
        )
        items.extend(file_items)
        problems.extend(file_problems)
    problems.extend(_duplicate_ids(items))
    if problems:
        raise ImportRejected(
            f"The question bank has {len(problems)} problem(s).", problems, hint=_SCHEMA_HINT
        )
    return items


def _duplicate_ids(items: Iterable[BankItem]) -> list[str]:
    seen: set[str] = set()
    problems: list[str] = []
    for item in items:
        if item.id in seen:
            problems.append(f"id {item.id!r} is used by more than one item")
        seen.add(item.id)
    return problems


@cache
def _packaged_bank() -> tuple[BankItem, ...]:
    return tuple(read_bank(resources.files("landml.prep").joinpath("bank")))


def load_bank() -> list[BankItem]:
    """Every item of the bank shipped with landml (read and validated once per process)."""
    return list(_packaged_bank())


@cache
def _packaged_index() -> dict[str, BankItem]:
    return {item.id: item for item in _packaged_bank()}


def item_by_id(item_id: str) -> BankItem:
    """The packaged item with this id."""
    try:
        return _packaged_index()[item_id]
    except KeyError:
        raise NotFound(
            f"No question bank item {item_id!r}.",
            hint="Ids start with their area's prefix (code-, mlf-, dl-, ps-, sd-, beh-); "
            "list the bank to find the one you mean.",
        ) from None


def _check_choice(value: str | None, choices: Iterable[str], what: str) -> None:
    options = tuple(choices)
    if value is not None and value not in options:
        raise InvalidInput(
            f"Unknown {what} {value!r}.", hint=f"Choose one of: {', '.join(options)}."
        )


def items_for(
    *,
    area: str | None = None,
    topic: str | None = None,
    round_kind: str | None = None,
    difficulty: str | None = None,
    role: str | None = None,
    company_kind: str | None = None,
    items: Iterable[BankItem] | None = None,
) -> list[BankItem]:
    """The items matching every given filter (all packaged items when `items` is None).

    `role` and `company_kind` match items that list that value; the other filters match exactly.
    Unknown filter values raise InvalidInput naming the valid choices.
    """
    _check_choice(area, AREAS, "area")
    all_topics = TOPICS[area] if area else tuple(t for ts in TOPICS.values() for t in ts)
    _check_choice(topic, all_topics, "topic" if area is None else f"{area} topic")
    _check_choice(round_kind, ROUND_KINDS, "round kind")
    _check_choice(difficulty, DIFFICULTIES, "difficulty")
    _check_choice(role, ROLES, "role")
    _check_choice(company_kind, COMPANY_KINDS, "company kind")
    pool = _packaged_bank() if items is None else items
    return [
        item
        for item in pool
        if (area is None or item.area == area)
        and (topic is None or item.topic == topic)
        and (round_kind is None or item.round_kind == round_kind)
        and (difficulty is None or item.difficulty == difficulty)
        and (role is None or role in item.roles)
        and (company_kind is None or company_kind in item.company_kinds)
    ]
