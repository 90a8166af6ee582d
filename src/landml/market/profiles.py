"""Sector profiles (startup, big tech, mid-size, research lab, finance, non-tech) and the
national pay baselines, read from `market/data/sector_profiles.yaml`.

Every claim names its source. The loader enforces the rules the file states: unknown
fields are refused, each profile field holds at least one claim, each claim cites a
source the file defines, a claim with figures cites a dated source that is not the
editors' summary, and the editors' summary never holds a number. The interview loop of
each company kind comes from prep's loops (`landml.prep.loops.default_loop`), with that
file's own sources, so the two views can never disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from importlib import resources
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from landml.errors import InvalidInput
from landml.prep.datafiles import parse_data
from landml.prep.loops import ROLE_FAMILIES, Loop, default_loop

SECTORS: tuple[str, ...] = (
    "startup",
    "big_tech",
    "mid_size",
    "research_lab",
    "finance",
    "non_tech",
)
ASPECTS: tuple[str, ...] = ("pay", "equity", "stability", "pace", "emphasise")
ASPECT_LABELS: dict[str, str] = {
    "pay": "Typical pay",
    "equity": "Equity",
    "stability": "Stability",
    "pace": "Pace",
    "emphasise": "What to emphasise",
}
EDITORS = "editors"
DATA_FILE = "sector_profiles.yaml"

SourceKind = Literal[
    "official_statistics", "research", "news", "company_guide", "book", "editors_summary"
]
_DIGIT = re.compile(r"\d")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(_Strict):
    """Where a claim comes from: `date` is when it was published (or the period its data
    describe), `as_of` when landml's editors last checked the claim against it."""

    kind: SourceKind
    publisher: str = Field(min_length=2)
    title: str = Field(min_length=3)
    author: str | None = None
    url: str | None = Field(default=None, pattern=r"^https://")
    date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    note: str = Field(min_length=10)
    as_of: dt.date

    def citation(self) -> str:
        """One line naming the source, its date and when it was checked (URL aside)."""
        if self.kind == "editors_summary":
            return f"{self.title}, as of {self.as_of.isoformat()}"
        who = f"{self.author}; {self.publisher}" if self.author else self.publisher
        dated = f", {self.date}" if self.date else ""
        return f"{who}: {self.title}{dated} (checked {self.as_of.isoformat()})"


class Figure(_Strict):
    """One number a source states, with what it measures and the period it describes."""

    measure: str = Field(min_length=5)
    value: float = Field(ge=0)
    unit: str = Field(min_length=1)
    reference: str = Field(min_length=4)


class _ClaimEntry(_Strict):
    text: str = Field(min_length=20)
    figures: tuple[Figure, ...] = ()
    source: str


class _Baseline(_Strict):
    occupation: str
    soc: str = Field(pattern=r"^\d{2}-\d{4}$")
    role_families: tuple[str, ...] = Field(min_length=1)
    claim: _ClaimEntry


class _ProfileEntry(_Strict):
    label: str
    summary: str = Field(min_length=40)
    pay: tuple[_ClaimEntry, ...] = Field(min_length=1)
    equity: tuple[_ClaimEntry, ...] = Field(min_length=1)
    stability: tuple[_ClaimEntry, ...] = Field(min_length=1)
    pace: tuple[_ClaimEntry, ...] = Field(min_length=1)
    emphasise: tuple[_ClaimEntry, ...] = Field(min_length=1)

    def claims(self) -> list[_ClaimEntry]:
        return [claim for aspect in ASPECTS for claim in getattr(self, aspect)]


class _ProfilesFile(_Strict):
    version: Literal[1]
    pay_baselines: tuple[_Baseline, ...] = Field(min_length=1)
    baseline_notes: tuple[_ClaimEntry, ...] = ()
    profiles: dict[str, _ProfileEntry]
    sources: dict[str, Source]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if sorted(self.profiles) != sorted(SECTORS):
            raise ValueError(f"profiles must be exactly {list(SECTORS)}, got {list(self.profiles)}")
        if EDITORS not in self.sources or self.sources[EDITORS].kind != "editors_summary":
            raise ValueError(f"the source {EDITORS!r} must exist with kind editors_summary")
        claims = [*(b.claim for b in self.pay_baselines), *self.baseline_notes]
        for profile in self.profiles.values():
            claims.extend(profile.claims())
        for claim in claims:
            self._check_claim(claim)
        for baseline in self.pay_baselines:
            unknown = set(baseline.role_families) - set(ROLE_FAMILIES)
            if unknown:
                raise ValueError(f"{baseline.occupation}: unknown role families {sorted(unknown)}")
        unused = set(self.sources) - {claim.source for claim in claims}
        if unused:
            raise ValueError(f"sources defined but never cited: {sorted(unused)}")
        return self

    def _check_claim(self, claim: _ClaimEntry) -> None:
        where = f"claim {claim.text[:50]!r}"
        source = self.sources.get(claim.source)
        if source is None:
            raise ValueError(f"{where} cites the undefined source {claim.source!r}")
        if source.kind == "editors_summary":
            # The editors' summary states patterns only: a number there would be unsourced.
            if claim.figures or _DIGIT.search(claim.text):
                raise ValueError(f"{where}: an editors' summary may not state a number")
        elif claim.figures and source.date is None:
            raise ValueError(f"{where} states figures from {claim.source!r}, which has no date")
        for figure in claim.figures:
            if not _states(claim.text, figure.value):
                raise ValueError(f"{where}: its text does not state the figure {figure.value:g}")


