"""SQLAlchemy 2.x models. The schema is created and changed only by Alembic
(db/migrations/); `Base.metadata` is the source the migrations were written from.

Works on SQLite (default) and PostgreSQL: only portable types (JSON, DateTime without
time zone holding local Vietnam time, Text).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class SiteRow(Base):
    __tablename__ = "sites"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    url: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class RunRow(Base):
    """One audit of one site. Only complete runs are ever committed."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    as_of: Mapped[date] = mapped_column(Date, index=True)
    lang: Mapped[str] = mapped_column(String(5), default="vi")
    requests: Mapped[int] = mapped_column(Integer, default=0)  # network requests made
    cached: Mapped[int] = mapped_column(Integer, default=0)  # answered by the HTTP cache / 304
    failed: Mapped[int] = mapped_column(Integer, default=0)  # fetches that failed
    home_ok: Mapped[bool] = mapped_column(default=False)
    fetch_failures: Mapped[list[Any]] = mapped_column(default=list)  # [{url, outcome, reason}]
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)  # monthly counts, coverage, ...

    findings: Mapped[list[FindingRow]] = relationship(
        back_populates="run", cascade="all, delete-orphan"
    )


class FindingRow(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[str] = mapped_column(String(100), index=True)
    rule: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)

    run: Mapped[RunRow] = relationship(back_populates="findings")


class ArticleRow(Base):
    """Articles accumulate across audits: upserted by (site, canonical URL)."""

    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("site_id", "url", name="uq_article_site_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    category_label: Mapped[str | None] = mapped_column(String(300), nullable=True)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime] = mapped_column(DateTime)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the extracted Article as JSON


class NonArticleRow(Base):
    """Pages met as article candidates that turned out not to be articles (a document's
    page, an index), so later audits do not fetch them again until `checked_at` is old."""

    __tablename__ = "non_articles"
    __table_args__ = (UniqueConstraint("site_id", "url", name="uq_non_article_site_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    checked_at: Mapped[datetime] = mapped_column(DateTime)


class CounterReadingRow(Base):
    __tablename__ = "counter_readings"
    __table_args__ = (Index("ix_counter_site_at", "site_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"))
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("runs.id", ondelete="CASCADE"), nullable=True
    )
    at: Mapped[datetime] = mapped_column(DateTime)
    value: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source_url: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(String(30), default="html")


class EmailSendRow(Base):
    """Weekly scorecard e-mails sent, so the same week is not sent twice."""

    __tablename__ = "email_sends"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    week: Mapped[str] = mapped_column(String(10), index=True)  # ISO week, e.g. 2026-W48
    sent_at: Mapped[datetime] = mapped_column(DateTime)
    recipients: Mapped[list[Any]] = mapped_column(default=list)
    message_id: Mapped[str] = mapped_column(String(300), default="")
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
