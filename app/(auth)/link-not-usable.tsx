// What a spent, expired or mistyped account link shows instead of the form.
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Banner, buttonClass } from "@/components/ui";
import { accountPaths } from "@/lib/accounts/account-links";

export async function LinkNotUsable() {
  const t = await getTranslations("auth.linkNotUsable");
  return (
    <div className="rounded border border-slate-200 bg-white p-4 sm:p-6">
      <Banner tone="error" title={t("title")}>
        {t("body")}
      </Banner>
      <Link href={accountPaths.forgotPassword} className={buttonClass}>
        {t("askNewLink")}
      </Link>
    </div>
  );
}
