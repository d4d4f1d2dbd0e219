"""robots.txt and sitemap.xml per host, with language alternates built from
configuration (never from the Host header); staff hosts are never indexed."""

import xml.etree.ElementTree as ET

from tests.factories import make_store

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_storefront_sitemap_lists_every_language_with_alternates(client_for):
    make_store("acme")
    response = client_for("acme.localhost").get("/sitemap.xml", headers={"X-Forwarded-Host": "evil.example"})
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    root = ET.fromstring(response.data)
    locs = [u.find("s:loc", NS).text for u in root.findall("s:url", NS)]
    assert len(locs) == 17
    assert "http://acme.localhost/zh-hans/" in locs and "http://acme.localhost/ar/" in locs
    first = root.find("s:url", NS)
    alternates = {a.get("hreflang"): a.get("href") for a in first.findall("x:link", NS)}
    assert alternates["zh-Hans"] == "http://acme.localhost/zh-hans/"
    assert alternates["x-default"] == "http://acme.localhost/"
    assert b"evil.example" not in response.data


def test_mall_sitemap_and_robots(client_for):
    mall = client_for("localhost")
    robots = mall.get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: http://localhost/sitemap.xml" in robots
    assert "Disallow: /*/account/" in robots
    assert mall.get("/sitemap.xml").status_code == 200


def test_staff_hosts_are_not_indexed(client_for):
    for host in ("merchant.localhost", "admin.localhost"):
        response = client_for(host).get("/robots.txt")
        assert response.status_code == 200
        assert response.get_data(as_text=True) == "User-agent: *\nDisallow: /\n"


def test_unknown_store_has_no_sitemap(client_for):
    assert client_for("nobody.localhost").get("/sitemap.xml").status_code == 404


def test_pages_carry_absolute_hreflang_alternates(client_for):
    make_store("acme")
    body = client_for("acme.localhost").get("/fr/").get_data(as_text=True)
    assert '<link rel="alternate" hreflang="ja" href="http://acme.localhost/ja/">' in body
    assert '<link rel="alternate" hreflang="x-default" href="http://acme.localhost/">' in body
