"""The Resume pages: versions and upload, the checker's findings beside the text landml
read (each finding's lines highlighted), the match of a resume to one posting with every
point explained, the gaps across your targets, the ONE portfolio project, and postings
ranked for your resume.

Forms post here and are answered with a redirect (303); an upload the parser refuses
re-renders the page with the message, and nothing is stored.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from landml.errors import Conflict, InvalidInput
from landml.match import service as matching
from landml.match.explain import COMPONENT_LABELS, FAMILY_LABELS, MatchReport
from landml.resume import service
from landml.resume.check import ResumeReport
from landml.resume.service import ResumeView
from landml.web.api.resume import MAX_IDEAS, read_upload, store_upload, version_only
from landml.web.deps import PageDep, PageRequest, SettingsDep
from landml.web.rendering import render

router = APIRouter(include_in_schema=False)

# Each page route and the /api/v1 route that returns the same data as JSON.
JSON_TWINS: dict[tuple[str, str], tuple[str, str]] = {
    ("GET", "/resume"): ("GET", "/api/v1/resumes/default"),
    ("POST", "/resume"): ("POST", "/api/v1/resumes"),
    ("GET", "/resume/{version_id:int}"): ("GET", "/api/v1/resumes/{version_id}"),
    ("POST", "/resume/{version_id:int}/default"): ("PUT", "/api/v1/resumes/{version_id}/default"),
    ("POST", "/resume/{version_id:int}/delete"): ("DELETE", "/api/v1/resumes/{version_id}"),
    ("GET", "/match/{posting_id:int}"): ("GET", "/api/v1/match/{posting_id}"),
    ("GET", "/gaps"): ("GET", "/api/v1/gaps"),
    ("GET", "/portfolio"): ("GET", "/api/v1/portfolio"),
    ("GET", "/ranked"): ("GET", "/api/v1/ranked"),
}

FormError = InvalidInput | Conflict
MATCH_LINKS = 30  # postings offered for a match on the resume page; /ranked orders them all
RANKED_SHOWN = 50
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Note"}
ResumeQuery = Annotated[str | None, Query()]


def flagged_lines(report: ResumeReport) -> dict[int, str]:
    """Line -> the most severe finding that quotes it, for highlighting the text."""
    order = {"error": 0, "warning": 1, "info": 2}
    flagged: dict[int, str] = {}
    for finding in report.findings:
        for evidence in finding.evidence:
            if evidence.line is None:
                continue
            old = flagged.get(evidence.line)
            if old is None or order[finding.severity] < order[old]:
                flagged[evidence.line] = finding.severity
    return flagged


def _line_sections(view: ResumeView) -> tuple[dict[int, str], set[int]]:
    kinds: dict[int, str] = {}
    headings: set[int] = set()
    for section in view.document.sections:
        if section.heading_line is not None:
            headings.add(section.heading_line)
            kinds[section.heading_line] = section.kind
        for i in section.lines:
            kinds[i] = section.kind
    return kinds, headings


def _resume_page(
    page: PageRequest,
    version_id: int | None,
    *,
    error: FormError | None = None,
    label: str = "",
) -> HTMLResponse:
    versions = service.list_versions(page.session, page.owner)
    view = None
    if versions:
        view = service.view_version(page.session, page.owner, version_id, today=page.now.date())
    context: dict[str, Any] = {
        "versions": versions,
        "view": view,
        "flagged": flagged_lines(view.report) if view else {},
        "postings": matching.posting_choices(page.session, page.owner, limit=MATCH_LINKS),
        "error": error,
        "label": label,
        "severity_labels": SEVERITY_LABELS,
        "max_mb": service.MAX_STORED_BYTES // 2**20,
        "tz": page.tz,
    }
    if view is not None:
        context["kinds"], context["headings"] = _line_sections(view)
    twin = f"/api/v1/resumes/{version_id}" if version_id else "/api/v1/resumes/default"
    return render(
        page.request,
        "resume.html",
        context,
        status_code=error.http_status if error else 200,
        api_url=twin if versions else "/api/v1/resumes",
    )


@router.get("/resume", response_class=HTMLResponse)
def resume_page(page: PageDep) -> Response:
    return _resume_page(page, None)


@router.get("/resume/{version_id:int}", response_class=HTMLResponse)
def version_page(version_id: int, page: PageDep) -> Response:
    return _resume_page(page, version_id)


@router.post("/resume")
async def upload_resume(request: Request, page: PageDep, settings: SettingsDep) -> Response:
    label = ""
    try:
        upload = await read_upload(request)
        label = upload.label or ""
        added = await run_in_threadpool(
            store_upload, page.session, page.owner, settings, upload, page.now
        )
    except (InvalidInput, Conflict) as exc:
        return await run_in_threadpool(_resume_page, page, None, error=exc, label=label)
    return RedirectResponse(f"/resume/{added.version.id}", status_code=303)


@router.post("/resume/{version_id:int}/default")
def make_default(version_id: int, page: PageDep) -> Response:
    service.set_default(page.session, page.owner, version_id)
    return RedirectResponse(f"/resume/{version_id}", status_code=303)


@router.post("/resume/{version_id:int}/delete")
def delete_version(version_id: int, page: PageDep) -> Response:
    service.delete_version(page.session, page.owner, version_id)
    return RedirectResponse("/resume", status_code=303)


# --- match, gaps, portfolio, ranked ----------------------------------------------------------


def _no_resume(page: PageRequest, title: str) -> HTMLResponse | None:
    """The page to show instead when no resume is stored yet."""
    if service.list_versions(page.session, page.owner):
        return None
    return render(page.request, "resume_needed.html", {"title": title}, status_code=404)


def _query(resume: str | None) -> str:
    return f"?resume={resume}" if resume else ""


@router.get("/match/{posting_id:int}", response_class=HTMLResponse)
def match_page(posting_id: int, page: PageDep, resume: ResumeQuery = None) -> Response:
    needed = _no_resume(page, "Match")
    if needed is not None:
        return needed
    ref = version_only(resume)
    report: MatchReport = matching.match(
        page.session, page.owner, ref, posting_id, today=page.now.date()
    )
    context = {
        "report": report,
        "version_id": service.parse_ref(report.resume_ref) if report.resume_ref else None,
        "versions": service.list_versions(page.session, page.owner),
        "component_labels": COMPONENT_LABELS,
    }
    return render(
        page.request,
        "match.html",
        context,
        api_url=f"/api/v1/match/{posting_id}{_query(ref)}",
    )


@router.get("/gaps", response_class=HTMLResponse)
def gaps_page(page: PageDep, resume: ResumeQuery = None) -> Response:
    needed = _no_resume(page, "Gaps")
    if needed is not None:
        return needed
    ref = version_only(resume)
    report = matching.gaps(page.session, page.owner, ref, today=page.now.date())
    return render(
        page.request, "gaps.html", {"report": report}, api_url=f"/api/v1/gaps{_query(ref)}"
    )


def _ideas(text: str) -> list[str]:
    ideas = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if len(ideas) > MAX_IDEAS:
        raise InvalidInput(f"{len(ideas)} ideas: landml scores up to {MAX_IDEAS} at a time.")
    return ideas


@router.get("/portfolio", response_class=HTMLResponse)
def portfolio_page(
    page: PageDep, resume: ResumeQuery = None, ideas: Annotated[str, Query()] = ""
) -> Response:
    needed = _no_resume(page, "Portfolio plan")
    if needed is not None:
        return needed
    ref = version_only(resume)
    typed = _ideas(ideas)
    plan = matching.portfolio(page.session, page.owner, ref, ideas=typed, today=page.now.date())
    params = [f"resume={ref}"] if ref else []
    params += [f"idea={quote(i, safe='')}" for i in typed]
    twin = "/api/v1/portfolio" + ("?" + "&".join(params) if params else "")
    return render(page.request, "portfolio.html", {"plan": plan, "ideas": ideas}, api_url=twin)


@router.get("/ranked", response_class=HTMLResponse)
def ranked_page(page: PageDep, settings: SettingsDep, resume: ResumeQuery = None) -> Response:
    needed = _no_resume(page, "Ranked postings")
    if needed is not None:
        return needed
    ref = version_only(resume)
    ranked = None
    if matching.posting_choices(page.session, page.owner, limit=1):
        ranked = matching.ranked(
            page.session, page.owner, settings, ref, top=RANKED_SHOWN, today=page.now.date()
        )
    context = {"ranked": ranked, "family_labels": FAMILY_LABELS, "ref": ref}
    return render(page.request, "ranked.html", context, api_url=f"/api/v1/ranked{_query(ref)}")
