"""Every surface in a phone-sized Chromium: the mall, a storefront (English
and Arabic), the merchant console and the platform admin.

Every page visited is checked for horizontal overflow at 390 px; the main
pages are also checked with axe-core and screenshotted to build/screenshots/.
"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD, check_no_overflow, screenshot, settle, visit

# -- the shopper surfaces -------------------------------------------------------


def test_mall_home_and_language_switcher(page, live_server):
    visit(page, live_server.url("localhost", "/en/"), shot="mall-home", axe=True)
    expect(page.locator("h1")).to_have_text("Shop the world, in your language")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    switcher = page.locator("header details.lang-switcher")
    switcher.locator("summary").click()
    expect(switcher).to_have_attribute("open", "")
    japanese = switcher.locator('a[hreflang="ja"]')
    expect(japanese).to_be_visible()
    expect(japanese).to_have_text("日本語")
    check_no_overflow(page)  # the open list stays inside the screen

    japanese.click()
    page.wait_for_url(re.compile(r"/ja/$"))
    assert page.url == live_server.url("localhost", "/ja/")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    settle(page, shot="mall-home-ja")


def test_mall_wrong_password_shows_the_error(page, live_server):
    url = live_server.url("localhost", "/en/account/sign-in")
    visit(page, url)
    form = page.locator("#sign-in-form")
    form.locator('[name="email"]').fill("shopper@example.com")
    form.locator('[name="password"]').fill("not-the-password")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.get_by_role("button", name="Sign in").click()
    assert posted.value.status == 422
    assert posted.value.request.headers.get("hx-request") == "true", "the sign-in form was not submitted by htmx"
    alert = page.locator("#sign-in-form [role=alert]")
    expect(alert).to_have_text("Email or password is incorrect.")
    assert page.url == url  # swapped in place, no navigation
    expect(page.locator("#sign-in-form")).to_have_count(1)  # outerHTML swap, not a nested form
    settle(page, shot="mall-sign-in-error", axe=True)


def test_storefront_sign_up_lands_on_the_account_page(page, live_server):
    visit(page, live_server.url("acme.localhost", "/en/"), shot="storefront-home", axe=True)
    expect(page.locator("h1")).to_have_text("Acme Outfitters")

    visit(page, live_server.url("acme.localhost", "/en/account/sign-up"), shot="sign-up", axe=True)
    name = "Nadia Tester"
    email = f"nadia.{uuid.uuid4().hex[:10]}@example.com"
    form = page.locator("#sign-up-form")
    form.get_by_label("Your name").fill(name)
    form.get_by_label("Email").fill(email)
    form.get_by_label("Password").fill("correct-horse-battery")
    with page.expect_request(lambda r: r.method == "POST") as posted:
        form.get_by_role("button", name="Create account").click()
    assert posted.value.headers.get("hx-request") == "true", "the sign-up form was not submitted by htmx"

    page.wait_for_url(live_server.url("acme.localhost", "/en/account/"))
    expect(page.locator("h1")).to_have_text(f"Hello, {name}")
    expect(page.locator("main")).to_contain_text(email)
    settle(page, shot="account", axe=True)

    # the confirmation email went out (file backend, sent inline)
    sent = [p for p in live_server.mail_dir.glob("*.eml") if email in p.read_text(errors="replace")]
    assert sent, f"no email to {email} in {live_server.mail_dir}"


def test_storefront_sign_up_works_without_javascript(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  java_script_enabled=False, locale="en-US")
    try:
        page = context.new_page()
        visit(page, live_server.url("acme.localhost", "/en/account/sign-up"))
        email = f"nojs.{uuid.uuid4().hex[:10]}@example.com"
        page.fill('#sign-up-form [name="name"]', "Plain Form")
        page.fill('#sign-up-form [name="email"]', email)
        page.fill('#sign-up-form [name="password"]', "correct-horse-battery")
        page.click('#sign-up-form button[type="submit"]')
        page.wait_for_url(live_server.url("acme.localhost", "/en/account/"))
        expect(page.locator("h1")).to_have_text("Hello, Plain Form")
        expect(page.locator("main")).to_contain_text(email)
    finally:
        context.close()


def test_arabic_storefront_is_right_to_left(page, live_server):
    visit(page, live_server.url("souq.localhost", "/ar/"), shot="storefront-ar", axe=True)
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")

    # the drop-downs open inside the screen in RTL too
    menu = page.locator("header details.nav-menu")
    menu.locator("summary").click()
    expect(menu.locator(".nav-drawer a").first).to_be_visible()
    check_no_overflow(page)
    menu.locator("summary").click()
    switcher = page.locator("header details.lang-switcher")
    switcher.locator("summary").click()
    expect(switcher.locator('a[hreflang="en"]')).to_be_visible()
    check_no_overflow(page)


# -- the staff surfaces ---------------------------------------------------------


def _staff_sign_in(page, live_server, host: str, email: str, *, shot: str):
    visit(page, live_server.url(host, "/sign-in"), shot=shot, axe=True)
    form = page.locator("#sign-in-form")
    form.get_by_label("Email").fill(email)
    form.get_by_label("Password").fill(DEMO_PASSWORD)
    form.get_by_role("button", name="Sign in").click()


def test_owner_signs_in_to_the_console(page, live_server):
    _staff_sign_in(page, live_server, "merchant.localhost", "owner.acme@example.com", shot="console-sign-in")
    page.wait_for_url(live_server.url("merchant.localhost", "/acme/"))
    expect(page.locator("main h1")).to_have_text("Acme Outfitters")
    settle(page, shot="console-home", axe=True)

    menu = page.locator("header details.nav-menu")
    summary = menu.locator("summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_accessible_name("Menu")
    summary.click()
    expect(menu).to_have_attribute("open", "")
    staff_link = menu.get_by_role("link", name="Staff")
    expect(staff_link).to_be_visible()
    check_no_overflow(page)
    screenshot(page, "console-menu-open")

    staff_link.click()
    page.wait_for_url(live_server.url("merchant.localhost", "/acme/staff"))
    settle(page, shot="console-staff", axe=True)

    visit(page, live_server.url("merchant.localhost", "/acme/categories"), shot="console-categories", axe=True)
    expect(page.locator("main h1")).to_have_text("Categories you sell in")
    visit(page, live_server.url("merchant.localhost", "/acme/products"), shot="console-products", axe=True)
    page.get_by_role("link", name="Linen Camp Shirt").click()
    expect(page.locator("main h1")).to_have_text("Linen Camp Shirt")
    settle(page, shot="console-product", axe=True)
    visit(page, live_server.url("merchant.localhost", "/acme/products/new"), axe=True)
    page.locator("#options").fill("Colour: Red, Blue\nSize: S, M, L")
    expect(page.locator("#variants-preview")).to_contain_text("6 variants will be created")
    page.evaluate("window.scrollTo(0, 0)")  # nothing under the sticky header when axe measures targets
    settle(page, shot="console-product-new", axe=True)


def test_admin_signs_in_and_browses(page, live_server):
    _staff_sign_in(page, live_server, "admin.localhost", "admin@example.com", shot="admin-sign-in")
    page.wait_for_url(live_server.url("admin.localhost", "/"))
    expect(page.locator("main h1")).to_have_text("Dashboard")
    settle(page, shot="admin-dashboard", axe=True)

    visit(page, live_server.url("admin.localhost", "/stores"), shot="admin-stores")
    expect(page.locator("main")).to_contain_text("Acme Outfitters")
    visit(page, live_server.url("admin.localhost", "/users"), shot="admin-users")
    expect(page.locator("main")).to_contain_text("admin@example.com")


ADMIN_PAGES = ["/stores", "/users", "/jobs", "/currencies", "/catalog/categories", "/catalog/categories/1", "/catalog/brands"]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_lists_are_accessible(page, live_server, path):
    _staff_sign_in(page, live_server, "admin.localhost", "admin@example.com", shot=None)
    page.wait_for_url(live_server.url("admin.localhost", "/"))
    visit(page, live_server.url("admin.localhost", path), axe=True)
