"""Normalising the real Glassdoor postings: titles, salaries, locations, company kinds.

Reads /work/shared/data/postings/glassdoor_ds_jobs_2020.csv (956 Glassdoor data-science
postings from 2020, scraped, no licence: benchmark use only; the product never reads
/work/shared). Reports the role family and seniority distribution of the titles, how many
were decided by a rule, by an O*NET title or by neither, the salary parse rate with every
unparsed salary text, the work modes and countries read from the locations, the company
kinds read from Size / Type of ownership / Industry / Sector / Revenue, and the time per
posting of each engine.

Peer for the titles, measured in the same run: an O*NET-only classifier (the shipped
O*NET titles looked up alone, longest title first, no rules), to show what the rules add.

Usage: .venv/bin/python bench/normalise_glassdoor.py
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from landml.postings.company_kind import company_kind_from_source
from landml.postings.location import parse_location
from landml.postings.salary import parse_salary
from landml.postings.titles import (
    SOC_OCCUPATIONS,
    RoleFamily,
    classify_title,
    onet_lexicon,
    title_segments,
)

GLASSDOOR = Path("/work/shared/data/postings/glassdoor_ds_jobs_2020.csv")
MISSING = {"-1", ""}
T = TypeVar("T")


def timed(fn: Callable[[], list[T]]) -> tuple[list[T], float]:
    """The result and the CPU seconds it took (steadier than wall time on a shared machine)."""
    start = time.process_time()
    result = fn()
    return result, time.process_time() - start


def onet_only(title: str) -> RoleFamily:
    """The peer: the longest shipped O*NET title found in the title decides, else other."""
    lexicon = onet_lexicon()
    for segment in title_segments(title):
        words = segment.split()
        for size in range(min(len(words), 8), 1, -1):
            for start in range(len(words) - size + 1):
                hit = lexicon.get(" ".join(words[start : start + size]))
                if hit is not None:
                    return SOC_OCCUPATIONS[hit[0]].family
    return RoleFamily.other


def _table(title: str, counts: Counter[str], total: int) -> None:
    print(title)
    for key, n in counts.most_common():
        print(f"  {key:>14}: {n:4d}  {n / total:6.1%}")


def titles_report(rows: list[dict[str, str]]) -> None:
    titles = [r["Job Title"] for r in rows]
    classes, seconds = timed(lambda: [classify_title(t) for t in titles])
    peer, peer_seconds = timed(lambda: [onet_only(t) for t in titles])
    n = len(rows)
    print(f"Titles: {n} postings, {len(set(titles))} distinct titles")
    _table("Role family (postings)", Counter(c.role_family.value for c in classes), n)
    _table("Seniority (postings)", Counter(c.seniority.value for c in classes), n)
    stated = sum(c.seniority_stated for c in classes)
    print(
        f"  seniority stated in the title: {stated} ({stated / n:.1%}); the rest is mid by default"
    )
    source = Counter(
        "rule"
        if c.family_evidence.startswith(("rule", "an engineering"))
        else "O*NET title"
        if c.onet_code
        else "neither (other)"
        for c in classes
    )
    _table("Family decided by", source, n)
    known = [c.role_family is not RoleFamily.other for c in classes]
    peer_known = [f is not RoleFamily.other for f in peer]
    agree = sum(c.role_family is f for c, f in zip(classes, peer, strict=True))
    print("Peer, O*NET titles alone (no rules)")
    print(
        f"  postings with a family other than 'other': rules+O*NET {sum(known)} "
        f"({sum(known) / n:.1%}), O*NET alone {sum(peer_known)} ({sum(peer_known) / n:.1%})"
    )
    print(f"  same family as rules+O*NET: {agree} ({agree / n:.1%})")
    disagreements = Counter(
        (t, c.role_family.value, f.value)
        for t, c, f in zip(titles, classes, peer, strict=True)
        if c.role_family is not f
    )
    print("  most frequent disagreements (title: rules+O*NET vs O*NET alone):")
    for (title, ours, theirs), count in disagreements.most_common(8):
        print(f"    {count:3d} x {title[:55]!r}: {ours} vs {theirs}")
    print(
        f"  CPU time per posting: {seconds / n * 1e6:.0f} us (O*NET alone: "
        f"{peer_seconds / n * 1e6:.0f} us)"
    )


def salary_report(rows: list[dict[str, str]]) -> None:
    texts = [r["Salary Estimate"] for r in rows]
    parsed, seconds = timed(lambda: [parse_salary(t) for t in texts])
    n = len(rows)
    stated = [(t, s) for t, s in zip(texts, parsed, strict=True) if t.strip() not in MISSING]
    missing_ok = sum(
        1 for t, s in zip(texts, parsed, strict=True) if t.strip() in MISSING and s is None
    )
    ok = [s for _, s in stated if s is not None]
    print(
        f"\nSalaries: {n} postings, {len(stated)} with salary text, "
        f"{n - len(stated)} marked missing ('-1')"
    )
    print(
        f"  parsed: {len(ok)} of {len(stated)} ({len(ok) / max(1, len(stated)):.1%}); "
        f"missing markers read as no salary: {missing_ok} of {n - len(stated)}"
    )
    unparsed = sorted({t for t, s in stated if s is None})
    print(f"  unparsed texts: {len(unparsed)}" + ("" if unparsed else " (none)"))
    for text in unparsed[:20]:
        print(f"    {text!r}")
    print(
        f"  periods: {dict(Counter(str(s.period) for s in ok))}; "
        f"currencies: {dict(Counter(str(s.currency) for s in ok))}; "
        f"estimates: {sum(s.is_estimate for s in ok)}"
    )
    yearly = [s.annualised() for s in ok]
    mids = [(y.min + y.max) / 2 for y in yearly if y is not None and y.min and y.max]
    if mids:
        print(
            f"  median yearly midpoint (hourly x 2,080): "
            f"${statistics.median(mids):,.0f} over {len(mids)} postings"
        )
    for text in [
        "$53K-$91K (Glassdoor est.)",
        "$21-$34 Per Hour(Glassdoor est.)",
        "Employer Provided Salary:$120K-$140K",
    ]:
        s = parse_salary(text)
        print(f"  e.g. {text!r} -> {s}")
    print(f"  CPU time per posting: {seconds / n * 1e6:.1f} us")


def location_report(rows: list[dict[str, str]]) -> None:
    places, seconds = timed(
        lambda: [parse_location(r["Location"], r["Job Description"]) for r in rows]
    )
    n = len(rows)
    print(f"\nLocations: {n} postings")
    print(
        f"  with a city: {sum(p.city is not None for p in places)}; with a country: "
        f"{sum(p.country is not None for p in places)} "
        f"{dict(Counter(str(p.country) for p in places).most_common(4))}"
    )
    modes = Counter(str(p.work_mode.value if p.work_mode else None) for p in places)
    print(f"  work mode (location, then description): {dict(modes)}")
    for place in [p for p in places if p.work_mode][:5]:
        print(f"    e.g. {place.evidence[0]}")
    print(f"  CPU time per posting (description included): {seconds / n * 1e6:.0f} us")


def company_report(rows: list[dict[str, str]]) -> None:
    kinds, seconds = timed(
        lambda: [
            company_kind_from_source(
                size=r["Size"],
                ownership=r["Type of ownership"],
                industry=r["Industry"],
                sector=r["Sector"],
                revenue=r["Revenue"],
                name=r["Company Name"].split("\n")[0],
            )
            for r in rows
        ]
    )
    n = len(rows)
    _table(f"\nCompany kinds: {n} postings", Counter(str(k) for k, _ in kinds), n)
    for kind in sorted({k for k, _ in kinds}, key=str):
        evidence = next(e for k, e in kinds if k == kind)
        print(f"    e.g. {kind}: {evidence}")
    print(f"  CPU time per posting: {seconds / n * 1e6:.1f} us")


def main() -> None:
    if not GLASSDOOR.exists():
        sys.exit(f"{GLASSDOOR} is missing; this benchmark needs the shared data folder.")
    with GLASSDOOR.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    onet_lexicon()  # loaded once, outside the timings
    titles_report(rows)
    salary_report(rows)
    location_report(rows)
    company_report(rows)


if __name__ == "__main__":
    main()
