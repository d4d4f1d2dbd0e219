#!/usr/bin/env bash
# The whole suite, self-sufficient on a fresh machine:
#   1. Python deps in .venv, system packages (apt) and axe-core (npm) if missing;
#   2. a real Redis and a throwaway PostgreSQL on loopback;
#   3. pass 1 on SQLite (everything, browser tests included), pass 2 on
#      PostgreSQL (browser tests skipped); catalogs checked;
#   4. the services stopped again; non-zero exit on any failure.
# Extra arguments go to both pytest runs (e.g. scripts/test.sh -k hosts).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
PY="$VENV/bin/python"

[ -x "$PY" ] || python3 -m venv "$VENV"
"$PY" -m pip install -q --disable-pip-version-check -r requirements-dev.txt
scripts/install_system.sh

cleanup() { scripts/services.sh stop; }
trap cleanup EXIT
services="$(scripts/services.sh start)"  # fails the run if a server cannot start
eval "$services"
if [ -z "${REDIS_TEST_URL:-}" ] || [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "Redis or PostgreSQL did not start; refusing to run a partial suite" >&2
  exit 1
fi
export REDIS_TEST_URL TEST_DATABASE_URL

"$PY" scripts/i18n.py compile >/dev/null
echo "== catalogs: en, zh_Hans and ar complete"
"$PY" scripts/i18n.py check 2>/dev/null  # lists any untranslated message and fails

echo "== lint (ruff)"
"$VENV/bin/ruff" check .

JOBS="${PYTEST_JOBS:-2}"
echo "== pass 1: SQLite (with browser tests)"
env -u TEST_DATABASE_URL "$PY" -m pytest -n "$JOBS" --dist loadfile "$@"

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== pass 2: PostgreSQL ($TEST_DATABASE_URL)"
  "$PY" -m pytest -n "$JOBS" --dist loadfile -m "not e2e" "$@"
fi
echo "== all passed"
