"""Export, then import into an empty workspace, gives the same workspace back."""

from __future__ import annotations

import csv
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from landml.accounts.models import Owner
from landml.config import Settings
from landml.db.workspace import Workspace
from landml.errors import InvalidInput
from landml.tracker import service
from landml.tracker.models import Application, Company, Contact
from landml.tracker.schemas import ApplicationIn, ContactIn
from landml.tracker.sheets import export_sheet, import_sheet
from landml.tracker.stages import BUILTIN_STAGES, CLOSED_OUTCOMES
from landml.tracker.vocab import Channel, CompanyKind

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
T0 = datetime(2025, 11, 3, 8, 15, 30, 123456, tzinfo=UTC)


def dump(session: Session, owner: int) -> dict[str, Any]:
    """The workspace as comparable values, without ids, uids or creation times."""
    session.expire_all()
    apps = session.scalars(
        select(Application)
        .where(Application.owner_id == owner)
        .options(
            selectinload(Application.stage_changes),
            selectinload(Application.contacts),
            selectinload(Application.notes),
        )
    ).all()
    companies = session.scalars(select(Company).where(Company.owner_id == owner))
    contacts = session.scalars(select(Contact).where(Contact.owner_id == owner))
    applications = [
        (
            a.company.name,
            a.title,
            a.url,
            a.location,
            a.work_mode,
            a.salary_text,
            a.channel,
            a.priority,
            a.next_action,
            a.next_action_on,
            [(c.from_stage, c.to_stage, c.at, c.note, c.reason, c.skills) for c in a.stage_changes],
            [(n.at, n.body) for n in a.notes],
            sorted((c.name, c.email or "") for c in a.contacts),
        )
        for a in apps
    ]
    return {
        "companies": sorted(((c.name, c.kind) for c in companies), key=repr),
        "contacts": sorted(((c.name, c.email or "") for c in contacts), key=repr),
        "applications": sorted(applications, key=repr),
    }


# --- a random workspace ----------------------------------------------------------------

# Pieces that separate things in cells (and in CSV), look like landml's own encodings,
# or would run in a spreadsheet; mixed with arbitrary text so that they occur often.
AWKWARD = [
    *";|,<>[]{}\\\"'=+-@:\n\t ",
    "; ",
    " | ",
    " <a@b.co>",
    "x@y.io",
    "\\n",
    "\\;",
    "'=",
    '"note: ',
    "[2026-01-01T00:00:00Z] ",
    "2026-01-05T09:00:00Z applied",
]
PIECES = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=6),
)
TEXT = st.lists(PIECES, min_size=1, max_size=5).map("".join).map(str.strip).filter(bool)
OPTIONAL = st.none() | TEXT
OPEN_STAGES = [s.key for s in BUILTIN_STAGES if not s.closed]


@dataclass
class Step:
    stage: str
    after: timedelta
    note: str | None
    reason: str | None
    skills: list[str]


@dataclass
class AppSpec:
    company: int
    title: str
    url: str | None
    location: str | None
    work_mode: str | None
    salary: str | None
    channel: str
    priority: int
    next_action: str | None
    next_action_on: date | None
    steps: list[Step]
    notes: list[tuple[timedelta, str]]


@dataclass
class WorkspaceSpec:
    companies: list[tuple[str, str]]
    apps: list[AppSpec]
    contacts: list[tuple[str, str | None, list[int]]]


def steps() -> st.SearchStrategy[list[Step]]:
    delay = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20))
    open_step = st.builds(
        Step, st.sampled_from(OPEN_STAGES), delay, OPTIONAL, st.none(), st.just([])
    )
    closed_step = st.builds(
        Step,
        st.sampled_from(CLOSED_OUTCOMES),
        delay,
        OPTIONAL,
        OPTIONAL,
        st.lists(TEXT, max_size=3),
    )
    return st.tuples(st.lists(open_step, min_size=1, max_size=4), st.none() | closed_step).map(
        lambda t: t[0] + ([t[1]] if t[1] else [])
    )


def app_spec(n_companies: int) -> st.SearchStrategy[AppSpec]:
    note = st.tuples(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=60)), TEXT)
    return st.builds(
        AppSpec,
        company=st.integers(0, n_companies - 1),
        title=TEXT,
        url=OPTIONAL,
        location=OPTIONAL,
        work_mode=st.sampled_from([None, "remote", "hybrid", "onsite"]),
        salary=OPTIONAL,
        channel=st.sampled_from([c.value for c in Channel]),
        priority=st.integers(1, 3),
        next_action=OPTIONAL,
        next_action_on=st.none() | st.dates(date(2025, 1, 1), date(2027, 12, 31)),
        steps=steps(),
        notes=st.lists(note, max_size=2),
    )


