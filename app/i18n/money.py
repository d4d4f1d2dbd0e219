"""Money: integer minor units plus an ISO 4217 code. Never a float.

The number of minor-unit digits (the exponent) comes from Babel's currency
data: JPY 0, USD 2, KWD 3. Every conversion names its rounding; the default is
half-up, the rule shoppers and accountants expect.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from babel.numbers import format_currency, get_currency_precision

from app.i18n.currencies import KNOWN_CURRENCIES


class MoneyError(ValueError):
    """An amount that cannot be money in its currency (too many decimals, not a number...)."""


@cache
def exponent(currency: str) -> int:
    """Minor-unit digits of a currency (JPY 0, USD 2, KWD 3)."""
    return get_currency_precision(currency)


def check_currency(code: str) -> str:
    code = (code or "").upper()
    if code not in KNOWN_CURRENCIES:
        raise MoneyError(f"unknown currency {code!r}")
    return code


@dataclass(frozen=True, order=False)
class Money:
    amount: int  # in minor units
    currency: str

    def __post_init__(self):
        if not isinstance(self.amount, int) or isinstance(self.amount, bool):
            raise TypeError("Money.amount must be an int of minor units")
        object.__setattr__(self, "currency", check_currency(self.currency))

    # --- construction ---------------------------------------------------------
    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def from_decimal(cls, value: Decimal | int | str, currency: str, *, rounding: str = ROUND_HALF_UP) -> Money:
        """From major units, rounded to the currency's minor unit."""
        currency = check_currency(currency)
        try:
            major = Decimal(value)
        except (InvalidOperation, TypeError, ValueError) as exc:
            raise MoneyError(f"not a number: {value!r}") from exc
        if not major.is_finite():
            raise MoneyError(f"not a finite number: {value!r}")
        minor = (major.scaleb(exponent(currency))).quantize(Decimal(1), rounding=rounding)
        return cls(int(minor), currency)

    @classmethod
    def parse(cls, text: str, currency: str) -> Money:
        """Exactly what a person typed, in major units: refuses more decimals
        than the currency has (no silent rounding of input)."""
        currency = check_currency(currency)
        cleaned = (text or "").strip().replace(",", "").replace("_", "")
        try:
            major = Decimal(cleaned)
        except InvalidOperation as exc:
            raise MoneyError(f"not a number: {text!r}") from exc
        if not major.is_finite():
            raise MoneyError(f"not a finite number: {text!r}")
        places = major.normalize().as_tuple().exponent  # "100.00" -> 1E+2, "1.50" -> -1
        if isinstance(places, int) and places < 0 and -places > exponent(currency):
            raise MoneyError(f"{currency} has {exponent(currency)} decimal places")
        return cls(int(major.scaleb(exponent(currency))), currency)

    # --- reading ---------------------------------------------------------------
    @property
    def decimal(self) -> Decimal:
        """The amount in major units, exact."""
        return Decimal(self.amount).scaleb(-exponent(self.currency))

    def format(self, locale: str = "en") -> str:
        return format_currency(self.decimal, self.currency, locale=locale, currency_digits=True)

    def __str__(self) -> str:
        return f"{self.decimal} {self.currency}"

    # --- arithmetic (same currency only) ---------------------------------------
    def _same(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError("Money only adds to Money")
        if other.currency != self.currency:
            raise MoneyError(f"cannot combine {self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, quantity: int) -> Money:
        if not isinstance(quantity, int) or isinstance(quantity, bool):
            raise TypeError("Money multiplies by an int quantity only")
        return Money(self.amount * quantity, self.currency)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.amount <= other.amount

    # --- conversion ---------------------------------------------------------------
    def convert(self, to: str, rate: Decimal, *, rounding: str = ROUND_HALF_UP) -> Money:
        """Into ``to`` at ``rate`` (units of ``to`` per one unit of this currency),
        rounded once, to ``to``'s minor unit."""
        if not isinstance(rate, Decimal) or not rate.is_finite() or rate <= 0:
            raise MoneyError("a rate is a positive Decimal")
        to = check_currency(to)
        if to == self.currency:
            return self
        return Money.from_decimal(self.decimal * rate, to, rounding=rounding)
