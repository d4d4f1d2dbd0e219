"""Enabled currencies, exchange rates and conversion.

Rates are kept against the platform currency (PLATFORM_CURRENCY, USD by
default): ``rate`` = units of a currency per one platform unit. Converting A to
B uses rate_B / rate_A and rounds once, to B's minor unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from flask import current_app, g, has_request_context
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.core.cache import cached, forget, forget_on_change
from app.core.time import utcnow
from app.extensions import db
from app.i18n.currencies import KNOWN_CURRENCIES
from app.i18n.models import Currency, ExchangeRate
from app.i18n.money import Money

MAX_RATE = Decimal("100000000")


class RateError(Exception):
    def __init__(self, message, field: str | None = None):
        self.message, self.field = message, field
        super().__init__(str(message))


@dataclass(frozen=True)
class CurrentRate:
    currency: str
    rate: Decimal
    updated_at: datetime | None


def platform_currency() -> str:
    return current_app.config["PLATFORM_CURRENCY"]


def current_rates() -> dict[str, CurrentRate]:
    """The latest rate of every currency that has one (one query, cached per
    process for CATALOG_CACHE_TTL seconds and cleared when a rate changes here)."""
    if has_request_context() and "lintas_rates" in g:
        return g.lintas_rates
    rates = cached("rates", _load_rates)
    if has_request_context():
        g.lintas_rates = rates
    return rates


def _load_rates() -> dict[str, CurrentRate]:
    latest = (select(ExchangeRate.currency, func.max(ExchangeRate.id).label("id"))
              .group_by(ExchangeRate.currency).subquery())
    rows = db.session.scalars(select(ExchangeRate).join(latest, ExchangeRate.id == latest.c.id)).all()
    base = platform_currency()
    rates = {r.currency: CurrentRate(r.currency, Decimal(r.rate), r.created_at) for r in rows if r.base == base}
    rates[base] = CurrentRate(base, Decimal(1), None)
    return rates


def enabled_currencies() -> list[str]:
    """Currencies shoppers can choose: enabled, with a rate (the platform's always)."""
    rates = current_rates()
    codes = cached("enabled_currencies", lambda: tuple(db.session.scalars(
        select(Currency.code).where(Currency.enabled.is_(True)).order_by(Currency.code)).all()))
    out = [c for c in codes if c in rates]
    if platform_currency() not in out:
        out.insert(0, platform_currency())
    return out


forget_on_change(Currency, "rates", "enabled_currencies")
forget_on_change(ExchangeRate, "rates", "enabled_currencies")


def _changed() -> None:
    forget("rates", "enabled_currencies")
    if has_request_context():
        g.pop("lintas_rates", None)


def convert(money: Money, to: str) -> Money:
    """``money`` in currency ``to`` at the current rates."""
    if money.currency == to:
        return money
    rates = current_rates()
    try:
        source, target = rates[money.currency].rate, rates[to].rate
    except KeyError as exc:
        raise RateError(_l("No exchange rate for %(code)s.", code=exc.args[0])) from exc
    return money.convert(to, target / source)


def parse_rate(text: str) -> Decimal:
    try:
        rate = Decimal((text or "").strip().replace(",", ""))
    except InvalidOperation as exc:
        raise RateError(_l("Enter the rate as a number, like 151.25."), "rate") from exc
    if not rate.is_finite() or rate <= 0:
        raise RateError(_l("The rate must be more than zero."), "rate")
    if rate >= MAX_RATE:
        raise RateError(_l("The rate is too large."), "rate")
    places = rate.normalize().as_tuple().exponent
    if isinstance(places, int) and places < -10:
        raise RateError(_l("Use at most 10 decimal places."), "rate")
    return rate


def add_currency(code: str) -> Currency:
    code = (code or "").strip().upper()
    if code not in KNOWN_CURRENCIES:
        raise RateError(_l("Unknown currency code."), "code")
    if db.session.get(Currency, code) is not None:
        raise RateError(_l("This currency is already on the list."), "code")
    currency = Currency(code=code, enabled=False)
    db.session.add(currency)
    db.session.flush()
    _changed()
    return currency


def set_rate(code: str, rate_text: str, *, actor_id: int | None) -> ExchangeRate:
    """Record a new rate for ``code`` (history is kept; nothing is overwritten)."""
    code = (code or "").upper()
    if code == platform_currency():
        raise RateError(_l("The platform currency's rate is always 1."), "code")
    if db.session.get(Currency, code) is None:
        raise RateError(_l("Add the currency first."), "code")
    row = ExchangeRate(currency=code, base=platform_currency(), rate=parse_rate(rate_text),
                       created_at=utcnow(), created_by_id=actor_id)
    db.session.add(row)
    db.session.flush()
    _changed()
    return row


def set_enabled(code: str, enabled: bool) -> Currency:
    currency = db.session.get(Currency, (code or "").upper())
    if currency is None:
        raise RateError(_l("Unknown currency code."), "code")
    if enabled and currency.code != platform_currency() and currency.code not in current_rates():
        raise RateError(_l("Set a rate before you enable %(code)s.", code=currency.code), "code")
    if not enabled and currency.code == platform_currency():
        raise RateError(_l("The platform currency cannot be turned off."), "code")
    currency.enabled = enabled
    db.session.flush()
    _changed()
    return currency


def rate_history(code: str, limit: int = 100) -> list[ExchangeRate]:
    return list(db.session.scalars(
        select(ExchangeRate).where(ExchangeRate.currency == code.upper())
        .order_by(ExchangeRate.created_at.desc(), ExchangeRate.id.desc()).limit(limit)))
