"""Read RQ's failed-job registries and requeue from them (the admin's view)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.jobs import QUEUES, get_queue, redis_connection


@dataclass(frozen=True)
class FailedJob:
    id: str
    queue: str
    description: str
    error: str
    failed_at: datetime | None


def _registry(queue: str):
    from rq.registry import FailedJobRegistry

    return FailedJobRegistry(queue=get_queue(queue))


def failed_jobs(limit: int = 100) -> list[FailedJob]:
    from rq.job import Job

    out: list[FailedJob] = []
    conn = redis_connection()
    for queue in QUEUES:
        ids = _registry(queue).get_job_ids(0, limit - 1)
        for job in Job.fetch_many(ids, connection=conn):
            if job is None:
                continue
            exc = (job.latest_result().exc_string if job.latest_result() else "") or ""
            last_line = exc.strip().splitlines()[-1] if exc.strip() else ""
            out.append(FailedJob(job.id, queue, job.description or job.func_name, last_line[:300], job.ended_at))
    out.sort(key=lambda j: j.failed_at.timestamp() if j.failed_at else 0.0, reverse=True)
    return out[:limit]


def failed_count() -> int:
    try:
        return sum(_registry(q).count for q in QUEUES)
    except Exception:  # Redis away: the admin home still renders
        return -1


def queue_sizes() -> list[tuple[str, int]]:
    return [(q, get_queue(q).count) for q in QUEUES]


def retry(queue: str, job_id: str) -> bool:
    registry = _registry(queue)
    if job_id not in registry.get_job_ids():
        return False
    registry.requeue(job_id)
    return True
