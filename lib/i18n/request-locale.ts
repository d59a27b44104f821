// This request's language: the signed-in user's saved choice, else the cookie set by the
// header's switch, else the browser's Accept-Language.
import "server-only";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "../auth/guards";
import { type AppLocale, isLocale, LOCALE_COOKIE } from "./locales";
import { negotiateLocale } from "./negotiate";

export async function requestLocale(): Promise<AppLocale> {
  const user = await getCurrentUser().catch(() => null);
  if (isLocale(user?.locale)) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale((await headers()).get("accept-language"));
}
