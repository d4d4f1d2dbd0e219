"""Operator-deployed template overrides in tenants/<slug>/templates/ win for
that store's storefront only, and never leak to another store."""

import pytest

from tests.factories import make_store


@pytest.fixture
def tenants(app, tmp_path):
    for slug in ("alpha", "bravo"):
        folder = tmp_path / slug / "templates" / "shop"
        folder.mkdir(parents=True)
        (folder / "storefront_home.html").write_text(
            '{% extends layout %}{% block content %}<p class="marker">' + slug.upper()
            + ' OVERRIDE for {{ store.name }}</p>{% endblock %}')
    previous = app.config["TENANTS_DIR"]
    app.config["TENANTS_DIR"] = str(tmp_path)
    yield tmp_path
    app.config["TENANTS_DIR"] = previous


def test_each_store_gets_its_own_override_and_never_the_other(tenants, client_for):
    make_store("alpha", name="Alpha Store")
    make_store("bravo", name="Bravo Store")
    make_store("plain", name="Plain Store")
    alpha, bravo, plain = (client_for(f"{s}.localhost") for s in ("alpha", "bravo", "plain"))
    for _ in range(5):  # alternate, so a shared template cache would show
        a = alpha.get("/en/").get_data(as_text=True)
        b = bravo.get("/en/").get_data(as_text=True)
        p = plain.get("/en/").get_data(as_text=True)
        assert "ALPHA OVERRIDE for Alpha Store" in a and "BRAVO" not in a
        assert "BRAVO OVERRIDE for Bravo Store" in b and "ALPHA" not in b
        assert "OVERRIDE" not in p and "Welcome to Plain Store" in p


def test_overrides_do_not_apply_to_the_mall_or_console(tenants, client_for):
    make_store("alpha", name="Alpha Store")
    assert "OVERRIDE" not in client_for("localhost").get("/en/").get_data(as_text=True)
