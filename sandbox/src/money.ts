// Money is handled as integer cents. Decimal numbers from JSON are parsed from
// their shortest string form (never by multiplying floats).

const DECIMAL_RE = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Integer cents for a non-negative number with at most 2 decimals, else null. */
export function toCents(value: number): number | null {
  if (!Number.isFinite(value) || value < 0) return null;
  const match = DECIMAL_RE.exec(String(value));
  if (!match) return null;
  const whole = match[1] ?? "0";
  const frac = (match[2] ?? "").padEnd(2, "0");
  const cents = Number(whole) * 100 + Number(frac);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** "60.00" style string from integer cents. */
export function centsToDecimal(cents: number): `${number}` {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, "0");
  return `${sign}${whole}.${frac}` as `${number}`;
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** "$1,234.50" from integer cents. */
export function formatUsd(cents: number): string {
  return usd.format(centsToDecimal(cents));
}
