"""Money: integer minor units, per-currency exponent, explicit rounding."""

from decimal import ROUND_DOWN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.i18n.money import Money, MoneyError, exponent

CURRENCIES = ["JPY", "USD", "KWD"]
amounts = st.integers(min_value=-10**12, max_value=10**12)
rates = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("100000"), places=6, allow_nan=False,
                    allow_infinity=False)

def test_exponents_come_from_the_currency():
    assert (exponent("JPY"), exponent("USD"), exponent("KWD")) == (0, 2, 3)


@pytest.mark.parametrize("text,currency,minor", [
    ("12.5", "USD", 1250), ("12.50", "USD", 1250), ("1,234.56", "USD", 123456), ("100", "JPY", 100),
    ("100.00", "JPY", 100), ("1.234", "KWD", 1234), ("0", "USD", 0), ("-3.1", "USD", -310),
])
def test_parse_reads_exactly_what_was_typed(text, currency, minor):
    assert Money.parse(text, currency) == Money(minor, currency)


@pytest.mark.parametrize("text,currency", [("1.5", "JPY"), ("1.234", "USD"), ("1.2345", "KWD"), ("abc", "USD"),
                                           ("", "USD"), ("NaN", "USD"), ("Infinity", "USD"), ("1e400x", "USD")])
def test_parse_refuses_what_is_not_money_in_that_currency(text, currency):
    with pytest.raises(MoneyError):
        Money.parse(text, currency)


def test_no_floats_and_no_unknown_currencies():
    with pytest.raises(TypeError):
        Money(1.5, "USD")
    with pytest.raises(MoneyError):
        Money(1, "XXZ")
    with pytest.raises(MoneyError):
        Money(1, "USD") + Money(1, "EUR")
    with pytest.raises(TypeError):
        Money(1, "USD") * 1.5


def test_rounding_is_half_up_unless_told():
    assert Money.from_decimal("0.125", "USD") == Money(13, "USD")
    assert Money.from_decimal("-0.125", "USD") == Money(-13, "USD")
    assert Money.from_decimal("0.125", "USD", rounding=ROUND_DOWN) == Money(12, "USD")
    assert Money.from_decimal("0.5", "JPY") == Money(1, "JPY")
    assert Money.from_decimal("1.2345", "KWD") == Money(1235, "KWD")


def test_formatting_follows_locale_and_exponent():
    assert Money(1050, "USD").format("en") == "$10.50"
    assert Money(1050, "JPY").format("ja") == "￥1,050"
    assert Money(1050, "KWD").format("en").endswith("1.050")
    assert "10.50" in Money(1050, "USD").format("ar") or "10٫50" in Money(1050, "USD").format("ar")


@given(amounts, st.sampled_from(CURRENCIES))
def test_decimal_round_trip_is_exact(amount, currency):
    money = Money(amount, currency)
    assert Money.from_decimal(money.decimal, currency) == money
    assert Money.parse(str(money.decimal), currency) == money


@given(amounts, amounts, st.sampled_from(CURRENCIES), st.integers(min_value=0, max_value=1000))
def test_totals_are_exact_integer_sums(a, b, currency, qty):
    assert (Money(a, currency) + Money(b, currency)).amount == a + b
    assert (Money(a, currency) * qty).amount == a * qty
    assert (Money(a, currency) - Money(a, currency)) == Money.zero(currency)


@given(amounts, st.sampled_from(CURRENCIES), st.sampled_from(CURRENCIES), rates)
def test_conversion_rounds_once_to_the_target_minor_unit(amount, source, target, rate):
    converted = Money(amount, source).convert(target, rate)
    if source == target:
        assert converted == Money(amount, source)
        return
    exact = Money(amount, source).decimal * rate
    # within half a minor unit of the exact value, in the target's unit
    assert abs(converted.decimal - exact) <= Decimal(1).scaleb(-exponent(target)) / 2
    assert isinstance(converted.amount, int)


@given(st.integers(min_value=0, max_value=10**9), rates)
def test_conversion_is_monotonic(amount, rate):
    smaller = Money(amount, "USD").convert("JPY", rate)
    larger = Money(amount + 1, "USD").convert("JPY", rate)
    assert smaller <= larger


def test_conversion_refuses_bad_rates():
    for rate in (Decimal(0), Decimal(-1), Decimal("NaN"), 1.5):
        with pytest.raises(MoneyError):
            Money(100, "USD").convert("JPY", rate)
