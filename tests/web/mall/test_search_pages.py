"""Product search on the mall and storefronts: relevance per language, scope,
the index following console and admin changes, facets, sorts, suggestions,
"did you mean", bad input, the admin's rebuild and ``flask search reindex``.

Jobs run inline here (TestConfig), so a commit updates the index before the
request that made it returns; tests/jobs/test_search_worker.py does the same
through Redis and a real worker process."""

import re

import pytest
from sqlalchemy import func, select

from app import search
from app.accounts.models import PlatformRole
from app.catalog import extras
from app.catalog import services as catalog
from app.catalog.models import Product, Variant
from app.extensions import db
from app.search.models import ReindexRun, ReindexState
from app.tenancy import services as stores
from app.tenancy.models import Role, Store, StoreType
from app.tenancy.scope import store_scope
from tests.conftest import sign_in
from tests.factories import add_member, approve_category, enable_currency, make_product, make_store, make_user


@pytest.fixture
def world():
    from app.i18n.models import Currency

    db.session.add(Currency(code="USD", enabled=True))
    enable_currency("JPY", "150")
    enable_currency("AED", "3.6725")
    home = catalog.save_category(None, name="Home", slug="home", parent_id=None, commission_self=None,
                                 commission_third=None)
    clothing = catalog.save_category(None, name="Clothing", slug="clothing", parent_id=None, commission_self=None,
                                     commission_third=None)
    db.session.flush()
    teaware = catalog.save_category(None, name="Teaware", slug="teaware", parent_id=home.id, commission_self=None,
                                    commission_third=None)
    shirts = catalog.save_category(None, name="Shirts", slug="shirts", parent_id=clothing.id, commission_self=None,
                                   commission_third=None)
    catalog.save_translation(shirts, "zh-hans", name="衬衫", seo_title=None, seo_description=None)
    brand = catalog.save_brand(None, name="Northwind", slug="northwind")
    db.session.commit()
    acme = make_store("acme", currency="USD", type=StoreType.SELF_OPERATED)
    sakura = make_store("sakura", currency="JPY", country="JP", locale="ja")
    souq = make_store("souq", currency="AED", country="AE", locale="ar")
    for store in (acme, sakura, souq):
        approve_category(store, shirts.id)
        approve_category(store, teaware.id)
    ids = {
        "linen": make_product(acme, shirts.id, "Linen Shirts", price="20.00", brand_id=brand.id,
                              options="Colour: Red, Blue"),
        "tee": make_product(acme, shirts.id, "Cotton Tee", price="8.00"),
        "teapot": make_product(sakura, teaware.id, "急須 Tokoname Teapot", price="4500", slug="kyusu"),
        "cup": make_product(sakura, teaware.id, "湯呑 Tea Cup", price="1200", slug="yunomi", stock=0),
        "kaftan": make_product(souq, shirts.id, "قَمِيص كتان", price="110.00", slug="qamis"),
    }
    with store_scope(acme.id):
        linen = db.session.get(Product, ids["linen"])
        extras.save_translation(linen, "zh-hans", name="亚麻衬衫", description="<p>透气的亚麻衬衫</p>")
        extras.save_translation(linen, "de", name="Leinenhemden", description="<p>Aus reinem Leinen</p>")
        db.session.commit()
    owner = make_user("owner@example.com")
    add_member(acme, owner, Role.OWNER)
    return {"acme": acme, "sakura": sakura, "souq": souq, "shirts": shirts, "teaware": teaware, "home": home,
            "clothing": clothing, "brand": brand, "ids": ids, "owner": owner}


def found(text, scope=None, locale="en", **kwargs):
    return search.search(text, scope, locale=locale, **kwargs).ids


# --- relevance per language ----------------------------------------------------------------------

def test_an_english_plural_and_singular_find_the_same_product(world):
    assert world["ids"]["linen"] in found("linen shirt")
    assert world["ids"]["linen"] in found("shirts")
    assert found("Linen SHIRTS")[0] == world["ids"]["linen"]


def test_a_one_letter_typo_still_finds_the_product_and_says_so(world):
    page = search.search("linnen", None, locale="en")
    assert page.ids == [world["ids"]["linen"]]
    assert page.fuzzy and page.corrected == "linen"
    exact = search.search("linnen", None, locale="en", correct=False)
    assert exact.ids == [] and exact.corrected == "linen"  # offered, not applied


def test_a_japanese_query_finds_the_japanese_product(world):
    assert found("急須", locale="ja") == [world["ids"]["teapot"]]
    assert found("湯呑", locale="ja") == [world["ids"]["cup"]]


