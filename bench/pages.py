"""Throughput of Lintas pages against the reference page, side by side.

    .venv/bin/python bench/pages.py [--rounds 3] [--duration 10]

Starts both apps under gunicorn (2 sync workers each, SQLite, demo data), then
runs `wrk -t2 -c32` alternately against the reference page and each Lintas
page, and prints the median req/s, the ratio to the reference and wrk's p99
latency. Needs `wrk` (apt-get install wrk). Figures go in the issue notes.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "storefront home": ("acme.localhost", "/en/"),
    "mall home": ("localhost", "/en/"),
    "sign-in page": ("acme.localhost", "/en/account/sign-in"),
}


def wait_for(port: int, host: str = "localhost") -> None:
    for _ in range(100):
        try:
            req = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": host})
            urllib.request.urlopen(req, timeout=1)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on {port} did not start")


def wrk(port: int, host: str, path: str, duration: int) -> tuple[float, float]:
    out = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{duration}s", "--latency", "-H", f"Host: {host}", f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    if "Non-2xx" in out:
        raise SystemExit(f"non-2xx answers from {host}{path}:\n{out}")
    return rps, float(p99.group(1)) * scale


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()
    venv = ROOT / ".venv" / "bin"
    work = Path(tempfile.mkdtemp(prefix="lintas-bench-"))
    env = {**os.environ, "FLASK_APP": "wsgi.py", "LINTAS_INSTANCE": str(work), "REFERENCE_DB": str(work / "ref.db")}
    env.pop("REDIS_URL", None)
    subprocess.run([venv / "flask", "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([venv / "flask", "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    servers = [
        subprocess.Popen([venv / "gunicorn", "-w", "2", "-b", "127.0.0.1:8101", "bench.reference_app:app"],
                         cwd=ROOT, env=env, stderr=subprocess.DEVNULL),
        subprocess.Popen([venv / "gunicorn", "-w", "2", "-b", "127.0.0.1:8102", "wsgi:app"],
                         cwd=ROOT, env={**env, "TENANT_CACHE_TTL": "5"}, stderr=subprocess.DEVNULL),
    ]
    try:
        wait_for(8101)
        wait_for(8102)
        results: dict[str, list[tuple[float, float]]] = {"reference": []}
        for _ in range(args.rounds):
            for name, (host, path) in PAGES.items():
                results["reference"].append(wrk(8101, "localhost", "/", args.duration))
                results.setdefault(name, []).append(wrk(8102, host, path, args.duration))
        ref = statistics.median(r for r, _ in results["reference"])
        print(f"{'page':20} {'req/s (median)':>15} {'ratio':>7} {'p99 ms (median)':>16}")
        for name, runs in results.items():
            rps = statistics.median(r for r, _ in runs)
            p99 = statistics.median(p for _, p in runs)
            print(f"{name:20} {rps:15.0f} {rps / ref:7.2f} {p99:16.1f}")
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
