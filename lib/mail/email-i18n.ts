// An email's language: its words come from messages/<locale>/email.json through next-intl's
// createTranslator (emails are rendered outside a request, often by the outbox worker), and its
// money and dates are formatted for the same locale, in the biller's time zone.
import { createTranslator } from "next-intl";
import { formatDateTime } from "../dates";
import { formats } from "../i18n/formats";
import { type AppLocale, DEFAULT_LOCALE, isLocale } from "../i18n/locales";
import { loadMessages } from "../i18n/messages";
import { formatCents } from "../money";

export function emailTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: "email", formats });
}

export type EmailTranslator = ReturnType<typeof emailTranslator>;

/** What every template is given beside its props: the language, its words, and its formats. */
export type EmailContext = {
  locale: AppLocale;
  t: EmailTranslator;
  money: (cents: number) => string;
  /** An instant (ISO string, as stored in the outbox) in the given IANA time zone. */
  dateTime: (iso: string, timeZone: string) => string;
};

export function emailContext(locale: AppLocale): EmailContext {
  return {
    locale,
    t: emailTranslator(locale),
    money: (cents) => formatCents(cents, locale),
    dateTime: (iso, timeZone) => formatDateTime(new Date(iso), timeZone, locale),
  };
}

/** A recipient's saved language (User.locale), or English when they have none or it is unknown. */
export function recipientLocale(saved: string | null | undefined): AppLocale {
  return isLocale(saved) ? saved : DEFAULT_LOCALE;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long a link works, in words: "7 days", "1 hour" / « 7 jours », « 1 heure ». */
export function durationText(t: EmailTranslator, ms: number): string {
  if (ms >= DAY && ms % DAY === 0) return t("duration.days", { count: ms / DAY });
  if (ms >= HOUR && ms % HOUR === 0) return t("duration.hours", { count: ms / HOUR });
  return t("duration.minutes", { count: Math.max(1, Math.round(ms / MINUTE)) });
}
