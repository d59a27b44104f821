#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit + contract + sandbox tests, integration tests on PGlite and
# PostgreSQL, a production build, and the Playwright flows in Debian's Chromium.
# Ends with "N passed, N failed". PostgreSQL: TEST_DATABASE_URL (default the local server);
# outside CI a missing server skips those tests loudly; with CI=true it is required.
# Set-up first, as `npm run demo` does: npm ci when needed, Chromium when missing. Every server it
# starts (the sandbox, the apps for Playwright) stops with it.
# Ports for Playwright: E2E_APP_PORT (3100), E2E_PGLITE_PORT (3101), E2E_SANDBOX_PORT (4110).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next-e2e}"
mkdir -p reports

source scripts/setup.sh
require_node
ensure_npm_packages
ensure_chromium

passed=0
failed=0
skipped=0
check() { # a named check that counts as one test
  local name=$1; shift
  echo "==> $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}
count_json() { # adds a runner's JSON summary to the totals
  local file=$1 kind=$2
  [[ -f "$file" ]] || { failed=$((failed + 1)); echo "no results from $kind" >&2; return; }
  read -r p f s < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (process.argv[2] === "vitest") console.log(r.numPassedTests, r.numFailedTests + (r.numTotalTestSuites > 0 && r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? 1 : 0), r.numPendingTests + r.numTodoTests);
    else console.log(r.stats.expected + r.stats.flaky, r.stats.unexpected, r.stats.skipped);' "$file" "$kind")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}

# Without a reachable PostgreSQL (outside CI), the e2e run keeps to the PGlite project.
if ! node -e '
  const pg = require("pg");
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test", connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));' 2>/dev/null; then
  if [[ "${CI:-}" == "true" ]]; then
    echo "PostgreSQL is required under CI=true but is unreachable." >&2
    failed=$((failed + 1))
  else
    echo "!!! SKIPPING the PostgreSQL e2e project: no PostgreSQL reachable. Set TEST_DATABASE_URL. !!!" >&2
    export E2E_NO_POSTGRES=1
  fi
fi

# The servers Playwright starts need their ports: a busy one stops the run now, not after the build.
if [[ -z "${E2E_BASE_URL:-}" ]]; then
  require_free_port "${E2E_SANDBOX_PORT:-4110}" "E2E_SANDBOX_PORT=4210 npm test"
  require_free_port "${E2E_PGLITE_PORT:-3101}" "E2E_PGLITE_PORT=3201 npm test"
  [[ -n "${E2E_NO_POSTGRES:-}" ]] || require_free_port "${E2E_APP_PORT:-3100}" "E2E_APP_PORT=3200 npm test"
fi

check "format" npx prettier --check . --log-level warn
check "lint" npx eslint . --max-warnings=0
check "typecheck (app)" npx tsc --noEmit
check "typecheck (sandbox)" npx tsc -p sandbox --noEmit

echo "==> vitest: unit, contract, sandbox, integration (PGlite and PostgreSQL)"
rm -f reports/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
count_json reports/vitest.json vitest

echo "==> next build"
if npx next build > reports/build.log 2>&1; then
  passed=$((passed + 1))
  echo "==> playwright"
  rm -f reports/playwright.json
  PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json npx playwright test --reporter=list,json ${E2E_NO_POSTGRES:+--project pglite}
  count_json reports/playwright.json playwright
else
  cat reports/build.log
  failed=$((failed + 1))
fi

echo
if (( skipped > 0 )); then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[[ $failed -eq 0 ]]
