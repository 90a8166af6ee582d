"""Resume versions, matches, gaps and the portfolio plan as JSON: the same service calls as
the Resume pages.

Uploads are multipart forms read by `read_upload`: the body is capped while it streams in,
the file part stays in memory (never spooled to the system's temporary folder), and the
bytes are written only to a temporary folder inside the workspace for the parser, which
checks the content against the extension, and removed once stored.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import AsyncGenerator
from datetime import datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel
from sqlalchemy.orm import Session
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from landml.config import Settings
from landml.errors import InvalidInput
from landml.match import service as matching
from landml.match.explain import MatchReport
from landml.match.gaps import GapReport
from landml.match.portfolio import PortfolioPlan
from landml.match.service import RankedForResume
from landml.resume import service
from landml.resume.errors import EmptyFile, FileTooLarge
from landml.resume.service import AddedVersion, ResumeVersionOut, ResumeView
from landml.web.deps import NowDep, OwnerDep, SessionDep, SettingsDep
from landml.web.errors import error_responses

router = APIRouter(prefix="/api/v1", tags=["resume"])
CREATED = status.HTTP_201_CREATED
UPLOAD_DIR = "uploads"
# Room for the form's own bytes (boundaries, headers, the label) around the file.
FORM_OVERHEAD = 64 * 1024
MAX_FORM_BYTES = service.MAX_STORED_BYTES + FORM_OVERHEAD
MAX_IDEAS = 10
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "label": {"type": "string", "maxLength": service.MAX_LABEL},
                    },
                }
            }
        },
    }
}


class Upload(BaseModel):
    filename: str
    data: bytes
    label: str | None


class _InMemoryParser(MultiPartParser):
    # The whole body is capped below this, so a file part never rolls over to disk.
    spool_max_size = MAX_FORM_BYTES


def safe_filename(name: str | None) -> str:
    """The last part of an uploaded file's name, in characters safe on any file system."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" .")[:120]
    return base or "resume"


async def _capped(request: Request) -> AsyncGenerator[bytes, None]:
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > MAX_FORM_BYTES:
            raise _too_large()
        yield chunk


def _too_large() -> FileTooLarge:
    return FileTooLarge(
        f"The upload is larger than {service.MAX_STORED_BYTES // 2**20} MB, the most landml "
        "stores for a resume.",
        hint="Export the resume again with compressed images, or without them.",
    )


async def read_upload(request: Request) -> Upload:
    """The file and label of a multipart upload, read with the size capped."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise _too_large()
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise InvalidInput(
            "Send the resume as a multipart form with a `file` field.",
            hint="From a shell: curl -F file=@resume.pdf .../api/v1/resumes",
        )
    parser = _InMemoryParser(request.headers, _capped(request), max_files=1, max_fields=4)
    try:
        form: FormData = await parser.parse()
    except MultiPartException as exc:
        raise InvalidInput(f"The upload could not be read: {exc.message}") from exc
    try:
        return await _upload_of(form)
    finally:
        await form.close()


async def _upload_of(form: FormData) -> Upload:
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        raise InvalidInput("Choose a resume file to upload.", hint="PDF, DOCX, Markdown or text.")
    data = await file.read()
    if not data.strip():
        raise EmptyFile(f"{file.filename} is empty.", hint="Choose the resume file again.")
    label = form.get("label")
    return Upload(
        filename=safe_filename(file.filename),
        data=data,
        label=label if isinstance(label, str) and label.strip() else None,
    )


def store_upload(
    session: Session, owner: int, settings: Settings, upload: Upload, now: datetime
) -> AddedVersion:
    """Parse and store an upload; its bytes touch the disk only inside the workspace."""
    folder = settings.home / UPLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / upload.filename
        path.write_bytes(upload.data)
        return service.add_version(
            session, owner, path, upload.label, filename=upload.filename, now=now
        )


# --- resume versions ------------------------------------------------------------------------


@router.get("/resumes", summary="Resume versions", responses=error_responses())
def get_resumes(session: SessionDep, owner: OwnerDep) -> list[ResumeVersionOut]:
    """Every stored version, newest first."""
    return service.list_versions(session, owner)


@router.post(
    "/resumes",
    status_code=CREATED,
    summary="Add a resume version",
    responses=error_responses(422),
    openapi_extra=UPLOAD_BODY,
)
async def post_resume(
    request: Request,
    response: Response,
    session: SessionDep,
    owner: OwnerDep,
    settings: SettingsDep,
    now: NowDep,
) -> AddedVersion:
    """Upload a resume file (multipart `file`, optional `label`): parsed, then stored.

    The same file uploaded again answers 200 with the version already stored.
    """
    upload = await read_upload(request)
    added = await run_in_threadpool(store_upload, session, owner, settings, upload, now)
    if not added.created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/api/v1/resumes/{added.version.id}"
    return added


@router.get("/resumes/default", summary="The default version", responses=error_responses(404))
def get_default_resume(session: SessionDep, owner: OwnerDep, now: NowDep) -> ResumeView:
    """The default version with what landml read from it and the checker's findings."""
    return service.view_version(session, owner, None, today=now.date())


