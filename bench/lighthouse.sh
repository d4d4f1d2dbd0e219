#!/usr/bin/env bash
# Lighthouse (mobile) scores of the demo's shopper pages.
#   bench/lighthouse.sh [URL ...]      (needs `make demo` running on port 8000)
# Installs lighthouse@12 (Node 20) into build/npm on first use; uses Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/npm/node_modules/.bin/lighthouse ] || npm install --silent --no-audit --no-fund --prefix build/npm lighthouse@12
urls=("$@")
[ ${#urls[@]} -gt 0 ] || urls=(http://acme.localhost:8000/en/ http://souq.localhost:8000/ar/ http://localhost:8000/en/)
for url in "${urls[@]}"; do
  out="$(mktemp)"
  CHROME_PATH=/usr/bin/chromium build/npm/node_modules/.bin/lighthouse "$url" --quiet --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$out" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking" >/dev/null 2>&1
  python3 - "$url" "$out" <<'PY'
import json, sys
url, path = sys.argv[1], sys.argv[2]
report = json.load(open(path))
print(url, " ".join(f"{k}={round(v['score'] * 100)}" for k, v in report["categories"].items()))
PY
  rm -f "$out"
done
