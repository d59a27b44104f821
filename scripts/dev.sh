#!/usr/bin/env bash
# `npm run dev`: the Next.js dev server on :3000 and the Invoice Cloud sandbox on :4010.
# First time: npm run db:migrate && npm run db:seed. Ports: PORT=3000 SANDBOX_PORT=4010.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
APP_PORT="${PORT:-3000}"
SANDBOX_PORT="${SANDBOX_PORT:-4010}"
require_free_port "$APP_PORT" "PORT=$((APP_PORT + 1)) npm run dev"
require_free_port "$SANDBOX_PORT" "SANDBOX_PORT=$((SANDBOX_PORT + 1)) npm run dev"
SANDBOX_PORT="$SANDBOX_PORT" node --import tsx sandbox/src/main.ts &
SANDBOX_PID=$!
trap 'kill $SANDBOX_PID 2>/dev/null || true' EXIT INT TERM
npx next dev -p "$APP_PORT"
