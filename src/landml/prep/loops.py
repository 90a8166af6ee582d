"""Default interview loops by company kind and role family, with their sources.

The defaults live in `prep/data/loops.yaml`. A loop the person was told about always wins;
`default_loop` only answers "what will this loop probably look like?" before they know.
Company kinds and role families without their own default fall back along fixed chains
(`other` company kinds to mid-size, applied scientists to research scientists...), and the
returned loop says when it did.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from landml.errors import InvalidInput
from landml.prep.datafiles import read_data_file
from landml.tracker.vocab import CompanyKind, InterviewKind, label

ROLE_FAMILIES: tuple[str, ...] = ("mle", "ds", "rs", "as", "data_eng", "analyst", "swe", "other")
ROLE_LABELS: dict[str, str] = {
    "mle": "ML engineer",
    "ds": "data scientist",
    "rs": "research scientist",
    "as": "applied scientist",
    "data_eng": "data engineer",
    "analyst": "analyst",
    "swe": "software engineer",
    "other": "other role",
}

# Where to look when a pair has no default of its own: the nearest role in how it is
# interviewed, then the most generic one. Every chain ends in a role every company kind has.
ROLE_FALLBACKS: dict[str, tuple[str, ...]] = {
    "mle": ("mle", "swe"),
    "swe": ("swe", "mle"),
    "ds": ("ds", "analyst", "mle"),
    "analyst": ("analyst", "ds", "mle"),
    "rs": ("rs", "as", "mle"),
    "as": ("as", "rs", "mle"),
    "data_eng": ("data_eng", "swe", "mle"),
    "other": ("other", "mle"),
}
# "other" companies are interviewed most like mid-size ones: neither big tech's fixed
# loops nor a startup's product-specific rounds.
COMPANY_FALLBACKS: dict[str, tuple[str, ...]] = {
    kind.value: (kind.value,) if kind != CompanyKind.other else ("other", "mid_size")
    for kind in CompanyKind
}

SourceKind = Literal["company_guide", "book", "candidate_guide", "editors_summary"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class LoopSource(_Strict):
    """Where a default comes from; `as_of` is when landml's editors last checked it."""

    kind: SourceKind
    title: str = Field(min_length=3)
    author: str | None = None
    year: int | None = None
    url: str | None = Field(default=None, pattern=r"^https://")
    note: str = Field(min_length=10)
    as_of: dt.date


class LoopRound(_Strict):
    """One kind of round in a loop, how many there usually are, and what to emphasise."""

    kind: InterviewKind
    count: int = Field(default=1, ge=1, le=4)
    minutes: int = Field(ge=15, le=480)
    emphasis: str = Field(min_length=20)
    optional: bool = False

    @property
    def label(self) -> str:
        return label(self.kind.value)


class WeeksRange(_Strict):
    min: int = Field(ge=1)
    max: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is below min ({self.min})")
        return self


class _LoopEntry(_Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    label: str
    company_kinds: tuple[CompanyKind, ...] = Field(min_length=1)
    role_families: tuple[str, ...] = Field(min_length=1)
    timeline_weeks: WeeksRange
    summary: str = Field(min_length=40)
    rounds: tuple[LoopRound, ...] = Field(min_length=2)
    sources: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_roles(self) -> Self:
        unknown = [role for role in self.role_families if role not in ROLE_FAMILIES]
        if unknown:
            raise ValueError(f"unknown role families {unknown}; use {list(ROLE_FAMILIES)}")
        return self


class _LoopsFile(_Strict):
    version: Literal[1]
    loops: tuple[_LoopEntry, ...] = Field(min_length=1)
    sources: dict[str, LoopSource]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        seen: dict[tuple[str, str], str] = {}
        for entry in self.loops:
            missing = [name for name in entry.sources if name not in self.sources]
            if missing:
                raise ValueError(f"loop {entry.id} cites undefined sources {missing}")
            for company in entry.company_kinds:
                for role in entry.role_families:
                    pair = (company.value, role)
                    if pair in seen:
                        raise ValueError(f"{pair} is defined by both {seen[pair]} and {entry.id}")
                    seen[pair] = entry.id
        return self


class Loop(BaseModel):
    """The default loop for a company kind and role family, with its sources.

    `company_kind` and `role_family` are what was asked; `matched` names the pair whose
    default was used, and `fallback_note` explains when that differs.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    company_kind: str
    role_family: str
    matched: tuple[str, str]
    fallback_note: str | None
    summary: str
    rounds: tuple[LoopRound, ...]
    timeline_weeks: WeeksRange
    sources: tuple[LoopSource, ...]

    @property
    def required_rounds(self) -> list[LoopRound]:
        """The rounds that are not marked optional."""
        return [round_ for round_ in self.rounds if not round_.optional]

    @property
    def total_rounds(self) -> int:
        """How many required interviews the loop holds (a round with count 2 counts twice)."""
        return sum(round_.count for round_ in self.required_rounds)


@cache
def _loops_file() -> _LoopsFile:
    return read_data_file("loops.yaml", _LoopsFile)


def _normalise(value: str, choices: tuple[str, ...], what: str) -> str:
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in choices:
        raise InvalidInput(
            f"Unknown {what} {value!r}.", hint=f"Choose one of: {', '.join(choices)}."
        )
    return key


def _entry_for(company_kind: str, role_family: str) -> tuple[_LoopEntry, str, str] | None:
    data = _loops_file()
    for company in COMPANY_FALLBACKS[company_kind]:
        for role in ROLE_FALLBACKS[role_family]:
            for entry in data.loops:
                if role in entry.role_families and company in {
                    k.value for k in entry.company_kinds
                }:
                    return entry, company, role
    return None


def _company_words(company_kind: str) -> str:
    return (
        "other companies" if company_kind == "other" else f"{label(company_kind).lower()} companies"
    )


def default_loop(company_kind: str, role_family: str) -> Loop:
    """The usual loop for this company kind and role family, falling back when needed."""
    company = _normalise(company_kind, tuple(kind.value for kind in CompanyKind), "company kind")
    role = _normalise(role_family, ROLE_FAMILIES, "role family")
    found = _entry_for(company, role)
    if found is None:  # the shipped file is checked by tests to cover every pair
        raise InvalidInput(
            f"No default loop for {company} × {role}.",
            hint="Enter the rounds the company announced instead.",
        )
    entry, used_company, used_role = found
    note = None
    if (used_company, used_role) != (company, role):
        note = (
            f"No default of its own for {ROLE_LABELS[role]} roles at {_company_words(company)}; "
            f"showing the loop for {ROLE_LABELS[used_role]} roles at "
            f"{_company_words(used_company)}, "
            "the nearest in how it interviews."
        )
    sources = _loops_file().sources
    return Loop(
        id=entry.id,
        label=entry.label,
        company_kind=company,
        role_family=role,
        matched=(used_company, used_role),
        fallback_note=note,
        summary=entry.summary,
        rounds=entry.rounds,
        timeline_weeks=entry.timeline_weeks,
        sources=tuple(sources[name] for name in entry.sources),
    )


def all_default_loops() -> list[Loop]:
    """One loop per shipped default (each at its first company kind and role family)."""
    return [
        default_loop(entry.company_kinds[0].value, entry.role_families[0])
        for entry in _loops_file().loops
    ]
