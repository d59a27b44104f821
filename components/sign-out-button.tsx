// Sign out: a plain form posting to a server action (app/session/actions.ts, handed down by the
// layout), so it works without JavaScript and costs the page none.
import { getTranslations } from "next-intl/server";

export async function SignOutButton({ action }: { action: () => Promise<void> }) {
  const t = await getTranslations("header");
  return (
    <form action={action}>
      <button type="submit" className="min-h-6 rounded border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-100">
        {t("signOut")}
      </button>
    </form>
  );
}
