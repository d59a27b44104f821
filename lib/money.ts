// Money is integer cents everywhere; these are the only conversions to and from text.
// Billers are Canadian municipalities: amounts are Canadian dollars, written the way the reader's
// language writes them.
import { type AppLocale, DEFAULT_LOCALE } from "./i18n/locales";

const formatters: Record<AppLocale, Intl.NumberFormat> = {
  "en-CA": new Intl.NumberFormat("en-CA", { style: "currency", currency: "CAD" }),
  "fr-CA": new Intl.NumberFormat("fr-CA", { style: "currency", currency: "CAD" }),
};

/** 123456 → "$1,234.56" (en-CA), "1 234,56 $" (fr-CA, with non-breaking spaces). */
export function formatCents(cents: number, locale: AppLocale = DEFAULT_LOCALE): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not an integer amount of cents: ${cents}`);
  return formatters[locale].format(cents / 100);
}

/** 6000 → 60 as a number with at most 2 decimals, for Invoice Cloud's BalanceDue. */
export function centsToDecimalNumber(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not an integer amount of cents: ${cents}`);
  return Number(centsToDecimalString(cents));
}

/** 6000 → "60.00" */
export function centsToDecimalString(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * Parses a dollar amount typed by a person or sent by Invoice Cloud, without float maths:
 * "1,500.00", "$1500", "1500.5" → cents. Returns null when it is not a non-negative amount
 * with at most 2 decimals.
 */
export function parseDollarsToCents(input: string): number | null {
  const text = input.trim().replace(/^\$\s*/, "");
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(text) && !/^\.\d{1,2}$/.test(text)) return null;
  const [whole = "0", fraction = ""] = text.replaceAll(",", "").split(".");
  const cents = Number(whole || "0") * 100 + Number(fraction.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}
