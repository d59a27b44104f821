// The header's language switch: one button that names the other language in that language
// ("Français" / "English"). A plain form, so it works without JavaScript and from the keyboard.
import { getLocale, getTranslations } from "next-intl/server";
import { type AppLocale, languageOf, LOCALE_NAMES } from "@/lib/i18n/locales";

export async function LanguageSwitch({ action }: { action: (form: FormData) => Promise<void> }) {
  const locale = await getLocale();
  const other: AppLocale = locale === "fr-CA" ? "en-CA" : "fr-CA";
  const t = await getTranslations("language");
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={languageOf(other)}
        title={t("switchToDescription")}
        className="min-h-6 min-w-6 rounded border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-100"
      >
        {LOCALE_NAMES[other]}
      </button>
    </form>
  );
}