@st.composite
def workspaces(draw: st.DrawFn) -> WorkspaceSpec:
    names = draw(
        st.lists(TEXT, min_size=1, max_size=3, unique_by=lambda n: " ".join(n.lower().split()))
    )
    companies = [(n, draw(st.sampled_from([k.value for k in CompanyKind]))) for n in names]
    apps = draw(st.lists(app_spec(len(companies)), min_size=1, max_size=4))
    people = draw(st.lists(TEXT, max_size=3, unique_by=str.casefold))
    contacts = [
        (
            name,
            draw(OPTIONAL),
            draw(st.lists(st.integers(0, len(apps) - 1), min_size=1, max_size=2, unique=True)),
        )
        for name in people
    ]
    return WorkspaceSpec(companies, apps, contacts)


def build(session: Session, owner: int, spec: WorkspaceSpec) -> None:
    """Fill a workspace through the tracker's own service, as a person would."""
    ids = []
    for a in spec.apps:
        name, kind = spec.companies[a.company]
        data = ApplicationIn(
            company=name,
            company_kind=CompanyKind(kind),
            title=a.title,
            url=a.url,
            location=a.location,
            work_mode=a.work_mode,
            salary_text=a.salary,
            channel=Channel(a.channel),
            priority=a.priority,
            next_action=a.next_action,
            next_action_on=a.next_action_on,
            stage=a.steps[0].stage,
            stage_at=T0 + a.steps[0].after,
        )
        app = service.create_application(session, owner, data)
        at = T0 + a.steps[0].after
        for step in a.steps[1:]:
            at += step.after
            stage = service.resolve_stage(session, owner, step.stage)
            service.append_stage_change(
                session,
                owner,
                app,
                stage,
                at=at,
                note=step.note,
                reason=step.reason,
                skills=step.skills,
            )
        session.commit()
        for after, body in a.notes:
            service.add_note(session, owner, app.id, body, at=T0 + after)
        ids.append(app.id)
    for name, email, linked in spec.contacts:
        contact = service.add_contact(session, owner, ContactIn(name=name, email=email))
        for index in linked:
            service.link_contact(session, owner, contact.id, ids[index])


# --- the property, on SQLite with fresh workspaces ----------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite workspace to copy (migrating one per example is slow)."""
    home = tmp_path_factory.mktemp("template")
    settings_ = Settings(home=home)
    Workspace.open(settings_).close()
    assert not settings_.sqlite_path.with_name("landml.sqlite3-wal").exists()
    return settings_.sqlite_path


@pytest.fixture
def fresh(template: Path, tmp_path: Path) -> Iterator[Any]:
    opened: list[Workspace] = []

    def make() -> Workspace:
        home = tmp_path / uuid.uuid4().hex
        home.mkdir()
        shutil.copy(template, home / template.name)
        ws = Workspace.open(Settings(home=home))
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=workspaces())
def test_export_then_import_into_an_empty_workspace_is_lossless(
    spec: WorkspaceSpec, fresh: Any, tmp_path: Path
) -> None:
    source = fresh()
    with source.session() as s:
        build(s, 1, spec)
        expected = dump(s, 1)
        folder = tmp_path / uuid.uuid4().hex
        folder.mkdir()
        for suffix in ("csv", "xlsx"):
            export_sheet(s, 1, folder / f"out.{suffix}")
    for suffix in ("csv", "xlsx"):
        target = fresh()
        with target.session() as s:
            report = import_sheet(s, 1, folder / f"out.{suffix}", now=NOW)
            assert report.added == len(spec.apps)
            assert dump(s, 1) == expected, suffix


# --- the same on both backends, and what a person does with an export ------------------------


def fill(session: Session, owner: int) -> None:
    """A small workspace with every awkward thing in it."""
    spec = WorkspaceSpec(
        companies=[("Helix Labs", "research_lab"), ("=Acme; AI|", "startup"), ("Nova", "other")],
        apps=[
            AppSpec(
                company=0,
                title="Research Scientist, LLMs",
                url="https://helix.example/jobs/42?ref=a;b",
                location="London | Remote, UK",
                work_mode="hybrid",
                salary="-£90k to £120k",
                channel="referral",
                priority=1,
                next_action='@recruiter: send "portfolio"',
                next_action_on=date(2026, 3, 4),
                steps=[
                    Step("applied", timedelta(0), None, None, []),
                    Step("tech_screen", timedelta(days=5), "45 min; ML coding | went ok", None, []),
                    Step("onsite", timedelta(days=9), "5 rounds\nincl. system design", None, []),
                    Step(
                        "rejected",
                        timedelta(days=3),
                        None,
                        'No production "MLOps"; wants K8s',
                        ["Kubernetes", "Airflow, Argo", "C++"],
                    ),
                ],
                notes=[
                    (timedelta(days=1), "[2026-01-01T00:00:00Z] looks like a dated note"),
                    (timedelta(days=2), "two\nlines \\n and a backslash"),
                ],
            ),
            AppSpec(
                company=1,
                title="+ML Engineer",
                url=None,
                location=None,
                work_mode=None,
                salary=None,
                channel="job_portal",
                priority=2,
                next_action=None,
                next_action_on=None,
                steps=[Step("saved", timedelta(0), None, None, [])],
                notes=[],
            ),
            AppSpec(
                company=2,
                title="Data Scientist",
                url=None,
                location="Zürich",
                work_mode="onsite",
                salary="CHF 140k",
                channel="advisor",
                priority=3,
                next_action=None,
                next_action_on=None,
                steps=[
                    Step("applied", timedelta(0), None, None, []),
                    Step("offer", timedelta(days=30), None, None, []),
                    Step("declined", timedelta(days=2), "chose Helix", "", []),
                ],
                notes=[(timedelta(days=3), "=1+1")],
            ),
        ],
        contacts=[
            ("Priya Raman", "priya@helix.example", [0, 2]),
            ("Sam <the recruiter>; Nova", None, [2]),
            ("jo@nova.example", None, [1]),
        ],
    )
    build(session, owner, spec)


