import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { paths } from "@/lib/paths";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.invoices"))("title") };
}

export default async function AdminInvoicesPage() {
  await requireRolePage("BILLER_ADMIN", paths.admin.invoices);
  const t = await getTranslations("admin.invoices");
  const items = [
    { href: paths.admin.newInvoice, title: t("issueTitle"), text: t("issueText") },
    { href: paths.admin.importInvoices, title: t("importTitle"), text: t("importText") },
    { href: paths.admin.apiCredentials, title: t("credentialsTitle"), text: t("credentialsText") },
    { href: paths.admin.apiReference, title: t("referenceTitle"), text: t("referenceText") },
  ];
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <ul className="grid gap-4 sm:grid-cols-2">
        {items.map((item) => (
          <li key={item.href} className="rounded border border-slate-200 bg-white p-4">
            <Link href={item.href} className="text-brand-700 text-lg font-semibold underline">
              {item.title}
            </Link>
            <p className="mt-1 text-slate-700">{item.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
