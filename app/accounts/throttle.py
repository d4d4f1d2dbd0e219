"""Sign-in throttling per account and per client IP.

Fixed-window counters of failed attempts: in Redis when REDIS_URL is set (shared
by every process), otherwise in this process. Unknown accounts are counted like
known ones so the answers do not reveal which emails exist.
"""

from __future__ import annotations

import hashlib
import threading
import time

from flask import current_app

from app.jobs import redis_connection

_local: dict[str, tuple[float, int]] = {}
_lock = threading.Lock()


def _keys(email: str, ip: str) -> list[tuple[str, int]]:
    cfg = current_app.config
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:24]
    return [
        (f"lintas:throttle:login:acct:{digest}", cfg["LOGIN_MAX_PER_ACCOUNT"]),
        (f"lintas:throttle:login:ip:{ip}", cfg["LOGIN_MAX_PER_IP"]),
    ]


def is_blocked(email: str, ip: str) -> bool:
    window = current_app.config["LOGIN_WINDOW_SECONDS"]
    redis = redis_connection()
    for key, limit in _keys(email, ip):
        if redis is not None:
            count = int(redis.get(key) or 0)
        else:
            with _lock:
                started, count = _local.get(key, (0.0, 0))
                if time.monotonic() - started > window:
                    count = 0
        if count >= limit:
            return True
    return False


def record_failure(email: str, ip: str) -> None:
    window = current_app.config["LOGIN_WINDOW_SECONDS"]
    redis = redis_connection()
    for key, _limit in _keys(email, ip):
        if redis is not None:
            pipe = redis.pipeline()
            pipe.incr(key)
            pipe.expire(key, window, nx=True)
            pipe.execute()
        else:
            with _lock:
                now = time.monotonic()
                started, count = _local.get(key, (now, 0))
                if now - started > window:
                    started, count = now, 0
                _local[key] = (started, count + 1)


def clear_account(email: str) -> None:
    """Forget an account's failures after a successful sign-in."""
    key = _keys(email, "-")[0][0]
    redis = redis_connection()
    if redis is not None:
        redis.delete(key)
    else:
        with _lock:
            _local.pop(key, None)


def reset_all() -> None:
    with _lock:
        _local.clear()
