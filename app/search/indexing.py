"""Keeping the index in step with the database.

A session listener notes, at every flush, which products, stores, categories
and brands changed in a way search can see (a product's fields, its variants
and stock, its translations; a store's status, expiry or names; a store's
category approvals; category and brand names). When the transaction commits,
one job on the ``search`` queue brings those documents up to date; a rollback
drops it (``app.jobs.enqueue``). Nothing is written to the index inside the
request's transaction, and nothing is missed when a change comes from the
console, the admin, a CSV import or a job.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from app.catalog.models import Brand, Category, CategoryTranslation, Product, ProductTranslation, StoreCategory, Variant
from app.tenancy.models import Store

STORE_FIELDS = ("status", "expires_at", "slug", "name", "default_locale", "base_currency")
KEY = "lintas_search_changes"


def _store_changed(session: Session, store: Store) -> bool:
    if store in session.deleted:
        return True
    state = inspect(store)
    return any(state.attrs[name].history.has_changes() for name in STORE_FIELDS)


def _after_flush(session: Session, _context) -> None:
    changes = None

    def note(kind: str, value) -> None:
        nonlocal changes
        if value is None:
            return
        if changes is None:
            changes = session.info.get(KEY)
            if changes is None:
                changes = session.info[KEY] = {"products": set(), "stores": set(), "categories": set(),
                                               "brands": set()}
                from app.jobs import enqueue

                # One job per transaction; later flushes add to the same sets.
                enqueue("search", "app.jobs.search.apply_changes", changes, session=session)
        changes[kind].add(value)

    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Product):
            note("products", obj.id)
        elif isinstance(obj, (Variant, ProductTranslation)):
            note("products", obj.product_id)
        elif isinstance(obj, Store):
            if obj not in session.new and _store_changed(session, obj):
                note("stores", obj.id)
        elif isinstance(obj, StoreCategory):
            note("stores", obj.store_id)
        elif isinstance(obj, Category):
            if obj not in session.new:
                note("categories", obj.id)
        elif isinstance(obj, CategoryTranslation):
            note("categories", obj.category_id)
        elif isinstance(obj, Brand):
            if obj not in session.new:
                note("brands", obj.id)


def _after_end(session: Session, *_args) -> None:
    session.info.pop(KEY, None)


def install_search_events() -> None:
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "after_commit", _after_end)
        event.listen(Session, "after_soft_rollback", _after_end)
