"""Product search on the large generated catalog: rebuild, single updates, query latency, robustness.

    .venv/bin/python bench/search_bench.py                      # SQLite, 100,000 products
    .venv/bin/python bench/search_bench.py --skip-reindex       # reuse build/bench/search-index-100000
    .venv/bin/python bench/search_bench.py --db postgres        # lintas_bench_100000 on 127.0.0.1:5439
    options: --products 100000 --stores 1000 --seed 42 --queries 200 --rounds 3 --robust 1000 --updates 50

1. Makes sure the data exists (as ``bench/catalog_load.py`` does) and has the
   latest migrations.
2. Rebuilds the index of every visible product (``app.search.reindex()``)
   into build/bench/search-index-<products> (postgres: search-index-postgres-
   <products>), from an empty folder: time, documents per second, size on disk.
3. Re-indexes ``--updates`` random visible products one at a time
   (``app.search.index_product``): median, p95.
4. Query latency, warm (one untimed pass first, then ``--rounds`` timed
   passes of ``--queries`` queries per group): storefront queries (a store's
   scope, words of its language, facets as always, some sorts and second
   pages; the biggest and a middling store of each language), mall queries
   (no scope, a category, brand or price filter on some, price sorts) and
   ``suggest()`` on 2-4 letter prefixes. A group over the bar is profiled
   (one cProfile pass) and its top functions printed.
5. Robustness: ``--robust`` hostile queries (operators, quotes, wildcards,
   brackets, up to 10,000 characters, control characters, emoji, mixed and
   unusual scripts, Whoosh syntax, random bytes as latin-1) with random
   scopes, locales, filters, sorts and pages, each through ``search()`` in a
   worker thread joined with a 1 s deadline, in a child process. A query that
   has not returned after ``--hang`` seconds is a hang: the child dumps every
   thread's stack and exits, and a new child carries on with the next query.
6. Prints a summary against the bars of QUALITY.md and writes everything to
   build/bench/search-<db>.json.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
OUT = ROOT / "build" / "bench"
os.environ.setdefault("LINTAS_INSTANCE", str(OUT / "instance"))

from bench.catalog_data import ADJECTIVES, BRAND_NAMES, MATERIALS, TREE  # noqa: E402
from bench.catalog_load import PG_SERVER, data_counts, ensure_data, ensure_postgres  # noqa: E402

BAR_REINDEX_S = 300.0
BAR_UPDATE_MS = 100.0
BAR_QUERY_P95_MS = 30.0
BAR_DEADLINE_S = 1.0
LANGS = ("en", "zh-hans", "ar", "ja")


# --- helpers ----------------------------------------------------------------------------------------

def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``values``."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def stats(values: list[float]) -> dict:
    return {"n": len(values), "p50": round(pct(values, 50), 2), "p95": round(pct(values, 95), 2),
            "p99": round(pct(values, 99), 2), "max": round(max(values), 2) if values else None,
            "mean": round(statistics.fmean(values), 2) if values else None}


def make_app(url: str, index_dir: Path):
    from app import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": None, "SEARCH_INDEX_DIR": str(index_dir)})


def run_name(args) -> str:
    """``sqlite`` / ``postgres`` for the full catalog; ``sqlite-2000`` for another size (a smoke run
    does not overwrite the figures of the full one)."""
    return args.db if args.products == 100_000 else f"{args.db}-{args.products}"


def source_hash() -> str:
    """A digest of app/search/*.py, to tell which state of the search code a report measured."""
    import hashlib

    digest = hashlib.sha1()
    for path in sorted((ROOT / "app" / "search").glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def profile_text(profiler: cProfile.Profile, limit: int = 25) -> str:
    out = io.StringIO()
    st = pstats.Stats(profiler, stream=out)
    st.sort_stats("tottime").print_stats(limit)
    st.sort_stats("cumulative").print_stats(limit)
    text = out.getvalue()
    return text.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")


# --- what the data holds -----------------------------------------------------------------------------

def targets() -> dict:
    """Stores, categories and brands to query, read from the data (call in an app context)."""
    from sqlalchemy import text

    from app.extensions import db

    sizes = db.session.execute(text("""
        SELECT s.id, s.default_locale, count(p.id) FROM stores s JOIN products p ON p.store_id = s.id
        WHERE p.status = 'active' AND p.on_shelf AND p.moderation = 'approved' AND s.status = 'open'
        GROUP BY s.id, s.default_locale ORDER BY count(p.id) DESC, s.id""")).all()
    stores = []
    for lang in LANGS:
        of_lang = [(sid, n) for sid, locale, n in sizes if locale == lang]
        if not of_lang:
            continue
        picks = {"big": of_lang[0], "small": of_lang[len(of_lang) * 3 // 4]}
        for size, (sid, n) in picks.items():
            stores.append({"id": sid, "locale": lang, "size": size, "products": n})
    cats = db.session.execute(text("SELECT id, slug, parent_id FROM categories ORDER BY id")).all()
    slug_of = {cid: slug for cid, slug, _p in cats}
    approved = db.session.execute(text("SELECT store_id, category_id FROM store_categories WHERE state = 'approved'"
                                       )).all()
    store_cats: dict[int, list[str]] = {}
    wanted = {s["id"] for s in stores}
    for sid, cid in approved:
        if sid in wanted:
            store_cats.setdefault(sid, []).append(slug_of[cid])
    for s in stores:
        s["categories"] = sorted(store_cats.get(s["id"], []))
    brands = [bid for (bid,) in db.session.execute(text("SELECT id FROM brands ORDER BY id"))]
    child_slugs = {cid: [slug_of[c] for c, _s, p in cats if p == cid] or [slug_of[cid]] for cid, _s, _p in cats}
    return {"stores": stores, "roots": [cid for cid, _s, p in cats if p is None], "child_slugs": child_slugs,
            "children": [cid for cid, _s, p in cats if p is not None], "brands": brands,
            "all_stores": [sid for sid, _l, _n in sizes]}


CHILD_NAMES = {slug: (names, noun) for _root, (_n, children, _s) in TREE.items() for slug, names, noun in children}
ROOT_NAMES = {slug: names for slug, (names, _c, _s) in TREE.items()}


def nouns(lang: str, slugs: list[str] | None = None) -> list[str]:
    """The product-name nouns of ``lang`` (of the given child categories, or all)."""
    out = []
    for slug, (names, noun) in CHILD_NAMES.items():
        if slugs is None or slug in slugs:
            out.append(noun if lang == "en" else names[lang])
    return out


def sample_text(rng: random.Random, lang: str, slugs: list[str] | None = None) -> str:
    """A realistic query in ``lang``: words of the generated product names."""
    adj, mat = rng.choice(ADJECTIVES[lang]), rng.choice(MATERIALS[lang])
    noun = rng.choice(nouns(lang, slugs) or nouns(lang))
    joiner = "" if lang == "zh-hans" and rng.random() < 0.5 else " "
    forms = [
        (noun, 3), (adj, 2), (f"{adj}{joiner}{noun}", 3), (f"{mat}{joiner}{noun}", 2), (mat, 1),
        (f"{adj}{joiner}{mat}{joiner}{noun}", 1), (f"{noun} {rng.randint(1, 999)}", 1),
    ]
    if lang == "en":
        forms += [(noun.lower() + "s", 2), (rng.choice(BRAND_NAMES), 1), (f'"{adj} {mat}"', 1),
                  (f"{noun} -{rng.choice(MATERIALS['en']).lower()}", 1), (f"{adj[:4].lower()}*", 1)]
    if lang == "ar":  # the same words with vowel marks
        forms += [("\u064e".join(noun) if " " not in noun else noun, 1)]
    texts, weights = zip(*forms, strict=True)
    return rng.choices(texts, weights)[0]


def latency_mix(t: dict, n: int, seed: int) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    store = []
    for i in range(n):
        s = t["stores"][i % len(t["stores"])]
        sort = rng.choices(["relevance", "price_asc", "price_desc", "newest"], [7, 1, 1, 1])[0]
        store.append({"text": sample_text(rng, s["locale"], s["categories"]), "scope": s["id"], "locale": s["locale"],
                      "sort": sort, "page": 2 if rng.random() < 0.1 else 1, "filters": {},
                      "label": f"{s['size']}-{s['locale']}"})
    mall = []
    for _ in range(n):
        lang = rng.choices(LANGS, [5, 2, 2, 2])[0]
        filters: dict = {}
        slugs = None  # the words of the chosen category's products, as a shopper on its page would type
        roll = rng.random()
        if roll < 0.25:
            filters = {"category_id": rng.choice(t["roots"]), "category_depth": 0}
        elif roll < 0.5:
            filters = {"category_id": rng.choice(t["children"]), "category_depth": 1}
        if filters:
            slugs = t["child_slugs"][filters["category_id"]]
        elif roll < 0.7:
            filters = {"brand_ids": rng.sample(t["brands"], rng.choice((1, 1, 2)))}
        elif roll < 0.8:
            filters = {"price": rng.choice(("-1000", "1000-2500", "5000-10000", "25000-"))}
        if rng.random() < 0.1:
            filters["in_stock"] = True
        sort = rng.choices(["relevance", "price_asc", "price_desc", "newest"], [5, 2, 2, 1])[0]
        mall.append({"text": sample_text(rng, lang, slugs), "scope": None, "locale": lang, "sort": sort,
                     "page": 2 if rng.random() < 0.1 else 1, "filters": filters,
                     "label": "+".join(sorted(filters)) or "none"})
    suggest = []
    for i in range(n):
        lang = rng.choices(LANGS, [5, 2, 2, 2])[0]
        word = sample_text(rng, lang).strip('"*-').split()[0]
        size = rng.randint(2, 4) if lang in ("en", "ar") else rng.randint(1, 2)
        scope = t["stores"][i % len(t["stores"])]["id"] if rng.random() < 0.5 else None
        if scope is not None:
            lang = next(s["locale"] for s in t["stores"] if s["id"] == scope)
            word = sample_text(rng, lang).strip('"*-').split()[0]
        suggest.append({"text": word[:size], "scope": scope, "locale": lang, "label": "store" if scope else "mall"})
    return {"storefront": store, "mall": mall, "suggest": suggest}


def filters_of(spec: dict):
    from app.search import PriceRange, SearchFilters

    spec = dict(spec)
    if "price" in spec:
        spec["price"] = PriceRange.parse(spec["price"])
    return SearchFilters(**spec)


def run_one(q: dict, kind: str):
    from app import search

    if kind == "suggest":
        return search.suggest(q["text"], q["scope"], q["locale"])
    return search.search(q["text"], q["scope"], filters_of(q["filters"]), q["sort"], q["page"], q["locale"])


# --- robustness queries --------------------------------------------------------------------------------

SCRIPTS = {
    "th": ["เสื้อยืดผ้าฝ้าย", "กระเป๋าหนัง", "โคมไฟ", "ชา", "รองเท้าวิ่ง", "น้ำหอม", "กาแฟคั่ว"],
    "my": ["ရှပ်အင်္ကျီ", "ဖိနပ်", "လက်ဖက်ရည်", "ကော်ဖီ", "မီးအိမ်"],
    "ko": ["면 티셔츠", "가죽 가방", "램프", "녹차", "운동화", "향수", "커피 원두"],
    "ar": ["قَمِيصٌ قُطْنِيٌّ", "حِذَاءٌ", "عِطْرٌ فَاخِرٌ", "الــقــهــوة", "شَاي", "ﻻمبة", "هاتف ذكيّ", "إبريق"],
    "he": ["חולצה", "נעליים"], "hi": ["कमीज़", "जूते", "चाय"], "ru": ["рубашка", "чай", "кофе"],
    "el": ["πουκάμισο"], "vi": ["áo sơ mi", "cà phê"], "zh": ["棉质T恤", "经典", "手机壳", "咖啡豆"],
    "ja": ["Ｔシャツ", "コットン", "ｺｰﾋｰ", "お茶", "ノートパソコン"],
}
EMOJI = ["👍🏽", "👨‍👩‍👧‍👦", "🇯🇵", "🛒", "☕️", "🔥🔥🔥", "🏳️‍🌈", "❤", "🧑🏿‍💻", "🤷‍♀️"]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x1b[31m", "\t", "\n", "\r\n", "\x7f", "\x85", "\u200b", "\u200e", "\u202e",
           "\u2028", "\ufeff", "\ud800", "\udfff", "\ufffe", "\uffff", "\ue000", "\U0010ffff", "\u0301\u0301\u0301"]
SYNTAX = ["n_en:shirt", "id:1", "store:1", "[a TO z]", "{1 TO 5}", "shirt^10", "shirt~2", "title:(a b)", "a:b:c",
          "*:*", "<>", "\\", "\\\"", "&&", "||", "!", "~", "^", "::", "+shirt", "-", "--", "---lamp", "'", "''",
          "%", "%20", "&amp;", "<script>alert(1)</script>", "'; DROP TABLE products; --", "${jndi:x}", "{{7*7}}",
          "AND", "OR", "NOT", "and", "or", "not", "AND OR NOT", "NOT NOT NOT", "OR OR", "a OR", "OR a", "NOT a",
          "a AND NOT b", "(", ")", "((", "))", "()", "(a OR (b AND (c", "a) OR (b", "\"", "\"\"", "\"\"\"", "\"a",
          "a\"", "\"a b\" \"c", "*", "?", "**", "??", "*?*", "a*", "*a", "a?", "?a", "a*b?c", "cl*ss*c", "c?tt?n",
          "co*", "c*", "x*", "***cotton", "0", "00000", "4900000000001", "SKU-1*", "3.5", "1e308", "-1", "∞", "NaN"]


def vocabulary() -> list[str]:
    words = [w for lang in LANGS for w in ADJECTIVES[lang] + MATERIALS[lang] + nouns(lang)]
    return words + BRAND_NAMES + [w for ws in SCRIPTS.values() for w in ws]


def hostile_text(rng: random.Random, vocab: list[str]) -> tuple[str, str]:
    """One hostile query and the name of its kind."""
    def word() -> str:
        return rng.choice(vocab)

    def mangle(w: str) -> str:  # a wildcard, quote or bracket somewhere inside a word
        i = rng.randint(0, len(w))
        return w[:i] + rng.choice("*?\"()*?-:^~") + w[i:]

    kind = rng.choice(["boolean", "quotes", "wildcards", "brackets", "long", "control", "emoji", "mixed", "scripts",
                       "latin1", "syntax", "combo", "empty"])
    if kind == "boolean":
        parts = []
        for _ in range(rng.randint(1, 8)):
            parts.append(rng.choice([word(), "AND", "OR", "NOT", "-" + word(), "&&", "||", "and", "or"]))
        text = " ".join(parts)
    elif kind == "quotes":
        parts = [word() for _ in range(rng.randint(1, 6))]
        for _ in range(rng.randint(1, 5)):
            i = rng.randint(0, len(parts))
            parts.insert(i, rng.choice(['"', '"', "'", "“", "”", "«", "「", '""']))
        text = rng.choice([" ", ""]).join(parts)
    elif kind == "wildcards":
        text = " ".join(mangle(word()) if rng.random() < 0.7 else rng.choice(["*", "?", "*?", "?*", "**"])
                        for _ in range(rng.randint(1, 6)))
    elif kind == "brackets":
        depth = rng.randint(1, 60)
        inner = " OR ".join(word() for _ in range(rng.randint(1, 4)))
        text = "(" * depth + inner + ")" * rng.choice((0, depth, depth // 2, depth + 3))
    elif kind == "long":
        size = rng.choice((500, 2000, 10_000))
        style = rng.choice(["words", "one", "stars", "ors", "quotes", "cjk"])
        if style == "words":
            text = " ".join(word() for _ in range(size // 4))
        elif style == "one":
            text = rng.choice("abcxyz") * size
        elif style == "stars":
            text = "a*" * (size // 2)
        elif style == "ors":
            text = " OR ".join(word() for _ in range(size // 8))
        elif style == "quotes":
            text = '"' + '" "'.join(word() for _ in range(size // 6))
        else:
            text = "".join(rng.choice("经典棉质T恤手机壳咖啡豆シャツ") for _ in range(size))
        text = text[:size]
    elif kind == "control":
        text = "".join(rng.choice([word(), rng.choice(CONTROL), " "]) for _ in range(rng.randint(1, 10)))
    elif kind == "emoji":
        text = " ".join(rng.choice([word(), rng.choice(EMOJI), rng.choice(EMOJI) + word()]) for _ in range(rng.randint(1, 5)))
    elif kind == "mixed":
        langs = list(SCRIPTS)
        text = rng.choice(["", " "]).join(rng.choice(SCRIPTS[rng.choice(langs)] + vocab) for _ in range(rng.randint(2, 6)))
    elif kind == "scripts":
        lang = rng.choice(list(SCRIPTS))
        text = " ".join(rng.choice(SCRIPTS[lang]) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.3:
            text = mangle(text)
    elif kind == "latin1":
        text = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 400))).decode("latin-1")
    elif kind == "syntax":
        text = " ".join(rng.choice(SYNTAX + [word()]) for _ in range(rng.randint(1, 5)))
    elif kind == "combo":
        text = "".join(rng.choice([word(), " ", mangle(word()), rng.choice(SYNTAX), rng.choice(CONTROL),
                                   rng.choice(EMOJI)]) for _ in range(rng.randint(3, 30)))
    else:
        text = rng.choice(["", " ", "   ", "\t\n", "\u3000", "\u00a0", "\u200b"])
    return text, kind


def hostile_queries(t: dict, n: int, seed: int) -> list[dict]:
    rng = random.Random(seed + 1)
    vocab = vocabulary()
    locales = ["en", "zh-hans", "zh-hant", "ja", "ko", "ar", "th", "my", "de", "fr", "ru", "es", "id", "vi", "xx"]
    out = []
    for i in range(n):
        text, kind = hostile_text(rng, vocab)
        filters: dict = {}
        if rng.random() < 0.3:
            filters["category_id"] = rng.choice(t["roots"] + t["children"] + [0, 10**9])
            filters["category_depth"] = rng.choice((0, 1, 2, 5, 7, 50))
        if rng.random() < 0.2:
            filters["brand_ids"] = rng.sample(t["brands"] + [0, -1, 10**9], rng.randint(1, 3))
        if rng.random() < 0.15:
            filters["store_ids"] = rng.sample(t["all_stores"][:50] + [10**9], rng.randint(1, 3))
        if rng.random() < 0.2:
            filters["price"] = rng.choice(["-1000", "1000-", "0-0", "5-1", "abc", "-", "99999999999999999999-",
                                           "1000-2500", "-" * 50])
        if rng.random() < 0.1:
            filters["in_stock"] = True
        out.append({"i": i, "kind": kind, "text": text, "scope": rng.choice([None, None, *t["all_stores"][:20], 10**9]),
                    "locale": rng.choice(locales),
                    "sort": rng.choice(["relevance", "price_asc", "price_desc", "newest", "bogus", ""]),
                    "page": rng.choice([1, 1, 1, 2, 0, -5, 100, 101, 10**9]), "filters": filters,
                    "suggest": rng.random() < 0.25})
    return out


def robust_child(args) -> None:
    """Run hostile queries [start, n) in this process, one JSON line each to --out."""
    import faulthandler
    import threading

    app = make_app(args.url, Path(args.index_dir))
    with app.app_context():
        queries = hostile_queries(targets(), args.robust, args.seed)
        from app import search

        if not search.engine().document_count():
            sys.stderr.write("the index is empty here (did the schema version change during the run?)\n")
            sys.exit(4)
    with open(args.out, "a", encoding="utf-8") as out:
        for q in queries[args.start:]:
            box: dict = {}

            def work(q=q, box=box) -> None:
                with app.app_context():
                    started = time.perf_counter()
                    try:
                        page = run_one(q, "search")
                        box["total"] = page.total
                        box["search_ms"] = (time.perf_counter() - started) * 1000
                        if q["suggest"]:  # the same text as typed into the search box
                            box["suggestions"] = len(run_one(q, "suggest"))
                    except Exception as exc:  # noqa: BLE001  (counted and reported)
                        box["error"] = f"{type(exc).__name__}: {exc}"[:300]
                        box["traceback"] = traceback.format_exc()[-3000:]
                    box["ms"] = (time.perf_counter() - started) * 1000

            thread = threading.Thread(target=work, daemon=True)
            started = time.perf_counter()
            thread.start()
            thread.join(args.deadline)
            over = thread.is_alive()
            if over:
                thread.join(args.hang)
            record = {"i": q["i"], "kind": q["kind"], "over": over,
                      "wall_ms": round((time.perf_counter() - started) * 1000, 2)}
            if thread.is_alive():
                record["hung"] = True
                sys.stderr.write(f"\n--- query {q['i']} hung after {args.deadline + args.hang:.0f} s; stacks:\n")
                sys.stderr.flush()
                faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
                out.write(json.dumps(record) + "\n")
                out.flush()
                os._exit(3)  # the hung thread holds the engine's lock: a fresh process carries on
            record.update({k: box[k] for k in ("ms", "search_ms", "total", "error", "traceback", "suggestions") if k in box})
            out.write(json.dumps(record) + "\n")
            out.flush()


def robustness(args, url: str, index_dir: Path, t: dict) -> dict:
    queries = hostile_queries(t, args.robust, args.seed)
    results_file = OUT / f"search-robust-{run_name(args)}.jsonl"
    log_file = OUT / f"search-robust-{run_name(args)}.log"
    results_file.unlink(missing_ok=True)
    done: dict[int, dict] = {}
    overall = time.monotonic() + args.robust_timeout
    start, children, timed_out, empty_index = 0, 0, False, False
    with open(log_file, "w") as log:
        while start < len(queries) and time.monotonic() < overall and children < 20:
            children += 1
            child = subprocess.Popen(
                [sys.executable, __file__, "--robust-child", "--url", url, "--index-dir", str(index_dir), "--start",
                 str(start), "--robust", str(args.robust), "--seed", str(args.seed), "--out", str(results_file),
                 "--deadline", str(args.deadline), "--hang", str(args.hang)],
                cwd=ROOT, stdout=log, stderr=log)
            timed_out = False
            try:
                child.wait(timeout=max(1.0, overall - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
                timed_out = True
            if results_file.exists():
                for line in results_file.read_text(encoding="utf-8").splitlines():
                    record = json.loads(line)
                    done[record["i"]] = record
            following = max(done) + 1 if done else 0
            if timed_out:
                break
            if child.returncode == 4:
                empty_index = True
                break
            if child.returncode not in (0, 3) and following < len(queries) and following not in done:
                done[following] = {"i": following, "kind": queries[following]["kind"], "crashed": child.returncode}
                following += 1
            start = following
    records = [done[i] for i in sorted(done)]
    times = [r["wall_ms"] for r in records if "wall_ms" in r and not r.get("hung")]
    errors = [r for r in records if r.get("error")]
    hung = [r for r in records if r.get("hung")]
    crashed = [r for r in records if r.get("crashed") is not None]
    over = [r for r in records if r.get("over")]
    by_kind: dict[str, list[float]] = {}
    for r in records:
        if "wall_ms" in r and not r.get("hung"):
            by_kind.setdefault(r["kind"], []).append(r["wall_ms"])
    slowest = sorted((r for r in records if "wall_ms" in r), key=lambda r: -r["wall_ms"])[:10]

    def show(r: dict) -> dict:
        q = queries[r["i"]]
        text = q["text"]
        return {"i": r["i"], "kind": r["kind"], "ms": r.get("wall_ms"), "len": len(text),
                "text": repr(text[:120]) + ("..." if len(text) > 120 else ""), "scope": q["scope"],
                "locale": q["locale"], "sort": q["sort"], "page": q["page"], "filters": q["filters"],
                "error": r.get("error"), "traceback": r.get("traceback")}

    if empty_index:
        print("robustness: the child found an empty index (schema changed during the run?); not run", flush=True)
    return {"queries": len(queries), "ran": len(records), "children": children, "stopped_by_timeout": timed_out,
            "empty_index": empty_index,
            "timeout_s": args.robust_timeout,
            "not_run": len(queries) - len(records), "max_ms": round(max(times), 2) if times else None,
            "p50_ms": round(pct(times, 50), 2), "p99_ms": round(pct(times, 99), 2),
            "over_deadline": len(over), "exceptions": len(errors), "hung": len(hung), "crashed": len(crashed),
            "by_kind": {k: stats(v) for k, v in sorted(by_kind.items())},
            "slowest": [show(r) for r in slowest], "errors": [show(r) for r in errors[:20]],
            "hung_queries": [show(r) for r in hung], "over_queries": [show(r) for r in over[:20]],
            "log": str(log_file.relative_to(ROOT))}


# --- the steps -----------------------------------------------------------------------------------------

def do_reindex(index_dir: Path) -> dict:
    from app import search
    from app.extensions import db

    search.engine().clear()
    shutil.rmtree(index_dir, ignore_errors=True)
    marks: list[tuple[float, int]] = []
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        marks.append((time.perf_counter() - started, done))
        if len(marks) > 1 and int(marks[-1][0] / 30) > int(marks[-2][0] / 30):  # every 30 s
            print(f"  reindex: {done:,}/{total:,} in {marks[-1][0]:.0f} s", flush=True)

    count = search.reindex(progress=progress)
    elapsed = time.perf_counter() - started
    load_done = marks[-1][0] if marks else elapsed  # the last batch added; then the commit (merge, write)
    db.session.remove()
    return {"documents": count, "seconds": round(elapsed, 1), "docs_per_s": round(count / elapsed, 1),
            "until_last_batch_s": round(load_done, 1), "commit_s": round(elapsed - load_done, 1),
            "index_bytes": dir_size(index_dir), "index_mb": round(dir_size(index_dir) / 2**20, 1),
            "files": len([f for f in index_dir.iterdir() if f.is_file()])}


def do_updates(n: int, seed: int, index_dir: Path) -> dict:
    from app import search
    from app.extensions import db
    from app.search.documents import visible_ids

    ids = random.Random(seed + 2).sample(visible_ids(), n)
    search.index_product(ids[0])  # the writer's first open is not what a later update pays
    times, merges = [], []
    for product_id in ids:
        started = time.perf_counter()
        search.index_product(product_id)
        times.append((time.perf_counter() - started) * 1000)
        db.session.remove()
        # What the search queue does next when small segments pile up: its own merge job.
        if search.engine().needs_merge():
            started = time.perf_counter()
            search.engine().merge_small()
            merges.append((time.perf_counter() - started) * 1000)
    return {**stats(times), "ids": ids[:10], "merges": stats(merges) if merges else {"n": 0},
            "index_mb_after": round(dir_size(index_dir) / 2**20, 1),
            "files_after": len([f for f in index_dir.iterdir() if f.is_file()])}


def do_latency(mix: dict[str, list[dict]], rounds: int, budget_s: float) -> dict:
    from app.extensions import db

    out = {}
    for kind, queries in mix.items():
        warm_until = time.perf_counter() + budget_s / 3
        errors: list[dict] = []

        def attempt(q: dict, kind: str = kind, errors: list[dict] = errors):
            """run_one, with an exception counted (and the first ones kept) instead of ending the run."""
            try:
                return run_one(q, kind)
            except Exception as exc:  # noqa: BLE001  (reported)
                if len(errors) < 5:
                    errors.append({**{k: q[k] for k in ("text", "scope", "locale")}, "error": f"{type(exc).__name__}: {exc}",
                                   "traceback": traceback.format_exc()[-2500:]})
                else:
                    errors.append({})
                return None

        for q in queries:  # warm: every query once, untimed (as many as a third of the budget allows)
            attempt(q)
            if time.perf_counter() > warm_until:
                break
        times: list[float] = []
        timed: list[dict] = []
        by_found: dict[str, list[float]] = {}
        by_label: dict[str, list[float]] = {}
        hits: list[int] = []
        budget = time.perf_counter() + budget_s
        for _ in range(rounds):
            if times and time.perf_counter() > budget:
                break  # a slow group: fewer rounds rather than a run of hours
            for q in queries:
                if times and time.perf_counter() > budget:
                    break  # very slow: not even one whole round
                started = time.perf_counter()
                result = attempt(q)
                ms = (time.perf_counter() - started) * 1000
                if result is None:
                    continue
                times.append(ms)
                timed.append(q)
                by_label.setdefault(q["label"], []).append(ms)
                hits.append(len(result) if kind == "suggest" else result.total)
                by_found.setdefault("with hits" if hits[-1] else "without hits (spelling retried)"
                                    if kind != "suggest" else "without hits", []).append(ms)
        slow = sorted(zip(times, timed, strict=True), key=lambda x: -x[0])[:8]
        out[kind] = {**stats(times), "exceptions": len(errors), "exception_samples": [e for e in errors if e],
                     "no_hits": sum(1 for h in hits if h == 0), "median_hits": statistics.median(hits),
                     "by_label": {k: stats(v) for k, v in sorted(by_label.items())},
                     "by_found": {k: stats(v) for k, v in sorted(by_found.items())},
                     "slowest": [{"ms": round(ms, 1), **{k: q[k] for k in ("text", "scope", "locale", "label")},
                                  **({"sort": q["sort"], "filters": q["filters"]} if kind != "suggest" else {})}
                                 for ms, q in slow]}
        db.session.remove()
    return out


def profile_reindex(sample: int) -> str:
    """cProfile of rebuilding an index of the first ``sample`` visible products in a scratch folder."""
    import tempfile

    from flask import current_app

    from app.extensions import db
    from app.search.documents import iter_documents, visible_ids
    from app.search.whoosh_engine import WhooshEngine

    ids = visible_ids()[:sample]
    with tempfile.TemporaryDirectory(dir=OUT, prefix="search-profile-") as scratch:
        engine = WhooshEngine(scratch, refresh_seconds=1.0, write_timeout=current_app.config["SEARCH_WRITE_TIMEOUT"])
        profiler = cProfile.Profile()
        profiler.enable()
        engine.rebuild(iter_documents(ids))
        profiler.disable()
        engine.close()
    db.session.remove()
    return f"rebuild of {len(ids):,} documents\n" + profile_text(profiler)


def profile_updates(n: int, seed: int) -> str:
    from app import search
    from app.extensions import db
    from app.search.documents import visible_ids

    ids = random.Random(seed + 3).sample(visible_ids(), n)
    profiler = cProfile.Profile()
    profiler.enable()
    for product_id in ids:
        search.index_product(product_id)
    profiler.disable()
    db.session.remove()
    return f"{n} single-product updates\n" + profile_text(profiler)


def profile_group(queries: list[dict], kind: str, seconds: float = 30.0) -> str:
    """cProfile of the group's queries, as many as ``seconds`` allow (at least one)."""
    profiler = cProfile.Profile()
    until = time.perf_counter() + seconds
    profiler.enable()
    for q in queries:
        if time.perf_counter() > until:
            break
        run_one(q, kind)
    profiler.disable()
    return profile_text(profiler)


# --- main ------------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--stores", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--regenerate", action="store_true", help="generate the data again even if present")
    parser.add_argument("--skip-reindex", action="store_true", help="reuse the index built by an earlier run")
    parser.add_argument("--queries", type=int, default=200, help="queries per latency group (storefront, mall, suggest)")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over each latency group")
    parser.add_argument("--budget", type=float, default=75.0,
                        help="seconds per latency group after which no further round starts")
    parser.add_argument("--updates", type=int, default=50, help="single-product updates to time")
    parser.add_argument("--robust", type=int, default=1000, help="hostile queries (0: skip)")
    parser.add_argument("--deadline", type=float, default=BAR_DEADLINE_S, help="seconds a hostile query may take")
    parser.add_argument("--hang", type=float, default=20.0, help="seconds past the deadline that count as a hang")
    parser.add_argument("--robust-timeout", type=float, default=240.0, help="seconds for the whole robustness batch")
    parser.add_argument("--no-profile", action="store_true", help="do not profile a group over its bar")
    # The robustness child (internal).
    parser.add_argument("--robust-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--index-dir", help=argparse.SUPPRESS)
    parser.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.robust_child:
        robust_child(args)
        return
    OUT.mkdir(parents=True, exist_ok=True)

    if args.db == "postgres":
        ensure_postgres()
        url = f"{PG_SERVER}/lintas_bench_{args.products}"
        index_dir = OUT / f"search-index-postgres-{args.products}"
    else:
        url = f"sqlite:///{OUT / f'catalog-{args.products}.db'}"
        index_dir = OUT / f"search-index-{args.products}"
    ensure_data(url, args)
    products, stores = data_counts(url)
    report: dict = {"db": args.db, "database_url": url, "products": products, "stores": stores, "seed": args.seed,
                    "cores": os.cpu_count(), "nproc": len(os.sched_getaffinity(0)),
                    "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "index_dir": str(index_dir.relative_to(ROOT))}
    began = time.perf_counter()
    report["app_search_sha1"] = source_hash()

    from flask_migrate import upgrade

    app = make_app(url, index_dir)
    with app.app_context():
        upgrade()
        t = targets()
        report["stores_queried"] = t["stores"]
        from app.search import whoosh_engine

        report["schema_version"] = getattr(whoosh_engine, "SCHEMA_VERSION", None)
        from app import search

        existing = search.engine().document_count() if args.skip_reindex and index_dir.exists() else 0
        if existing:
            report["reindex"] = {"skipped": True, "documents": existing, "index_mb": round(dir_size(index_dir) / 2**20, 1)}
            print(f"reindex: skipped, {existing:,} documents in {index_dir}", flush=True)
        else:
            if args.skip_reindex:
                print("reindex: no index of the current schema to reuse, building it", flush=True)
            print(f"reindex: {url} -> {index_dir}", flush=True)
            report["reindex"] = do_reindex(index_dir)
            r = report["reindex"]
            print(f"reindex: {r['documents']:,} documents in {r['seconds']} s ({r['docs_per_s']} docs/s, commit "
                  f"{r['commit_s']} s), {r['index_mb']} MB", flush=True)

        report["profiles"] = {}
        reindex_s = report["reindex"].get("seconds")
        if not args.no_profile and reindex_s is not None and reindex_s > BAR_REINDEX_S:
            text = profile_reindex(3000)
            report["profiles"]["reindex"] = text
            print("\nprofile of a small rebuild (the full one was over the bar):\n" + "\n".join(text.splitlines()[:70]),
                  flush=True)

        if args.updates:
            report["updates"] = do_updates(args.updates, args.seed, index_dir)
            u = report["updates"]
            print(f"updates: {u['n']} single products, median {u['p50']} ms, p95 {u['p95']} ms, max {u['max']} ms",
                  flush=True)
            if u["merges"]["n"]:
                m = u["merges"]
                print(f"  merge jobs after them: {m['n']}, median {m['p50']} ms, max {m['max']} ms", flush=True)
            if not args.no_profile and u["p95"] > BAR_UPDATE_MS:
                text = profile_updates(10, args.seed)
                report["profiles"]["updates"] = text
                print("\nprofile of 10 updates (over the bar):\n" + "\n".join(text.splitlines()[:70]), flush=True)

        mix = latency_mix(t, args.queries, args.seed)
        report["latency"] = do_latency(mix, args.rounds, args.budget)
        for kind, row in report["latency"].items():
            print(f"latency: {kind:10} p50 {row['p50']} ms, p95 {row['p95']} ms, max {row['max']} ms "
                  f"({row['n']} timed, {row['no_hits']} without hits, {row['exceptions']} exceptions)", flush=True)
            for sample in row["exception_samples"][:2]:
                print(f"  exception on {sample['text']!r} (scope {sample['scope']}, {sample['locale']}): "
                      f"{sample['error']}\n" + sample["traceback"][-600:], flush=True)
        if not args.no_profile:
            for kind, row in report["latency"].items():
                if row["p95"] > BAR_QUERY_P95_MS:
                    text = profile_group(mix[kind], kind)
                    report["profiles"][kind] = text
                    print(f"\nprofile of one pass of {kind} (over the bar):\n" + "\n".join(text.splitlines()[:80]),
                          flush=True)
        search.engine().close()

    if args.robust:
        print(f"robustness: {args.robust} hostile queries, {args.deadline} s deadline each", flush=True)
        report["robustness"] = robustness(args, url, index_dir, t)
    report["total_s"] = round(time.perf_counter() - began, 1)
    if source_hash() != report["app_search_sha1"]:
        report["warning"] = "app/search/*.py changed during the run: the figures mix two states of the code"
        print(f"\nWARNING: {report['warning']}", flush=True)

    summary(report, args)
    target = OUT / f"search-{run_name(args)}.json"
    target.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nwritten: {target.relative_to(ROOT)}")


def summary(report: dict, args) -> None:
    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISS"

    print(f"\nsearch, {args.db}, {report['products']:,} products / {report['stores']:,} stores, "
          f"{report['nproc']} cores, {report['total_s']} s in all")
    print(f"{'measure':44} {'p50/value':>12} {'p95':>10} {'max':>10}  bar")
    r = report["reindex"]
    if not r.get("skipped"):
        print(f"{'full reindex (s)':44} {r['seconds']:>12} {'':>10} {'':>10}  <= {BAR_REINDEX_S:.0f} s "
              f"{verdict(r['seconds'] <= BAR_REINDEX_S)}")
        print(f"{'  documents / docs per s':44} {r['documents']:>12,} {r['docs_per_s']:>10} {'':>10}")
    print(f"{'  index size on disk (MB)':44} {r['index_mb']:>12}")
    if "updates" in report:
        u = report["updates"]
        print(f"{'single product update (ms)':44} {u['p50']:>12} {u['p95']:>10} {u['max']:>10}  <= {BAR_UPDATE_MS:.0f} ms "
              f"{verdict(u['p95'] <= BAR_UPDATE_MS)}")
    for kind, row in report["latency"].items():
        bar = f"p95 <= {BAR_QUERY_P95_MS:.0f} ms {verdict(row['p95'] <= BAR_QUERY_P95_MS)}"
        print(f"{kind + ' queries, warm (ms)':44} {row['p50']:>12} {row['p95']:>10} {row['max']:>10}  {bar}")
    if "robustness" in report:
        rb = report["robustness"]
        print(f"{'hostile queries (ms), ' + str(rb['ran']) + ' run':44} {rb['p50_ms']:>12} {'p99 ' + str(rb['p99_ms']):>10} "
              f"{str(rb['max_ms']):>10}")
        print(f"{'  over ' + str(args.deadline) + ' s / exceptions / hung / crashed':44} "
              f"{rb['over_deadline']:>4} / {rb['exceptions']} / {rb['hung']} / {rb['crashed']}  all 0 "
              f"{verdict(not (rb['over_deadline'] or rb['exceptions'] or rb['hung'] or rb['crashed']) and not rb['not_run'])}"
              + (f" ({rb['not_run']} not run)" if rb["not_run"] else ""))


if __name__ == "__main__":
    main()
