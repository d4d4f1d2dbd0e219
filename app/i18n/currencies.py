"""Currencies the platform offers, named in the user's language by Babel."""

from __future__ import annotations

from babel.numbers import get_currency_name, get_currency_precision, list_currencies
from flask import current_app
from flask_babel import get_locale

KNOWN_CURRENCIES: frozenset[str] = frozenset(list_currencies())

DEFAULT_CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CNY", "AED", "KWD", "AUD", "CAD", "SGD", "MYR", "IDR", "THB", "VND", "KRW")


def supported_currencies() -> tuple[str, ...]:
    return tuple(current_app.config.get("CURRENCIES") or DEFAULT_CURRENCIES)


def currency_choices() -> list[tuple[str, str]]:
    """The currencies a shopper may pick (enabled, with a rate), named in their language."""
    from app.i18n.rates import enabled_currencies

    locale = get_locale() or "en"
    return [(code, f"{code} · {get_currency_name(code, locale=locale)}") for code in enabled_currencies()]


def all_currency_choices() -> list[tuple[str, str]]:
    """Every ISO 4217 currency Babel knows, for a store's base currency."""
    locale = get_locale() or "en"
    return sorted(((code, f"{code} · {get_currency_name(code, locale=locale)}") for code in KNOWN_CURRENCIES),
                  key=lambda pair: pair[0])


def exponent(code: str) -> int:
    """Minor-unit digits of a currency (JPY 0, USD 2, KWD 3)."""
    return get_currency_precision(code)
