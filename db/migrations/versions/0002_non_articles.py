"""non_articles: candidate pages that were not articles, so they are not refetched nightly

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 05:10:00
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
        "non_articles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("site_id", sa.String(length=100), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("site_id", "url", name="uq_non_article_site_url"),
    )
    with op.batch_alter_table("non_articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_non_articles_site_id"), ["site_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("non_articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_non_articles_site_id"))
    op.drop_table("non_articles")
