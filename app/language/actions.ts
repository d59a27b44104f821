"use server";
// The header's language switch: remembers the choice in a cookie and, for a signed-in user, on
// their profile (so it follows them to another browser).
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/guards";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { chooseLocale } from "@/lib/i18n/choose-locale";
import { languageChoiceSchema } from "./schema";

export async function chooseLanguage(formData: unknown): Promise<void> {
  // A crafted call may send anything as the argument: only a form is read.
  if (!(formData instanceof FormData)) return;
  const parsed = languageChoiceSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return; // an unknown language changes nothing
  const user = await getCurrentUser();
  await chooseLocale(user?.id ?? null, parsed.data.locale);
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
}
