// A dollar amount as a biller admin types it, in English ("1,250.00", "$1250") or in French
// ("1 250,00", "1250,5 $"), to integer cents; null when it is not a non-negative amount with at
// most 2 decimals. Unambiguous in both languages: a comma followed by 1 or 2 digits at the end is a
// decimal comma (English groups thousands by 3 digits), and spaces only ever group thousands.
import type { AppLocale } from "../i18n/locales";
import { centsToDecimalString, parseDollarsToCents } from "../money";

const FRENCH = /^(\d{1,3}([ \u00a0\u202f]\d{3})+|\d+)(,\d{1,2})?$/;

export function parseTypedDollars(input: string): number | null {
  const text = input
    .trim()
    .replace(/[\s\u00a0\u202f]*\$$/, "")
    .trim();
  if (FRENCH.test(text) && (/,\d{1,2}$/.test(text) || /[ \u00a0\u202f]/.test(text))) {
    return parseDollarsToCents(text.replace(/[ \u00a0\u202f]/g, "").replace(",", "."));
  }
  return parseDollarsToCents(text);
}

/** Cents as an admin would type them back into a form: "2500.00" in English, "2500,00" in French. */
export function typedDollars(cents: number, locale: AppLocale): string {
  const text = centsToDecimalString(cents);
  return locale === "fr-CA" ? text.replace(".", ",") : text;
}
