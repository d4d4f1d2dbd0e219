"""Demo data: platform staff, three open stores with owners and staff, a
shopper. Idempotent: running it again fixes up what is missing and resets the
demo passwords. Later features extend ``load_demo``."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from app.accounts import services as accounts
from app.accounts.models import PlatformRole, User
from app.core.time import utcnow
from app.extensions import db
from app.tenancy.hosts import external_url
from app.tenancy.models import Membership, Role, Store, StoreEvent, StoreStatus, StoreType
from app.tenancy.resolver import clear_tenant_cache
from app.tenancy.scope import all_stores, store_scope


@dataclass(frozen=True)
class DemoStore:
    slug: str
    name: str
    type: StoreType
    country: str
    time_zone: str
    locale: str
    currency: str


DEMO_STORES = (
    DemoStore("acme", "Acme Outfitters", StoreType.SELF_OPERATED, "US", "America/New_York", "en", "USD"),
    DemoStore("sakura", "Sakura Living", StoreType.THIRD_PARTY, "JP", "Asia/Tokyo", "ja", "JPY"),
    DemoStore("souq", "Souq Al Noor", StoreType.THIRD_PARTY, "AE", "Asia/Dubai", "ar", "AED"),
)

PLATFORM_STAFF = (
    ("admin@example.com", "Platform Admin", PlatformRole.ADMIN),
    ("finance@example.com", "Finance Team", PlatformRole.FINANCE),
    ("ops@example.com", "Operations Team", PlatformRole.OPERATIONS),
    ("support@example.com", "Support Team", PlatformRole.SUPPORT),
)


def _user(email: str, name: str, password: str, *, locale: str | None = None) -> User:
    user = accounts.get_user_by_email(email)
    if user is None:
        user = User(email=email, name=name, preferred_locale=locale)
        db.session.add(user)
    user.set_password(password)
    user.is_active = True
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    db.session.flush()
    return user


DEMO_RATES = {  # units per 1 USD, set once (later changes in the admin are kept)
    "EUR": "0.92", "GBP": "0.79", "JPY": "151.5", "AED": "3.6725", "KWD": "0.3075",
    "CNY": "7.24", "AUD": "1.52", "CAD": "1.37",
}


def _demo_currencies() -> None:
    from app.i18n import rates
    from app.i18n.models import Currency

    base = rates.platform_currency()
    for code in (base, *DEMO_RATES):
        if db.session.get(Currency, code) is None:
            db.session.add(Currency(code=code, enabled=True))
    db.session.flush()
    known = rates.current_rates()
    for code, rate in DEMO_RATES.items():
        if code != base and code not in known:
            rates.set_rate(code, rate, actor_id=None)


# slug: (parent slug, self %, third-party %, {locale: name})
DEMO_CATEGORIES = {
    "fashion": (None, "3", "8", {"en": "Fashion", "zh-hans": "服饰", "ar": "أزياء", "ja": "ファッション"}),
    "clothing": ("fashion", None, None, {"en": "Clothing", "zh-hans": "服装", "ar": "ملابس", "ja": "衣料品"}),
    "t-shirts": ("clothing", None, None, {"en": "T-shirts", "zh-hans": "T恤", "ar": "قمصان", "ja": "Tシャツ"}),
    "jackets": ("clothing", None, "10", {"en": "Jackets", "zh-hans": "夹克", "ar": "سترات", "ja": "ジャケット"}),
    "shoes": ("fashion", None, None, {"en": "Shoes", "zh-hans": "鞋靴", "ar": "أحذية", "ja": "靴"}),
    "home-living": (None, "3", "6", {"en": "Home & Living", "zh-hans": "家居生活", "ar": "المنزل والمعيشة",
                                     "ja": "ホーム&リビング"}),
    "kitchen": ("home-living", None, None, {"en": "Kitchen", "zh-hans": "厨房用品", "ar": "المطبخ", "ja": "キッチン"}),
    "decor": ("home-living", None, None, {"en": "Decor", "zh-hans": "家居装饰", "ar": "ديكور", "ja": "インテリア"}),
    "electronics": (None, "2", "5", {"en": "Electronics", "zh-hans": "数码电子", "ar": "إلكترونيات", "ja": "家電・デジタル"}),
    "phone-accessories": ("electronics", None, None, {"en": "Phone accessories", "zh-hans": "手机配件",
                                                      "ar": "إكسسوارات الهواتف", "ja": "スマホアクセサリー"}),
    "audio": ("electronics", None, None, {"en": "Audio", "zh-hans": "影音", "ar": "الصوتيات", "ja": "オーディオ"}),
    "beauty": (None, None, None, {"en": "Beauty", "zh-hans": "美妆", "ar": "الجمال", "ja": "ビューティー"}),
}
DEMO_BRANDS = {"acme-basics": "Acme Basics", "sakura-craft": "Sakura Craft", "noor": "Noor", "northwind": "Northwind"}


def _demo_catalog() -> None:
    from app.catalog import services as catalog
    from app.catalog.models import Brand, Category

    ids: dict[str, int] = {}
    for slug, (parent, self_rate, third_rate, names) in DEMO_CATEGORIES.items():
        category = db.session.scalar(select(Category).where(Category.slug == slug))
        if category is None:
            category = catalog.save_category(None, name=names["en"], slug=slug, parent_id=ids.get(parent),
                                             commission_self=self_rate, commission_third=third_rate)
            for locale, name in names.items():
                if locale != "en":
                    catalog.save_translation(category, locale, name=name, seo_title=None, seo_description=None)
        ids[slug] = category.id
    for slug, name in DEMO_BRANDS.items():
        if db.session.scalar(select(Brand).where(Brand.slug == slug)) is None:
            catalog.save_brand(None, name=name, slug=slug)


# store slug: (approved categories, pending categories)
DEMO_STORE_CATEGORIES = {
    "acme": (("fashion", "clothing", "t-shirts", "jackets", "shoes", "electronics", "phone-accessories", "audio"), ()),
    "sakura": (("home-living", "kitchen"), ("decor",)),
    "souq": (("beauty", "fashion", "clothing", "t-shirts", "shoes"), ("home-living",)),
}
STORE_LOCALES = {"acme": "en", "sakura": "ja", "souq": "ar"}


def _demo_store_categories() -> None:
    from app.catalog import services as catalog
    from app.catalog.models import ApplicationState, Category, StoreCategory

    for slug, (approved, pending) in DEMO_STORE_CATEGORIES.items():
        store = db.session.scalar(select(Store).where(Store.slug == slug))
        with store_scope(store.id):
            for category_slug in (*approved, *pending):
                category = db.session.scalar(select(Category).where(Category.slug == category_slug))
                existing = db.session.scalar(select(StoreCategory).where(StoreCategory.category_id == category.id))
                if existing is not None:
                    continue
                application = catalog.apply_for_category(store_id=store.id, category_id=category.id, note=None,
                                                          actor_id=None)
                if category_slug in approved:
                    application.state = ApplicationState.APPROVED
                    application.decided_at = utcnow()
            db.session.flush()


def _demo_products() -> None:
    """The demo catalogue (app/demo_catalogue.py): products with variants,
    stock, generated pictures, translations, collections and fixed prices.
    Products already there (by slug) are left as they are."""
    from app.catalog import extras, products
    from app.catalog.images import add_product_image
    from app.catalog.models import Brand, Category, Collection, ModerationState, Product
    from app.demo_catalogue import DEMO_CATALOGUE, DEMO_COLLECTIONS
    from app.media.demo import generated_image

    category_ids = dict(db.session.execute(select(Category.slug, Category.id)).all())
    brand_ids = dict(db.session.execute(select(Brand.slug, Brand.id)).all())
    for store_slug, items in DEMO_CATALOGUE.items():
        store = db.session.scalar(select(Store).where(Store.slug == store_slug))
        own = STORE_LOCALES[store_slug]
        with store_scope(store.id):
            for slug, name, description in DEMO_COLLECTIONS.get(store_slug, []):
                if db.session.scalar(select(Collection.id).where(Collection.slug == slug)) is None:
                    extras.save_collection(None, name=name, slug=slug, description=description)
            collections = dict(db.session.execute(select(Collection.slug, Collection.id)).all())
            for item in items:
                if db.session.scalar(select(Product.id).where(Product.slug == item["slug"])) is not None:
                    continue
                name, description = item["texts"][own]
                product = products.save_product(
                    None, currency=store.base_currency, name=name, slug=item["slug"],
                    category_id=category_ids[item["category"]], brand_id=brand_ids.get(item["brand"] or ""),
                    description=description, status="active", on_shelf=True, weight_grams=item["weight_grams"],
                    hs_code=item["hs_code"], origin_country=item["origin"], gtin=item["gtin"],
                    options_text=item["options"], price_text=item["price"])
                compare_at = products.parse_price(item["compare_at"] or "", store.base_currency, required=False)
                for variant in product.variants:
                    variant.compare_at_price = compare_at
                    if item["stock"]:
                        products.adjust_stock(variant, delta=item["stock"], reason="Opening stock", actor_id=None)
                for locale, (t_name, t_description) in item["texts"].items():
                    if locale != own:
                        extras.save_translation(product, locale, name=t_name, description=t_description)
                for n in range(item["images"]):
                    shade = tuple(max(0, min(255, c + 28 * n)) for c in item["colour"])
                    add_product_image(product, generated_image(name, shade, size=(640, 640)))
                extras.set_product_collections(product, [collections[c] for c in item["collections"] if c in collections])
                product.units_sold = item["units_sold"]
                product.moderation = ModerationState.APPROVED  # the platform approved the demo catalogue
                products.refresh_listing(product)
            db.session.flush()
    _demo_banners()
    # One fixed price, so the demo shows it: the acme linen shirt costs exactly 36 EUR.
    acme = db.session.scalar(select(Store).where(Store.slug == "acme"))
    with store_scope(acme.id):
        shirt = db.session.scalar(select(Product).where(Product.slug == "linen-shirt"))
        if shirt is not None:
            for variant in shirt.variants:
                if extras.fixed_price(variant, "EUR") is None:
                    extras.set_fixed_price(variant, "EUR", "36.00", base_currency="USD")
        db.session.flush()


# (store slug or None for the mall, title, subtitle, link, colour)
DEMO_BANNERS = (
    (None, "Made in Japan", "Ceramics, knives and tea from Sakura Living", "/en/s/sakura/", (46, 94, 78)),
    (None, "Summer essentials", "Light layers and sandals from three countries", "/en/c/fashion", (196, 120, 52)),
    ("acme", "New season", "Fresh tees and jackets, shipped from the US", "/en/collections/new-season", (34, 87, 122)),
)


def _demo_banners() -> None:
    from app.catalog.banners import banner_count, save_banner
    from app.media.demo import generated_image

    for store_slug, title, subtitle, link, colour in DEMO_BANNERS:
        store = db.session.scalar(select(Store).where(Store.slug == store_slug)) if store_slug else None
        store_id = store.id if store else None
        with store_scope(store_id) if store_id else all_stores():
            if banner_count(store_id):
                continue
        with store_scope(store_id) if store_id else all_stores():
            save_banner(None, store_id=store_id, image=generated_image(title, colour, size=(1200, 500)), title=title,
                        subtitle=subtitle, link=link, locale=None, active=True, starts_at=None, ends_at=None)
            db.session.flush()


def load_demo(password: str) -> str:
    """Create or refresh the demo data; return what to open."""
    _demo_currencies()
    _demo_catalog()
    for email, name, role in PLATFORM_STAFF:
        _user(email, name, password).platform_role = role
    _user("shopper@example.com", "Sam Shopper", password)

    for spec in DEMO_STORES:
        store = db.session.scalar(select(Store).where(Store.slug == spec.slug))
        if store is None:
            store = Store(slug=spec.slug, name=spec.name, type=spec.type, country=spec.country,
                          time_zone=spec.time_zone, default_locale=spec.locale, base_currency=spec.currency,
                          status=StoreStatus.OPEN)
            db.session.add(store)
            db.session.flush()
            with store_scope(store.id):
                db.session.add(StoreEvent(store_id=store.id, action="created", reason="demo data"))
        store.status = StoreStatus.OPEN
        store.status_reason = None
        owner = _user(f"owner.{spec.slug}@example.com", f"{spec.name} Owner", password, locale=spec.locale)
        staff = _user(f"staff.{spec.slug}@example.com", f"{spec.name} Staff", password, locale=spec.locale)
        with store_scope(store.id):
            for user, role in ((owner, Role.OWNER), (staff, Role.STAFF)):
                member = db.session.scalar(select(Membership).where(Membership.user_id == user.id))
                if member is None:
                    db.session.add(Membership(store_id=store.id, user_id=user.id, role=role))
                else:
                    member.role = role
            db.session.flush()
    _demo_store_categories()
    _demo_products()
    db.session.commit()
    from app.jobs.maintenance import refresh_query_statistics

    refresh_query_statistics()
    clear_tenant_cache()
    # A full rebuild, so an index left over from an earlier demo database holds nothing stale.
    from app import search

    search.reindex()

    lines = [
        "Demo data is ready. Password for every account: " + password,
        "",
        f"  Mall              {external_url('mall', 'mall.home', locale='en')}",
    ]
    for spec in DEMO_STORES:
        url = external_url("storefront", "storefront.home", store_slug=spec.slug, locale=spec.locale)
        lines.append(f"  Storefront {spec.slug:7}{url}")
    lines += [
        f"  Merchant console  {external_url('console', 'console.home', store='acme')}  (owner.acme@example.com)",
        f"  Platform admin    {external_url('admin', 'admin.home')}  (admin@example.com)",
        "  Shopper           shopper@example.com",
        "",
        f"  Emails (password resets, invitations) are written to {current_app.config['MAIL_DIR']}/"
        if current_app.config["MAIL_BACKEND"] == "file" else "",
    ]
    return "\n".join(lines)
