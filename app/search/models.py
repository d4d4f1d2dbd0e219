"""A rebuild of the search index, as the admin and ``flask search reindex`` see it."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.time import UTCDateTime, utcnow
from app.core.types import str_enum
from app.extensions import db


class ReindexState(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ReindexRun(db.Model):
    """One rebuild: of every store's products (``store_id`` empty) or of one store's."""

    __tablename__ = "search_reindex_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    store_slug: Mapped[str | None] = mapped_column(String(40))  # as it was when the run was asked for
    state: Mapped[ReindexState] = mapped_column(str_enum(ReindexState, "search_reindex_state"), nullable=False,
                                                default=ReindexState.QUEUED)
    total: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    done: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(10), nullable=False, default="admin")  # admin or cli
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def percent(self) -> int:
        if self.state == ReindexState.DONE:
            return 100
        return min(100, self.done * 100 // self.total) if self.total else 0

    @property
    def active(self) -> bool:
        return self.state in (ReindexState.QUEUED, ReindexState.RUNNING)
