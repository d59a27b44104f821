#!/usr/bin/env bash
# `npm run reliability`: the fault tests at full size, and docs/reliability.md with what they measured.
#   postback storm   e2e/postback-storm.spec.ts           STORM_ATTEMPTS (2000) across two instances
#   outage           e2e/postback-outage.spec.ts          OUTAGE_SECONDS (600) with OUTAGE_APPROVALS (200)
#   crash steps      e2e/crash-during-pay-online.spec.ts  CRASH_REAL_WAIT (1): the 2-minute hold waited out
#   fuzz             test/fuzz-routes.int.test.ts          FUZZ_RUNS (2000) per property, on PostgreSQL
#   action fuzz      e2e/fuzz-actions.spec.ts             FUZZ_ACTION_RUNS (60) per server action
# CI runs the same tests smaller (150 attempts, a 60 s outage, the hold simulated, 300 and 8 fuzz runs).
# The tests assert the outcomes; the durations are reported, never asserted. Needs PostgreSQL
# (TEST_DATABASE_URL, default the local server) and its initdb/pg_ctl for the outage's own cluster.
# Ports as for `npm test` (E2E_APP_PORT, E2E_SANDBOX_PORT, ..., E2E_TWO_INSTANCE_PORTS).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next-reliability}"
export STORM_ATTEMPTS="${STORM_ATTEMPTS:-2000}"
export OUTAGE_SECONDS="${OUTAGE_SECONDS:-600}"
export OUTAGE_APPROVALS="${OUTAGE_APPROVALS:-200}"
export CRASH_REAL_WAIT="${CRASH_REAL_WAIT:-1}"
export FUZZ_RUNS="${FUZZ_RUNS:-2000}"
export FUZZ_ACTION_RUNS="${FUZZ_ACTION_RUNS:-60}"
OUT=reports/reliability
rm -rf "$OUT"
mkdir -p "$OUT"

source scripts/setup.sh
require_node
ensure_npm_packages
ensure_chromium

stamp() { date -u +%Y-%m-%dT%H:%M:%SZ; }
echo "started=$(stamp)" > "$OUT/run.env"
echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >> "$OUT/run.env"
for name in STORM_ATTEMPTS OUTAGE_SECONDS OUTAGE_APPROVALS CRASH_REAL_WAIT FUZZ_RUNS FUZZ_ACTION_RUNS; do echo "$name=${!name}" >> "$OUT/run.env"; done

# The e2e specs run on the production build; it is reused when nothing it reads has changed.
BUILD_HASH="$(node scripts/build-hash.mjs)"
if [[ -f "$NEXT_DIST_DIR/BUILD_ID" && "$(cat "$NEXT_DIST_DIR/permitpay-build-hash" 2>/dev/null)" == "$BUILD_HASH" ]]; then
  echo "==> Reusing the build in $NEXT_DIST_DIR"
else
  echo "==> next build into $NEXT_DIST_DIR"
  npx next build > "$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
  echo "$BUILD_HASH" > "$NEXT_DIST_DIR/permitpay-build-hash"
fi

run_spec() { # name spec: one Playwright spec, its output kept for the report
  local name=$1 spec=$2 started
  echo "==> $name ($spec)"
  started=$(date +%s)
  # Its own artifacts folder: another Playwright run in this tree empties test-results/ when it starts.
  PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/$name.json" npx playwright test "$spec" --project postgres --workers=1 --reporter=list,json \
    --output "$OUT/test-results-$name" \
    2>&1 | tee "$OUT/$name.log"
  echo "${name}_seconds=$(( $(date +%s) - started ))" >> "$OUT/run.env"
}
run_spec storm e2e/postback-storm.spec.ts
run_spec outage e2e/postback-outage.spec.ts
run_spec crash e2e/crash-during-pay-online.spec.ts
run_spec fuzz-actions e2e/fuzz-actions.spec.ts

echo "==> fuzz (FUZZ_RUNS=$FUZZ_RUNS)"
started=$(date +%s)
npx vitest run test/fuzz-routes.int.test.ts --project integration-postgres --reporter=default --reporter=json \
  --outputFile.json="$OUT/fuzz.json" 2>&1 | tee "$OUT/fuzz.log"
echo "fuzz_seconds=$(( $(date +%s) - started ))" >> "$OUT/run.env"
echo "finished=$(stamp)" >> "$OUT/run.env"
echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >> "$OUT/run.env"

node scripts/reliability-report.mjs "$OUT" docs/reliability.md
