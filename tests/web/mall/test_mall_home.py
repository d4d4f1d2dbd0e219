"""The mall home lists every open store, with links to their storefronts built
from configuration, and nothing of stores that are not serving."""

from datetime import timedelta

from app.core.time import utcnow
from app.extensions import db
from app.tenancy.models import StoreStatus
from tests.factories import make_store


def test_lists_open_stores_with_storefront_links(client_for, app):
    make_store("acme", name="Acme Outfitters", country="US")
    make_store("sakura", name="Sakura Living", country="JP", currency="JPY")
    make_store("hidden", name="Hidden Setup", status=StoreStatus.SETUP)
    make_store("gone", name="Gone Suspended", status=StoreStatus.SUSPENDED)
    expired = make_store("old", name="Old Expired")
    expired.expires_at = utcnow() - timedelta(days=1)
    db.session.commit()
    app.config["PUBLIC_PORT"] = 8000
    try:
        body = client_for("localhost").get("/fr/", headers={"Host": "localhost", "X-Forwarded-Host": "evil.example"})
        text = body.get_data(as_text=True)
    finally:
        app.config["PUBLIC_PORT"] = None
    assert body.status_code == 200
    assert 'href="http://acme.localhost:8000/fr/"' in text
    assert 'href="http://sakura.localhost:8000/fr/"' in text
    assert text.index("Sakura Living") < text.index("Acme Outfitters")  # newest first
    for absent in ("Hidden Setup", "Gone Suspended", "Old Expired", "evil.example"):
        assert absent not in text


def test_empty_mall_says_so(client_for):
    assert "No stores are open yet." in client_for("localhost").get("/en/").get_data(as_text=True)
