"""postings: postings, their sources and skills; applications.posting_id

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 00:42:11.164608
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "postings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("role_family", sa.String(length=16), nullable=False),
        sa.Column("seniority", sa.String(length=16), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("country", sa.String(length=64), nullable=True),
        sa.Column("work_mode", sa.String(length=16), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("canonical_url", sa.String(length=2000), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("description_html", sa.Text(), nullable=True),
        sa.Column("salary_text", sa.String(length=200), nullable=True),
        sa.Column("salary_min", sa.Float(), nullable=True),
        sa.Column("salary_max", sa.Float(), nullable=True),
        sa.Column("salary_currency", sa.String(length=8), nullable=True),
        sa.Column("salary_period", sa.String(length=8), nullable=True),
        sa.Column("salary_is_estimate", sa.Boolean(), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("identity_key", sa.String(length=600), nullable=True),
        sa.Column("fingerprint", sa.JSON(), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_postings_company_id_companies")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_postings_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_postings")),
    )
    with op.batch_alter_table("postings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_postings_company_id"), ["company_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_postings_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(
            "ix_postings_owner_identity", ["owner_id", "identity_key"], unique=False
        )
        batch_op.create_index("ix_postings_owner_url", ["owner_id", "canonical_url"], unique=False)

    op.create_table(
        "posting_skills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.String(length=120), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("requirement", sa.String(length=16), nullable=True),
        sa.Column("years", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["posting_id"],
            ["postings.id"],
            name=op.f("fk_posting_skills_posting_id_postings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_skills")),
    )
    with op.batch_alter_table("posting_skills", schema=None) as batch_op:
        batch_op.create_index("ix_posting_skills_skill", ["skill_id"], unique=False)

    op.create_table(
        "posting_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("external_id", sa.String(length=500), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("duplicate_reason", sa.String(length=200), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_posting_sources_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["posting_id"],
            ["postings.id"],
            name=op.f("fk_posting_sources_posting_id_postings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_sources")),
        sa.UniqueConstraint(
            "owner_id",
            "source",
            "external_id",
            name=op.f("uq_posting_sources_owner_id_source_external_id"),
        ),
    )
    with op.batch_alter_table("posting_sources", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_posting_sources_posting_id"), ["posting_id"], unique=False
        )

    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("posting_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_applications_posting_id"), ["posting_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_applications_posting_id_postings"),
            "postings",
            ["posting_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:

    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_applications_posting_id_postings"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_applications_posting_id"))
        batch_op.drop_column("posting_id")

    with op.batch_alter_table("posting_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posting_sources_posting_id"))

    op.drop_table("posting_sources")
    with op.batch_alter_table("posting_skills", schema=None) as batch_op:
        batch_op.drop_index("ix_posting_skills_skill")

    op.drop_table("posting_skills")
    with op.batch_alter_table("postings", schema=None) as batch_op:
        batch_op.drop_index("ix_postings_owner_url")
        batch_op.drop_index("ix_postings_owner_identity")
        batch_op.drop_index(batch_op.f("ix_postings_owner_id"))
        batch_op.drop_index(batch_op.f("ix_postings_company_id"))

    op.drop_table("postings")
