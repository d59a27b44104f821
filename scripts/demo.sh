#!/usr/bin/env bash
# `npm run demo`: installs what is missing, migrates, seeds, builds (or reuses the last build), and starts PermitPay on
# http://localhost:3000 with the Invoice Cloud sandbox on http://localhost:4010.
# Ports: PORT=3000 SANDBOX_PORT=4010 MAILDEV_SMTP_PORT=1025 MAILDEV_WEB_PORT=1080. Database: PGlite in ./data/pglite unless DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."

APP_PORT="${PORT:-3000}"
SANDBOX_PORT="${SANDBOX_PORT:-4010}"
# MailDev, the SMTP catcher: the app sends to it, its inbox shows what was sent.
MAILDEV_SMTP_PORT="${MAILDEV_SMTP_PORT:-1025}"
MAILDEV_WEB_PORT="${MAILDEV_WEB_PORT:-1080}"

source scripts/setup.sh
require_node
require_free_port "$APP_PORT" "PORT=$((APP_PORT + 1)) npm run demo"
require_free_port "$SANDBOX_PORT" "SANDBOX_PORT=$((SANDBOX_PORT + 1)) npm run demo"
require_free_port "$MAILDEV_SMTP_PORT" "MAILDEV_SMTP_PORT=$((MAILDEV_SMTP_PORT + 1)) npm run demo"
require_free_port "$MAILDEV_WEB_PORT" "MAILDEV_WEB_PORT=$((MAILDEV_WEB_PORT + 1)) npm run demo"
ensure_npm_packages

# Secrets for this machine, generated once (the same file and formats as lib/env.ts uses for `npm run dev`);
# a secret added later joins an existing file.
mkdir -p data
eval "$(node -e '
  const c = require("node:crypto"), fs = require("node:fs"), file = "data/dev-secrets.json";
  const s = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  const wanted = {
    NEXTAUTH_SECRET: () => c.randomBytes(32).toString("base64url"),
    ENCRYPTION_KEYS: () => "dev1:" + c.randomBytes(32).toString("base64"),
    POSTBACK_SIGNING_KEYS: () => "pdev1:" + c.randomBytes(32).toString("base64"),
  };
  const missing = Object.keys(wanted).filter((k) => !s[k]);
  for (const k of missing) s[k] = wanted[k]();
  if (missing.length) fs.writeFileSync(file, JSON.stringify(s, null, 2), { mode: 0o600 });
  for (const k of Object.keys(wanted)) console.log(`export ${k}=${JSON.stringify(s[k])}`);')"
export NEXTAUTH_URL="http://localhost:${APP_PORT}"
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-$NEXTAUTH_URL}"
export INVOICE_CLOUD_BASE_URL="${INVOICE_CLOUD_BASE_URL:-http://localhost:${SANDBOX_PORT}}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:${MAILDEV_SMTP_PORT}}"
export MAIL_FROM="${MAIL_FROM:-PermitPay <no-reply@permitpay.test>}"
export NEXT_TELEMETRY_DISABLED=1

echo "==> Migrating the database ($([[ -n "${DATABASE_URL:-}" ]] && echo PostgreSQL || echo "PGlite in ${PGLITE_DATA_DIR:-./data/pglite}"))"
if ! npx prisma migrate deploy > data/migrate.log 2>&1; then
  grep -E "Error|in use" data/migrate.log >&2 || cat data/migrate.log >&2
  echo "Migration failed (full output in data/migrate.log). Is another PermitPay already running on this data folder?" >&2
  exit 1
fi
grep -E "applied|No pending" data/migrate.log | tail -1
echo "==> Seeding demo data"
npx tsx prisma/seed.ts
# The last build is reused when nothing it reads has changed (hash kept beside the build).
DIST_DIR="${NEXT_DIST_DIR:-.next}"
BUILD_HASH="$(node scripts/build-hash.mjs)"
if [[ -f "$DIST_DIR/BUILD_ID" && "$(cat "$DIST_DIR/permitpay-build-hash" 2>/dev/null)" == "$BUILD_HASH" ]]; then
  echo "==> Reusing the last build: no source, config or package changed since (rm -rf $DIST_DIR to rebuild)"
else
  echo "==> Building the app"
  npx next build > data/build.log 2>&1 || { cat data/build.log; exit 1; }
  echo "$BUILD_HASH" > "$DIST_DIR/permitpay-build-hash"
fi

echo "==> Starting the Invoice Cloud sandbox on :${SANDBOX_PORT}"
SANDBOX_PORT="$SANDBOX_PORT" SANDBOX_PUBLIC_URL="http://localhost:${SANDBOX_PORT}" node --import tsx sandbox/src/main.ts > data/sandbox.log 2>&1 &
SANDBOX_PID=$!
echo "==> Starting MailDev: SMTP on :${MAILDEV_SMTP_PORT}, inbox on :${MAILDEV_WEB_PORT}"
node node_modules/maildev/bin/maildev --ip 127.0.0.1 --smtp "$MAILDEV_SMTP_PORT" --web "$MAILDEV_WEB_PORT" > data/maildev.log 2>&1 &
MAILDEV_PID=$!
trap 'kill $SANDBOX_PID $MAILDEV_PID 2>/dev/null || true' EXIT INT TERM

cat <<BANNER

  PermitPay is starting on  http://localhost:${APP_PORT}
  Invoice Cloud sandbox:    http://localhost:${SANDBOX_PORT}/__sandbox  (test cards are listed on its payment page)
  Email inbox (MailDev):    http://localhost:${MAILDEV_WEB_PORT}  (invitations, password resets: every email the demo sends)

  Demo accounts (password: permitpay-demo; for demos and tests only):
    applicant@permitpay.test            applicant: three Mississauga invoices (one above the online maximum)
    applicant2@permitpay.test           applicant: a Mississauga invoice and an Oakville one
    admin@mississauga.permitpay.test    biller admin, City of Mississauga (configured)
    admin@oakville.permitpay.test       biller admin, Town of Oakville (not configured yet)
    platform@permitpay.test             platform admin

  Pay with card 4242 4242 4242 4242, any future expiry, any CVC. Stop with Ctrl+C.
  Start over with fresh demo data: stop, rm -rf data/pglite, run again.

BANNER
npx next start -p "$APP_PORT"
