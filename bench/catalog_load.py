"""Shopper catalog pages under load on a large catalog, against the reference page.

    .venv/bin/python bench/catalog_load.py --db sqlite   [--rounds 3] [--duration 10]
    .venv/bin/python bench/catalog_load.py --db postgres [--products 100000 --stores 1000]
    .venv/bin/python bench/catalog_load.py --database-url sqlite:///build/bench/copy.db --name sqlite-whatif

1. Makes sure the data exists (``bench/catalog_data.py`` into
   build/bench/catalog-<products>.db, or the PostgreSQL database
   lintas_bench_<products> on the test server of ``scripts/services.sh``,
   127.0.0.1:5439, which is started if nothing answers there and left running).
2. Picks the pages from the data: the mall home, a root category (24 products
   a page), a product on the mall (one with variants, a GTIN other stores also
   sell, so the "other sellers" block shows) and a product on its storefront
   (<store>.localhost).
3. Counts the SQL statements of each page once, warm, through the Flask test
   client (and times each statement, so the slow one is named).
4. Serves the app (``wsgi:app``) and the reference page
   (``bench.reference_app``, QUALITY.md) under gunicorn, 2 sync workers each,
   warms both up, then runs ``wrk -t2 -c32`` alternately on the reference
   page and each page, ``--rounds`` times.
5. Prints medians (req/s, p50, p99), the ratio to the reference and the bar of
   QUALITY.md (>= 50% of the reference, p99 <= 50 ms, <= 8 queries), and
   writes everything to build/bench/catalog-<db>.json (or -<name>.json).

``--database-url`` loads an existing database as it is (for instance a copy
with candidate indexes) instead of the generated one.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
OUT = ROOT / "build" / "bench"
os.environ.setdefault("LINTAS_INSTANCE", str(OUT / "instance"))
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5439"
BAR_RATIO, BAR_P99_MS, BAR_QUERIES = 0.5, 50.0, 8


# --- data ----------------------------------------------------------------------------------------------

def pg_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5439), timeout=1):
            return True
    except OSError:
        return False


def ensure_postgres() -> None:
    """Use the test PostgreSQL on 5439; start it (idempotent script) if nothing answers. Never stopped here."""
    if pg_answers():
        return
    print("PostgreSQL is not answering on 5439: scripts/services.sh start (left running)", flush=True)
    subprocess.run([str(ROOT / "scripts" / "services.sh"), "start"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    for _ in range(50):
        if pg_answers():
            return
        time.sleep(0.2)
    raise SystemExit("PostgreSQL did not start on 5439")


def data_ready(url: str, products: int, stores: int) -> bool:
    from sqlalchemy import create_engine, text

    if url.startswith("sqlite") and not Path(url.split("///", 1)[1]).exists():
        return False
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT (SELECT count(*) FROM products), (SELECT count(*) FROM stores)")).one()
        return tuple(found) == (products, stores)
    except Exception:  # noqa: BLE001  (missing database or tables: generate)
        return False
    finally:
        engine.dispose()


def data_counts(url: str) -> tuple[int, int]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT (SELECT count(*) FROM products), (SELECT count(*) FROM stores)")).one()
    engine.dispose()
    return found[0], found[1]


def ensure_data(url: str, args) -> None:
    if not args.regenerate and data_ready(url, args.products, args.stores):
        print(f"data: {url} (already generated)", flush=True)
        return
    print(f"data: generating into {url}", flush=True)
    subprocess.run([sys.executable, str(ROOT / "bench" / "catalog_data.py"), url, "--products", str(args.products),
                    "--stores", str(args.stores), "--seed", str(args.seed), "--replace"], cwd=ROOT, check=True)


def pick_pages(url: str) -> dict[str, tuple[str, str]]:
    """The pages to load, chosen from the data (deterministic for a seed)."""
    from sqlalchemy import create_engine, text

    visible = """p.status = 'active' AND p.on_shelf AND p.moderation = 'approved' AND s.status = 'open'
                 AND EXISTS (SELECT 1 FROM store_categories sc WHERE sc.store_id = p.store_id
                             AND sc.category_id = p.category_id AND sc.state = 'approved')"""
    engine = create_engine(url)
    with engine.connect() as conn:
        root = conn.execute(text("SELECT slug FROM categories WHERE parent_id IS NULL ORDER BY position LIMIT 1")).scalar()
        # A product with several variants, a translation and a GTIN sold by other stores too.
        mall = conn.execute(text(f"""
            SELECT s.slug, p.slug FROM products p JOIN stores s ON s.id = p.store_id
            WHERE {visible} AND p.gtin IS NOT NULL
              AND (SELECT count(*) FROM variants v WHERE v.product_id = p.id) >= 4
              AND EXISTS (SELECT 1 FROM product_translations t WHERE t.product_id = p.id)
              AND (SELECT count(*) FROM products o WHERE o.gtin = p.gtin AND o.store_id <> p.store_id) >= 2
            ORDER BY p.id LIMIT 1""")).one()
        # A product of the biggest store, on its storefront.
        big = conn.execute(text("SELECT store_id FROM products GROUP BY store_id ORDER BY count(*) DESC, store_id "
                                "LIMIT 1")).scalar()
        front = conn.execute(text(f"""
            SELECT s.slug, p.slug FROM products p JOIN stores s ON s.id = p.store_id
            WHERE {visible} AND p.store_id = :big
              AND (SELECT count(*) FROM variants v WHERE v.product_id = p.id) >= 4
            ORDER BY p.id LIMIT 1"""), {"big": big}).one()
    engine.dispose()
    return {
        "mall home": ("localhost", "/en/"),
        "category (root)": ("localhost", f"/en/c/{root}"),
        "mall product": ("localhost", f"/en/s/{mall[0]}/p/{mall[1]}"),
        "storefront product": (f"{front[0]}.localhost", f"/en/p/{front[1]}"),
    }


# --- SQL per page ---------------------------------------------------------------------------------------

def count_queries(url: str, pages: dict[str, tuple[str, str]]) -> dict[str, dict]:
    """Statements per page (warm: the second request). Each statement is then run
    again on its own, results fetched, best of 3, for its time in ms; those of
    1 ms or more get their plan (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE)."""
    from sqlalchemy import event

    from app import create_app
    from app.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": None})
    out = {}
    with app.app_context():
        engine = db.engine
    for name, (host, path) in pages.items():
        client = app.test_client()
        first = client.get(path, base_url=f"http://{host}")
        if first.status_code != 200:
            raise SystemExit(f"{host}{path} answered {first.status_code}")
        captured: list[tuple[str, object]] = []

        def record(conn, cursor, statement, parameters, context, executemany, _c=captured):
            _c.append((statement, parameters))

        event.listen(engine, "before_cursor_execute", record)
        try:
            started = time.perf_counter()
            response = client.get(path, base_url=f"http://{host}")
            page_ms = (time.perf_counter() - started) * 1000
        finally:
            event.remove(engine, "before_cursor_execute", record)
        statements = []
        with engine.connect() as conn:
            for statement, parameters in captured:
                best = None
                for _ in range(3):
                    started = time.perf_counter()
                    rows = conn.exec_driver_sql(statement, parameters).fetchall()
                    elapsed = (time.perf_counter() - started) * 1000
                    best = elapsed if best is None else min(best, elapsed)
                entry = {"ms": round(best, 2), "rows": len(rows), "sql": " ".join(statement.split())}
                if best >= 1:
                    entry["plan"] = explain(conn, statement, parameters)
                statements.append(entry)
            conn.rollback()
        out[name] = {"status": response.status_code, "bytes": len(response.data), "queries": len(statements),
                     "page_ms": round(page_ms, 1), "sql_ms": round(sum(s["ms"] for s in statements), 1),
                     "statements": statements}
    with app.app_context():
        db.engine.dispose()
    return out


def explain(conn, statement: str, parameters) -> list[str]:
    if conn.dialect.name == "sqlite":
        return [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    return [row[0] for row in conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)]


# --- serving and wrk -------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, host: str = "localhost") -> None:
    for _ in range(300):
        try:
            req = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": host})
            urllib.request.urlopen(req, timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on {port} did not start")


def get(port: int, host: str, path: str) -> int:
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    try:
        with urllib.request.urlopen(req, timeout=120) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def drain(port: int, workers: int) -> None:
    """Wait until the workers have answered what wrk left queued (a slow page
    keeps them busy after wrk stops), so the next run starts on idle cores."""
    for _ in range(2 * workers):
        get(port, "localhost", "/healthz")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk(port: int, host: str, path: str, args) -> dict:
    out = subprocess.run(
        ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency", "--timeout", "30s",
         "-H", f"Host: {host}", f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for pct in ("50", "99"):
        match = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s|m)\b", out)
        result[f"p{pct}_ms"] = round(float(match.group(1)) * UNITS[match.group(2)], 2)
    result["requests"] = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    result["non_2xx"] = int(non2xx.group(1)) if non2xx else 0
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    result["socket_errors"] = sum(int(x) for x in errors.groups()) if errors else 0
    result["timeouts"] = int(errors.group(4)) if errors else 0
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--stores", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--regenerate", action="store_true", help="generate the data again even if present")
    parser.add_argument("--database-url", help="load an existing database as it is (no generation), e.g. a copy "
                        "with candidate indexes; --db then only names the JSON file")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per app")
    parser.add_argument("--gunicorn-threads", type=int, default=1,
                        help="gunicorn threads per worker for both apps (1 = sync workers; scripts/serve_demo.sh uses 4)")
    parser.add_argument("--name", help="the JSON file's name: build/bench/catalog-<name>.json (default: --db)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    if args.database_url:
        url = args.database_url
        if url.startswith("postgresql"):
            ensure_postgres()
    elif args.db == "postgres":
        ensure_postgres()
        url = f"{PG_SERVER}/lintas_bench_{args.products}"
        ensure_data(url, args)
    else:
        url = f"sqlite:///{OUT / f'catalog-{args.products}.db'}"
        ensure_data(url, args)
    products, stores = data_counts(url)
    pages = pick_pages(url)
    sql = count_queries(url, pages)
    for name, info in sql.items():
        slowest = max(info["statements"], key=lambda s: s["ms"], default=None)
        print(f"sql: {name:20} {info['queries']:2} queries ({info['sql_ms']:.1f} ms), {info['page_ms']:7.1f} ms in-process, "
              f"{info['bytes']:>7} bytes"
              + (f"; slowest {slowest['ms']} ms: {slowest['sql'][:100]}..." if slowest else ""), flush=True)

    ref_port, app_port = free_port(), free_port()
    env = {**os.environ, "DATABASE_URL": url, "REFERENCE_DB": str(OUT / "reference.db")}
    env.pop("REDIS_URL", None)
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    log = open(OUT / f"gunicorn-{args.name or args.db}.log", "w")  # noqa: SIM115  (closed in finally)
    shape = ["-w", str(args.workers), "--threads", str(args.gunicorn_threads)]  # the same for both apps
    servers = [
        subprocess.Popen([gunicorn, *shape, "-b", f"127.0.0.1:{ref_port}", "bench.reference_app:app"],
                         cwd=ROOT, env=env, stdout=log, stderr=log),
        subprocess.Popen([gunicorn, *shape, "-b", f"127.0.0.1:{app_port}", "--timeout", "120", "wsgi:app"],
                         cwd=ROOT, env=env, stdout=log, stderr=log),
    ]
    targets = {"reference": (ref_port, "localhost", "/")}
    targets.update({name: (app_port, host, path) for name, (host, path) in pages.items()})
    runs: dict[str, list[dict]] = {name: [] for name in targets}
    try:
        wait_for(ref_port)
        wait_for(app_port)
        for name, (port, host, path) in targets.items():  # warm every worker's caches and connections
            for _ in range(4 * args.workers):
                status = get(port, host, path)
                if status != 200:
                    raise SystemExit(f"{name}: {host}{path} answered {status}")
        for round_no in range(1, args.rounds + 1):
            for name, (port, host, path) in targets.items():
                if name == "reference":
                    continue
                runs["reference"].append(wrk(ref_port, "localhost", "/", args))
                runs[name].append(wrk(port, host, path, args))
                drain(port, args.workers)
                print(f"round {round_no}: {name:20} {runs[name][-1]['rps']:8.1f} req/s  p99 {runs[name][-1]['p99_ms']:8.1f} "
                      f"ms  (reference {runs['reference'][-1]['rps']:.0f} req/s)", flush=True)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait()
        log.close()

    ref_rps = statistics.median(r["rps"] for r in runs["reference"])
    summary = {}
    for name, results in runs.items():
        rps = statistics.median(r["rps"] for r in results)
        row = {"rps": round(rps, 1), "ratio": round(rps / ref_rps, 3),
               "p50_ms": statistics.median(r["p50_ms"] for r in results),
               "p99_ms": statistics.median(r["p99_ms"] for r in results),
               "errors": sum(r["non_2xx"] + r["socket_errors"] for r in results)}
        if name != "reference":
            row["queries"] = sql[name]["queries"]
            row["meets_bar"] = {"ratio": row["ratio"] >= BAR_RATIO, "p99": row["p99_ms"] <= BAR_P99_MS,
                                "queries": row["queries"] <= BAR_QUERIES}
        summary[name] = row

    print(f"\n{args.name or args.db}, {products:,} products / {stores:,} stores, wrk -t{args.threads} -c{args.connections} "
          f"-d{args.duration}s, medians of {args.rounds}")
    print(f"{'page':20} {'req/s':>8} {'ratio':>6} {'p50 ms':>8} {'p99 ms':>8} {'SQL':>4} {'errors':>6}  bar")
    for name, row in summary.items():
        bar = "" if name == "reference" else ("ok" if all(row["meets_bar"].values()) else
                                              "MISS " + ",".join(k for k, v in row["meets_bar"].items() if not v))
        print(f"{name:20} {row['rps']:8.1f} {row['ratio']:6.2f} {row['p50_ms']:8.1f} {row['p99_ms']:8.1f} "
              f"{row.get('queries', ''):>4} {row['errors']:>6}  {bar}")
    report = {"db": args.db, "database_url": url, "products": products, "stores": stores, "seed": args.seed,
              "wrk": {"threads": args.threads, "connections": args.connections, "duration_s": args.duration},
              "gunicorn_workers": args.workers,
              "gunicorn_threads": args.gunicorn_threads, "rounds": args.rounds, "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
              "pages": {"reference": {"host": "localhost", "path": "/"},
                        **{n: {"host": h, "path": p} for n, (h, p) in pages.items()}},
              "summary": summary, "runs": runs, "sql": sql}
    target = OUT / f"catalog-{args.name or args.db}.json"
    target.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nwritten: {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
