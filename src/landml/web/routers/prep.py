"""Prep pages: today's reviews and plan, the exercises with an editor, the story bank and
system design practice.

Every page works without JavaScript: a review's answer is revealed by a <details>
element and rated with a plain form; code is graded by posting the editor's form. The
scripts in static/prep.js only add comfort (Tab in the editor, a running clock).

Grading runs the submission in the sandbox, a separate confined process (see
`landml.prep.sandbox`): nothing a person writes ever runs in the web process.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markdown_it import MarkdownIt
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, ValidationError

from landml.errors import Conflict, InvalidInput, LandmlError, NotFound
from landml.prep import service
from landml.prep.stories import StoryIn
from landml.tracker.vocab import label
from landml.web.deps import PageDep, PageRequest
from landml.web.rendering import render

router = APIRouter(include_in_schema=False)

# Each page route and the /api/v1 route that returns the same data as JSON.
JSON_TWINS: dict[tuple[str, str], tuple[str, str]] = {
    ("GET", "/prep"): ("GET", "/api/v1/prep/today"),
    ("POST", "/prep/reviews"): ("POST", "/api/v1/prep/reviews"),
    ("GET", "/prep/exercises"): ("GET", "/api/v1/prep/exercises"),
    ("GET", "/prep/exercises/{exercise_id}"): ("GET", "/api/v1/prep/exercises/{exercise_id}"),
    ("POST", "/prep/exercises/{exercise_id}/grade"): (
        "POST",
        "/api/v1/prep/exercises/{exercise_id}/attempts",
    ),
    ("GET", "/prep/stories"): ("GET", "/api/v1/prep/stories/checks"),
    ("POST", "/prep/stories"): ("POST", "/api/v1/prep/stories"),
    ("POST", "/prep/stories/{story_id:int}/delete"): ("DELETE", "/api/v1/prep/stories/{story_id}"),
    ("GET", "/prep/design"): ("GET", "/api/v1/prep/design"),
    ("POST", "/prep/design"): ("POST", "/api/v1/prep/design/sessions"),
    ("GET", "/prep/design/sessions/{session_id:int}"): (
        "GET",
        "/api/v1/prep/design/sessions/{session_id}",
    ),
    ("POST", "/prep/design/sessions/{session_id:int}/score"): (
        "PUT",
        "/api/v1/prep/design/sessions/{session_id}/scores",
    ),
}

# Errors a person fixes by changing what they typed: shown on the form itself.
FORM_ERRORS = (InvalidInput, Conflict)
# Statements are shipped Markdown; raw HTML in them is escaped, never rendered.
_MARKDOWN = MarkdownIt("commonmark", {"html": False})
TABS = (
    ("/prep", "Today"),
    ("/prep/exercises", "Exercises"),
    ("/prep/stories", "Stories"),
    ("/prep/design", "System design"),
)


_LIST_ITEM = re.compile(r"^(?P<marker>[-*]|\d+[.)])\s+(?P<text>.*)$")


@dataclass
class TextBlock:
    """A paragraph, or a list item with its depth and marker ("-", "1.")."""

    text: str
    marker: str | None = None
    indent: int = 0

    @property
    def depth(self) -> int:
        return self.indent // 2


def answer_blocks(text: str) -> list[TextBlock]:
    """Paragraphs and list items of a bank answer, re-flowed for any width.

    Answers are stored wrapped at about 95 columns. A line continues the one before when
    it is indented under a list item, or, after a paragraph line, when its first word
    would not have fitted on that line (the wrap was soft); any other line starts anew.
    """
    lines = [line.rstrip() for line in text.splitlines()]
    width = max((len(line) for line in lines), default=0)
    blocks: list[TextBlock] = []
    previous = ""
    for line in lines:
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        item = _LIST_ITEM.match(stripped)
        last = blocks[-1] if blocks else None
        if not stripped:
            previous = ""
            continue
        if item:
            blocks.append(TextBlock(item.group("text"), item.group("marker"), indent))
        elif last is not None and (
            indent > last.indent
            if last.marker is not None
            else bool(previous) and len(previous) + 1 + len(stripped.split()[0]) > width
        ):
            last.text = f"{last.text} {stripped}"
        else:
            blocks.append(TextBlock(stripped))
        previous = line
    return blocks


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _page(
    page: PageRequest,
    template: str,
    context: dict[str, Any],
    *,
    api_url: str,
    error: LandmlError | None = None,
) -> HTMLResponse:
    return render(
        page.request,
        template,
        {
            "tabs": TABS,
            "error": error,
            "label": label,
            "answer_blocks": answer_blocks,
            "tz": page.tz,
            **context,
        },
        status_code=error.http_status if error else 200,
        api_url=api_url,
    )


# --- today: reviews and plan -------------------------------------------------------------------


def _today_page(page: PageRequest, error: LandmlError | None = None) -> HTMLResponse:
    today = service.prep_today(page.session, page.owner, page.now, tz=page.tz)
    context = {"today": today, "now_ts": f"{page.now.timestamp():.0f}"}
    return _page(page, "prep.html", context, api_url="/api/v1/prep/today", error=error)


@router.get("/prep", response_class=HTMLResponse)
def prep_page(page: PageDep) -> Response:
    return _today_page(page)


class ReviewForm(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    item_id: str
    rating: str
    shown_at: str = ""


@router.post("/prep/reviews")
def rate_review(form: Annotated[ReviewForm, Form()], page: PageDep) -> Response:
    try:
        service.review(
            page.session,
            page.owner,
            form.item_id,
            form.rating,
            now=page.now,
            duration_seconds=_seconds_since(form.shown_at, page.now.timestamp()),
        )
    except FORM_ERRORS as exc:
        return _today_page(page, exc)
    return _see_other("/prep#review")


def _seconds_since(shown_at: str, now: float) -> int | None:
    """How long the card was on screen, from the page's time stamp (a bad one is ignored)."""
    try:
        elapsed = now - float(shown_at)
    except ValueError:
        return None
    return round(elapsed) if 0 <= elapsed < 3600 else None


