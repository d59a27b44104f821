import type { Metadata } from "next";
import { PageTitle, StatusBadge } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateOnly } from "@/lib/dates";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "My invoices" };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireRolePage("APPLICANT", paths.portal.invoices);
  const { page } = await searchParams;
  const list = await listInvoices({ applicantId: user.id, page: Number(page) || 1 });
  return (
    <>
      <PageTitle lead={`Signed in as ${user.name}.`}>My permit invoices</PageTitle>
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">Your permit invoices</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">Permit</th>
            <th scope="col" className="p-2">Invoice</th>
            <th scope="col" className="p-2 text-right">Amount</th>
            <th scope="col" className="p-2">Due</th>
            <th scope="col" className="p-2">Status</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((inv) => (
            <tr key={inv.id} className={inv.status === "PAID" ? "bg-blue-100" : "border-b border-slate-200"}>
              <td className="p-2">
                <span className="font-medium">{inv.permit.number}</span>
                <br />
                <span className="text-slate-600">{inv.permit.description}</span>
              </td>
              <td className="p-2">
                {inv.invoiceNumber}
                <br />
                <span className="text-slate-600">{inv.description}</span>
              </td>
              <td className="p-2 text-right tabular-nums">{formatCents(inv.amountDueCents)}</td>
              <td className="p-2">{formatDateOnly(inv.dueDate)}</td>
              <td className="p-2">
                <StatusBadge status={inv.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
