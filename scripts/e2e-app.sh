#!/usr/bin/env bash
# Starts the built app for the Playwright run: migrate, seed, then `next start`.
# Called by playwright.config.ts with the environment it sets (DATABASE_URL or PGLITE_DATA_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${DATABASE_URL:-}" ]]; then
  npx tsx scripts/ensure-schema.ts
fi
npx prisma migrate deploy >/dev/null 2>&1 || npx prisma migrate deploy
npx tsx prisma/seed.ts --allow-production
if [[ -n "${APP_LOG:-}" ]]; then
  # Kept for the "no secret in the logs" check (e2e/secrets-never-logged.spec.ts).
  mkdir -p "$(dirname "$APP_LOG")"
  npx next start -p "${PORT:?}" -H 127.0.0.1 2>&1 | tee "$APP_LOG"
else
  exec npx next start -p "${PORT:?}" -H 127.0.0.1
fi
