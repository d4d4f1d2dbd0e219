"""Currencies the platform offers, named in the user's language by Babel."""

from __future__ import annotations

from babel.numbers import get_currency_name, get_currency_precision
from flask import current_app
from flask_babel import get_locale

DEFAULT_CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CNY", "AED", "KWD", "AUD", "CAD", "SGD", "MYR", "IDR", "THB", "VND", "KRW")


def supported_currencies() -> tuple[str, ...]:
    return tuple(current_app.config.get("CURRENCIES") or DEFAULT_CURRENCIES)


def currency_choices() -> list[tuple[str, str]]:
    locale = get_locale() or "en"
    return [(code, f"{code} · {get_currency_name(code, locale=locale)}") for code in supported_currencies()]


def exponent(code: str) -> int:
    """Minor-unit digits of a currency (JPY 0, USD 2, KWD 3)."""
    return get_currency_precision(code)