def test_a_chinese_two_character_query_finds_the_translation(world):
    # The zh-hans name ranks first; the other shirts match the category's zh-hans name.
    assert found("衬衫", locale="zh-hans")[0] == world["ids"]["linen"]
    assert set(found("衬衫", locale="zh-hans")) == {world["ids"]["linen"], world["ids"]["tee"], world["ids"]["kaftan"]}
    assert found("亚麻", locale="zh-hans") == [world["ids"]["linen"]]
    assert found("透气", locale="en") == [world["ids"]["linen"]]  # description, from any page language


def test_arabic_with_and_without_diacritics(world):
    assert found("قميص", locale="ar") == [world["ids"]["kaftan"]]
    assert found("قَمِيص", locale="ar") == [world["ids"]["kaftan"]]
    assert found("القميص", locale="ar") == [world["ids"]["kaftan"]]  # with the definite article


def test_german_translation_is_stemmed(world):
    assert world["ids"]["linen"] in found("Leinenhemd", locale="de")


def test_found_by_brand_category_and_sku_code(world):
    assert found("northwind") == [world["ids"]["linen"]]
    assert set(found("teaware")) == {world["ids"]["teapot"], world["ids"]["cup"]}
    with store_scope(world["acme"].id):
        code = db.session.scalars(select(Variant.code).where(Variant.product_id == world["ids"]["linen"])).first()
    assert found(code) == [world["ids"]["linen"]]


def test_operators_phrases_and_prefixes(world):
    ids = world["ids"]
    assert set(found("linen OR cotton")) == {ids["linen"], ids["tee"]}
    assert found('"linen shirts"') == [ids["linen"]]
    assert found('"linen cotton"') == []  # both words are known, never together
    assert ids["linen"] not in found("shirt -linen")
    assert found("cott*") == [ids["tee"]]


# --- scope and visibility ----------------------------------------------------------------------------

def test_a_storefront_search_never_returns_another_stores_product(world, client_for):
    assert set(found("teaware")) == {world["ids"]["teapot"], world["ids"]["cup"]}
    assert found("teaware", scope=world["acme"].id) == []
    page = client_for("acme.localhost").get("/en/search?q=teaware").get_data(as_text=True)
    assert "Teapot" not in page and "No products match" in page
    page = client_for("sakura.localhost").get("/en/search?q=teaware").get_data(as_text=True)
    assert "Tokoname" in page and "2 products" in page


def test_a_suspended_store_disappears_from_the_mall_after_its_job(world, mall):
    assert "Tokoname" in mall.get("/en/search?q=teapot").get_data(as_text=True)
    stores.change_store_status(world["sakura"], action="suspend", reason="Unpaid fees", actor=None)
    db.session.commit()
    assert found("teapot") == []
    assert "Tokoname" not in mall.get("/en/search?q=teapot").get_data(as_text=True)
    stores.change_store_status(world["sakura"], action="reopen", reason=None, actor=None)
    db.session.commit()
    assert found("teapot") == [world["ids"]["teapot"]]


def test_off_shelf_taken_down_and_deleted_products_leave_the_index(world):
    from app.catalog import moderation

    ids = world["ids"]
    with store_scope(world["acme"].id):
        db.session.get(Product, ids["tee"]).on_shelf = False
        db.session.commit()
    assert found("cotton") == []
    with store_scope(world["acme"].id):
        db.session.get(Product, ids["tee"]).on_shelf = True
        db.session.commit()
    assert found("cotton") == [ids["tee"]]
    admin = make_user("mod@platform.example.com", platform_role=PlatformRole.ADMIN)
    moderation.take_down(db.session.get(Product, ids["tee"], execution_options={"all_stores": True}), admin, "Fake")
    db.session.commit()
    assert found("cotton") == []
    with store_scope(world["sakura"].id):
        db.session.delete(db.session.get(Product, ids["cup"]))
        db.session.commit()
    assert found("yunomi OR 湯呑") == []
    assert search.engine().document_count() == 3


