"""The UI locales: URL codes (``zh-hans``), Babel codes (``zh_Hans``), native
names, text direction, and negotiation for ``/``."""

from __future__ import annotations

from functools import cache

from babel import Locale
from flask import current_app, g, has_request_context, request
from werkzeug.routing import BaseConverter

from app.config import LOCALES

DEFAULT_URL_LOCALE = "en"
_BABEL_TO_URL = {v.lower(): k for k, v in LOCALES.items()}


def to_babel(url_code: str) -> str:
    return LOCALES.get(url_code, "en")


def to_url(code: str | None) -> str | None:
    """A URL locale code for a Babel-style or URL-style code, or None."""
    if not code:
        return None
    code = code.replace("-", "_").lower()
    if code in _BABEL_TO_URL:
        return _BABEL_TO_URL[code]
    # zh_CN, zh_SG -> zh-hans; zh_TW, zh_HK, zh_MO -> zh-hant; pt_BR -> pt ...
    if code.startswith("zh"):
        return "zh-hant" if any(t in code for t in ("hant", "tw", "hk", "mo")) else "zh-hans"
    base = code.split("_", 1)[0]
    return base if base in LOCALES else None


@cache
def native_name(url_code: str) -> str:
    loc = Locale.parse(to_babel(url_code))
    name = loc.get_display_name(loc) or url_code
    return name[:1].upper() + name[1:]


@cache
def text_direction(url_code: str) -> str:
    return Locale.parse(to_babel(url_code)).text_direction


def negotiate(*, cookie: str | None, preference: str | None, accept: list[str], fallback: str) -> str:
    """Pick the URL locale for ``/``: cookie, then the user's preference, then
    Accept-Language (best quality first), then the fallback."""
    for candidate in (cookie, preference):
        code = to_url(candidate)
        if code:
            return code
    for value in accept:
        code = to_url(value)
        if code:
            return code
    return to_url(fallback) or DEFAULT_URL_LOCALE


def accept_languages() -> list[str]:
    if not has_request_context():
        return []
    return [value for value, _q in request.accept_languages]


def current_url_locale() -> str:
    return getattr(g, "url_locale", None) or DEFAULT_URL_LOCALE


def switcher_locales() -> list[tuple[str, str]]:
    return [(code, native_name(code)) for code in current_app.config["LOCALES"]]


class LocaleConverter(BaseConverter):
    """Matches exactly the configured URL locale codes (lower case)."""

    regex = "(?:" + "|".join(sorted(LOCALES, key=len, reverse=True)) + ")"
    part_isolating = True
