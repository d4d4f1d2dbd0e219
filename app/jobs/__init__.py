"""Background jobs on RQ, enqueued only after the database commit.

``enqueue("emails", "app.jobs.emails.send_password_reset", user.id)`` records
the job on the session; when the session commits the job goes to Redis (or, with
no ``REDIS_URL``, runs inline in a fresh app context); a rollback drops it.
Job arguments are ids, never ORM objects. Every job runs through ``perform``,
which gives it an app context, a clean session and (optionally) a store scope.
"""

from __future__ import annotations

import importlib
import logging
import os
from dataclasses import dataclass, field

from flask import Flask, current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger("lintas.jobs")

QUEUES = ("emails", "sms", "search", "settlement", "default")
DEFAULT_RETRY_INTERVALS = (10, 60, 300)


@dataclass
class PendingJob:
    queue: str
    func: str
    args: tuple
    store_id: int | None = None
    job_id: str | None = None
    meta: dict = field(default_factory=dict)


def enqueue(queue: str, func: str, *args, store_id: int | None = None, job_id: str | None = None,
            session: Session | None = None) -> None:
    """Schedule ``func(*args)`` to run after the current transaction commits."""
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}")
    from app.extensions import db

    sess = session or db.session()
    sess.info.setdefault("lintas_pending_jobs", []).append(
        PendingJob(queue, func, tuple(args), store_id, job_id)
    )


def enqueue_now(queue: str, func: str, *args, store_id: int | None = None, job_id: str | None = None) -> None:
    """Send a job at once (for callers outside any transaction, like the
    periodic-job runner, which has already committed its claim)."""
    _dispatch(current_app._get_current_object(), [PendingJob(queue, func, tuple(args), store_id, job_id)])


def _after_commit(session: Session) -> None:
    pending = session.info.pop("lintas_pending_jobs", None)
    if pending and has_app_context():
        _dispatch(current_app._get_current_object(), pending)


def _after_rollback(session: Session) -> None:
    session.info.pop("lintas_pending_jobs", None)


def _dispatch(app: Flask, pending: list[PendingJob]) -> None:
    if app.config["JOBS_INLINE"]:
        for job in pending:
            _run_inline(app, job)
        return
    from rq import Retry

    intervals = list(app.config.get("JOB_RETRY_INTERVALS") or DEFAULT_RETRY_INTERVALS)
    for job in pending:
        get_queue(job.queue).enqueue_call(
            "app.jobs.perform",
            args=(job.func, job.store_id, *job.args),
            job_id=job.job_id,
            retry=Retry(max=len(intervals), interval=intervals),
            description=f"{job.func}{job.args!r}",
            failure_ttl=60 * 60 * 24 * 30,
        )


def _run_inline(app: Flask, job: PendingJob) -> None:
    try:
        with app.app_context():
            _call(job.func, job.store_id, job.args)
    except Exception:  # the caller's request must not fail because a side effect did
        log.exception("inline job %s%r failed", job.func, job.args)


def _resolve(func_path: str):
    module, _, name = func_path.rpartition(".")
    if not module.startswith("app."):
        raise ValueError(f"refusing to run {func_path!r}: jobs live under app.")
    return getattr(importlib.import_module(module), name)


def _call(func_path: str, store_id: int | None, args: tuple):
    from app.extensions import db
    from app.tenancy.scope import all_stores, store_scope

    func = _resolve(func_path)
    try:
        ctx = store_scope(store_id) if store_id is not None else all_stores()
        with ctx:
            return func(*args)
    finally:
        db.session.remove()


_worker_app: Flask | None = None


def perform(func_path: str, store_id: int | None, *args):
    """The entry point of every RQ job: run ``func_path(*args)`` in a fresh
    app context, scoped to ``store_id`` when given (else across stores)."""
    global _worker_app
    if has_app_context():
        app = current_app._get_current_object()
    else:
        if _worker_app is None:
            from app import create_app

            _worker_app = create_app()
        app = _worker_app
    with app.app_context():
        return _call(func_path, store_id, args)


_redis_clients: dict[str, object] = {}


def redis_connection(url: str | None = None):
    """One Redis client per URL per process."""
    from redis import Redis

    url = url or current_app.config["REDIS_URL"]
    if not url:
        return None
    client = _redis_clients.get(url)
    if client is None:
        client = Redis.from_url(url)
        _redis_clients[url] = client
    return client


def get_queue(name: str):
    from rq import Queue

    return Queue(name, connection=redis_connection())


def _dispose_engines_after_fork() -> None:
    # A forked RQ work horse must not share the parent's pooled connections.
    app = _worker_app
    if app is None:
        return
    from app.extensions import db

    with app.app_context():
        db.engine.dispose(close=False)


def init_app(app: Flask) -> None:
    if not event.contains(Session, "after_commit", _after_commit):
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_rollback", _after_rollback)
    if not getattr(init_app, "_fork_hooked", False):
        os.register_at_fork(after_in_child=_dispose_engines_after_fork)
        init_app._fork_hooked = True
