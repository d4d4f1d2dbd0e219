"""Jobs of the ``search`` queue: keep the index in step after each commit, and
rebuild it on request (admin or ``flask search reindex``). One worker serves
this queue, so there is one index writer."""

from __future__ import annotations

import logging

from sqlalchemy import select, update

from app import search
from app.catalog.index import categories
from app.catalog.models import Product
from app.core.time import utcnow
from app.extensions import db
from app.search.models import ReindexRun, ReindexState

log = logging.getLogger("lintas.search")


def apply_changes(changes: dict) -> dict:
    """Bring the documents touched by one transaction up to date."""
    stores = sorted(changes.get("stores") or ())
    ids = set(changes.get("products") or ())
    for store_id in stores:
        search.reindex(store_id)
    index = categories()
    category_ids = {c for cid in (changes.get("categories") or ()) for c in index.descendants(cid)}
    if category_ids:
        ids.update(db.session.scalars(select(Product.id).where(Product.category_id.in_(category_ids))
                                      .execution_options(all_stores=True)))
    brand_ids = sorted(changes.get("brands") or ())
    if brand_ids:
        ids.update(db.session.scalars(select(Product.id).where(Product.brand_id.in_(brand_ids))
                                      .execution_options(all_stores=True)))
    if stores:  # already rebuilt with their stores
        ids -= set(db.session.scalars(select(Product.id).where(Product.store_id.in_(stores))
                                      .execution_options(all_stores=True)))
    indexed, removed = search.index_products(ids) if ids else (0, 0)
    if search.engine().needs_merge():
        from app.jobs import enqueue_now

        enqueue_now("search", "app.jobs.search.merge_segments")
    return {"stores": len(stores), "indexed": indexed, "removed": removed}


def merge_segments() -> int:
    """Fold the small segments that updates leave into one (searches pay per segment)."""
    return search.engine().merge_small()


def _set(run_id: int, **values) -> None:
    db.session.execute(update(ReindexRun).where(ReindexRun.id == run_id).values(**values))
    db.session.commit()


def run_reindex(run_id: int, progress=None) -> None:
    """Rebuild the index (or one store's part of it) for a ReindexRun,
    recording progress on the run as it goes."""
    run = db.session.get(ReindexRun, run_id)
    if run is None or run.state not in (ReindexState.QUEUED, ReindexState.RUNNING):
        return
    store_id = run.store_id
    if run.store_slug and store_id is None:  # the store was deleted since the run was asked for
        _set(run_id, state=ReindexState.FAILED, error="store deleted", finished_at=utcnow())
        return
    _set(run_id, state=ReindexState.RUNNING, started_at=utcnow(), done=0)

    def report(done: int, total: int) -> None:
        _set(run_id, done=done, total=total)
        if progress:
            progress(done, total)

    try:
        search.reindex(store_id, progress=report)
    except Exception as exc:
        db.session.rollback()
        _set(run_id, state=ReindexState.FAILED, error=str(exc)[:500], finished_at=utcnow())
        log.exception("search reindex %s failed", run_id)
        raise
    _set(run_id, state=ReindexState.DONE, finished_at=utcnow())