def test_the_index_follows_edits_made_in_the_console(world, client_for):
    console = client_for("merchant.localhost")
    sign_in(console, "owner@example.com")
    product_id = world["ids"]["tee"]
    data = {"name": "Bamboo Tee", "slug": "cotton-tee", "category_id": str(world["shirts"].id), "brand_id": "",
            "status": "active", "on_shelf": "y", "description": "<p>Made of bamboo fibre</p>", "weight_grams": "200",
            "hs_code": "", "origin_country": "", "gtin": ""}
    response = console.submit(f"/acme/products/{product_id}", data)
    assert response.status_code == 303, response.get_data(as_text=True)[-2000:]
    assert found("bamboo") == [product_id]
    assert found("fibre") == [product_id]
    assert found("cotton") == []
    # Stock: sold out shows in the in-stock facet count.
    with store_scope(world["acme"].id):
        variant = db.session.scalar(select(Variant).where(Variant.product_id == product_id))
    console.submit(f"/acme/products/{product_id}/variants/{variant.id}/stock",
                   {f"s{variant.id}-delta": "-10", f"s{variant.id}-reason": "damaged"},
                   form_page=f"/acme/products/{product_id}")
    page = search.search("bamboo", None, locale="en")
    assert page.facets["stock"] == {"0": 1}


def test_a_translation_added_in_the_console_is_findable(world, client_for):
    with store_scope(world["acme"].id):
        tee = db.session.get(Product, world["ids"]["tee"])
        extras.save_translation(tee, "ja", name="コットンTシャツ", description="")
        db.session.commit()
    assert found("コットン", locale="ja") == [world["ids"]["tee"]]


# --- facets and sorting ---------------------------------------------------------------------------

def test_facets_count_and_narrow(world):
    page = search.search("shirts OR tee OR 衬衫", None, locale="en")
    ids = world["ids"]
    assert set(page.ids) >= {ids["linen"], ids["tee"], ids["kaftan"]}
    assert page.facets["category"] == {str(world["clothing"].id): 3}
    assert page.facets["store"] == {str(world["acme"].id): 2, str(world["souq"].id): 1}
    assert page.facets["brand"] == {str(world["brand"].id): 1}
    narrowed = search.search("shirts OR tee", None, search.SearchFilters(store_ids=[world["souq"].id]), locale="en")
    assert narrowed.ids == [ids["kaftan"]]
    # The chosen store keeps its siblings' counts so the shopper can widen the choice.
    assert narrowed.facets["store"] == {str(world["acme"].id): 2, str(world["souq"].id): 1}
    by_category = search.search("teaware", None, search.SearchFilters(category_id=world["home"].id), locale="en")
    assert by_category.facets["category"] == {str(world["teaware"].id): 2}
    in_stock = search.search("teaware", None, search.SearchFilters(in_stock=True), locale="en")
    assert in_stock.ids == [ids["teapot"]]


def test_prices_are_compared_in_the_platform_currency(world):
    ids = world["ids"]
    text = "shirts OR tee OR teaware"
    # 8 USD, 20 USD, 110 AED = 29.95 USD, 1200 JPY = 8 USD, 4500 JPY = 30 USD
    ascending = found(text, sort="price_asc")
    assert ascending.index(ids["tee"]) < ascending.index(ids["linen"]) < ascending.index(ids["kaftan"]) \
        < ascending.index(ids["teapot"])
    assert found(text, sort="price_desc")[0] == ids["teapot"]
    under_25 = search.search(text, None, search.SearchFilters(price=search.PriceRange.parse("1000-2500")),
                             locale="en")
    assert under_25.ids == [ids["linen"]]
    page = search.search(text, None, locale="en")
    assert page.facets["price"] == {"-1000": 2, "1000-2500": 1, "2500-5000": 2}


def test_newest_sort_puts_the_latest_first(world):
    latest = make_product(world["acme"], world["shirts"].id, "Oxford Shirts", price="30.00")
    assert found("shirts", sort="newest")[0] == latest


# --- pages ------------------------------------------------------------------------------------------

def test_results_page_highlights_and_links_to_the_mall_product(world, mall):
    response = mall.get("/en/search?q=linen")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<mark>Linen</mark> Shirts' in page
    assert 'href="/en/s/acme/p/linen-shirts"' in page  # the mall's own product page, not another host
    assert '<meta name="robots" content="noindex, follow">' in page


def test_storefront_results_link_to_the_storefront_product(world, client_for):
    page = client_for("acme.localhost").get("/en/search?q=linen").get_data(as_text=True)
    assert 'href="/en/p/linen-shirts"' in page


