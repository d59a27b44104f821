// Dates in a biller's time zone. Timestamps are stored in UTC; "today" depends on the biller.
// What a person reads follows their language (en-CA or fr-CA); what Invoice Cloud reads does not.
import { type AppLocale, DEFAULT_LOCALE } from "./i18n/locales";

/** The calendar date in `timeZone` at `now`, as Invoice Cloud wants it: MM/DD/YYYY. */
export function invoiceCloudDate(now: Date, timeZone: string): string {
  const parts = cached(
    `icd|${timeZone}`,
    () => new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
  ).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("month")}/${get("day")}/${get("year")}`;
}

/** A date-only value (stored as UTC midnight), e.g. a due date: "Dec 15, 2026", "15 déc. 2026". */
export function formatDateOnly(date: Date, locale: AppLocale = DEFAULT_LOCALE): string {
  return cached(`medium|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" })).format(date);
}

/** A date-only value in full: "December 15, 2026", "15 décembre 2026". */
export function formatLongDate(date: Date, locale: AppLocale = DEFAULT_LOCALE): string {
  return cached(`long|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" })).format(date);
}

/** A moment shown in the biller's zone: "Nov 26, 2026, 9:14 a.m. EST", "26 nov. 2026, 09 h 14 HNE". */
export function formatDateTime(date: Date, timeZone: string, locale: AppLocale = DEFAULT_LOCALE): string {
  return dateTimeFormat(locale, timeZone).format(date);
}

// Building an Intl.DateTimeFormat costs far more than using one (a month's CSV formats thousands
// of moments, a page of invoices dozens of dates): one per kind, language and zone, kept for the
// life of the process. The keys are bounded: two languages, and the zones billers are set to.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, build: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = build();
    dateTimeFormats.set(key, format);
  }
  return format;
}

function dateTimeFormat(locale: AppLocale, timeZone: string): Intl.DateTimeFormat {
  return cached(
    `moment|${locale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZone,
        timeZoneName: "short",
      }),
  );
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
