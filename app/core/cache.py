"""A per-process cache for small, platform-wide, read-mostly data (the category
tree, brands, exchange rates). Entries expire after ``CATALOG_CACHE_TTL``
seconds; the process that changes the data clears the entry at once, and
other processes see the change within the TTL. Values must be immutable plain
data, never ORM objects bound to a session.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from flask import current_app

_entries: dict[Any, tuple[float, Any]] = {}
_lock = threading.Lock()


MAX_ENTRIES = 5000


def cached(name, load: Callable[[], Any], *, ttl: float | None = None) -> Any:
    """``load()``'s value under ``name`` (any hashable), for ``ttl`` seconds
    (default CATALOG_CACHE_TTL; 0 = not cached)."""
    if ttl is None:
        ttl = current_app.config.get("CATALOG_CACHE_TTL", 5)
    now = time.monotonic()
    hit = _entries.get(name)
    if hit is not None and hit[0] > now:
        return hit[1]
    value = load()
    if ttl > 0:
        with _lock:
            if len(_entries) >= MAX_ENTRIES:  # bounded: drop the entries that expired, else everything
                for stale in [k for k, (expires, _v) in _entries.items() if expires <= now] or list(_entries):
                    _entries.pop(stale, None)
            _entries[name] = (now + ttl, value)
    return value


def forget(*names: str) -> None:
    """Drop entries (all of them when no name is given)."""
    with _lock:
        if not names:
            _entries.clear()
        for name in names:
            _entries.pop(name, None)


# Entries dropped automatically when rows of these models change: recorded at
# flush, forgotten at commit (and also at rollback, which is harmless).
_watched: dict[type, tuple[str, ...]] = {}


def forget_on_change(model: type, *names: str) -> None:
    _watched[model] = names


def _after_flush(session, _context) -> None:
    pending = session.info.setdefault("lintas_forget", set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        for model, names in _watched.items():
            if isinstance(obj, model):
                pending.update(names)


def _after_end(session) -> None:
    names = session.info.pop("lintas_forget", None)
    if names:
        forget(*names)


def install_cache_events() -> None:
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "after_commit", _after_end)
        event.listen(Session, "after_soft_rollback", lambda session, _tx: _after_end(session))
