#!/usr/bin/env bash
# Install the system packages the test suite needs, if any is missing:
# redis-server, PostgreSQL, Chromium (Debian packages), axe-core (npm).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# axe-core for the accessibility checks in the browser tests (pinned).
if [ ! -f build/npm/node_modules/axe-core/axe.min.js ]; then
  mkdir -p build/npm
  npm install --silent --no-audit --no-fund --prefix build/npm axe-core@4.11.0 >/dev/null
fi
