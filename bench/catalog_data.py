"""A large, deterministic catalog for the shopper-page benchmarks.

    .venv/bin/python bench/catalog_data.py build/bench/catalog.db            # SQLite file
    .venv/bin/python bench/catalog_data.py postgresql+psycopg://postgres@127.0.0.1:5439/lintas_bench
    options: --products 100000 --stores 1000 --seed 42 --replace --analyze

Runs the migrations on the target (which must be empty, or given --replace:
the SQLite file is deleted, the PostgreSQL database dropped and created again),
then bulk-inserts with SQLAlchemy Core (executemany in batches, never the ORM
one row at a time):

- currencies USD (platform), JPY, EUR, AED, all enabled, with exchange rates;
- a category tree of 8 roots x 6 children, names in en (the row) and zh-hans,
  ar, ja (CategoryTranslation), and Colour/Size option templates on every root;
- 50 brands; ``--stores`` open stores (USD, EUR, JPY, AED; default locale en,
  zh-hans, ja or ar), each approved for 2-5 child categories (and with one
  pending application);
- ``--products`` products, spread unevenly over the stores (a few big stores,
  a long tail), named from word lists in the store's language, slugs unique
  per store; 1-6 variants each with option values, 10% of variants out of
  stock, some compare-at prices and fixed prices in USD; 1-3 images; facets;
  translations for ~30% in zh-hans/ar/ja; 20% with a GTIN shared with other
  stores' products; 92% visible (the rest draft, off the shelf, pending or
  rejected by moderation). The listing columns (price_min, price_max,
  in_stock, cover_key, published_at, units_sold) agree with the rows, as the
  catalog services would have left them.

The same seed gives the same data on both databases. Prints the time per step.
PostgreSQL gets ``VACUUM ANALYZE`` at the end (what autovacuum would soon do);
SQLite is left un-analyzed unless ``--analyze`` (the app never runs ANALYZE).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("LINTAS_INSTANCE", str(ROOT / "build" / "bench" / "instance"))

BATCH = 4000  # rows per executemany
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)  # "now" for generated dates: fixed, so runs are identical

# --- word lists (en, zh-hans, ar, ja) -------------------------------------------------------------

LANGS = ("en", "zh-hans", "ar", "ja")

# slug: ({locale: name}, [(child slug, {locale: name}, english noun for product names)], size values)
TREE = {
    "fashion": ({"en": "Fashion", "zh-hans": "服饰", "ar": "أزياء", "ja": "ファッション"}, [
        ("t-shirts", {"en": "T-shirts", "zh-hans": "T恤", "ar": "قمصان قصيرة", "ja": "Tシャツ"}, "T-shirt"),
        ("shirts", {"en": "Shirts", "zh-hans": "衬衫", "ar": "قمصان", "ja": "シャツ"}, "Shirt"),
        ("dresses", {"en": "Dresses", "zh-hans": "连衣裙", "ar": "فساتين", "ja": "ワンピース"}, "Dress"),
        ("jackets", {"en": "Jackets", "zh-hans": "夹克", "ar": "سترات", "ja": "ジャケット"}, "Jacket"),
        ("jeans", {"en": "Jeans", "zh-hans": "牛仔裤", "ar": "جينز", "ja": "ジーンズ"}, "Jeans"),
        ("shoes", {"en": "Shoes", "zh-hans": "鞋靴", "ar": "أحذية", "ja": "靴"}, "Sneaker"),
    ], ["XS", "S", "M", "L", "XL"]),
    "home-living": ({"en": "Home & Living", "zh-hans": "家居生活", "ar": "المنزل والمعيشة", "ja": "ホーム&リビング"}, [
        ("kitchen", {"en": "Kitchen", "zh-hans": "厨房用品", "ar": "المطبخ", "ja": "キッチン"}, "Pan"),
        ("tableware", {"en": "Tableware", "zh-hans": "餐具", "ar": "أدوات المائدة", "ja": "食器"}, "Bowl"),
        ("bedding", {"en": "Bedding", "zh-hans": "床上用品", "ar": "مفارش السرير", "ja": "寝具"}, "Duvet"),
        ("lighting", {"en": "Lighting", "zh-hans": "灯具", "ar": "الإضاءة", "ja": "照明"}, "Lamp"),
        ("decor", {"en": "Decor", "zh-hans": "家居装饰", "ar": "ديكور", "ja": "インテリア"}, "Vase"),
        ("storage", {"en": "Storage", "zh-hans": "收纳", "ar": "التخزين", "ja": "収納"}, "Basket"),
    ], ["Small", "Medium", "Large"]),
    "electronics": ({"en": "Electronics", "zh-hans": "数码电子", "ar": "إلكترونيات", "ja": "家電・デジタル"}, [
        ("phones", {"en": "Phones", "zh-hans": "手机", "ar": "هواتف", "ja": "スマートフォン"}, "Phone"),
        ("phone-accessories", {"en": "Phone accessories", "zh-hans": "手机配件", "ar": "إكسسوارات الهواتف",
                               "ja": "スマホアクセサリー"}, "Phone case"),
        ("audio", {"en": "Audio", "zh-hans": "影音", "ar": "الصوتيات", "ja": "オーディオ"}, "Headphones"),
        ("cameras", {"en": "Cameras", "zh-hans": "相机", "ar": "كاميرات", "ja": "カメラ"}, "Camera"),
        ("laptops", {"en": "Laptops", "zh-hans": "笔记本电脑", "ar": "حواسيب محمولة", "ja": "ノートパソコン"}, "Laptop"),
        ("wearables", {"en": "Wearables", "zh-hans": "智能穿戴", "ar": "أجهزة قابلة للارتداء", "ja": "ウェアラブル"},
         "Smartwatch"),
    ], ["64 GB", "128 GB", "256 GB", "512 GB"]),
    "beauty": ({"en": "Beauty", "zh-hans": "美妆", "ar": "الجمال", "ja": "ビューティー"}, [
        ("skincare", {"en": "Skincare", "zh-hans": "护肤", "ar": "العناية بالبشرة", "ja": "スキンケア"}, "Serum"),
        ("makeup", {"en": "Makeup", "zh-hans": "彩妆", "ar": "مكياج", "ja": "メイクアップ"}, "Lipstick"),
        ("fragrance", {"en": "Fragrance", "zh-hans": "香水", "ar": "عطور", "ja": "フレグランス"}, "Perfume"),
        ("hair-care", {"en": "Hair care", "zh-hans": "美发护发", "ar": "العناية بالشعر", "ja": "ヘアケア"}, "Shampoo"),
        ("nail-care", {"en": "Nail care", "zh-hans": "美甲", "ar": "العناية بالأظافر", "ja": "ネイルケア"}, "Nail polish"),
        ("bath-body", {"en": "Bath & body", "zh-hans": "沐浴身体护理", "ar": "الاستحمام والجسم", "ja": "バス&ボディ"},
         "Body lotion"),
    ], ["30 ml", "50 ml", "100 ml", "200 ml"]),
    "sports": ({"en": "Sports & Outdoors", "zh-hans": "运动户外", "ar": "الرياضة والهواء الطلق", "ja": "スポーツ・アウトドア"}, [
        ("running", {"en": "Running", "zh-hans": "跑步", "ar": "الجري", "ja": "ランニング"}, "Running shoe"),
        ("cycling", {"en": "Cycling", "zh-hans": "骑行", "ar": "ركوب الدراجات", "ja": "サイクリング"}, "Helmet"),
        ("yoga", {"en": "Yoga", "zh-hans": "瑜伽", "ar": "اليوغا", "ja": "ヨガ"}, "Yoga mat"),
        ("camping", {"en": "Camping", "zh-hans": "露营", "ar": "التخييم", "ja": "キャンプ"}, "Tent"),
        ("swimming", {"en": "Swimming", "zh-hans": "游泳", "ar": "السباحة", "ja": "水泳"}, "Swim goggles"),
        ("fitness", {"en": "Fitness", "zh-hans": "健身", "ar": "اللياقة البدنية", "ja": "フィットネス"}, "Dumbbell"),
    ], ["S", "M", "L", "XL"]),
    "kids": ({"en": "Kids & Toys", "zh-hans": "母婴玩具", "ar": "الأطفال والألعاب", "ja": "キッズ・おもちゃ"}, [
        ("toys", {"en": "Toys", "zh-hans": "玩具", "ar": "ألعاب", "ja": "おもちゃ"}, "Toy car"),
        ("baby-care", {"en": "Baby care", "zh-hans": "婴儿护理", "ar": "العناية بالرضع", "ja": "ベビーケア"}, "Baby bottle"),
        ("kids-clothing", {"en": "Kids clothing", "zh-hans": "童装", "ar": "ملابس الأطفال", "ja": "子供服"}, "Romper"),
        ("board-games", {"en": "Board games", "zh-hans": "桌游", "ar": "ألعاب الطاولة", "ja": "ボードゲーム"}, "Board game"),
        ("puzzles", {"en": "Puzzles", "zh-hans": "拼图", "ar": "ألغاز", "ja": "パズル"}, "Puzzle"),
        ("school", {"en": "School supplies", "zh-hans": "学习用品", "ar": "لوازم مدرسية", "ja": "学用品"}, "Backpack"),
    ], ["0-6 m", "6-12 m", "1-2 y", "3-4 y", "5-6 y"]),
    "food": ({"en": "Food & Drink", "zh-hans": "食品饮料", "ar": "الأطعمة والمشروبات", "ja": "食品・飲料"}, [
        ("tea", {"en": "Tea", "zh-hans": "茶叶", "ar": "شاي", "ja": "お茶"}, "Tea"),
        ("coffee", {"en": "Coffee", "zh-hans": "咖啡", "ar": "قهوة", "ja": "コーヒー"}, "Coffee beans"),
        ("snacks", {"en": "Snacks", "zh-hans": "零食", "ar": "وجبات خفيفة", "ja": "スナック"}, "Crackers"),
        ("spices", {"en": "Spices", "zh-hans": "香料", "ar": "توابل", "ja": "スパイス"}, "Spice mix"),
        ("sweets", {"en": "Sweets", "zh-hans": "糖果", "ar": "حلويات", "ja": "お菓子"}, "Chocolate"),
        ("dried-fruit", {"en": "Dried fruit", "zh-hans": "果干", "ar": "فواكه مجففة", "ja": "ドライフルーツ"}, "Dates"),
    ], ["100 g", "250 g", "500 g", "1 kg"]),
    "stationery": ({"en": "Books & Stationery", "zh-hans": "图书文具", "ar": "الكتب والقرطاسية", "ja": "本・文具"}, [
        ("books", {"en": "Books", "zh-hans": "图书", "ar": "كتب", "ja": "書籍"}, "Book"),
        ("notebooks", {"en": "Notebooks", "zh-hans": "笔记本", "ar": "دفاتر", "ja": "ノート"}, "Notebook"),
        ("pens", {"en": "Pens", "zh-hans": "笔", "ar": "أقلام", "ja": "ペン"}, "Fountain pen"),
        ("art-supplies", {"en": "Art supplies", "zh-hans": "美术用品", "ar": "أدوات فنية", "ja": "画材"}, "Watercolour set"),
        ("calendars", {"en": "Calendars", "zh-hans": "日历", "ar": "تقاويم", "ja": "カレンダー"}, "Planner"),
        ("gift-wrap", {"en": "Gift wrap", "zh-hans": "礼品包装", "ar": "تغليف الهدايا", "ja": "ギフトラッピング"}, "Gift box"),
    ], ["A6", "A5", "A4"]),
}

COLOURS = {
    "en": ["Black", "White", "Navy", "Red", "Green", "Beige", "Grey", "Blue"],
}

ADJECTIVES = {
    "en": ["Classic", "Modern", "Vintage", "Essential", "Premium", "Everyday", "Compact", "Deluxe", "Light", "Soft",
           "Bold", "Natural", "Urban", "Travel", "Handmade", "Eco", "Smart", "Mini", "Grand", "Pure"],
    "zh-hans": ["经典", "现代", "复古", "基础", "高级", "日常", "紧凑", "豪华", "轻盈", "柔软",
                "醒目", "天然", "都市", "旅行", "手工", "环保", "智能", "迷你", "大号", "纯净"],
    "ar": ["كلاسيكي", "عصري", "عتيق", "أساسي", "فاخر", "يومي", "مدمج", "ممتاز", "خفيف", "ناعم",
           "جريء", "طبيعي", "حضري", "للسفر", "مصنوع يدويا", "صديق للبيئة", "ذكي", "صغير", "كبير", "نقي"],
    "ja": ["クラシック", "モダン", "ヴィンテージ", "ベーシック", "プレミアム", "デイリー", "コンパクト",
           "デラックス", "ライト", "ソフト", "ボールド", "ナチュラル", "アーバン", "トラベル",
           "ハンドメイド", "エコ", "スマート", "ミニ", "グランド", "ピュア"],
}
MATERIALS = {
    "en": ["Cotton", "Linen", "Leather", "Wool", "Bamboo", "Ceramic", "Steel", "Oak", "Silk", "Glass", "Copper",
           "Canvas"],
    "zh-hans": ["棉质", "亚麻", "皮革", "羊毛", "竹制", "陶瓷", "钢制", "橡木", "真丝", "玻璃", "铜制", "帆布"],
    "ar": ["قطني", "كتان", "جلدي", "صوفي", "خيزران", "خزفي", "فولاذي", "بلوط", "حريري", "زجاجي", "نحاسي", "قماشي"],
    "ja": ["コットン", "リネン", "レザー", "ウール", "竹", "陶器", "スチール", "オーク", "シルク", "ガラス", "銅", "キャンバス"],
}
SENTENCES = {
    "en": ["Made to last, and easy to care for.", "Ships from our own warehouse within two days.",
           "Each piece is checked by hand before it leaves us.", "A favourite of our regular customers.",
           "Returns are free within 30 days."],
    "zh-hans": ["经久耐用，易于打理。", "两天内从我们自己的仓库发货。", "每件商品出库前都经过人工检查。", "深受老顾客喜爱。",
                "30天内免费退货。"],
    "ar": ["مصنوع ليدوم، وسهل العناية.", "يُشحن من مستودعنا خلال يومين.", "نفحص كل قطعة يدويا قبل شحنها.",
           "المفضل لدى عملائنا الدائمين.", "الإرجاع مجاني خلال 30 يوما."],
    "ja": ["長く使えて、お手入れも簡単です。", "自社倉庫から2日以内に発送します。", "出荷前に一点ずつ手作業で検品しています。",
           "リピーターに人気の商品です。", "30日以内なら返品無料です。"],
}
STORE_WORDS = {
    "en": (["Atlas", "Blue Harbor", "Cedar", "Driftwood", "Evergreen", "Foxglove", "Granite", "Hollow Oak", "Ironbark",
            "Juniper", "Kestrel", "Lantern", "Meridian", "Northwind", "Orchard", "Pinecrest", "Quarry", "Riverside",
            "Saltmarsh", "Timber", "Upland", "Valley", "Willow", "Yarrow"],
           ["Goods", "Trading", "Supply", "Market", "House", "Studio", "& Co.", "Outfitters", "Works", "Collective"]),
    "zh-hans": (["长城", "丝路", "东方", "锦绣", "金桥", "华夏", "云端", "明月", "青山", "江南", "鸿运", "星河"],
                ["商行", "优品", "贸易", "旗舰店", "百货", "精选", "工坊", "严选"]),
    "ar": (["النور", "الواحة", "الصحراء", "اللؤلؤة", "الخليج", "الياسمين", "النخيل", "القمر", "السلام", "الأمل"],
           ["للتجارة", "ستور", "ماركت", "للهدايا", "للعطور", "بازار", "جاليري"]),
    "ja": (["さくら", "やまと", "みどり", "ひかり", "こだま", "あおば", "かすみ", "はるか", "つばさ", "いろは",
            "まつば", "ゆうひ"],
           ["商店", "堂", "屋", "工房", "マーケット", "ストア", "雑貨店"]),
}
BRAND_NAMES = ["Aurora", "Bellwether", "Cobalt", "Dune", "Ember", "Fjord", "Gale", "Halcyon", "Indigo", "Jade",
               "Kite", "Lumen", "Mosaic", "Nimbus", "Onyx", "Pioneer", "Quill", "Rook", "Sable", "Tundra",
               "Umber", "Vela", "Wren", "Xeno", "Yonder", "Zephyr", "Aster", "Birch", "Crest", "Delta",
               "Echo", "Flint", "Grove", "Harbor", "Iris", "Jet", "Koi", "Lark", "Maple", "Nova",
               "Oasis", "Peak", "Quartz", "Ridge", "Summit", "Tide", "Unity", "Vista", "Wave", "Zen"]

# default locale: (share of stores, [(currency, country, time zone, share)])
STORE_KINDS = {
    "en": (0.45, [("USD", "US", "America/New_York", 0.6), ("EUR", "DE", "Europe/Berlin", 0.25),
                  ("EUR", "FR", "Europe/Paris", 0.15)]),
    "zh-hans": (0.15, [("USD", "CN", "Asia/Shanghai", 1.0)]),
    "ja": (0.2, [("JPY", "JP", "Asia/Tokyo", 1.0)]),
    "ar": (0.2, [("AED", "AE", "Asia/Dubai", 1.0)]),
}
RATES = {"JPY": "151.5", "EUR": "0.92", "AED": "3.6725"}  # units per 1 USD
# A typical base price range per currency, in minor units.
PRICE_RANGE = {"USD": (500, 30000), "EUR": (500, 28000), "JPY": (500, 45000), "AED": (2000, 110000)}
VARIANT_COUNTS = [(1, 25), (2, 20), (3, 15), (4, 15), (5, 10), (6, 15)]  # variants per product: weight


def _pick(rng: random.Random, weighted):
    total = sum(w for *_x, w in weighted)
    point = rng.random() * total
    for *value, weight in weighted:
        point -= weight
        if point <= 0:
            return value[0] if len(value) == 1 else tuple(value)
    return weighted[-1][0] if len(weighted[-1]) == 2 else tuple(weighted[-1][:-1])


def _ago(rng: random.Random, days: float) -> datetime:
    return EPOCH - timedelta(seconds=rng.randrange(int(days * 86400)))


# --- database set-up ------------------------------------------------------------------------------------

def database_url(target: str) -> str:
    """A database URL from a URL or a SQLite file path."""
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).resolve()}"


def prepare_database(url: str, *, replace: bool) -> None:
    """Make sure the database exists (PostgreSQL: create it), emptied first with ``replace``."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            if replace:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(path + suffix).unlink(missing_ok=True)
        return
    import psycopg

    base, _, name = url.rpartition("/")
    admin = f"{base}/postgres".replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists and replace:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
            conn.execute(f'DROP DATABASE "{name}"')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


