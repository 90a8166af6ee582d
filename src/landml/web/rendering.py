"""Templates and the small formatting functions pages use (dates in the person's zone,
days in a stage, labels of vocabulary values)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.responses import HTMLResponse

from landml import __version__
from landml.tracker.schemas import StageOut
from landml.tracker.vocab import label

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"


def local_time(value: datetime | None, tz: tzinfo, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC time as the person reads it in their zone."""
    if value is None:
        return ""
    return value.astimezone(tz).strftime(fmt)


def days_between(since: datetime, now: datetime) -> int:
    """Whole days from `since` to `now` (0 for the same day or a time in the future)."""
    return max((now - since).days, 0)


def days_text(days: int) -> str:
    if days == 0:
        return "today"
    return "1 day" if days == 1 else f"{days} days"


def suggested_stage(stages: Iterable[StageOut], current: str) -> str | None:
    """The stage a move form offers first: the next open stage after `current`."""
    passed = False
    for stage in stages:
        if passed and not stage.closed:
            return stage.key
        passed = passed or stage.key == current
    return None


def http_url(value: str | None) -> bool:
    """Whether a stored URL may become a link: http(s) only, never javascript: or data:."""
    return bool(value) and urlsplit(value or "").scheme.lower() in ("http", "https")


def long_date(value: date) -> str:
    # Written out by hand: strftime's %-d is not portable and %d pads with a zero.
    return f"{value:%A} {value.day} {value:%B %Y}"


def make_templates() -> Jinja2Templates:
    """Jinja2 templates with autoescape on for every file, whatever its extension."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        label=label,
        local_time=local_time,
        days_between=days_between,
        days_text=days_text,
        long_date=long_date,
        suggested_stage=suggested_stage,
        http_url=http_url,
    )
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
    api_url: str | None = None,
) -> HTMLResponse:
    """Render a page; `api_url` names its JSON twin, linked from the page's head."""
    templates: Jinja2Templates = request.app.state.templates
    page = {"api_url": api_url, "nav": request.url.path, **context}
    return templates.TemplateResponse(request, template, page, status_code=status_code)
