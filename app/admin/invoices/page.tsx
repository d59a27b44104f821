import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Invoices" };

export default async function AdminInvoicesPage() {
  await requireRolePage("BILLER_ADMIN", paths.admin.invoices);
  const items = [
    {
      href: paths.admin.newInvoice,
      title: "Issue an invoice",
      text: "Fill in one invoice. A new applicant gets an email inviting them to set a password.",
    },
    {
      href: paths.admin.importInvoices,
      title: "Import invoices from a CSV file",
      text: "Check a whole file first, see a preview, then import every row or none.",
    },
    {
      href: paths.admin.apiCredentials,
      title: "API credentials",
      text: "Let your permit system create invoices through the Invoices API.",
    },
    { href: paths.admin.apiReference, title: "API reference", text: "Every endpoint of the Invoices API, with its fields and answers." },
  ];
  return (
    <>
      <PageTitle>Invoices</PageTitle>
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
