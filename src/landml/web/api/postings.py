"""Postings as JSON: the same service calls as the Postings pages (list with filters and
full-text search, one posting, import, track), with the service's models as bodies."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from landml.errors import InvalidInput, UnsafeURL
from landml.match.ranking import on_postings_imported
from landml.postings import service
from landml.postings.fetch import FetchPolicy
from landml.postings.sanitize import sanitize_posting_html
from landml.postings.service import (
    PostingDetail,
    PostingFilters,
    PostingsImportReport,
    PostingSummary,
)
from landml.postings.sources import BOARD_READERS, RawPosting
from landml.postings.titles import RoleFamily, Seniority
from landml.tracker.schemas import ApplicationSummary
from landml.tracker.vocab import CompanyKind, parse_choice
from landml.web.deps import NowDep, OwnerDep, SessionDep, SettingsDep
from landml.web.errors import ErrorBody, error_responses

router = APIRouter(prefix="/api/v1/postings", tags=["postings"])
CREATED = status.HTTP_201_CREATED
PAGE_SIZE = 50
MAX_LIMIT = 1000
WEB_SCHEMES = ("http", "https")
SOURCE_HINT = (
    "Paste the posting's text, or give an http(s) address or a job board: "
    "greenhouse:BOARD, lever:SITE, ashby:BOARD or workable:ACCOUNT. "
    "Files are imported from the command line: landml postings import FILE."
)

PRIVATE_HINT = (
    "The web app fetches public addresses only. For a page on your own network, run "
    "landml postings import URL --allow-private."
)


def _choices(enum: type[StrEnum]) -> str:
    return ", ".join(member.value for member in enum)


def _choice(enum: type[StrEnum], value: str, what: str) -> str | None:
    return parse_choice(enum, value, what) if value else None


class PostingQuery(BaseModel):
    """The filters of the postings list, as typed in the page's form (blank means any)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    role_family: str = Field(default="", description=f"One of {_choices(RoleFamily)}.")
    company_kind: str = Field(default="", description=f"One of {_choices(CompanyKind)}.")
    seniority: str = Field(default="", description=f"One of {_choices(Seniority)}.")
    location: str = Field(default="", description="Part of the location, any case.")
    q: str = Field(default="", description="Words to find in title, company and description.")
    limit: int = Field(default=PAGE_SIZE, ge=1, le=MAX_LIMIT, description="At most this many.")

    def to_filters(self) -> PostingFilters:
        """The service's filters; an unknown family, kind or level is refused."""
        return PostingFilters(
            role_family=_choice(RoleFamily, self.role_family, "role family"),
            company_kind=_choice(CompanyKind, self.company_kind, "company kind"),
            seniority=_choice(Seniority, self.seniority, "seniority"),
            location=self.location or None,
            query=self.q or None,
            limit=self.limit,
        )


class PostingsImportIn(BaseModel):
    """What to import: pasted text, or a web address, or a job board (one of them)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str = Field(default="", description="A posting's text, title on the first line.")
    source: str = Field(
        default="",
        description="An http(s) address, or greenhouse:BOARD, lever:SITE, ashby:BOARD, "
        "workable:ACCOUNT.",
    )


def read_postings(data: PostingsImportIn) -> list[RawPosting]:
    """Postings from pasted text, a web address or a job board; never from a file path, so
    a request to the app cannot make it read the machine's files."""
    if data.text and data.source:
        raise InvalidInput("Give either the posting's text or an address, not both.")
    if data.text:
        text = data.text
        return service.read_source("-", stdin=lambda: text)
    if not data.source:
        raise InvalidInput("There is nothing to import.", hint=SOURCE_HINT)
    kind, sep, rest = data.source.partition(":")
    kind = kind.lower()
    if not sep or not rest or kind not in (*WEB_SCHEMES, *BOARD_READERS):
        raise InvalidInput(
            f"{data.source!r} is not a web address or a job board.", hint=SOURCE_HINT
        )
    try:
        return service.read_source(f"{kind}:{rest}", policy=FetchPolicy())
    except UnsafeURL as exc:
        # The command line can opt in to private addresses; the web app never does.
        raise UnsafeURL(exc.message, hint=PRIVATE_HINT) from exc


def safe_detail(detail: PostingDetail) -> PostingDetail:
    """The detail with its source HTML sanitised, as every page and answer shows it."""
    if detail.description_html is None:
        return detail
    cleaned = sanitize_posting_html(detail.description_html)
    return detail.model_copy(update={"description_html": cleaned})


IMPORT_ERRORS: dict[int | str, dict[str, Any]] = {
    **error_responses(422),
    502: {"model": ErrorBody, "description": "The address or job board could not be read."},
}


@router.get("", summary="Postings", responses=error_responses(422))
def get_postings(
    query: Annotated[PostingQuery, Query()], session: SessionDep, owner: OwnerDep
) -> list[PostingSummary]:
    """Stored postings matching the filters, newest first; `q` is a full-text search."""
    return service.list_postings(session, owner, query.to_filters())


@router.post("/import", summary="Import postings", responses=IMPORT_ERRORS)
def post_import(
    data: PostingsImportIn,
    session: SessionDep,
    owner: OwnerDep,
    now: NowDep,
    settings: SettingsDep,
) -> PostingsImportReport:
    """Import pasted text, a web page or a job board; duplicates are stored once with all
    their sources, and nothing is written unless every posting can be imported. The new
    postings join the saved ranking index."""
    report = service.import_postings(session, owner, read_postings(data), now=now)
    on_postings_imported(session, owner, settings, report.posting_ids)
    return report


@router.get("/{posting_id}", summary="One posting", responses=error_responses(404, 422))
def get_posting(posting_id: int, session: SessionDep, owner: OwnerDep) -> PostingDetail:
    """A posting with its skills (offsets into `description`), sources and applications;
    `description_html` is the source's HTML sanitised (no scripts, styles or handlers)."""
    return safe_detail(service.posting_detail(session, owner, posting_id))


@router.post(
    "/{posting_id}/track",
    status_code=CREATED,
    summary="Track a posting",
    responses=error_responses(404, 422),
)
def post_track(
    posting_id: int, response: Response, session: SessionDep, owner: OwnerDep, now: NowDep
) -> ApplicationSummary:
    """Create an application (stage saved) from the posting."""
    summary = service.track_posting(session, owner, posting_id, now=now)
    response.headers["Location"] = f"/api/v1/applications/{summary.id}"
    return summary
