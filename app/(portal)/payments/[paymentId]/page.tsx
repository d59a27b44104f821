// Where "Return to Home Page" lands (through icop-return). Reads only our database: the return
// itself proves nothing. What to show is decided in lib (paymentView); this page only renders it.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { Banner, PageTitle, StatusBadge } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { env, returnGraceMs } from "@/lib/env";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { getApplicantPayment } from "@/lib/payments/get-applicant-payment";
import { paymentView } from "@/lib/payments/payment-view";
import { PayOnlineForm } from "../../invoices/pay-online-form";
import { AbandonForm } from "./abandon-form";

export const metadata: Metadata = { title: "Payment" };

export default async function PaymentPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const user = await requireRolePage("APPLICANT", paths.portal.payment(paymentId));
  const payment = await getApplicantPayment({ applicantId: user.id, paymentId });
  if (!payment) notFound();
  const tz = payment.biller.timeZone;
  const view = paymentView(
    { ...payment, billerName: payment.biller.name, invoices: payment.invoices.map((l) => l.invoice) },
    {
      now: new Date(),
      confirmTimeoutMs: env.RETURN_CONFIRM_TIMEOUT_SECONDS * 1000,
      returnGraceMs: returnGraceMs(),
      formatDateTime: (d) => formatDateTime(d, tz),
    },
  );

  return (
    <>
      <PageTitle lead={`${payment.biller.name} · started ${formatDateTime(payment.createdAt, tz)}`}>
        Payment of {formatCents(payment.totalCents)}
      </PageTitle>

      {view.autoRefresh ? <AutoRefresh intervalMs={2000} /> : null}
      <Banner tone={view.tone} title={view.title}>
        <p>{view.body}</p>
        {view.continueAt ? (
          <p className="mt-1">
            {view.kind === "in_progress" ? "" : "Left Invoice Cloud without paying? "}
            <a href={view.continueAt.url} className="font-semibold underline">
              Continue to Invoice Cloud
            </a>{" "}
            (the link works until {formatDateTime(view.continueAt.until, tz)}).
          </p>
        ) : null}
      </Banner>

      <table className="mb-6 w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">Invoices in this payment</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">
              Invoice
            </th>
            <th scope="col" className="p-2">
              Permit
            </th>
            <th scope="col" className="p-2 text-right">
              Amount
            </th>
            <th scope="col" className="p-2">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {payment.invoices.map(({ invoice, amountCents }) => (
            <tr
              key={invoice.id}
              data-invoice={invoice.invoiceNumber}
              className={`border-b border-slate-200 ${invoice.status === "PAID" ? "bg-blue-100" : ""}`}
            >
              <td className="p-2">
                <Link href={paths.portal.invoice(invoice.invoiceNumber)} className="text-brand-700 underline">
                  {invoice.invoiceNumber}
                </Link>{" "}
                <span className="text-slate-600">{invoice.description}</span>
              </td>
              <td className="p-2">{invoice.permit.number}</td>
              <td className="p-2 text-right tabular-nums">{formatCents(amountCents)}</td>
              <td className="p-2">
                <StatusBadge status={invoice.status} refundedCents={invoice.refundedCents} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="flex flex-wrap items-center gap-4">
        {view.retryInvoiceIds.length > 0 ? <PayOnlineForm invoiceIds={view.retryInvoiceIds} label="Try again: PAY ONLINE" /> : null}
        {view.canAbandon ? <AbandonForm paymentId={payment.id} /> : null}
        <Link href={paths.portal.invoices} className="text-brand-700 underline">
          Back to my invoices
        </Link>
        <Link href={paths.portal.payments} className="text-brand-700 underline">
          Payment history
        </Link>
      </div>
    </>
  );
}
