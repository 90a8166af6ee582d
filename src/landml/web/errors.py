"""How errors reach the person: a page with the message for HTML routes, and
{"error": {"type", "message", "hint"}} with the error's HTTP status under /api."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from landml.errors import InvalidInput, LandmlError, NotFound
from landml.web.rendering import render

API_PREFIX = "/api/"

# Names people read for the fields of the tracker's inputs.
FIELD_LABELS = {
    "company": "Company",
    "title": "Job title",
    "company_kind": "Company kind",
    "url": "Posting URL",
    "location": "Location",
    "channel": "Channel",
    "priority": "Priority",
    "stage": "Stage",
    "stage_at": "Date applied",
    "description": "Posting text",
    "name": "Name",
    "role": "Role",
    "email": "Email",
    "kind": "Kind",
    "scheduled_at": "Date and time",
    "timezone": "Time zone",
    "duration_minutes": "Duration",
    "interviewers": "Interviewers",
    "body": "Note",
}


class ErrorDetail(BaseModel):
    type: str = Field(description="The error's class, e.g. NotFound or InvalidInput.")
    message: str = Field(description="What happened.")
    hint: str | None = Field(default=None, description="What to do about it.")
    problems: list[str] = Field(default_factory=list, description="One line per faulty field.")


class ErrorBody(BaseModel):
    error: ErrorDetail


ERROR_TEXTS = {
    404: "An id that does not exist in this workspace; nothing was changed.",
    409: "The request contradicts what is stored; nothing was changed.",
    422: "A value that cannot be accepted; nothing was changed.",
    503: "The workspace cannot be opened or written.",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the errors a route can answer, all shaped as ErrorBody."""
    return {
        status: {"model": ErrorBody, "description": ERROR_TEXTS[status]}
        for status in (*statuses, 503)
    }


def problems_from(errors: Sequence[Any]) -> list[str]:
    """One readable line per pydantic error: "Job title: this field is required"."""
    lines = []
    for err in errors:
        loc = [str(part) for part in err.get("loc", ()) if part not in ("body", "query", "path")]
        name = loc[-1] if loc and not loc[-1].isdigit() else ".".join(loc)
        field = FIELD_LABELS.get(name, name.replace("_", " ").capitalize() or "Request")
        kind = err.get("type", "")
        if kind in ("missing", "string_too_short") and err.get("ctx", {}).get("min_length", 1) <= 1:
            lines.append(f"{field}: this field is required.")
        elif kind == "enum":
            lines.append(f"{field}: choose one of {err['ctx']['expected']}.")
        else:
            lines.append(f"{field}: {err.get('msg', 'invalid value')}.")
    return lines


def invalid_input_from(errors: Sequence[Any]) -> InvalidInput:
    return InvalidInput(
        " ".join(problems_from(errors)),
        hint="Nothing was changed; correct the values and try again.",
    )


def error_json(exc: LandmlError, status: int | None = None) -> JSONResponse:
    detail = ErrorDetail(
        type=type(exc).__name__,
        message=exc.message,
        hint=exc.hint,
        problems=list(getattr(exc, "problems", [])),
    )
    return JSONResponse(
        ErrorBody(error=detail).model_dump(mode="json"), status_code=status or exc.http_status
    )


def error_page(request: Request, exc: LandmlError, *, status: int, title: str) -> Response:
    context = {
        "title": title,
        "message": exc.message,
        "hint": exc.hint,
        "problems": list(getattr(exc, "problems", [])),
    }
    return render(request, "error.html", context, status_code=status)


def is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def respond_with_error(request: Request, exc: LandmlError, status: int | None = None) -> Response:
    """The error as JSON under /api, as a page elsewhere."""
    code = status or exc.http_status
    if is_api(request):
        return error_json(exc, code)
    return error_page(request, exc, status=code, title=TITLES.get(code, "Something went wrong"))


TITLES = {
    400: "That did not work",
    403: "Request refused",
    404: "Not found",
    405: "Not allowed",
    409: "Already there",
    422: "Check what you entered",
    503: "The workspace is unavailable",
}


class Forbidden(LandmlError):
    """A request refused by the local guard (foreign host or cross-site write)."""

    http_status = 403


def refusal_response(request: Request, reason: str) -> Response:
    return respond_with_error(
        request,
        Forbidden(reason, hint="Open landml from http://127.0.0.1 in your own browser."),
    )


async def _landml_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LandmlError)
    return respond_with_error(request, exc)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return respond_with_error(request, invalid_input_from(exc.errors()))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        error: LandmlError = NotFound(
            f"Nothing lives at {request.url.path}.",
            hint="The board is at /board; the API is described at /docs.",
        )
    else:
        error = LandmlError(str(exc.detail))
    return respond_with_error(request, error, exc.status_code)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(LandmlError, _landml_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
