"""Currency names and codes, from Babel's data, in the user's language."""

from __future__ import annotations

from babel.numbers import get_currency_name, list_currencies
from flask_babel import get_locale

KNOWN_CURRENCIES: frozenset[str] = frozenset(list_currencies())


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
