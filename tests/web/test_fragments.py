"""The fragment cache never serves one store's, language's, page's or
visitor's header to another."""

import pytest

from app.web.fragments import clear_fragments
from tests.conftest import sign_in
from tests.factories import make_store, make_user


@pytest.fixture
def fragments_on(app):
    previous = app.config["FRAGMENT_CACHE_TTL"]
    app.config["FRAGMENT_CACHE_TTL"] = 60
    clear_fragments()
    yield
    app.config["FRAGMENT_CACHE_TTL"] = previous
    clear_fragments()


def test_cached_headers_stay_with_their_store_locale_and_page(fragments_on, client_for):
    make_store("alpha", name="Alpha Goods")
    make_store("bravo", name="Bravo Wares")
    alpha, bravo = client_for("alpha.localhost"), client_for("bravo.localhost")
    for _ in range(3):
        a = alpha.get("/en/").get_data(as_text=True)
        b = bravo.get("/en/").get_data(as_text=True)
        assert 'class="brand" href="/en/">Alpha Goods' in a and "Bravo" not in a
        assert 'class="brand" href="/en/">Bravo Wares' in b and "Alpha" not in b
    fr = alpha.get("/fr/").get_data(as_text=True)
    assert 'href="/fr/">Alpha Goods' in fr and '<html lang="fr"' in fr
    sign_in_page = alpha.get("/en/account/sign-in").get_data(as_text=True)
    assert 'href="/ja/account/sign-in"' in sign_in_page  # the switcher points at this page, not the home page


def test_signed_in_visitors_never_get_the_anonymous_header(fragments_on, client_for):
    make_store("alpha", name="Alpha Goods")
    make_user("sam@example.com")
    anonymous, member = client_for("alpha.localhost"), client_for("alpha.localhost")
    assert "Create account" in anonymous.get("/en/").get_data(as_text=True)  # fills the cache
    sign_in(member, "sam@example.com")
    page = member.get("/en/").get_data(as_text=True)
    assert "Sign out" in page and "Create account" not in page
    assert "Create account" in anonymous.get("/en/").get_data(as_text=True)
    assert "Sign out" not in anonymous.get("/en/").get_data(as_text=True)
