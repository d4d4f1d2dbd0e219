"""Locale selection for each request."""

from __future__ import annotations

from flask import g, has_request_context
from flask_login import current_user

from app.i18n.locales import accept_languages, negotiate, to_babel, to_url


def staff_url_locale() -> str:
    """Console and admin speak the user's preferred language, else the browser's."""
    preference = current_user.preferred_locale if current_user.is_authenticated else None
    return negotiate(cookie=None, preference=preference, accept=accept_languages(), fallback="en")


def select_locale() -> str:
    if not has_request_context():
        return "en"
    code = getattr(g, "url_locale", None)
    if code is None:
        surface = getattr(g, "surface", None)
        if surface in ("console", "admin"):
            code = staff_url_locale()
        else:
            code = to_url(accept_languages()[0]) if accept_languages() else None
        g.url_locale = code or "en"
        code = g.url_locale
    return to_babel(code)
