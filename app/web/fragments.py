"""A small fragment cache for page parts that are the same for every
anonymous visitor of a page (header, language switcher, hreflang links).

Keys always include the surface, the store, the locale and the path, so one
store's or one language's fragment can never be served for another. Nothing
personal is cached: signed-in visitors (whose header holds a CSRF token) render
fresh. Per process, bounded, with a short TTL, like the tenant cache.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from flask import current_app, g, request
from flask_login import current_user
from markupsafe import Markup

MAX_ENTRIES = 2000
_cache: OrderedDict[tuple, tuple[float, Markup]] = OrderedDict()
_lock = threading.Lock()


def clear_fragments() -> None:
    with _lock:
        _cache.clear()


def cached_fragment(name: str, caller) -> Markup:
    """``{% call cached_fragment('header') %}...{% endcall %}`` in a template."""
    ttl = current_app.config.get("FRAGMENT_CACHE_TTL", 30)
    if ttl <= 0 or current_user.is_authenticated:
        return Markup(caller())
    store = getattr(g, "store", None)
    key = (name, g.surface, store.id if store else 0, store.name if store else "", getattr(g, "url_locale", ""),
           g.get("currency", ""), request.full_path)
    now = time.monotonic()
    hit = _cache.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    html = Markup(caller())
    with _lock:
        _cache[key] = (now + ttl, html)
        _cache.move_to_end(key)
        while len(_cache) > MAX_ENTRIES:
            _cache.popitem(last=False)
    return html
