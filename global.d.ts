// next-intl's types: every key used with t() must exist in the English catalogue, and a locale is
// one of the portal's.
import type { formats } from "./lib/i18n/formats";
import type { AppLocale } from "./lib/i18n/locales";
import type { Messages } from "./lib/i18n/messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
    Formats: typeof formats;
  }
}
