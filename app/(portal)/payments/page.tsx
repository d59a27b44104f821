import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { listApplicantPayments } from "@/lib/payments/get-applicant-payment";
import { STATUS_LABEL } from "./status-label";

export const metadata: Metadata = { title: "Payment history" };

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireRolePage("APPLICANT", paths.portal.payments);
  const { page } = await searchParams;
  const list = await listApplicantPayments({
    applicantId: user.id,
    page: Number(page) || 1,
  });
  return (
    <>
      <PageTitle lead="Every payment you started, and what happened to it.">Payment history</PageTitle>
      {list.total === 0 ? (
        <p>You have not started any payments yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Your payments</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  Started
                </th>
                <th scope="col" className="p-2">
                  Municipality
                </th>
                <th scope="col" className="p-2">
                  Invoices
                </th>
                <th scope="col" className="p-2 text-right">
                  Total
                </th>
                <th scope="col" className="p-2">
                  Outcome
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((p) => (
                <tr key={p.id} className={`border-b border-slate-200 ${p.status === "PAID" ? "bg-blue-100" : ""}`}>
                  <td className="p-2">
                    <Link href={paths.portal.payment(p.id)} className="text-brand-700 underline">
                      {formatDateTime(p.createdAt, p.biller.timeZone)}
                    </Link>
                  </td>
                  <td className="p-2">{p.biller.name}</td>
                  <td className="p-2">{p.invoices.map((i) => i.invoice.invoiceNumber).join(", ")}</td>
                  <td className="p-2 text-right tabular-nums">{formatCents(p.totalCents)}</td>
                  <td className="p-2">
                    {STATUS_LABEL[p.status]}
                    {p.status === "DECLINED" && p.failureReason ? (
                      <span className="block text-xs text-slate-600">{p.failureReason}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath={paths.portal.payments} page={list.page} pageCount={list.pageCount} />
    </>
  );
}
