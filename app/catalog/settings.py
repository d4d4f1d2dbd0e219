"""Platform settings the operator changes in the admin. Each known key has a
default; a missing row means the default."""

from __future__ import annotations

from typing import Any

from app.catalog.models import PlatformSetting
from app.extensions import db

DEFAULTS: dict[str, Any] = {
    # New products of third-party stores wait for the platform's approval
    # before shoppers can see them. Self-operated stores are never held.
    "moderate_third_party_products": True,
}


def get_setting(key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = db.session.get(PlatformSetting, key)
    return DEFAULTS[key] if row is None else row.value


def set_setting(key: str, value: Any) -> None:
    """Flushes, never commits."""
    if key not in DEFAULTS:
        raise KeyError(key)
    row = db.session.get(PlatformSetting, key)
    if row is None:
        db.session.add(PlatformSetting(key=key, value=value))
    else:
        row.value = value
    db.session.flush()
