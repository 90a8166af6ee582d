"""postings: full-text search (SQLite FTS5 table and triggers, PostgreSQL GIN index)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PG_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(description, ''))"
COMPANY = "(SELECT name FROM companies WHERE id = new.company_id)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE postings_fts USING fts5("
            "title, company, description, tokenize = 'porter unicode61')"
        )
        op.execute(
            "INSERT INTO postings_fts (rowid, title, company, description) "
            "SELECT p.id, p.title, c.name, p.description FROM postings p "
            "LEFT JOIN companies c ON c.id = p.company_id"
        )
        op.execute(
            "CREATE TRIGGER postings_fts_insert AFTER INSERT ON postings BEGIN "
            "INSERT INTO postings_fts (rowid, title, company, description) "
            f"VALUES (new.id, new.title, {COMPANY}, new.description); END"
        )
        op.execute(
            "CREATE TRIGGER postings_fts_update AFTER UPDATE ON postings BEGIN "
            "DELETE FROM postings_fts WHERE rowid = old.id; "
            "INSERT INTO postings_fts (rowid, title, company, description) "
            f"VALUES (new.id, new.title, {COMPANY}, new.description); END"
        )
        op.execute(
            "CREATE TRIGGER postings_fts_delete AFTER DELETE ON postings BEGIN "
            "DELETE FROM postings_fts WHERE rowid = old.id; END"
        )
    else:
        op.execute(f"CREATE INDEX ix_postings_fulltext ON postings USING gin ({PG_DOCUMENT})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS postings_fts_{name}")
        op.execute("DROP TABLE IF EXISTS postings_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_postings_fulltext")
