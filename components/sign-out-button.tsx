// Sign out: a plain form posting to a server action (app/session/actions.ts), so it works
// without JavaScript and costs the page none.
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/session/actions";

export async function SignOutButton() {
  const t = await getTranslations("header");
  return (
    <form action={signOutAction}>
      <button type="submit" className="min-h-6 rounded border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-100">
        {t("signOut")}
      </button>
    </form>
  );
}
