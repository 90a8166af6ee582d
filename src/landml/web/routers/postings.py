"""Postings pages: the list with filters, full-text search and the import forms, and one
posting with its skills marked in the text and a button to track it.

The import form is answered with the postings page showing the import report (or the
error, with nothing written); "Track this" redirects (303) to the new application.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from landml.errors import Conflict, InvalidInput, NetworkError
from landml.match.ranking import on_postings_imported
from landml.postings import service
from landml.postings.sanitize import highlight_segments
from landml.postings.service import PostingsImportReport, PostingSummary, SkillOut
from landml.postings.titles import ROLE_FAMILY_LABELS, RoleFamily, Seniority
from landml.tracker.vocab import CompanyKind
from landml.web.api.postings import (
    MAX_LIMIT,
    PAGE_SIZE,
    PostingQuery,
    PostingsImportIn,
    read_postings,
    safe_detail,
)
from landml.web.deps import PageDep, PageRequest, SettingsDep
from landml.web.rendering import render

router = APIRouter(include_in_schema=False)

# Each page route and the /api/v1 route that returns the same data as JSON.
JSON_TWINS: dict[tuple[str, str], tuple[str, str]] = {
    ("GET", "/postings"): ("GET", "/api/v1/postings"),
    ("POST", "/postings/import"): ("POST", "/api/v1/postings/import"),
    ("GET", "/postings/{posting_id:int}"): ("GET", "/api/v1/postings/{posting_id}"),
    ("POST", "/postings/{posting_id:int}/track"): ("POST", "/api/v1/postings/{posting_id}/track"),
}

# Errors a person fixes by changing what they typed or trying again: shown on the page.
FormError = InvalidInput | Conflict | NetworkError

FAMILY_LABELS = ROLE_FAMILY_LABELS
LEVEL_LABELS = {
    "intern": "Intern",
    "junior": "Junior",
    "mid": "Mid-level",
    "senior": "Senior",
    "staff_plus": "Staff+",
    "lead_manager": "Lead / manager",
}
REQUIREMENTS = ("required", "preferred", "mentioned")


# --- what the pages show ----------------------------------------------------------------


def salary_range(
    low: float | None, high: float | None, currency: str | None, period: str | None
) -> str:
    """A salary as people write it: "90,000–140,000 USD / year"; "" when none is known."""
    if low is None and high is None:
        return ""
    if low is not None and high is not None and low != high:
        figures = f"{low:,.0f}–{high:,.0f}"
    else:
        figures = f"{low if low is not None else high:,.0f}"
        if low is None:
            figures = f"up to {figures}"
        elif high is None:
            figures = f"from {figures}"
    unit = f" {currency}" if currency else ""
    per = f" / {period}" if period else ""
    return f"{figures}{unit}{per}"


def summary_salary(p: PostingSummary) -> str:
    return salary_range(p.salary_min, p.salary_max, p.salary_currency, p.salary_period)


@dataclass(frozen=True)
class SkillLine:
    """One skill of a posting: its strongest requirement over every mention."""

    skill_id: str
    label: str
    category: str
    requirement: str
    years: float | None
    mentions: int


def _stronger(a: str, b: str) -> str:
    return a if REQUIREMENTS.index(a) <= REQUIREMENTS.index(b) else b


def skill_lines(skills: Sequence[SkillOut]) -> dict[str, list[SkillLine]]:
    """Distinct skills grouped as required, preferred and mentioned, in order of first
    mention; a skill required anywhere is required, years are the most any mention asks."""
    lines: dict[str, SkillLine] = {}
    for s in skills:
        requirement = s.requirement or "mentioned"
        old = lines.get(s.skill_id)
        if old is None:
            lines[s.skill_id] = SkillLine(
                s.skill_id, s.label, s.category, requirement, s.years, mentions=1
            )
            continue
        lines[s.skill_id] = replace(
            old,
            requirement=_stronger(old.requirement, requirement),
            years=max((y for y in (old.years, s.years) if y is not None), default=None),
            mentions=old.mentions + 1,
        )
    groups: dict[str, list[SkillLine]] = {r: [] for r in REQUIREMENTS}
    for line in lines.values():
        groups[line.requirement].append(line)
    return groups


def years_text(years: float | None) -> str:
    if years is None:
        return ""
    count = f"{years:g}"
    return f"{count}+ year" if years == 1 else f"{count}+ years"


PAGE_HELPERS: dict[str, Any] = {
    "family_labels": FAMILY_LABELS,
    "level_labels": LEVEL_LABELS,
    "summary_salary": summary_salary,
    "salary_range": salary_range,
    "years_text": years_text,
}


# --- the list -------------------------------------------------------------------------------


def _list_page(
    page: PageRequest,
    query: PostingQuery,
    *,
    form: PostingsImportIn | None = None,
    report: PostingsImportReport | None = None,
    error: FormError | None = None,
) -> HTMLResponse:
    rows = service.list_postings(page.session, page.owner, query.to_filters())
    filtered = any(
        (query.role_family, query.company_kind, query.seniority, query.location, query.q)
    )
    params = page.request.url.query if page.request.method == "GET" else ""
    context = {
        **PAGE_HELPERS,
        "rows": rows,
        "query": query,
        "filtered": filtered,
        "total": service.count_postings(page.session, page.owner),
        "has_more": len(rows) == query.limit,
        "more_url": _more_url(page, query),
        "families": list(RoleFamily),
        "kinds": list(CompanyKind),
        "levels": list(Seniority),
        "form": form or PostingsImportIn(),
        "report": report,
        "error": error,
        # ImportRejected lists one line per posting that could not be imported.
        "problems": list(getattr(error, "problems", [])),
        "tz": page.tz,
    }
    return render(
        page.request,
        "postings.html",
        context,
        status_code=error.http_status if error else 200,
        api_url="/api/v1/postings" + (f"?{params}" if params else ""),
    )


def _more_url(page: PageRequest, query: PostingQuery) -> str:
    """The same list with the next page of rows added."""
    params = dict(page.request.query_params)
    params["limit"] = str(min(query.limit + PAGE_SIZE, MAX_LIMIT))
    return "/postings?" + urlencode(params)


@router.get("/postings", response_class=HTMLResponse)
def postings_page(query: Annotated[PostingQuery, Query()], page: PageDep) -> Response:
    return _list_page(page, query)


@router.post("/postings/import", response_class=HTMLResponse)
def import_postings(
    form: Annotated[PostingsImportIn, Form()], page: PageDep, settings: SettingsDep
) -> Response:
    try:
        raws = read_postings(form)
        report = service.import_postings(page.session, page.owner, raws, now=page.now)
    except (InvalidInput, Conflict, NetworkError) as exc:
        return _list_page(page, PostingQuery(), form=form, error=exc)
    on_postings_imported(page.session, page.owner, settings, report.posting_ids)
    return _list_page(page, PostingQuery(), report=report)


# --- one posting ------------------------------------------------------------------------------


def _posting_page(
    page: PageRequest,
    posting_id: int,
    view: Literal["skills", "formatted"],
    error: FormError | None = None,
) -> HTMLResponse:
    detail = safe_detail(service.posting_detail(page.session, page.owner, posting_id))
    formatted = detail.description_html is not None and view == "formatted"
    context = {
        **PAGE_HELPERS,
        "detail": detail,
        "p": detail.posting,
        "view": "formatted" if formatted else "skills",
        # Sanitised by safe_detail: the only markup from a posting that reaches the page.
        "formatted_html": Markup(detail.description_html or ""),
        "segments": highlight_segments(detail.description, detail.skills),
        "groups": skill_lines(detail.skills),
        "error": error,
        "tz": page.tz,
    }
    return render(
        page.request,
        "posting.html",
        context,
        status_code=error.http_status if error else 200,
        api_url=f"/api/v1/postings/{posting_id}",
    )


@router.get("/postings/{posting_id:int}", response_class=HTMLResponse)
def posting_page(
    posting_id: int, page: PageDep, view: Literal["skills", "formatted"] = "skills"
) -> Response:
    return _posting_page(page, posting_id, view)


@router.post("/postings/{posting_id:int}/track")
def track_posting(posting_id: int, page: PageDep) -> Response:
    try:
        app = service.track_posting(page.session, page.owner, posting_id, now=page.now)
    except (InvalidInput, Conflict) as exc:
        return _posting_page(page, posting_id, "skills", exc)
    return RedirectResponse(f"/applications/{app.id}", status_code=303)
