"""Flask commands: ``flask demo``, ``flask worker``, ``flask jobs run-due``, ``flask search reindex``."""

from __future__ import annotations

import logging
import threading
import time

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from app.extensions import db

log = logging.getLogger("lintas.cli")

DEMO_PASSWORD = "lintas-demo-2026"


def init_app(app: Flask) -> None:
    app.cli.add_command(demo_command)
    app.cli.add_command(worker_command)
    app.cli.add_command(jobs_group)
    app.cli.add_command(search_group)


@click.command("demo")
@with_appcontext
def demo_command() -> None:
    """Create (or refresh) the demo accounts and stores. Idempotent."""
    from app.demo import load_demo

    summary = load_demo(DEMO_PASSWORD)
    click.echo(summary)


@click.command("worker")
@click.option("--queues", default=None, help="Comma-separated queues (default: all).")
@click.option("--burst", is_flag=True, help="Stop when the queues are empty.")
@click.option("--periodic/--no-periodic", default=True, help="Also dispatch due periodic jobs.")
@with_appcontext
def worker_command(queues: str | None, burst: bool, periodic: bool) -> None:
    """Run an RQ worker (with RQ's scheduler, for retries) over Redis."""
    from rq import Worker

    from app import jobs

    if not current_app.config["REDIS_URL"]:
        raise click.ClickException("REDIS_URL is not set: jobs run inline, no worker is needed.")
    jobs._worker_app = current_app._get_current_object()
    names = [q.strip() for q in (queues or ",".join(jobs.QUEUES)).split(",") if q.strip()]
    unknown = set(names) - set(jobs.QUEUES)
    if unknown:
        raise click.ClickException(f"unknown queue(s): {', '.join(sorted(unknown))}")
    if periodic and not burst:
        _start_periodic_thread(current_app._get_current_object(), every=30)
    # Release this process's connections before RQ forks work horses.
    db.session.remove()
    db.engine.dispose()
    worker = Worker([jobs.get_queue(n) for n in names], connection=jobs.redis_connection())
    worker.work(burst=burst, with_scheduler=True, logging_level="INFO")


def _start_periodic_thread(app: Flask, every: int) -> None:
    from app.jobs.periodic import run_due

    def loop():
        while True:
            try:
                with app.app_context():
                    ran = run_due()
                    if ran:
                        log.info("periodic jobs dispatched: %s", ", ".join(ran))
                    db.session.remove()
            except Exception:
                log.exception("periodic job round failed")
            time.sleep(every)

    threading.Thread(target=loop, name="lintas-periodic", daemon=True).start()


@click.group("jobs")
def jobs_group() -> None:
    """Background jobs."""


@jobs_group.command("run-due")
@click.option("--every", type=int, default=0, help="Loop, checking every N seconds.")
@with_appcontext
def run_due_command(every: int) -> None:
    """Dispatch the periodic jobs that are due (inline without Redis)."""
    from app.jobs.periodic import run_due

    while True:
        ran = run_due()
        click.echo(f"dispatched: {', '.join(ran) if ran else 'nothing due'}")
        db.session.remove()
        if every <= 0:
            break
        time.sleep(every)


@jobs_group.command("list")
@with_appcontext
def list_periodic() -> None:
    """Show the periodic jobs and when they next run."""
    from app.jobs.models import PeriodicJob
    from app.jobs.periodic import sync_periodic_jobs

    sync_periodic_jobs()
    for job in db.session.scalars(select(PeriodicJob).order_by(PeriodicJob.name)):
        click.echo(f"{job.name:32} every {job.interval_seconds:>6}s  next {job.next_run_at:%Y-%m-%d %H:%M:%S}")


@click.group("search")
def search_group() -> None:
    """Product search index."""


@search_group.command("reindex")
@click.option("--store", "store_slug", default=None, help="Rebuild one store's products only (its slug).")
@with_appcontext
def reindex_command(store_slug: str | None) -> None:
    """Rebuild the search index from the database, with a progress bar."""
    from app.jobs.search import run_reindex
    from app.search.models import ReindexRun, ReindexState
    from app.tenancy.models import Store

    store = None
    if store_slug:
        store = db.session.scalar(select(Store).where(Store.slug == store_slug.strip().lower()))
        if store is None:
            raise click.ClickException(f"no store {store_slug!r}")
    run = ReindexRun(store_id=store.id if store else None, store_slug=store.slug if store else None, source="cli")
    db.session.add(run)
    db.session.commit()
    run_id = run.id
    started = time.monotonic()
    with click.progressbar(length=1, label="Indexing products", show_pos=True) as bar:
        def progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        run_reindex(run_id, progress=progress)
    run = db.session.get(ReindexRun, run_id)
    if run.state != ReindexState.DONE:
        raise click.ClickException(f"reindex failed: {run.error}")
    click.echo(f"Indexed {run.done} products in {time.monotonic() - started:.1f} s.")
