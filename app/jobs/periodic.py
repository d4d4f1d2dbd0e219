"""Periodic jobs: one table of (job, interval), run by ``flask worker`` and by
``flask jobs run-due``.

Each due row is claimed with a conditional UPDATE on its ``next_run_at``, so
when several workers (or a worker and a ``run-due`` loop) look at the same
time, exactly one of them runs it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.core.time import utcnow
from app.extensions import db
from app.jobs import enqueue_now
from app.jobs.models import PeriodicJob

log = logging.getLogger("lintas.jobs.periodic")


@dataclass(frozen=True)
class PeriodicSpec:
    name: str
    func: str
    interval_seconds: int
    queue: str = "default"


# Every periodic job of the platform. Later features add their rows here.
PERIODIC_JOBS: tuple[PeriodicSpec, ...] = (
    PeriodicSpec("notify_expiring_stores", "app.jobs.maintenance.notify_expiring_stores", 60 * 60, "emails"),
    PeriodicSpec("purge_stale_invitations", "app.jobs.maintenance.purge_stale_invitations", 60 * 60 * 6),
    PeriodicSpec("refresh_query_statistics", "app.jobs.maintenance.refresh_query_statistics", 60 * 60 * 24),
)


def sync_periodic_jobs(now: datetime | None = None) -> None:
    """Make sure every spec has its row (new rows are due at once)."""
    now = now or utcnow()
    existing = set(db.session.scalars(select(PeriodicJob.name)))
    for spec in PERIODIC_JOBS:
        if spec.name not in existing:
            db.session.add(PeriodicJob(name=spec.name, interval_seconds=spec.interval_seconds, next_run_at=now))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # another process inserted the same rows first


def run_due(now: datetime | None = None) -> list[str]:
    """Claim and dispatch every due periodic job; return the names dispatched."""
    now = now or utcnow()
    specs = {spec.name: spec for spec in PERIODIC_JOBS}
    sync_periodic_jobs(now)
    ran: list[str] = []
    due = db.session.execute(
        select(PeriodicJob.id, PeriodicJob.name, PeriodicJob.next_run_at, PeriodicJob.interval_seconds)
        .where(PeriodicJob.enabled.is_(True), PeriodicJob.next_run_at <= now)
    ).all()
    for row in due:
        spec = specs.get(row.name)
        if spec is None:
            continue
        claimed = db.session.execute(
            update(PeriodicJob)
            .where(PeriodicJob.id == row.id, PeriodicJob.next_run_at == row.next_run_at)
            .values(next_run_at=now + timedelta(seconds=row.interval_seconds), last_run_at=now)
        ).rowcount
        db.session.commit()
        if claimed != 1:
            continue  # someone else took it
        try:
            enqueue_now(spec.queue, spec.func, job_id=f"periodic-{spec.name}-{int(now.timestamp())}")
        except Exception as exc:  # Redis down: record it, try again next round
            log.exception("could not dispatch periodic job %s", spec.name)
            db.session.execute(
                update(PeriodicJob).where(PeriodicJob.id == row.id).values(next_run_at=now, last_error=str(exc)[:500])
            )
            db.session.commit()
            continue
        ran.append(spec.name)
    return ran
