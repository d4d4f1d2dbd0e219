"""Find the store a storefront host serves, with a short per-process cache.

The cache holds a small immutable snapshot (never an ORM object) keyed by the
normalised host. Its TTL (TENANT_CACHE_TTL, a few seconds) bounds how long a
suspended store can still be served by another process; the process that
changes a store clears its own entry at once.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import select

from app.core.time import utcnow
from app.extensions import db
from app.tenancy.models import Domain, DomainState, Store, StoreStatus, StoreType
from app.tenancy.scope import all_stores


@dataclass(frozen=True)
class StoreRef:
    """What a request needs to know about its store, cheap to cache."""

    id: int
    slug: str
    name: str
    type: StoreType
    status: StoreStatus
    expires_at: datetime | None
    country: str
    time_zone: str
    default_locale: str
    base_currency: str

    @classmethod
    def of(cls, store: Store) -> StoreRef:
        return cls(store.id, store.slug, store.name, store.type, store.status, store.expires_at,
                   store.country, store.time_zone, store.default_locale, store.base_currency)

    def is_serving(self) -> bool:
        return self.status == StoreStatus.OPEN and (self.expires_at is None or self.expires_at > utcnow())


_MISSING = object()
_cache: dict[str, tuple[float, StoreRef | None]] = {}
_lock = threading.Lock()


def clear_tenant_cache() -> None:
    with _lock:
        _cache.clear()


def _lookup(host: str, label: str | None) -> StoreRef | None:
    with all_stores():  # resolution is by definition across stores
        if label is not None:
            store = db.session.scalar(select(Store).where(Store.slug == label))
        else:
            store = db.session.scalar(
                select(Store).join(Domain, Domain.store_id == Store.id)
                .where(Domain.hostname == host, Domain.state == DomainState.ACTIVE)
            )
    return StoreRef.of(store) if store is not None else None


def resolve_store(host: str, label: str | None) -> StoreRef | None:
    """The store for a storefront host, whatever its status (callers check
    ``is_serving``), or None when the host belongs to no store."""
    ttl = current_app.config["TENANT_CACHE_TTL"]
    now = time.monotonic()
    if ttl > 0:
        hit = _cache.get(host, _MISSING)
        if hit is not _MISSING and hit[0] > now:
            return hit[1]
    ref = _lookup(host, label)
    if ttl > 0:
        with _lock:
            _cache[host] = (now + ttl, ref)
    return ref
