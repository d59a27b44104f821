// The portal's languages. Canadian English and Canadian French: money is in Canadian dollars
// ("$1,250.00", "1 250,00 $") and dates read the Canadian way. The locale is not in the URL: see
// docs/architecture.md ("Languages").

export const LOCALES = ["en-CA", "fr-CA"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en-CA";

/** The cookie that remembers the choice (next-intl's name for it). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Each language's name in itself, as the header's switch shows it. */
export const LOCALE_NAMES: Record<AppLocale, string> = { "en-CA": "English", "fr-CA": "Français" };

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The HTML lang of a locale's language, e.g. "fr" for the switch's label written in French. */
export function languageOf(locale: AppLocale): string {
  return locale.slice(0, 2);
}
