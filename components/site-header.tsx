import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/guards";
import { paths } from "@/lib/paths";
import { SignOutButton } from "./sign-out-button";

const NAV = {
  APPLICANT: [
    { href: paths.portal.invoices, label: "My invoices" },
    { href: paths.portal.payments, label: "Payment history" },
  ],
  BILLER_ADMIN: [
    { href: paths.admin.paymentSettings, label: "Payment page settings" },
    { href: paths.admin.payments, label: "Payments" },
    { href: paths.admin.reports, label: "Reconciliation" },
    { href: paths.admin.invoices, label: "Invoices" },
    { href: paths.admin.apiCredentials, label: "API credentials" },
    { href: paths.admin.webhooks, label: "Webhooks" },
    { href: paths.admin.audit, label: "Audit log" },
  ],
  PLATFORM_ADMIN: [
    { href: paths.platform.billers, label: "Billers" },
    { href: paths.platform.outbox, label: "Undelivered messages" },
  ],
} as const;

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href={paths.home} className="text-brand-900 text-lg font-semibold">
          PermitPay
        </Link>
        {user ? (
          <nav aria-label="Main" className="flex flex-wrap items-center gap-4 text-sm">
            {NAV[user.role].map((item) => (
              <Link key={item.href} href={item.href} className="text-brand-700 underline-offset-4 hover:underline">
                {item.label}
              </Link>
            ))}
            <span className="text-slate-600">{user.email}</span>
            <SignOutButton />
          </nav>
        ) : null}
      </div>
    </header>
  );
}