def _states(text: str, value: float) -> bool:
    """Whether `text` writes `value` as a number ("112,590", "112590", "65", "4.5")."""
    written = {f"{value:,.0f}", f"{value:.0f}"} if value == int(value) else {f"{value:g}"}
    numbers = set(re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text))
    return bool(written & numbers)


class Claim(BaseModel):
    """One statement with its figures (if any) and its source, resolved."""

    model_config = ConfigDict(frozen=True)

    text: str
    figures: tuple[Figure, ...]
    source_id: str
    source: Source

    @property
    def is_editors_summary(self) -> bool:
        return self.source.kind == "editors_summary"


class PayBaseline(BaseModel):
    """A national wage figure for the occupation nearest to some role families."""

    model_config = ConfigDict(frozen=True)

    occupation: str
    soc: str
    role_families: tuple[str, ...]
    claim: Claim


class SectorProfile(BaseModel):
    """What working in one kind of company is like, each statement sourced, and the
    interview loop it usually runs for the role family asked about."""

    model_config = ConfigDict(frozen=True)

    kind: str
    label: str
    summary: str
    pay: tuple[Claim, ...]
    equity: tuple[Claim, ...]
    stability: tuple[Claim, ...]
    pace: tuple[Claim, ...]
    emphasise: tuple[Claim, ...]
    loop: Loop


class Sectors(BaseModel):
    """Everything the file holds, resolved: baselines, their notes and the profiles."""

    model_config = ConfigDict(frozen=True)

    pay_baselines: tuple[PayBaseline, ...]
    baseline_notes: tuple[Claim, ...]
    profiles: tuple[SectorProfile, ...]


@cache
def _profiles_file() -> _ProfilesFile:
    text = resources.files("landml.market").joinpath("data", DATA_FILE).read_text("utf-8")
    return parse_data(text, f"market/data/{DATA_FILE}", _ProfilesFile)


def _claim(data: _ProfilesFile, entry: _ClaimEntry) -> Claim:
    return Claim(
        text=entry.text,
        figures=entry.figures,
        source_id=entry.source,
        source=data.sources[entry.source],
    )


def _claims(data: _ProfilesFile, entries: tuple[_ClaimEntry, ...]) -> tuple[Claim, ...]:
    return tuple(_claim(data, entry) for entry in entries)


def sector_profile(kind: str, role_family: str = "mle") -> SectorProfile:
    """The profile of one company kind, with its default loop for `role_family`."""
    data = _profiles_file()
    if kind not in data.profiles:
        raise InvalidInput(
            f"No sector profile for {kind!r}.", hint=f"Choose one of: {', '.join(SECTORS)}."
        )
    entry = data.profiles[kind]
    return SectorProfile(
        kind=kind,
        label=entry.label,
        summary=entry.summary,
        pay=_claims(data, entry.pay),
        equity=_claims(data, entry.equity),
        stability=_claims(data, entry.stability),
        pace=_claims(data, entry.pace),
        emphasise=_claims(data, entry.emphasise),
        loop=default_loop(kind, role_family),
    )


def pay_baselines(role_family: str | None = None) -> tuple[PayBaseline, ...]:
    """National wage baselines, only those for `role_family` when one is given."""
    data = _profiles_file()
    return tuple(
        PayBaseline(
            occupation=b.occupation,
            soc=b.soc,
            role_families=b.role_families,
            claim=_claim(data, b.claim),
        )
        for b in data.pay_baselines
        if role_family is None or role_family in b.role_families
    )


def sectors(
    kinds: tuple[str, ...] = SECTORS, *, loop_role: str = "mle", baseline_role: str | None = None
) -> Sectors:
    """The profiles of `kinds` with their loops for `loop_role`, the baselines (only those
    for `baseline_role` when given) and the notes on how to read the baselines."""
    data = _profiles_file()
    return Sectors(
        pay_baselines=pay_baselines(baseline_role),
        baseline_notes=_claims(data, data.baseline_notes),
        profiles=tuple(sector_profile(kind, loop_role) for kind in kinds),
    )


def all_sources() -> dict[str, Source]:
    """Every source the file defines, by id."""
    return dict(_profiles_file().sources)