def test_facet_choice_renders_only_the_body_for_htmx(world, mall):
    response = mall.get("/en/search?q=shirts+OR+tee&store=souq", headers={"HX-Request": "true"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert page.lstrip().startswith('<div id="search-body"')
    assert "قَمِيص كتان" in page and "Cotton Tee" not in page
    assert 'id="store-souq" name="store" value="souq" checked' in page


def test_did_you_mean_and_the_empty_state(world, mall):
    page = mall.get("/en/search?q=linnen").get_data(as_text=True)
    assert "Showing results for" in page and "<mark>Linen</mark> Shirts" in page
    assert 'href="/en/search?q=linnen&amp;exact=1"' in page
    exact = mall.get("/en/search?q=linnen&exact=1").get_data(as_text=True)
    assert "Did you mean" in exact and 'No products match “linnen”' in exact
    nothing = mall.get("/en/search?q=zzqqxx").get_data(as_text=True)
    assert "No products match" in nothing and 'href="/en/c/clothing"' in nothing  # suggestions to browse


def test_results_page_in_arabic_is_right_to_left(world, mall):
    response = mall.get("/ar/search?q=%D9%82%D9%85%D9%8A%D8%B5")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'dir="rtl"' in page and "<mark>" in page


@pytest.mark.parametrize("query", ["", "x" * 10000, "AND (", "*", '"unbalanced', "\x00\x07\x1b[31m", "NOT", "OR",
                                   "((()))", "?", "-", "名*", "🙂", "%", "a" * 300 + " OR " * 50])
def test_bad_queries_never_fail(world, mall, query):
    response = mall.get("/en/search", query_string={"q": query})
    assert response.status_code == 200
    suggest = mall.get("/en/search/suggest", query_string={"q": query}, headers={"HX-Request": "true"})
    assert suggest.status_code == 200


@pytest.mark.parametrize("args", [{"price": "abc"}, {"price": "50-10"}, {"price": "-"}, {"price": "1e9-"}])
def test_a_malformed_price_range_is_a_422_with_a_message(world, mall, args):
    before = db.session.scalar(select(func.count()).select_from(ReindexRun))
    response = mall.get("/en/search", query_string={"q": "shirts", **args})
    assert response.status_code == 422
    assert "Choose one of the price ranges." in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(ReindexRun)) == before


def test_message_is_translated(world, mall):
    response = mall.get("/zh-hans/search", query_string={"q": "shirts", "price": "x"})
    assert response.status_code == 422
    assert "Choose one of the price ranges." not in response.get_data(as_text=True)


def test_unknown_filters_are_ignored(world, mall):
    response = mall.get("/en/search?q=linen&c=nope&brand=999&brand=x&store=nope&sort=evil&page=-3")
    assert response.status_code == 200 and "linen-shirts" in response.get_data(as_text=True)


def test_suggestions_are_an_accessible_listbox(world, mall, client_for):
    response = mall.get("/en/search/suggest?q=lin", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    options = re.findall(r'<li role="option" id="([^"]+)" aria-selected="false"', html)
    assert options == ["suggestion-1", "suggestion-all"]
    assert '<mark>Lin</mark>en Shirts' in html and 'data-href="/en/s/acme/p/linen-shirts"' in html
    assert 'data-href="/en/search?q=lin"' in html and "<a " not in html  # no control inside an option
    # On a storefront, only that store's products.
    other = client_for("sakura.localhost").get("/en/search/suggest?q=lin", headers={"HX-Request": "true"})
    assert "Linen" not in other.get_data(as_text=True)
    # Without HTMX the address leads to the results page.
    plain = mall.get("/en/search/suggest?q=lin")
    assert plain.status_code == 303 and plain.headers["Location"].endswith("/en/search?q=lin")


def test_header_has_the_search_combobox(world, mall):
    page = mall.get("/en/").get_data(as_text=True)
    assert 'role="combobox"' in page and 'aria-controls="site-q-options"' in page
    assert 'hx-get="/en/search/suggest"' in page and 'role="listbox"' in page
    assert 'src="/static/js/search.js' in page or "js/search" in page


# --- admin and command line ---------------------------------------------------------------------------

def test_admin_rebuilds_the_index_and_sees_the_progress(world, client_for):
    make_user("ops@platform.example.com", platform_role=PlatformRole.OPERATIONS)
    admin = client_for("admin.localhost")
    sign_in(admin, "ops@platform.example.com")
    search.engine().clear()
    assert found("linen") == []
    page = admin.get("/search").get_data(as_text=True)
    assert "Products in the index" in page and "Rebuild the search index" in page
    response = admin.submit("/search/reindex", {"store": ""}, form_page="/search")
    assert response.status_code == 303
    run = db.session.scalar(select(ReindexRun))
    assert (run.state, run.total, run.done, run.source) == (ReindexState.DONE, 5, 5, "admin")
    assert found("linen") == [world["ids"]["linen"]]
    partial = admin.get(f"/search/runs/{run.id}", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "5 of 5 products (100%)" in partial and "hx-trigger" not in partial
    one = admin.submit("/search/reindex", {"store": "sakura"}, form_page="/search")
    assert one.status_code == 303
    assert db.session.scalar(select(ReindexRun).order_by(ReindexRun.id.desc())).total == 2


def test_a_running_rebuild_polls_and_blocks_another(world, client_for):
    make_user("ops@platform.example.com", platform_role=PlatformRole.OPERATIONS)
    admin = client_for("admin.localhost")
    sign_in(admin, "ops@platform.example.com")
    db.session.add(ReindexRun(state=ReindexState.RUNNING, total=10, done=4))
    db.session.commit()
    run_id = db.session.scalar(select(ReindexRun.id))
    partial = admin.get(f"/search/runs/{run_id}", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'hx-trigger="every 1s"' in partial and 'value="40"' in partial
    response = admin.submit("/search/reindex", {"store": ""}, form_page="/search")
    assert response.status_code == 409
    assert "A rebuild is already running" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(ReindexRun)) == 1


@pytest.mark.parametrize("store,message", [("nope", "No store has that address name."),
                                           ("x" * 41, "Use at most 40 characters.")])
def test_admin_rebuild_bad_input(world, client_for, store, message):
    make_user("ops@platform.example.com", platform_role=PlatformRole.OPERATIONS)
    admin = client_for("admin.localhost")
    sign_in(admin, "ops@platform.example.com")
    response = admin.submit("/search/reindex", {"store": store}, form_page="/search")
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(ReindexRun)) == 0


def test_support_staff_may_look_but_not_rebuild(world, client_for):
    make_user("help@platform.example.com", platform_role=PlatformRole.SUPPORT)
    admin = client_for("admin.localhost")
    sign_in(admin, "help@platform.example.com")
    page = admin.get("/search")
    assert page.status_code == 200 and "Rebuild the search index" not in page.get_data(as_text=True)
    assert admin.submit("/search/reindex", {"store": ""}, form_page="/search").status_code == 403
    assert db.session.scalar(select(func.count()).select_from(ReindexRun)) == 0


def test_flask_search_reindex_command(world, app):
    search.engine().clear()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "Indexed 5 products" in result.output
    assert found("linen") == [world["ids"]["linen"]]
    result = runner.invoke(args=["search", "reindex", "--store", "souq"])
    assert result.exit_code == 0 and "Indexed 1 products" in result.output
    bad = runner.invoke(args=["search", "reindex", "--store", "nope"])
    assert bad.exit_code != 0 and "no store" in bad.output
    assert db.session.scalar(select(func.count()).select_from(ReindexRun)) == 2
    assert db.session.scalar(select(func.count()).select_from(Store)) == 3


def test_a_store_whose_plan_ran_out_since_indexing_is_not_found(world, client_for):
    from datetime import timedelta

    from sqlalchemy import update

    from app.core.cache import forget
    from app.core.time import utcnow

    assert found("tokoname") == [world["ids"]["teapot"]]
    # Time passes: nothing is written when the plan runs out (a Core update, so no job either).
    db.session.execute(update(Store).where(Store.id == world["sakura"].id).values(expires_at=utcnow() - timedelta(days=1)))
    db.session.commit()
    forget()
    assert found("tokoname") == [] and found("tokoname", scope=world["sakura"].id) == []
    assert search.suggest("tokon", None, "en") == []
    assert found("linen") == [world["ids"]["linen"]]  # other stores are not affected


def test_the_small_segments_updates_leave_are_merged(world):
    from app.search.whoosh_engine import MERGE_AT_SEGMENTS

    with store_scope(world["acme"].id):
        tee = db.session.get(Product, world["ids"]["tee"])
        for i in range(MERGE_AT_SEGMENTS + 4):
            tee.name = f"Cotton Tee {i}"
            db.session.commit()
    assert len(search.engine()._index()._segments()) < MERGE_AT_SEGMENTS
    assert found("cotton") == [world["ids"]["tee"]]
    assert search.engine().document_count() == 5


@pytest.mark.parametrize("query", ["?q=shirts&price=1000-2500", "?q=shirts&sort=price_asc", "?q=shirts&sort=newest",
                                   "?q=shirts&brand=1&store=acme&stock=1", "?q=shir*"])
def test_an_empty_index_answers_every_search(world, mall, query):
    """A fresh install, or a schema change before the first rebuild: nothing is found, nothing fails."""
    search.engine().clear()
    assert search.engine().document_count() == 0  # opens (creates) the empty index
    response = mall.get(f"/en/search{query}")
    assert response.status_code == 200
    assert "No products match" in response.get_data(as_text=True)
