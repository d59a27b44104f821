import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Banner, PageTitle, StatusBadge } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateOnly, formatDateTime } from "@/lib/dates";
import { findInvoiceByNumber } from "@/lib/invoices/find-invoice-by-number";
import { returnGraceMs } from "@/lib/env";
import { getBillerPayability } from "@/lib/invoices/get-biller-payability";
import { invoicePayability } from "@/lib/invoices/payability";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { InvoicePayAction } from "../invoice-pay-action";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ invoiceNumber: string }> }) {
  const { invoiceNumber } = await params;
  const user = await requireRolePage("APPLICANT", paths.portal.invoice(invoiceNumber));
  const invoice = await findInvoiceByNumber({ applicantId: user.id, invoiceNumber: decodeURIComponent(invoiceNumber) });
  if (!invoice) notFound();
  const billers = await getBillerPayability([invoice.billerId]);
  const pay = invoicePayability(invoice, billers.get(invoice.billerId), formatCents, { returnGraceMs: returnGraceMs() });
  const paid = invoice.status === "PAID";

  return (
    <>
      <p className="mb-4">
        <Link href={paths.portal.invoices} className="text-brand-700 underline">
          ← All my invoices
        </Link>
      </p>
      <PageTitle lead={`${invoice.biller.name} · Permit ${invoice.permit.number}`}>Invoice {invoice.invoiceNumber}</PageTitle>
      <section
        aria-label="Invoice"
        className={`mb-6 rounded border p-6 ${paid ? "border-blue-700 bg-blue-100" : "border-slate-200 bg-white"}`}
      >
        <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">Permit</dt>
            <dd>{invoice.permit.description}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Fee</dt>
            <dd>{invoice.description}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Amount</dt>
            <dd className="text-xl font-semibold tabular-nums">{formatCents(invoice.amountDueCents)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Due</dt>
            <dd>{formatDateOnly(invoice.dueDate)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Status</dt>
            <dd>
              <StatusBadge status={invoice.status} refundedCents={invoice.refundedCents} />
            </dd>
          </div>
          {paid && invoice.paidAt ? (
            <div>
              <dt className="text-sm text-slate-600">Paid</dt>
              <dd>
                {formatDateTime(invoice.paidAt, invoice.biller.timeZone)}
                {invoice.paymentGuid ? (
                  <span className="block text-xs text-slate-600">Invoice Cloud payment {invoice.paymentGuid}</span>
                ) : null}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      {pay.kind === "not_available" || pay.kind === "over_maximum" ? (
        <Banner
          tone="warning"
          title={pay.kind === "over_maximum" ? "This invoice cannot be paid online" : "Online payment is not available"}
        >
          {pay.message}
        </Banner>
      ) : (
        <InvoicePayAction pay={pay} invoice={invoice} />
      )}
    </>
  );
}
