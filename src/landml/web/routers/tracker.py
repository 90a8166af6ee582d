"""Tracker pages: the board, an application, the add form and today's list.

Forms post here and are answered with a redirect (303) to the page they came from;
an input the service refuses re-renders that page with the message and the values
typed, and the workspace is left as it was.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any
from zoneinfo import available_timezones

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from landml.errors import Conflict, InvalidInput
from landml.offers import service as offer_service
from landml.prep import service as prep_service
from landml.tracker import service
from landml.tracker.schemas import ApplicationDetail
from landml.tracker.today import today
from landml.tracker.vocab import Channel, CompanyKind, ContactRole, InterviewKind
from landml.web.deps import PageDep, PageRequest, zone_name
from landml.web.forms import ApplicationForm, ContactForm, InterviewForm, MoveForm, NoteForm
from landml.web.rendering import render

router = APIRouter(include_in_schema=False)

# Each page route and the /api/v1 route that returns the same data as JSON.
# A test fails when a page is added without its twin.
JSON_TWINS: dict[tuple[str, str], tuple[str, str]] = {
    ("GET", "/"): ("GET", "/api/v1/board"),
    ("GET", "/board"): ("GET", "/api/v1/board"),
    ("GET", "/today"): ("GET", "/api/v1/today"),
    ("GET", "/applications/new"): ("GET", "/api/v1/stages"),
    ("POST", "/applications"): ("POST", "/api/v1/applications"),
    ("GET", "/applications/{app_id:int}"): ("GET", "/api/v1/applications/{app_id}"),
    ("POST", "/applications/{app_id:int}/move"): ("POST", "/api/v1/applications/{app_id}/moves"),
    ("POST", "/applications/{app_id:int}/notes"): ("POST", "/api/v1/applications/{app_id}/notes"),
    ("POST", "/applications/{app_id:int}/contacts"): ("POST", "/api/v1/contacts"),
    ("POST", "/applications/{app_id:int}/interviews"): ("POST", "/api/v1/interviews"),
}

# Errors a person fixes by changing what they typed: shown on the form itself.
# Others (an unknown id, a locked workspace) get the error page from errors.py.
FormError = InvalidInput | Conflict
ZONE_NAMES = sorted(available_timezones())


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/board", status_code=307)


# --- board ----------------------------------------------------------------------------


def _board_page(page: PageRequest, error: FormError | None = None) -> HTMLResponse:
    context = {
        "board": service.board(page.session, page.owner),
        "now": page.now,
        "tz": page.tz,
        "error": error,
    }
    status = error.http_status if error else 200
    return render(page.request, "board.html", context, status_code=status, api_url="/api/v1/board")


@router.get("/board", response_class=HTMLResponse)
def board_page(page: PageDep) -> Response:
    return _board_page(page)


# --- adding an application -------------------------------------------------------------


def _new_page(
    page: PageRequest, form: ApplicationForm, error: FormError | None = None
) -> HTMLResponse:
    context = {
        "form": form,
        "error": error,
        "stages": service.list_stages(page.session, page.owner),
        "kinds": list(CompanyKind),
        "channels": list(Channel),
        "today": page.now.astimezone(page.tz).date(),
    }
    status = error.http_status if error else 200
    return render(
        page.request, "new_application.html", context, status_code=status, api_url="/api/v1/stages"
    )


@router.get("/applications/new", response_class=HTMLResponse)
def new_application_page(page: PageDep) -> Response:
    return _new_page(page, ApplicationForm())


@router.post("/applications")
def add_application(form: Annotated[ApplicationForm, Form()], page: PageDep) -> Response:
    try:
        data = form.to_input(page.tz)
        summary = service.add_application(page.session, page.owner, data, now=page.now)
    except (InvalidInput, Conflict) as exc:
        return _new_page(page, form, exc)
    return _see_other(f"/applications/{summary.id}")


# --- one application ---------------------------------------------------------------------


def _application_page(
    page: PageRequest,
    app_id: int,
    *,
    failed: str | None = None,
    form: BaseModel | None = None,
    error: FormError | None = None,
) -> HTMLResponse:
    """The application page; after a refused form, `failed` names the form to reopen."""
    detail = service.application_detail(page.session, page.owner, app_id)
    context: dict[str, Any] = {
        "detail": detail,
        "app": detail.application,
        "stages": service.list_stages(page.session, page.owner),
        "now": page.now,
        "tz": page.tz,
        "failed": failed,
        "error": error,
        "forms": _application_forms(page, detail, failed, form),
        "interview_kinds": list(InterviewKind),
        "contact_roles": list(ContactRole),
        "zone_names": ZONE_NAMES,
    }
    return render(
        page.request,
        "application.html",
        context,
        status_code=error.http_status if error else 200,
        api_url=f"/api/v1/applications/{app_id}",
    )


def _application_forms(
    page: PageRequest, detail: ApplicationDetail, failed: str | None, form: BaseModel | None
) -> dict[str, BaseModel]:
    """Blank forms for the page, with the refused one keeping what was typed."""
    forms: dict[str, BaseModel] = {
        "move": MoveForm(return_to="application"),
        "note": NoteForm(),
        "contact": ContactForm(company=detail.application.company),
        "interview": InterviewForm(timezone=zone_name(page.tz, page.now)),
    }
    if failed is not None and form is not None:
        forms[failed] = form
    return forms


@router.get("/applications/{app_id:int}", response_class=HTMLResponse)
def application_page(app_id: int, page: PageDep) -> Response:
    return _application_page(page, app_id)


@router.post("/applications/{app_id:int}/move")
def move_application(app_id: int, form: Annotated[MoveForm, Form()], page: PageDep) -> Response:
    try:
        service.move(
            page.session,
            page.owner,
            app_id,
            form.stage,
            note=form.note or None,
            reason=form.reason or None,
            skills=form.skill_list,
            at=page.now,
        )
    except (InvalidInput, Conflict) as exc:
        if form.return_to == "application":
            return _application_page(page, app_id, failed="move", form=form, error=exc)
        if form.return_to == "today":
            return _today_page(page, exc)
        return _board_page(page, exc)
    if form.return_to == "application":
        return _see_other(f"/applications/{app_id}#timeline")
    return _see_other(f"/{form.return_to}#app-{app_id}")


@router.post("/applications/{app_id:int}/notes")
def add_note(app_id: int, form: Annotated[NoteForm, Form()], page: PageDep) -> Response:
    try:
        service.add_note(page.session, page.owner, app_id, form.body, at=page.now)
    except (InvalidInput, Conflict) as exc:
        return _application_page(page, app_id, failed="note", form=form, error=exc)
    return _see_other(f"/applications/{app_id}#timeline")


@router.post("/applications/{app_id:int}/contacts")
def add_contact(app_id: int, form: Annotated[ContactForm, Form()], page: PageDep) -> Response:
    try:
        service.add_contact(page.session, page.owner, form.to_input(), application_id=app_id)
    except (InvalidInput, Conflict) as exc:
        return _application_page(page, app_id, failed="contact", form=form, error=exc)
    return _see_other(f"/applications/{app_id}#contacts")


@router.post("/applications/{app_id:int}/interviews")
def schedule_interview(
    app_id: int, form: Annotated[InterviewForm, Form()], page: PageDep
) -> Response:
    try:
        service.schedule_interview(page.session, page.owner, form.to_input(app_id))
    except (InvalidInput, Conflict) as exc:
        return _application_page(page, app_id, failed="interview", form=form, error=exc)
    return _see_other(f"/applications/{app_id}#interviews")


# --- today -----------------------------------------------------------------------------------


def _today_page(page: PageRequest, error: FormError | None = None) -> HTMLResponse:
    report = today(
        page.session,
        page.owner,
        page.prefs,
        now=page.now,
        tz=page.tz,
        offer_deadlines=offer_service.deadline_items,
        prep=functools.partial(prep_service.today_items, tz=page.tz),
    )
    return render(
        page.request,
        "today.html",
        {"report": report, "error": error},
        status_code=error.http_status if error else 200,
        api_url="/api/v1/today",
    )


@router.get("/today", response_class=HTMLResponse)
def today_page(page: PageDep) -> Response:
    return _today_page(page)
