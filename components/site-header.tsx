import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/guards";
import { paths } from "@/lib/paths";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

const NAV = {
  APPLICANT: [
    { href: paths.portal.invoices, label: "invoices" },
    { href: paths.portal.payments, label: "paymentHistory" },
  ],
  BILLER_ADMIN: [
    { href: paths.admin.paymentSettings, label: "paymentSettings" },
    { href: paths.admin.payments, label: "payments" },
    { href: paths.admin.reports, label: "reconciliation" },
    { href: paths.admin.invoices, label: "adminInvoices" },
    { href: paths.admin.apiCredentials, label: "apiCredentials" },
    { href: paths.admin.webhooks, label: "webhooks" },
    { href: paths.admin.audit, label: "audit" },
  ],
  PLATFORM_ADMIN: [
    { href: paths.platform.billers, label: "billers" },
    { href: paths.platform.outbox, label: "outbox" },
  ],
} as const;

/** The header's two forms post to server actions that live with the app (app/language, app/session). */
export type HeaderActions = { chooseLanguage: (form: FormData) => Promise<void>; signOut: () => Promise<void> };

export async function SiteHeader({ actions }: { actions: HeaderActions }) {
  const user = await getCurrentUser();
  const t = await getTranslations("header");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href={paths.home} className="text-brand-900 text-lg font-semibold">
          {t("home")}
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          {user ? (
            <nav aria-label={t("mainNav")} className="flex flex-wrap items-center gap-x-4 gap-y-2">
              {NAV[user.role].map((item) => (
                <Link key={item.href} href={item.href} className="text-brand-700 underline-offset-4 hover:underline">
                  {t(`nav.${item.label}`)}
                </Link>
              ))}
              <span className="break-all text-slate-600">{user.email}</span>
              <SignOutButton action={actions.signOut} />
            </nav>
          ) : null}
          <LanguageSwitch action={actions.chooseLanguage} />
        </div>
      </div>
    </header>
  );
}