class Loader:
    """Buffered executemany inserts on one connection, in a fixed table order."""

    def __init__(self, conn):
        self.conn = conn
        self.rows: dict = {}
        self.counts: dict[str, int] = {}

    def add(self, table, row: dict) -> None:
        self.rows.setdefault(table, []).append(row)

    def flush(self, *tables) -> None:
        for table in tables:
            rows = self.rows.pop(table, [])
            for start in range(0, len(rows), BATCH):
                self.conn.execute(table.insert(), rows[start:start + BATCH])
            self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)


# --- generation -------------------------------------------------------------------------------------------

def generate(conn, *, stores: int, products: int, seed: int, step) -> dict[str, int]:
    from app.catalog.models import (
        ApplicationState,
        Brand,
        Category,
        CategoryOption,
        CategoryTranslation,
        ModerationState,
        Product,
        ProductFacet,
        ProductImage,
        ProductStatus,
        ProductTranslation,
        StoreCategory,
        Variant,
        VariantPrice,
    )
    from app.i18n.models import Currency, ExchangeRate
    from app.tenancy.models import Store, StoreStatus, StoreType

    rng = random.Random(seed)
    load = Loader(conn)
    T = {m: m.__table__ for m in (Brand, Category, CategoryOption, CategoryTranslation, Product, ProductFacet,
                                  ProductImage, ProductTranslation, StoreCategory, Variant, VariantPrice, Currency,
                                  ExchangeRate, Store)}

    # Currencies and rates.
    for code in ("USD", *RATES):
        load.add(T[Currency], {"code": code, "enabled": True, "created_at": EPOCH - timedelta(days=800)})
    for n, (code, rate) in enumerate(RATES.items(), start=1):
        load.add(T[ExchangeRate], {"id": n, "currency": code, "base": "USD", "rate": Decimal(rate),
                                   "created_at": EPOCH - timedelta(days=1), "created_by_id": None})
    load.flush(T[Currency], T[ExchangeRate])

    # Categories: roots then children; option templates on roots.
    children_of: dict[int, list[int]] = {}
    nouns: dict[int, dict[str, str]] = {}
    sizes_of_root: dict[int, list[str]] = {}
    root_of: dict[int, int] = {}
    category_id = 0
    translation_id = 0
    option_id = 0
    for position, (slug, (names, children, sizes)) in enumerate(TREE.items()):
        category_id += 1
        root = category_id
        load.add(T[Category], {"id": root, "parent_id": None, "slug": slug, "position": position, "name": names["en"],
                               "commission_self_bp": 300, "commission_third_bp": 600 + 50 * position, "image_key": None,
                               "created_at": EPOCH - timedelta(days=900)})
        sizes_of_root[root] = sizes
        children_of[root] = []
        for child_position, (child_slug, child_names, noun) in enumerate(children):
            category_id += 1
            children_of[root].append(category_id)
            root_of[category_id] = root
            nouns[category_id] = {"en": noun, **{k: v for k, v in child_names.items() if k != "en"}}
            load.add(T[Category], {"id": category_id, "parent_id": root, "slug": child_slug, "position": child_position,
                                   "name": child_names["en"], "commission_self_bp": None, "commission_third_bp": None,
                                   "image_key": None, "created_at": EPOCH - timedelta(days=900)})
        for cid, cnames in [(root, names)] + [(children_of[root][i], c[1]) for i, c in enumerate(children)]:
            for locale in ("zh-hans", "ar", "ja"):
                translation_id += 1
                load.add(T[CategoryTranslation], {"id": translation_id, "category_id": cid, "locale": locale,
                                                  "name": cnames[locale], "seo_title": None, "seo_description": None})
        for n, (name, values) in enumerate((("Colour", COLOURS["en"]), ("Size", sizes))):
            option_id += 1
            load.add(T[CategoryOption], {"id": option_id, "category_id": root, "name": name, "values": values,
                                         "filterable": True, "position": n})
    load.flush(T[Category], T[CategoryTranslation], T[CategoryOption])
    roots = list(children_of)

    for n, name in enumerate(BRAND_NAMES, start=1):
        load.add(T[Brand], {"id": n, "name": name, "slug": name.lower(), "logo_key": None,
                            "created_at": EPOCH - timedelta(days=700)})
    load.flush(T[Brand])
    step("currencies, categories, brands")

    # Stores and their approved categories.
    store_rows = []
    store_categories: dict[int, list[int]] = {}
    application_id = 0
    kinds = [(locale, share) for locale, (share, _c) in STORE_KINDS.items()]
    for store_id in range(1, stores + 1):
        locale = _pick(rng, kinds)
        currency, country, zone = _pick(rng, STORE_KINDS[locale][1])
        first, second = STORE_WORDS[locale]
        sep = "" if locale in ("zh-hans", "ja") else " "
        name = f"{rng.choice(first)}{sep}{rng.choice(second)} {store_id}"
        row = {"id": store_id, "slug": f"store{store_id:04d}", "name": name,
               "type": StoreType.SELF_OPERATED if store_id <= 5 else StoreType.THIRD_PARTY,
               "status": StoreStatus.OPEN, "status_reason": None, "expires_at": None, "expiry_notice_sent_at": None,
               "country": country, "time_zone": zone, "default_locale": locale, "base_currency": currency,
               "created_at": _ago(rng, 1000)}
        store_rows.append(row)
        load.add(T[Store], row)
        root = rng.choice(roots)
        approved = rng.sample(children_of[root], rng.randint(2, 4))
        if rng.random() < 0.3:
            other = rng.choice([r for r in roots if r != root])
            approved += rng.sample(children_of[other], rng.randint(1, 2))
        store_categories[store_id] = approved
        pending = rng.choice([c for r in roots for c in children_of[r] if c not in approved])
        for cid, state in [(c, ApplicationState.APPROVED) for c in approved] + [(pending, ApplicationState.PENDING)]:
            application_id += 1
            created = _ago(rng, 600)
            load.add(T[StoreCategory], {
                "id": application_id, "store_id": store_id, "category_id": cid, "state": state, "note": None,
                "reason": None, "applied_by_id": None, "decided_by_id": None, "created_at": created,
                "decided_at": created + timedelta(days=1) if state == ApplicationState.APPROVED else None})
    load.flush(T[Store], T[StoreCategory])
    step(f"{stores} stores, {application_id} category applications")

    # Products per store: a long tail (a few big stores), at least 5 each.
    weights = [rng.paretovariate(1.3) for _ in range(stores)]
    scale = max(0, products - 5 * stores) / sum(weights)
    per_store = [5 + int(w * scale) if products >= 5 * stores else 0 for w in weights]
    if products < 5 * stores:  # a small run: spread evenly
        per_store = [products // stores + (1 if i < products % stores else 0) for i in range(stores)]
    for i in range(products - sum(per_store)):  # rounding leftovers
        per_store[i % stores] += 1
    gtin_pool = [f"{4900000000000 + rng.randrange(10**8):013d}" for _ in range(max(1, products // 25))]

    product_id = variant_id = image_id = facet_id = ptranslation_id = price_id = 0
    visible = 0
    for store, count in zip(store_rows, per_store, strict=True):
        sid, locale, currency = store["id"], store["default_locale"], store["base_currency"]
        low, high = PRICE_RANGE[currency]
        step_minor = 100 if currency in ("USD", "EUR", "AED") else 10
        for serial in range(1, count + 1):
            product_id += 1
            cid = rng.choice(store_categories[sid])
            root = root_of[cid]
            adj, mat = rng.randrange(len(ADJECTIVES["en"])), rng.randrange(len(MATERIALS["en"]))
            model = rng.randint(1, 999)
            names = _product_names(adj, mat, nouns[cid], model)
            slug = "-".join(f"{ADJECTIVES['en'][adj]} {MATERIALS['en'][mat]} {nouns[cid]['en']} {model} {serial}"
                            .lower().replace("&", "").split())
            # Variants from the root's Colour and Size templates.
            n_variants = _pick(rng, VARIANT_COUNTS)
            options = _options(rng, n_variants, sizes_of_root[root])
            combos = [[]]
            for option in options:
                combos = [c + [v] for c in combos for v in option["values"]]
            base_price = rng.randrange(low, high, step_minor) - (1 if currency != "JPY" and rng.random() < 0.5 else 0)
            created = _ago(rng, 700)
            roll = rng.random()
            status, on_shelf, moderation = ProductStatus.ACTIVE, True, ModerationState.APPROVED
            if roll < 0.03:
                status = ProductStatus.DRAFT
            elif roll < 0.05:
                on_shelf = False
            elif roll < 0.07:
                moderation = ModerationState.PENDING
            elif roll < 0.08:
                moderation = ModerationState.REJECTED
            published = None if status == ProductStatus.DRAFT or moderation == ModerationState.PENDING \
                else created + timedelta(hours=rng.randint(1, 72))
            if published is not None and published > EPOCH:
                published = EPOCH
            if status == ProductStatus.ACTIVE and on_shelf and moderation == ModerationState.APPROVED:
                visible += 1
            prices, stocks = [], []
            fixed_usd = currency != "USD" and rng.random() < 0.05
            for position, values in enumerate(combos):
                variant_id += 1
                price = base_price + (position % 3) * step_minor * rng.randint(0, 5)
                stock = 0 if rng.random() < 0.1 else rng.randint(1, 200)
                compare_at = int(price * rng.choice((1.2, 1.25, 1.5))) if rng.random() < 0.15 else None
                prices.append(price)
                stocks.append(stock)
                load.add(T[Variant], {"id": variant_id, "store_id": sid, "product_id": product_id,
                                      "code": f"{slug}-{position + 1}".upper()[:64], "option_values": values,
                                      "position": position, "price": price, "compare_at_price": compare_at,
                                      "stock": stock, "weight_grams": None, "image_id": None})
                if fixed_usd:
                    price_id += 1
                    rate = Decimal(RATES[currency])
                    usd = (Decimal(price) / rate * (Decimal(100) if currency == "JPY" else 1)).quantize(
                        Decimal(1), ROUND_HALF_UP)
                    load.add(T[VariantPrice], {"id": price_id, "store_id": sid, "variant_id": variant_id,
                                               "currency": "USD", "amount": int(usd // 100 * 100 + 99)})
            cover = None
            for position in range(_pick(rng, [(1, 55), (2, 30), (3, 15)])):
                image_id += 1
                key = f"p/{sid}/{rng.getrandbits(128):032x}"
                cover = cover or key
                load.add(T[ProductImage], {"id": image_id, "store_id": sid, "product_id": product_id, "key": key,
                                           "position": position, "width": 1600, "height": 1600,
                                           "created_at": created})
            for option in options:
                for value in option["values"]:
                    facet_id += 1
                    load.add(T[ProductFacet], {"id": facet_id, "store_id": sid, "product_id": product_id,
                                               "name": option["name"].lower(), "value": value})
            if rng.random() < 0.3:
                others = [x for x in ("zh-hans", "ar", "ja") if x != locale]
                for other in rng.sample(others, rng.randint(1, len(others))):
                    ptranslation_id += 1
                    load.add(T[ProductTranslation], {
                        "id": ptranslation_id, "store_id": sid, "product_id": product_id, "locale": other,
                        "name": names[other], "description": _description(rng, other, names[other]),
                        "seo_title": None, "seo_description": None})
            load.add(T[Product], {
                "id": product_id, "store_id": sid, "slug": slug, "name": names[locale],
                "description": _description(rng, locale, names[locale]), "category_id": cid,
                "brand_id": rng.randint(1, len(BRAND_NAMES)) if rng.random() < 0.6 else None,
                "status": status, "on_shelf": on_shelf, "weight_grams": rng.randint(50, 5000),
                "hs_code": None, "origin_country": store["country"],
                "gtin": rng.choice(gtin_pool) if rng.random() < 0.2 else None,
                "options": options, "seo_title": None, "seo_description": None, "moderation": moderation,
                "moderation_reason": "Photos do not show the product." if moderation == ModerationState.REJECTED else None,
                "moderated_at": created + timedelta(hours=1) if moderation != ModerationState.PENDING else None,
                "price_min": min(prices), "price_max": max(prices), "in_stock": any(s > 0 for s in stocks),
                "units_sold": 0 if rng.random() < 0.4 else int(rng.paretovariate(1.2) * 3),
                "cover_key": cover, "published_at": published, "created_at": created,
                "updated_at": published or created})
            if len(load.rows.get(T[Product], ())) >= BATCH:
                load.flush(T[Product], T[ProductImage], T[Variant], T[VariantPrice], T[ProductFacet],
                           T[ProductTranslation])
    load.flush(T[Product], T[ProductImage], T[Variant], T[VariantPrice], T[ProductFacet], T[ProductTranslation])
    step(f"{product_id} products ({visible} visible), {variant_id} variants, {image_id} images, {facet_id} facets, "
         f"{ptranslation_id} translations, {price_id} fixed prices")
    return load.counts


def _product_names(adj: int, mat: int, noun: dict[str, str], model: int) -> dict[str, str]:
    a = {k: v[adj] for k, v in ADJECTIVES.items()}
    m = {k: v[mat] for k, v in MATERIALS.items()}
    return {"en": f"{a['en']} {m['en']} {noun['en']} {model}",
            "zh-hans": f"{a['zh-hans']}{m['zh-hans']}{noun['zh-hans']} {model}",
            "ar": f"{noun['ar']} {m['ar']} {a['ar']} {model}",
            "ja": f"{a['ja']} {m['ja']} {noun['ja']} {model}"}


def _description(rng: random.Random, locale: str, name: str) -> str:
    sentences = rng.sample(SENTENCES[locale], 3)
    return f"<p><strong>{name}</strong></p><p>{' '.join(sentences)}</p>"


def _options(rng: random.Random, n_variants: int, sizes: list[str]) -> list[dict]:
    """Colour and Size options giving exactly ``n_variants`` combinations."""
    colours = COLOURS["en"]
    shape = {1: (0, 0), 2: (2, 0), 3: (3, 0), 4: (2, 2), 5: (0, 5) if len(sizes) >= 5 else (5, 0), 6: (3, 2)}
    n_colours, n_sizes = shape[n_variants]
    options = []
    if n_colours:
        options.append({"name": "Colour", "values": rng.sample(colours, n_colours)})
    if n_sizes:
        start = rng.randrange(len(sizes) - n_sizes + 1)
        options.append({"name": "Size", "values": sizes[start:start + n_sizes]})
    return options


def finish(engine, *, analyze: bool) -> None:
    """Sequences after explicit ids (PostgreSQL), statistics, checkpoint."""
    from sqlalchemy import text

    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            for (table,) in conn.execute(text(
                    "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
                    "AND column_name = 'id' AND column_default LIKE 'nextval%'")):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"COALESCE((SELECT MAX(id) FROM \"{table}\"), 0) + 1, false)"))
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.connect() as conn:
            if analyze:
                conn.execute(text("ANALYZE"))
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            conn.commit()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", help="a SQLite file path or a database URL")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--stores", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--replace", action="store_true", help="delete/recreate the database first")
    parser.add_argument("--analyze", action="store_true", help="SQLite: run ANALYZE at the end (PostgreSQL always)")
    args = parser.parse_args(argv)
    url = database_url(args.database)
    started = last = time.perf_counter()

    def step(what: str) -> None:
        nonlocal last
        now = time.perf_counter()
        print(f"{now - last:7.1f} s  {what}", flush=True)
        last = now

    prepare_database(url, replace=args.replace)
    from flask_migrate import upgrade
    from sqlalchemy import func, select, text

    from app import create_app
    from app.extensions import db
    from app.tenancy.models import Store

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": None})
    with app.app_context():
        upgrade()
        step("migrations")
        engine = db.engine
        with engine.connect() as conn:
            if conn.execute(select(func.count()).select_from(Store.__table__)).scalar():
                raise SystemExit(f"{url} already has stores: pass --replace to start again")
        with engine.begin() as conn:
            if engine.dialect.name == "sqlite":
                conn.execute(text("PRAGMA synchronous=OFF"))
            counts = generate(conn, stores=args.stores, products=args.products, seed=args.seed, step=step)
        step("committed")
        finish(engine, analyze=args.analyze)
        step("statistics" if engine.dialect.name == "postgresql" or args.analyze else "checkpoint")
    total = sum(counts.values())
    print(f"{time.perf_counter() - started:7.1f} s  total, {total:,} rows into {url}")


if __name__ == "__main__":
    main()
