"""A short-lived cache of whole shopper pages for visitors without a session.

A visitor who has no session cookie (never signed in, nothing in a cart, no
flash message) sees exactly what every other such visitor sees for the same
host, path, query, display currency and HTMX mode: nothing personal is on the
page. Those responses are kept per process for ``PAGE_CACHE_TTL`` seconds
(a micro-cache, like a CDN's), so a busy category or product page is rendered
once every few seconds instead of on every request. Anything with a session
cookie, every non-GET request and every non-200 response go the normal way.

The cost: a change (a price, a suspended store) reaches anonymous visitors
within the TTL, as the architecture allows for the tenant cache; the cart and
checkout always re-check prices and stock.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from flask import current_app, g, request

MAX_ENTRIES = 5000
# Response headers a cached copy keeps (Set-Cookie never: nothing personal).
KEPT_HEADERS = ("Content-Type", "Vary", "Cache-Control", "Content-Language")

_entries: OrderedDict[tuple, tuple[float, int, list[tuple[str, str]], bytes, dict]] = OrderedDict()
_refreshing: set[tuple] = set()
_lock = threading.Lock()
GRACE = 3  # an expired copy may still be served for this many TTLs while one request refreshes it


def clear_page_cache() -> None:
    with _lock:
        _entries.clear()
        _refreshing.clear()


def _key() -> tuple | None:
    ttl = current_app.config.get("PAGE_CACHE_TTL", 0)
    if ttl <= 0 or request.method != "GET" or g.get("surface") not in ("mall", "storefront"):
        return None
    if request.cookies.get(current_app.config["SESSION_COOKIE_NAME"]):
        return None
    if request.endpoint not in getattr(current_app, "page_cache_endpoints", ()):
        return None
    store = g.get("store")
    return (g.surface, store.id if store else 0, request.host, request.full_path,
            request.cookies.get("currency", ""), request.headers.get("HX-Request", ""),
            request.headers.get("HX-History-Restore-Request", ""))


def lookup():
    """``before_request``: the cached response, if there is a fresh one."""
    key = _key()
    if key is None:
        return None
    g.page_cache_key = key
    hit = _entries.get(key)
    if hit is None:
        return None
    now = time.monotonic()
    if hit[0] <= now:
        # Expired: this request renders a fresh copy, while for a grace period
        # every other request keeps getting the old one (no pile-up behind it).
        with _lock:
            if key not in _refreshing and hit[0] + GRACE * current_app.config["PAGE_CACHE_TTL"] > now:
                _refreshing.add(key)
                g.page_cache_refreshing = True
                return None
        if key not in _refreshing:
            return None
    _expires, status, headers, body, extra = hit
    g.page_cache_hit = True
    for name, value in extra.items():
        setattr(g, name, value)
    response = current_app.response_class(body, status=status)
    for name, value in headers:
        response.headers[name] = value
    return response


def store(response):
    """``after_request``: keep a fresh 200 for the next anonymous visitor."""
    key = g.get("page_cache_key")
    if g.get("page_cache_refreshing"):
        with _lock:
            _refreshing.discard(key)
            if response.status_code != 200:
                _entries.pop(key, None)  # gone or failing now: stop serving the old copy
    if key is None or g.get("page_cache_hit") or g.get("page_cache_skip") or response.status_code != 200 \
            or response.direct_passthrough:
        return response
    # A page that started a session (a CSRF token, a flash) holds something of this visitor's.
    session_cookie = current_app.config["SESSION_COOKIE_NAME"] + "="
    if any(c.startswith(session_cookie) for c in response.headers.getlist("Set-Cookie")):
        return response
    headers = [(name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers]
    extra = g.get("page_cache_extra", {})
    with _lock:
        _entries[key] = (time.monotonic() + current_app.config["PAGE_CACHE_TTL"], response.status_code, headers,
                         response.get_data(), dict(extra))
        _entries.move_to_end(key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return response


def _release(_exc=None) -> None:
    """Whatever happened to the request, let another one refresh the page."""
    if g.get("page_cache_refreshing"):
        with _lock:
            _refreshing.discard(g.get("page_cache_key"))


def cacheable(view):
    """Mark a shopper view whose anonymous response may be cached."""
    view.page_cacheable = True
    return view


def install(app) -> None:
    app.page_cache_endpoints = {
        endpoint for endpoint, view in app.view_functions.items() if getattr(view, "page_cacheable", False)}
    app.before_request(lookup)
    app.teardown_request(_release)
    # Registered first, so it runs last: it stores the response every other hook has finished.
    app.after_request_funcs.setdefault(None, []).insert(0, store)
