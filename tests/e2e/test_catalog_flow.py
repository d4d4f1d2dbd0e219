"""The catalog end to end at 390 px: a third-party store's owner creates a
product with two options and a photo and publishes it; the platform admin
approves it; a shopper finds it on the storefront and on the mall, picks a
variant and sees the price change; the same page in Arabic is right-to-left
and in yen shows no decimals. Then the shopper-facing catalog pages are
checked with axe."""

from __future__ import annotations

import io
import re
import uuid

from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD, settle, visit


def _png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 800), (214, 170, 92))
    ImageDraw.Draw(image).ellipse((200, 150, 600, 650), fill=(120, 60, 30))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _sign_in(page, url: str, email: str) -> None:
    page.goto(url, wait_until="load")
    form = page.locator("#sign-in-form")
    form.locator("input[name=email]").fill(email)
    form.locator("input[name=password]").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert "/sign-in" not in page.url, page.url


def test_product_from_console_to_shopper(browser, live_server):
    slug = f"amber-oud-{uuid.uuid4().hex[:6]}"
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()

    # The owner of souq (third-party, AED, console in Arabic) creates the product.
    console = live_server.url("merchant.localhost")
    _sign_in(page, console + "/sign-in", "owner.souq@example.com")
    visit(page, console + "/souq/products/new", shot="catalog-new-product")
    page.fill("#name", "Amber Oud")
    page.fill("#slug", slug)
    beauty = page.locator("#category_id option", has_text=re.compile("الجمال|Beauty")).first.get_attribute("value")
    page.select_option("#category_id", beauty)
    page.select_option("#status", "active")
    page.check("#on_shelf")
    page.fill("#options", "Size: 50 ml, 100 ml\nColour: Gold, Rose")
    expect(page.locator("#variants-preview")).to_contain_text("100 ml")  # the HTMX preview of four variants
    page.fill("#price", "185")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/souq/products/\d+$"))
    edit_url = page.url

    # A photo, then a higher price for the last variant (100 ml / Rose).
    page.set_input_files("#images", files=[{"name": "oud.png", "mimeType": "image/png", "buffer": _png()}])
    page.locator("form[action$='/images'] button[type=submit]").click()
    expect(page.locator("#product-images img").first).to_be_visible()
    last_variant = page.locator("form[action*='/variants/']").filter(has=page.locator("input[name$='-price']")).last
    last_variant.evaluate("form => form.closest('details').open = true")
    last_variant.locator("input[name$='-price']").fill("250")
    last_variant.locator("button[type=submit]").click()
    page.wait_for_url(edit_url)
    settle(page, shot="catalog-product-edit", axe=True)

    # Not approved yet: shoppers cannot see it.
    shop = context.new_page()
    assert shop.goto(live_server.url("souq.localhost", f"/en/p/{slug}")).status == 404

    # The platform admin approves it from the moderation queue.
    admin = context.new_page()
    _sign_in(admin, live_server.url("admin.localhost", "/sign-in"), "admin@example.com")
    visit(admin, live_server.url("admin.localhost", "/catalog/moderation"), shot="catalog-moderation-queue", axe=True)
    with admin.expect_navigation():
        admin.get_by_role("link", name="Amber Oud").first.click()
    with admin.expect_navigation():
        admin.locator("form[action$='/approve'] button[type=submit]").click()

    # The shopper sees it on the storefront and picks a variant: the price follows.
    visit(shop, live_server.url("souq.localhost", f"/en/p/{slug}"), shot="catalog-storefront-product", axe=True)
    expect(shop.locator("main h1")).to_have_text("Amber Oud")
    expect(shop.locator("#buybox .price")).to_contain_text("185")
    expect(shop.locator(".main-image img")).to_be_visible()
    shop.locator("label.swatch", has_text="100 ml").click()
    # The buy box is replaced after each choice: wait for the new one (and the URL, so it can be shared).
    expect(shop).to_have_url(re.compile(r"o0=100"))
    expect(shop.locator("#buybox input[value='100 ml']")).to_be_checked()
    shop.locator("label.swatch", has_text="Rose").click()
    expect(shop).to_have_url(re.compile(r"o1=Rose"))
    expect(shop.locator("#buybox .price")).to_contain_text("250")
    settle(shop)

    # On the mall too, naming the storefront as the canonical page.
    visit(shop, live_server.url("localhost", f"/en/s/souq/p/{slug}"), shot="catalog-mall-product", axe=True)
    canonical = shop.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == live_server.url("souq.localhost", f"/en/p/{slug}")

    # In Arabic: right to left. In yen: no decimals.
    visit(shop, live_server.url("souq.localhost", f"/ar/p/{slug}"), shot="catalog-product-ar", axe=True)
    assert shop.locator("html").get_attribute("dir") == "rtl"
    shop.goto(live_server.url("souq.localhost", f"/ar/currency/JPY?next=/en/p/{slug}"), wait_until="load")
    price = shop.locator("#buybox .price").inner_text()
    assert "¥" in price or "JP¥" in price, price
    assert not re.search(r"\d[.,]\d{2}\b", price), price
    context.close()


def test_catalog_pages_are_accessible_on_a_phone(page, live_server):
    visit(page, live_server.url("localhost", "/en/"), shot="catalog-mall-home", axe=True)
    visit(page, live_server.url("localhost", "/en/c/fashion"), shot="catalog-category", axe=True)
    page.locator("#filters summary").click()
    page.locator("#filters input[name=stock]").check()
    expect(page).to_have_url(re.compile(r"stock=1"))  # HTMX pushed the filtered URL
    settle(page, axe=True)
    visit(page, live_server.url("localhost", "/ar/c/fashion"), shot="catalog-category-ar", axe=True)
    visit(page, live_server.url("localhost", "/en/s/sakura/"), shot="catalog-mall-store", axe=True)
    visit(page, live_server.url("sakura.localhost", "/ja/"), shot="catalog-storefront-home-ja", axe=True)
