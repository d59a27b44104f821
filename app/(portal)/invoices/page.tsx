import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Pagination } from "@/components/pagination";
import { Banner, PageTitle, StatusBadge, inputClass, secondaryButtonClass } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateOnly } from "@/lib/dates";
import { findInvoiceByNumber } from "@/lib/invoices/find-invoice-by-number";
import { returnGraceMs } from "@/lib/env";
import { getBillerPayability } from "@/lib/invoices/get-biller-payability";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { invoicePayability } from "@/lib/invoices/payability";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { InvoicePayAction } from "./invoice-pay-action";
import { PayOnlineForm } from "./pay-online-form";

export const metadata: Metadata = { title: "My invoices" };

type Search = { page?: string; number?: string };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRolePage("APPLICANT", paths.portal.invoices);
  const { page, number } = await searchParams;
  if (number !== undefined && number.trim() !== "") {
    const found = await findInvoiceByNumber({
      applicantId: user.id,
      invoiceNumber: number,
    });
    if (found) redirect(paths.portal.invoice(found.invoiceNumber));
  }
  const list = await listInvoices({
    applicantId: user.id,
    page: Number(page) || 1,
  });
  const billers = await getBillerPayability(list.rows.map((r) => r.billerId));
  const rows = list.rows.map((inv) => ({
    inv,
    pay: invoicePayability(inv, billers.get(inv.billerId), formatCents, { returnGraceMs: returnGraceMs() }),
  }));
  const selectable = rows.filter((r) => r.pay.kind === "payable");

  return (
    <>
      <PageTitle lead={`Signed in as ${user.name}.`}>My permit invoices</PageTitle>

      <form
        method="get"
        action={paths.portal.invoices}
        className="mb-6 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4"
        role="search"
      >
        <div>
          <label htmlFor="number" className="font-medium">
            Find an invoice by number
          </label>
          <input
            id="number"
            name="number"
            defaultValue={number ?? ""}
            inputMode="numeric"
            autoComplete="off"
            className={`${inputClass} w-64`}
            aria-describedby={number ? "number-error" : undefined}
          />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Find invoice
        </button>
        {number !== undefined && number.trim() !== "" ? (
          <p id="number-error" role="alert" className="w-full text-sm font-semibold text-red-700">
            No invoice with that number on your account.
          </p>
        ) : null}
      </form>

      {list.total === 0 ? (
        <Banner title="You have no permit invoices yet." />
      ) : (
        <>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] border-collapse bg-white text-left text-sm">
              <caption className="sr-only">
                Your permit invoices, page {list.page} of {list.pageCount}
              </caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">
                    <span className="sr-only">Select</span>
                  </th>
                  <th scope="col" className="p-2">
                    Permit
                  </th>
                  <th scope="col" className="p-2">
                    Invoice
                  </th>
                  <th scope="col" className="p-2 text-right">
                    Amount
                  </th>
                  <th scope="col" className="p-2">
                    Due
                  </th>
                  <th scope="col" className="p-2">
                    Status
                  </th>
                  <th scope="col" className="p-2">
                    <span className="sr-only">Pay</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ inv, pay }) => (
                  <tr
                    key={inv.id}
                    data-invoice={inv.invoiceNumber}
                    className={`border-b border-slate-200 ${inv.status === "PAID" ? "bg-blue-100" : ""}`}
                  >
                    <td className="p-2 align-top">
                      {pay.kind === "payable" && selectable.length > 1 ? (
                        <input
                          type="checkbox"
                          name="invoiceId"
                          value={inv.id}
                          form="pay-selected"
                          aria-label={`Select invoice ${inv.invoiceNumber}`}
                          className="h-4 w-4"
                        />
                      ) : null}
                    </td>
                    <td className="p-2 align-top">
                      <span className="font-medium">{inv.permit.number}</span>
                      <br />
                      <span className="text-slate-600">{inv.permit.description}</span>
                    </td>
                    <td className="p-2 align-top">
                      <Link href={paths.portal.invoice(inv.invoiceNumber)} className="text-brand-700 underline">
                        {inv.invoiceNumber}
                      </Link>
                      <br />
                      <span className="text-slate-600">
                        {inv.description} · {inv.biller.name}
                      </span>
                    </td>
                    <td className="p-2 text-right align-top tabular-nums">{formatCents(inv.amountDueCents)}</td>
                    <td className="p-2 align-top">{formatDateOnly(inv.dueDate)}</td>
                    <td className="p-2 align-top">
                      <StatusBadge status={inv.status} refundedCents={inv.refundedCents} />
                    </td>
                    <td className="p-2 align-top">
                      <InvoicePayAction pay={pay} invoice={inv} compact />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <div className="mt-4 flex flex-wrap items-center justify-between gap-4">
            {selectable.length > 1 ? (
              <div>
                <p className="mb-2 text-sm text-slate-700">Pay several invoices of the same municipality in one payment:</p>
                <PayOnlineForm formId="pay-selected" label="PAY SELECTED ONLINE" />
              </div>
            ) : (
              <span />
            )}
            <Pagination basePath={paths.portal.invoices} page={list.page} pageCount={list.pageCount} />
          </div>
        </>
      )}
    </>
  );
}