@router.get(
    "/resumes/{version_id}", summary="One version checked", responses=error_responses(404, 422)
)
def get_resume(version_id: int, session: SessionDep, owner: OwnerDep, now: NowDep) -> ResumeView:
    """A version with its lines, sections and dates, and the checker's findings."""
    return service.view_version(session, owner, version_id, today=now.date())


@router.get(
    "/resumes/{version_id}/file",
    summary="The original file",
    responses=error_responses(404, 422),
    response_class=Response,
)
def get_resume_file(version_id: int, session: SessionDep, owner: OwnerDep) -> Response:
    filename, media_type, data = service.version_file(session, owner, version_id)
    disposition = f'attachment; filename="{safe_filename(filename)}"'
    return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})


@router.put(
    "/resumes/{version_id}/default", summary="Make the default", responses=error_responses(404, 422)
)
def put_default(version_id: int, session: SessionDep, owner: OwnerDep) -> ResumeVersionOut:
    return service.set_default(session, owner, version_id)


@router.delete(
    "/resumes/{version_id}", summary="Delete a version", responses=error_responses(404, 422)
)
def delete_resume(version_id: int, session: SessionDep, owner: OwnerDep) -> ResumeVersionOut:
    return service.delete_version(session, owner, version_id)


# --- match, gaps, portfolio -----------------------------------------------------------------

ResumeRef = Annotated[
    str | None, Query(description="A version such as v3 (default: the default version).")
]


def version_only(ref: str | None) -> str | None:
    """A resume named over the web must be a stored version, never a server path."""
    if ref is None or not ref.strip():
        return None
    service.parse_ref(ref)  # refuses anything that is not v3 / 3
    return ref.strip()


@router.get(
    "/match/{posting_id}",
    summary="Explain the fit to a posting",
    responses=error_responses(404, 422),
)
def get_match(
    posting_id: int, session: SessionDep, owner: OwnerDep, now: NowDep, resume: ResumeRef = None
) -> MatchReport:
    """Each skill asked (met, partly met, missing), title, seniority, years and education,
    with points that add up to the score; suggestions and gaps."""
    return matching.match(session, owner, version_only(resume), posting_id, today=now.date())


@router.get("/gaps", summary="Skills your targets ask for", responses=error_responses(404, 422))
def get_gaps(
    session: SessionDep, owner: OwnerDep, now: NowDep, resume: ResumeRef = None
) -> GapReport:
    """Skills missing across the applications you track, weighted by priority and stage,
    with the skills rejections named."""
    return matching.gaps(session, owner, version_only(resume), today=now.date())


@router.get("/portfolio", summary="The ONE portfolio project", responses=error_responses(404, 422))
def get_portfolio(
    session: SessionDep,
    owner: OwnerDep,
    now: NowDep,
    resume: ResumeRef = None,
    idea: Annotated[list[str] | None, Query(description="Your ideas to score.")] = None,
) -> PortfolioPlan:
    """A project from what you know toward what your targets need, with your ideas scored."""
    ideas = [i for i in idea or [] if i.strip()]
    if len(ideas) > MAX_IDEAS:
        raise InvalidInput(f"{len(ideas)} ideas: landml scores up to {MAX_IDEAS} at a time.")
    return matching.portfolio(session, owner, version_only(resume), ideas=ideas, today=now.date())


@router.get("/ranked", summary="Postings ranked for a resume", responses=error_responses(404, 422))
def get_ranked(
    session: SessionDep,
    owner: OwnerDep,
    settings: SettingsDep,
    now: NowDep,
    resume: ResumeRef = None,
    top: Annotated[int, Query(ge=1, le=500, description="How many postings.")] = 50,
) -> RankedForResume:
    """Stored postings, best fit first, for a resume version, each with the reason for its
    rank (the skills, words and title fit whose points add up to its score)."""
    ref = version_only(resume)
    return matching.ranked(session, owner, settings, ref, top=top, today=now.date())