# --- exercises --------------------------------------------------------------------------------


@router.get("/prep/exercises", response_class=HTMLResponse)
def exercises_page(page: PageDep) -> Response:
    progress = service.exercise_progress(page.session, page.owner)
    kinds = {
        "coding": [p for p in progress if p.kind == "coding"],
        "debugging": [p for p in progress if p.kind == "debugging"],
    }
    return _page(page, "prep_exercises.html", {"kinds": kinds}, api_url="/api/v1/prep/exercises")


def statement_html(text: str) -> Markup:
    """An exercise statement as HTML, its headings one level down: the page has its h1."""
    tokens = _MARKDOWN.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"
    return Markup(_MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {}))


def _exercise_page(
    page: PageRequest,
    exercise_id: str,
    *,
    source: str | None = None,
    error: LandmlError | None = None,
) -> HTMLResponse:
    detail = service.exercise_detail(page.session, page.owner, exercise_id)
    fresh = page.request.query_params.get("starter") == "1"
    code = source if source is not None else detail.starter if fresh else None
    context = {
        "detail": detail,
        "statement": statement_html(detail.exercise.statement),
        "code": code if code is not None else detail.last_source or detail.starter,
    }
    return _page(
        page,
        "prep_exercise.html",
        context,
        api_url=f"/api/v1/prep/exercises/{detail.exercise.id}",
        error=error,
    )


@router.get("/prep/exercises/{exercise_id}", response_class=HTMLResponse)
def exercise_page(exercise_id: str, page: PageDep) -> Response:
    return _exercise_page(page, exercise_id)


@router.post("/prep/exercises/{exercise_id}/grade")
def grade_exercise(exercise_id: str, source: Annotated[str, Form()], page: PageDep) -> Response:
    # Browsers send CRLF line ends from a textarea; the grader reads the code as typed.
    code = source.replace("\r\n", "\n")
    try:
        graded = service.grade_and_record(page.session, page.owner, exercise_id, code, now=page.now)
    except NotFound:
        raise
    except LandmlError as exc:  # too large, or no sandbox here: say so beside the code
        return _exercise_page(page, exercise_id, source=code, error=exc)
    return _see_other(f"/prep/exercises/{graded.attempt.exercise_id}#results")


# --- stories -----------------------------------------------------------------------------------