def new_owner(session: Session, name: str) -> int:
    owner = Owner(name=name)
    session.add(owner)
    session.commit()
    return owner.id


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_round_trip_on_every_backend_into_another_owners_empty_workspace(
    session: Session, owner: int, tmp_path: Path, suffix: str
) -> None:
    fill(session, owner)
    path = tmp_path / f"export.{suffix}"
    exported = export_sheet(session, owner, path)
    assert exported.applications == 3
    other = new_owner(session, "second")
    report = import_sheet(session, other, path, now=NOW)
    assert (len(report.columns), report.ignored_columns) == (17, [])
    assert dump(session, other) == dump(session, owner)
    # uids are unique across owners, so the copy gets its own.
    mine = {a.uid for a in service.load_applications(session, owner)}
    theirs = {a.uid for a in service.load_applications(session, other)}
    assert mine.isdisjoint(theirs)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_importing_an_export_into_its_own_workspace_adds_nothing(
    session: Session, owner: int, tmp_path: Path, suffix: str
) -> None:
    fill(session, owner)
    before = dump(session, owner)
    path = tmp_path / f"export.{suffix}"
    export_sheet(session, owner, path)
    report = import_sheet(session, owner, path, now=NOW)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 3)
    assert dump(session, owner) == before


def test_editing_the_stage_cell_of_an_export_moves_the_application(
    session: Session, owner: int, tmp_path: Path
) -> None:
    fill(session, owner)
    path = tmp_path / "export.csv"
    export_sheet(session, owner, path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    stage = rows[0].index("Stage")
    assert rows[2][stage] == "Saved"
    rows[2][stage] = "Applied"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    report = import_sheet(session, owner, path, now=NOW)
    assert (report.updated, report.unchanged) == (1, 2)
    moved = next(a for a in service.list_applications(session, owner) if a.title == "+ML Engineer")
    assert (moved.stage, moved.stage_since) == ("applied", NOW)


def test_exported_cells_cannot_run_as_formulas(
    session: Session, owner: int, tmp_path: Path
) -> None:
    fill(session, owner)
    export_sheet(session, owner, tmp_path / "export.csv")
    text = (tmp_path / "export.csv").read_text(encoding="utf-8-sig")
    for cell in ("'=Acme; AI|", "'+ML Engineer", "'-£90k to £120k", "'@recruiter"):
        assert cell in text
    cells = list(csv.reader(text.splitlines()))
    assert not any(c[:1] in ("=", "+", "-", "@") for row in cells for c in row)
    export_sheet(session, owner, tmp_path / "export.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "export.xlsx").active
    values = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert {c.data_type for c in values} <= {"s", "n", "d"}
    assert not any(isinstance(c.value, str) and c.value[:1] in "=+-@" for c in values)


def test_an_export_refuses_to_overwrite_when_asked_and_rejects_other_formats(
    session: Session, owner: int, tmp_path: Path
) -> None:
    fill(session, owner)
    path = tmp_path / "mine.csv"
    path.write_text("my own sheet")
    with pytest.raises(Exception, match="already exists"):
        export_sheet(session, owner, path, overwrite=False)
    assert path.read_text() == "my own sheet"
    with pytest.raises(InvalidInput, match=r"not a \.csv or \.xlsx"):
        export_sheet(session, owner, tmp_path / "out.ods")
    with pytest.raises(InvalidInput, match="Cannot write"):
        export_sheet(session, owner, tmp_path / "missing-folder" / "out.csv")


def test_a_ledger_too_long_for_an_xlsx_cell_asks_for_csv(
    session: Session, owner: int, tmp_path: Path
) -> None:
    app = service.add_application(session, owner, ApplicationIn(company="Acme", title="MLE"))
    service.move(session, owner, app.id, "applied", note="x" * 33_000)
    with pytest.raises(InvalidInput, match=r"Export to \.csv"):
        export_sheet(session, owner, tmp_path / "big.xlsx")
    assert not (tmp_path / "big.xlsx").exists()
    export_sheet(session, owner, tmp_path / "big.csv")
    other = new_owner(session, "second")
    import_sheet(session, other, tmp_path / "big.csv", now=NOW + timedelta(days=1))
    assert dump(session, other) == dump(session, owner)
