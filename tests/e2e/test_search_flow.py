"""Product search in a phone-sized Chromium (390 px): the header's combobox
suggests products as the shopper types and is driven with the keyboard
(ArrowDown, Enter, Escape); the results page narrows with the HTMX filters
without reloading and pushes the filtered URL; the Arabic page is right to
left and fits the screen; a misspelt query falls back to the spelling the
index knows. The result pages are checked with axe-core.

The live server's demo data is indexed by the inline search jobs that
``load_demo`` triggers (JOBS_INLINE), so the queries below have real hits:
six "tee" products, four at Acme Outfitters and two at Souq Al Noor.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.e2e.conftest import check_no_overflow, settle, visit

COUNT = re.compile(r"^(\d+) products?$")


def _suggest(page, live_server, text: str):
    """Open the mall home and type ``text`` into the header search like a
    person would; returns (input, listbox) once the options are shown."""
    visit(page, live_server.url("localhost", "/en/"))
    box = page.locator("#site-q")
    listbox = page.locator("#site-q-options")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    box.click()
    with page.expect_response(lambda r: "/en/search/suggest" in r.url and r.status == 200):
        page.keyboard.type(text, delay=80)
    expect(listbox).to_be_visible()
    expect(listbox.locator("li[role=option]").first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    return box, listbox


def _result_count(page) -> int:
    text = page.locator("#results > p.small.muted").first.inner_text().strip()
    found = COUNT.match(text)
    assert found, f"no result count on {page.url}: {text!r}"
    return int(found.group(1))


def test_suggestions_by_keyboard_lead_to_the_product(page, live_server):
    box, listbox = _suggest(page, live_server, "tee")
    options = listbox.locator("li[role=option]")
    assert options.count() >= 2, "expected product suggestions plus 'Search for'"
    first = options.first
    expect(first).to_have_attribute("aria-selected", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))

    page.keyboard.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    first_id = first.get_attribute("id")
    assert first_id, "the option has no id for aria-activedescendant"
    expect(box).to_have_attribute("aria-activedescendant", first_id)
    # Only one option is selected at a time.
    expect(listbox.locator("li[role=option][aria-selected=true]")).to_have_count(1)
    expect(box).to_be_focused()  # focus stays in the input (aria-activedescendant pattern)

    href = first.get_attribute("data-href")  # where the option leads
    name = first.inner_text().strip()  # the label with the typed part marked, as plain text
    assert href and "/p/" in href, href
    assert "tee" in name.lower(), name

    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == urlsplit(href).path, (page.url, href)
    expect(page.locator("main h1")).to_have_text(name)
    settle(page)
    assert not page.console_errors, page.console_errors


def test_escape_closes_the_suggestions(page, live_server):
    box, listbox = _suggest(page, live_server, "tee")
    options = listbox.locator("li[role=option]")
    last = options.last
    expect(last).to_have_attribute("id", "suggestion-all")  # "Search for “tee”" closes the list
    # ArrowUp from nothing selected wraps to the last option, ArrowDown from the last back to the first.
    page.keyboard.press("ArrowUp")
    expect(last).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", "suggestion-all")
    page.keyboard.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(last).to_have_attribute("aria-selected", "false")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))
    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))
    expect(box).to_have_value("tee")  # Escape closes the list; the text stays
    expect(box).to_be_focused()
    assert urlsplit(page.url).path == "/en/", page.url
    assert not page.console_errors, page.console_errors


def test_open_suggestions_pass_axe(page, live_server):
    _suggest(page, live_server, "tee")
    page.keyboard.press("ArrowDown")
    settle(page, shot="search-suggestions", axe=True)


def test_store_filter_narrows_results_without_reloading(page, live_server):
    visit(page, live_server.url("localhost", "/en/search?q=tee"), shot="search-results", axe=True)
    expect(page.locator("main h1")).to_contain_text("tee")
    before = _result_count(page)
    assert before > 0
    cards = page.locator("#results li.product-card")
    expect(cards).to_have_count(before)  # one page of results here

    filters = page.locator("#search-filters details.disclosure")
    filters.locator("summary", has_text="Filters").click()
    expect(filters).to_have_attribute("open", "")
    store = page.locator("#search-filters input[type=checkbox][id^='store-']")
    assert store.count() >= 2, "the demo 'tee' results should come from more than one store"
    souq = page.locator("#store-souq")
    expect(souq).to_be_visible()
    store_name = souq.locator("xpath=ancestor::label[1]").inner_text()
    store_name = re.sub(r"\s*\(\d+\)\s*$", "", store_name).strip()
    assert store_name == "Souq Al Noor", store_name

    # A marker on window survives an HTMX swap but not a page load.
    page.evaluate("() => { window.__searchMarker = 'still-here'; }")
    with page.expect_response(lambda r: "/en/search?" in r.url and r.request.headers.get("hx-request") == "true"):
        souq.check()
    expect(page).to_have_url(re.compile(r"[?&]store=souq(&|$)"))
    expect(page.locator("#store-souq")).to_be_checked()
    assert page.evaluate("() => window.__searchMarker") == "still-here", "the filter reloaded the whole page"
    expect(page.locator("#results > p.small.muted").first).not_to_have_text(f"{before} products")
    after = _result_count(page)
    assert 0 < after < before, (before, after)
    expect(cards).to_have_count(after)
    stores = [t.strip() for t in cards.locator("p.small.muted").all_inner_texts()]
    assert stores == [store_name] * after, stores
    expect(page.locator("#search-filters details.disclosure")).to_have_attribute("open", "")  # still open
    settle(page, shot="search-results-filtered", axe=True)

    # Back goes to the unfiltered results (the pushed URL is real history).
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"store="))
    expect(page.locator("#results li.product-card")).to_have_count(before)
    assert not page.console_errors, page.console_errors


def test_arabic_search_is_right_to_left_and_fits(page, live_server):
    visit(page, live_server.url("localhost", "/ar/search?q=tee"), shot="search-results-ar", axe=True)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("#results li.product-card").first).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.locator("#search-filters details.disclosure > summary").click()
    check_no_overflow(page)  # the open filter panel fits too
    assert not page.console_errors, page.console_errors


def test_misspelt_query_shows_corrected_results(page, live_server):
    visit(page, live_server.url("localhost", "/en/search?q=shrit"), shot="search-corrected", axe=True)
    notice = page.locator("#results p.notice")
    expect(notice).to_contain_text("Showing results for")
    expect(notice.locator("a strong")).to_have_text("shirt")
    expect(notice).to_contain_text("Search instead for")
    assert _result_count(page) > 0
    expect(page.locator("#results li.product-card").first).to_be_visible()

    visit(page, live_server.url("localhost", "/ar/search?q=shrit"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("#results p.notice")).to_be_visible()
    expect(page.locator("#results li.product-card").first).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert not page.console_errors, page.console_errors
