#!/usr/bin/env bash
# `npm run dev`: the Next.js dev server on :3000 and the Invoice Cloud sandbox on :4010.
# First time: npm run db:migrate && npm run db:seed
set -euo pipefail
cd "$(dirname "$0")/.."
SANDBOX_PORT="${SANDBOX_PORT:-4010}" node --import tsx sandbox/src/main.ts &
SANDBOX_PID=$!
trap 'kill $SANDBOX_PID 2>/dev/null || true' EXIT INT TERM
npx next dev -p "${PORT:-3000}"
