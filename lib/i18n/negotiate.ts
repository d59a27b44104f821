// A first visit's language: the browser's Accept-Language, matched against the portal's locales
// (so "fr", "fr-FR" and "fr-BE;q=0.9" all choose fr-CA). Anything unreadable gives English.
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { type AppLocale, DEFAULT_LOCALE, LOCALES } from "./locales";

export function negotiateLocale(acceptLanguage: string | null | undefined): AppLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } })
    .languages()
    .filter((tag) => tag !== "*" && isWellFormed(tag));
  if (requested.length === 0) return DEFAULT_LOCALE;
  try {
    return match(requested, [...LOCALES], DEFAULT_LOCALE, { algorithm: "best fit" }) as AppLocale;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function isWellFormed(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