class StoryForm(BaseModel):
    """The add form as typed; tags are comma-separated."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    title: str = ""
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    tags: str = ""
    text: str = ""

    def to_input(self) -> StoryIn:
        try:
            return StoryIn(
                title=self.title,
                situation=self.situation,
                task=self.task,
                action=self.action,
                result=self.result,
                tags=tuple(t.strip().lower() for t in self.tags.split(",") if t.strip()),
                text=self.text or None,
            )
        except ValidationError:
            raise InvalidInput(
                "A story needs a title and its STAR parts, or the whole story as one text.",
                hint="Fill in the title, then Situation, Task, Action and Result (or Text).",
            ) from None


def _stories_page(
    page: PageRequest, form: StoryForm | None = None, error: LandmlError | None = None
) -> HTMLResponse:
    reports = service.check_all(page.session, page.owner)
    context = {"reports": reports, "form": form or StoryForm()}
    return _page(
        page, "prep_stories.html", context, api_url="/api/v1/prep/stories/checks", error=error
    )


@router.get("/prep/stories", response_class=HTMLResponse)
def stories_page(page: PageDep) -> Response:
    return _stories_page(page)


@router.post("/prep/stories")
def add_story(form: Annotated[StoryForm, Form()], page: PageDep) -> Response:
    try:
        story = service.add_story(page.session, page.owner, form.to_input(), now=page.now)
    except FORM_ERRORS as exc:
        return _stories_page(page, form, exc)
    return _see_other(f"/prep/stories#story-{story.id}")


@router.post("/prep/stories/{story_id:int}/delete")
def delete_story(story_id: int, page: PageDep) -> Response:
    service.delete_story(page.session, page.owner, story_id)
    return _see_other("/prep/stories")


# --- system design -------------------------------------------------------------------------------


def _design_page(page: PageRequest, error: LandmlError | None = None) -> HTMLResponse:
    overview = service.design_overview(page.session, page.owner)
    return _page(
        page, "prep_design.html", {"overview": overview}, api_url="/api/v1/prep/design", error=error
    )


@router.get("/prep/design", response_class=HTMLResponse)
def design_page(page: PageDep) -> Response:
    return _design_page(page)


class DesignStartForm(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    prompt_id: str = ""
    minutes: str = str(service.DEFAULT_DESIGN_MINUTES)


@router.post("/prep/design")
def start_design(form: Annotated[DesignStartForm, Form()], page: PageDep) -> Response:
    try:
        minutes = int(form.minutes)
    except ValueError:
        return _design_page(page, InvalidInput(f"Cannot read {form.minutes!r} as minutes."))
    try:
        started = service.start_design(
            page.session, page.owner, form.prompt_id or None, minutes=minutes, now=page.now
        )
    except FORM_ERRORS as exc:
        return _design_page(page, exc)
    return _see_other(f"/prep/design/sessions/{started.id}")


def _session_page(
    page: PageRequest, session_id: int, error: LandmlError | None = None
) -> HTMLResponse:
    design = service.get_design_session(page.session, page.owner, session_id)
    return _page(
        page,
        "prep_design_session.html",
        {"design": design, "now": page.now},
        api_url=f"/api/v1/prep/design/sessions/{session_id}",
        error=error,
    )


@router.get("/prep/design/sessions/{session_id:int}", response_class=HTMLResponse)
def design_session_page(session_id: int, page: PageDep) -> Response:
    return _session_page(page, session_id)


async def form_fields(request: Request) -> dict[str, str]:
    """Every field of a posted form, for forms whose field names come from data."""
    form = await request.form()
    return {key: value for key, value in form.items() if isinstance(value, str)}


def _scores(fields: Mapping[str, str]) -> dict[str, int]:
    scores = {}
    for key, value in fields.items():
        if not key.startswith("score:") or not value:
            continue
        if value not in ("0", "1", "2"):
            raise InvalidInput(f"Scores are 0, 1 or 2; got {value!r} for {key[6:]}.")
        scores[key[6:]] = int(value)
    return scores


@router.post("/prep/design/sessions/{session_id:int}/score")
def score_design(
    session_id: int,
    fields: Annotated[dict[str, str], Depends(form_fields)],
    page: PageDep,
) -> Response:
    try:
        service.score_design_session(
            page.session, page.owner, session_id, _scores(fields), now=page.now
        )
    except FORM_ERRORS as exc:
        return _session_page(page, session_id, exc)
    return _see_other(f"/prep/design/sessions/{session_id}#result")
