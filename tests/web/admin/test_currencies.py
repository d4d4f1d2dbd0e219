"""Admin: currencies and exchange rates (manual entry, history kept), the
profile's currency choice, and conversion at the current rates."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.accounts.models import PlatformRole
from app.extensions import db
from app.i18n import rates
from app.i18n.models import Currency, ExchangeRate
from app.i18n.money import Money
from tests.conftest import sign_in
from tests.factories import make_user


@pytest.fixture
def finance(client_for):
    user = make_user("finance@example.com", platform_role=PlatformRole.FINANCE)
    client = client_for("admin.localhost")
    sign_in(client, user.email)
    return client


def _counts():
    return (db.session.scalar(select(func.count()).select_from(Currency)),
            db.session.scalar(select(func.count()).select_from(ExchangeRate)))


def test_add_rate_enable_and_history(finance, client_for):
    assert finance.submit("/currencies/add", {"code": "jpy"}, form_page="/currencies").status_code == 303
    assert db.session.get(Currency, "JPY").enabled is False
    page = finance.get("/currencies").get_data(as_text=True)
    assert "no rate yet" in page

    # Turning it on before it has a rate is refused, with the reason.
    response = finance.submit("/currencies/JPY/enable", {}, form_page="/currencies")
    assert response.status_code == 422
    assert "Set a rate before you enable JPY." in response.get_data(as_text=True)
    assert db.session.get(Currency, "JPY").enabled is False

    assert finance.submit("/currencies/rate", {"currency": "JPY", "rate": "151.25"}, form_page="/currencies").status_code == 303
    assert finance.submit("/currencies/rate", {"currency": "JPY", "rate": "149.8"}, form_page="/currencies").status_code == 303
    assert finance.submit("/currencies/JPY/enable", {}, form_page="/currencies").status_code == 303
    assert db.session.get(Currency, "JPY").enabled is True
    assert rates.current_rates()["JPY"].rate == Decimal("149.8")

    history = finance.get("/currencies/JPY").get_data(as_text=True)
    assert history.index("1 USD = 149.8 JPY") < history.index("1 USD = 151.25 JPY")  # newest first, old kept
    assert "Finance" in history or "finance" in history


def test_profile_offers_only_enabled_currencies_with_a_rate(finance, client_for):
    for code in ("EUR", "GBP"):
        finance.submit("/currencies/add", {"code": code}, form_page="/currencies")
    finance.submit("/currencies/rate", {"currency": "EUR", "rate": "0.92"}, form_page="/currencies")
    finance.submit("/currencies/EUR/enable", {}, form_page="/currencies")
    shopper = make_user("shopper@example.com")
    mall = client_for("localhost")
    sign_in(mall, shopper.email)
    page = mall.get("/en/account/profile").get_data(as_text=True)
    assert 'value="EUR"' in page and 'value="USD"' in page
    assert 'value="GBP"' not in page  # no rate, not on
    response = mall.submit("/en/account/profile", {"name": "", "locale": "", "currency": "GBP"})
    assert response.status_code == 422
    assert "Choose one of the options." in response.get_data(as_text=True)
    assert mall.submit("/en/account/profile", {"name": "", "locale": "", "currency": "EUR"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(type(shopper), shopper.id).preferred_currency == "EUR"


@pytest.mark.parametrize("rate,message", [
    ("abc", "Enter the rate as a number, like 151.25."),
    ("0", "The rate must be more than zero."),
    ("-1.5", "The rate must be more than zero."),
    ("1.12345678901", "Use at most 10 decimal places."),
    ("1000000000", "The rate is too large."),
    ("", "This field is required."),
])
def test_bad_rates_are_refused_and_change_nothing(finance, rate, message):
    finance.submit("/currencies/add", {"code": "EUR"}, form_page="/currencies")
    before = _counts()
    response = finance.submit("/currencies/rate", {"currency": "EUR", "rate": rate}, form_page="/currencies")
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _counts() == before


@pytest.mark.parametrize("code,message", [("ZZZ", "Unknown currency code."), ("EU", "Use the three-letter code, like EUR."),
                                          ("USD", "This currency is already on the list.")])
def test_bad_currency_codes_are_refused(finance, code, message):
    db.session.add(Currency(code="USD", enabled=True))
    db.session.commit()
    before = _counts()
    response = finance.submit("/currencies/add", {"code": code}, form_page="/currencies")
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _counts() == before


def test_platform_currency_is_fixed(finance):
    db.session.add(Currency(code="USD", enabled=True))
    db.session.commit()
    response = finance.submit("/currencies/rate", {"currency": "USD", "rate": "2"}, form_page="/currencies")
    assert response.status_code == 422  # not even offered in the form
    response = finance.submit("/currencies/USD/disable", {}, form_page="/currencies")
    assert response.status_code == 422
    assert "The platform currency cannot be turned off." in response.get_data(as_text=True)
    assert db.session.get(Currency, "USD").enabled is True


def test_support_can_read_but_not_change_rates(client_for):
    user = make_user("support@example.com", platform_role=PlatformRole.SUPPORT)
    client = client_for("admin.localhost")
    sign_in(client, user.email)
    page = client.get("/currencies")
    assert page.status_code == 200
    assert "Set a new rate" not in page.get_data(as_text=True)
    token = client.csrf("/account")
    assert client.post("/currencies/add", data={"code": "EUR", "csrf_token": token}).status_code == 403
    assert db.session.get(Currency, "EUR") is None


def test_conversion_uses_the_latest_rates_through_the_platform_currency(app):
    for code in ("JPY", "KWD", "USD"):
        db.session.add(Currency(code=code, enabled=True))
    db.session.flush()
    rates.set_rate("JPY", "150", actor_id=None)
    rates.set_rate("KWD", "0.3", actor_id=None)
    db.session.commit()
    assert rates.convert(Money(1000, "USD"), "JPY") == Money(1500, "JPY")
    assert rates.convert(Money(1500, "JPY"), "KWD") == Money(3000, "KWD")  # 10 USD = 3.000 KWD
    assert rates.convert(Money(1, "JPY"), "KWD") == Money(2, "KWD")  # 0.002 KWD, half-up
    rates.set_rate("JPY", "100", actor_id=None)
    db.session.commit()
    assert rates.convert(Money(1000, "USD"), "JPY") == Money(1000, "JPY")
    with pytest.raises(rates.RateError):
        rates.convert(Money(100, "USD"), "GBP")
