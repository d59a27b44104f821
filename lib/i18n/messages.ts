// The message catalogues, one folder per locale in messages/. common.json's sections sit at the
// top level ("form.problem"); each feature's file is a namespace of its own ("portal.…",
// "admin.…"). The catalogue test (messages.test.ts) checks that both locales have the same keys
// with the same ICU arguments.
import enAdmin from "../../messages/en-CA/admin.json";
import enAuth from "../../messages/en-CA/auth.json";
import enCommon from "../../messages/en-CA/common.json";
import enEmail from "../../messages/en-CA/email.json";
import enPlatform from "../../messages/en-CA/platform.json";
import enPortal from "../../messages/en-CA/portal.json";
import frAdmin from "../../messages/fr-CA/admin.json";
import frAuth from "../../messages/fr-CA/auth.json";
import frCommon from "../../messages/fr-CA/common.json";
import frEmail from "../../messages/fr-CA/email.json";
import frPlatform from "../../messages/fr-CA/platform.json";
import frPortal from "../../messages/fr-CA/portal.json";
import type { AppLocale } from "./locales";

const en = { ...enCommon, portal: enPortal, auth: enAuth, admin: enAdmin, platform: enPlatform, email: enEmail };
const fr = { ...frCommon, portal: frPortal, auth: frAuth, admin: frAdmin, platform: frPlatform, email: frEmail };

/** The English catalogue's shape: next-intl checks every key used in the code against it. */
export type Messages = typeof en;

export const catalogues: Record<AppLocale, Record<string, unknown>> = { "en-CA": en, "fr-CA": fr };

export function loadMessages(locale: AppLocale): Messages {
  return catalogues[locale] as Messages;
}
