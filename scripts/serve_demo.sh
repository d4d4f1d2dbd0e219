#!/usr/bin/env bash
# Serve the demo on port 8000: gunicorn, plus an RQ worker when REDIS_URL is
# set, or else the periodic-job loop (jobs themselves run inline).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
export FLASK_APP=wsgi.py PUBLIC_PORT="${PUBLIC_PORT:-8000}"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

if [ -n "${REDIS_URL:-}" ]; then
  "$VENV/bin/flask" worker &
else
  "$VENV/bin/flask" jobs run-due --every 60 >/dev/null &
fi
pids+=($!)

echo "Lintas is starting on http://localhost:8000 (Ctrl-C stops it)"
"$VENV/bin/gunicorn" --workers 2 --threads 4 --bind 127.0.0.1:8000 --access-logfile - wsgi:app &
pids+=($!)
wait -n "${pids[@]}"
