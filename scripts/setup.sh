# Set-up steps shared by `npm test`, `npm run demo` and `npm run dev` (sourced, not run).
# Each step either does its job or stops with one line saying what to do.

# Node.js 20.19 or newer.
require_node() {
  if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
    echo "PermitPay needs Node.js 20.19 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
    exit 1
  fi
}

# npm ci when node_modules is missing or older than package-lock.json.
ensure_npm_packages() {
  if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "==> Installing npm packages (npm ci)"
    npm ci --no-audit --no-fund || { echo "npm ci failed (see above)." >&2; exit 1; }
  fi
}

# Debian's Chromium for Playwright: installed with apt-get when it is missing and we may
# (root, or sudo without a password); otherwise the one command to run.
ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [[ -x "$chromium" ]] && return 0
  local install="apt-get install -y chromium"
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    echo "Chromium is missing at CHROMIUM_PATH=$chromium. Point CHROMIUM_PATH at a Chromium, or unset it and run: sudo $install" >&2
    exit 1
  fi
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo -n"
    else
      echo "Chromium is missing. Install Debian's package, then run npm test again: sudo $install" >&2
      exit 1
    fi
  fi
  echo "==> Installing Debian's Chromium (apt-get)"
  # Another apt-get may hold the lock for a while; wait for it instead of failing.
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium >/dev/null ||
    { echo "Installing Chromium failed. Run: sudo $install" >&2; exit 1; }
  [[ -x "$chromium" ]] || { echo "apt-get finished but $chromium is still missing." >&2; exit 1; }
}

# Stops with the port's number, what holds it (when `ss` can tell) and the variable that moves it.
#   require_free_port 3000 "PORT=3001 npm run demo"
require_free_port() {
  local port=$1 instead=$2
  if ! node -e '
    const s = require("node:net").createServer();
    s.once("error", () => process.exit(1));
    s.listen(Number(process.argv[1]), () => s.close(() => process.exit(0)));' "$port" 2>/dev/null; then
    local holder=""
    if command -v ss >/dev/null 2>&1; then
      holder=$(ss -Hltnp "sport = :$port" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1, pid \2/p' | head -1)
    fi
    holder=${holder/ (v*,/,} # "next-server (v16…" as ss truncates it: the name is enough
    echo "Port $port is already in use${holder:+ (by $holder)}. Stop that program, or use another port: $instead" >&2
    exit 1
  fi
}
