// Saves a signed-in user's language on their profile.
import "server-only";
import { db } from "../db";
import type { AppLocale } from "./locales";

export async function chooseLocale(userId: string | null, locale: AppLocale): Promise<void> {
  if (userId) await db.user.update({ where: { id: userId }, data: { locale } });
}
