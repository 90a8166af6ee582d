from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from landml.config import Settings
from landml.db.workspace import MIGRATIONS_DIR, Workspace, current_revision, head_revision, migrate
from landml.errors import WorkspaceError
from landml.tracker import service
from landml.tracker.schemas import ApplicationIn


def test_default_workspace_lives_under_landml_home(_isolated_home: Path) -> None:
    ws = Workspace.open(Settings())
    ws.close()
    assert (_isolated_home / "landml.sqlite3").exists()


def test_opening_applies_migrations_on_every_backend(workspace: Workspace) -> None:
    assert current_revision(workspace.engine) == head_revision()
    tables = set(inspect(workspace.engine).get_table_names())
    assert {"applications", "stage_changes", "companies", "contacts", "interviews"} <= tables


def test_sqlite_foreign_keys_are_enforced(tmp_path: Path) -> None:
    ws = Workspace.open(Settings(home=tmp_path))
    with ws.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    ws.close()


def _migrations_with_extra_revision(tmp_path: Path) -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_extra.py").write_text(
        '"""extra"""\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f"revision = '9999'\ndown_revision = {head_revision()!r}\n"
        "branch_labels = None\ndepends_on = None\n\n"
        "def upgrade() -> None:\n"
        "    op.create_table('extra', sa.Column('id', sa.Integer, primary_key=True))\n\n"
        "def downgrade() -> None:\n    op.drop_table('extra')\n"
    )
    return scripts


def test_migrating_an_existing_sqlite_file_writes_a_backup_first(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "ws")
    ws = Workspace.open(settings)
    assert ws.backup is None  # a brand-new file has nothing to back up
    with ws.session() as s:
        service.add_application(s, 1, ApplicationIn(company="Acme", title="MLE"))
    backup = migrate(ws.engine, settings, _migrations_with_extra_revision(tmp_path))
    ws.close()
    assert backup is not None and backup.exists()
    assert backup.parent == settings.sqlite_path.parent
    old = sqlite3.connect(backup)
    assert old.execute("select title from applications").fetchall() == [("MLE",)]
    assert old.execute("select version_num from alembic_version").fetchone() == (head_revision(),)
    assert "extra" not in {r[0] for r in old.execute("select name from sqlite_master")}
    old.close()


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "landml.sqlite3").write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(WorkspaceError, match="not a SQLite database"):
        Workspace.open(Settings(home=tmp_path))


def test_unreachable_postgres_gives_a_clear_error(tmp_path: Path) -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:1/landml"
    with pytest.raises(WorkspaceError, match="Cannot reach the database server"):
        Workspace.open(Settings(home=tmp_path, database_url=url))


def test_upgrading_from_the_first_schema_keeps_every_row(tmp_path: Path) -> None:
    """Batch migrations rebuild SQLite tables; the ledger rows pointing at them must survive."""
    from alembic import command
    from sqlalchemy import create_engine

    from landml.db.workspace import alembic_config

    settings = Settings(home=tmp_path)
    settings.home.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.url)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO companies (owner_id, name, name_key, kind, created_at) "
                "VALUES (1, 'Acme', 'acme', 'startup', '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO applications (uid, owner_id, company_id, title, channel, priority,"
                " demo, created_at) VALUES ('u1', 1, 1, 'MLE', 'referral', 1, 0, '2026-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO stage_changes (application_id, to_stage, at, skills, created_at) "
                "VALUES (1, 'applied', '2026-01-02 00:00:00', '[]', '2026-01-02 00:00:00')"
            )
        )
    engine.dispose()
    ws = Workspace.open(settings)
    assert ws.backup is not None
    with ws.session() as s:
        detail = service.application_detail(s, 1, 1)
    ws.close()
    assert (detail.application.title, detail.application.stage) == ("MLE", "applied")
    assert len(detail.stages) == 1
