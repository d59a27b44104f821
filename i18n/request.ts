// next-intl's per-request configuration: the locale (lib/i18n/request-locale.ts) and its catalogue.
import { getRequestConfig } from "next-intl/server";
import { formats } from "@/lib/i18n/formats";
import { requestLocale } from "@/lib/i18n/request-locale";
import { loadMessages } from "@/lib/i18n/messages";

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: loadMessages(locale), formats, timeZone: "UTC" };
});
