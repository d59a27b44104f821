// Where "Return to Home Page" lands (through icop-return). Reads only our database: the
// return itself proves nothing. Shows "confirming" until the postback lands, then PAID.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { Banner, PageTitle, StatusBadge } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { env } from "@/lib/env";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { getApplicantPayment } from "@/lib/payments/get-applicant-payment";
import { RELEASED_AFTER_REVIEW, SUPERSEDED } from "@/lib/payments/attempt-reasons";
import { PayOnlineForm } from "../../invoices/pay-online-form";

export const metadata: Metadata = { title: "Payment" };

/** Invoice Cloud's messages may lack a full stop ("Your card was declined"). */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

export default async function PaymentPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const user = await requireRolePage("APPLICANT", paths.portal.payment(paymentId));
  const payment = await getApplicantPayment({ applicantId: user.id, paymentId });
  if (!payment) notFound();
  const tz = payment.biller.timeZone;
  const open = payment.status === "CREATED" || payment.status === "REDIRECTED";
  // eslint-disable-next-line react-hooks/purity -- a server render reads the clock once
  const now = Date.now();
  const confirming = open && payment.returnedAt && now - payment.returnedAt.getTime() < env.RETURN_CONFIRM_TIMEOUT_SECONDS * 1000;
  const superseded = payment.failureReason === SUPERSEDED;
  const releasedAfterReview = payment.failureReason?.startsWith(RELEASED_AFTER_REVIEW) ?? false;
  const unpaidIds = payment.invoices.filter((l) => l.invoice.status === "UNPAID").map((l) => l.invoice.id);

  return (
    <>
      <PageTitle lead={`${payment.biller.name} · started ${formatDateTime(payment.createdAt, tz)}`}>
        Payment of {formatCents(payment.totalCents)}
      </PageTitle>

      {payment.status === "PAID" ? (
        <Banner tone="success" title="Payment received">
          Thank you. Invoice Cloud confirmed your payment{payment.paymentGuid ? ` (reference ${payment.paymentGuid})` : ""}. Your invoices
          are marked PAID.
        </Banner>
      ) : null}
      {confirming ? (
        <>
          <AutoRefresh intervalMs={2000} />
          <Banner title="We're confirming your payment with Invoice Cloud">
            <p>This page updates by itself. If you paid, please do not pay again.</p>
            {payment.hostedPageUrl ? (
              <p className="mt-1">
                Left Invoice Cloud without paying?{" "}
                <a href={payment.hostedPageUrl} className="font-semibold underline">
                  Continue to Invoice Cloud
                </a>
                .
              </p>
            ) : null}
          </Banner>
        </>
      ) : null}
      {open && !confirming && payment.returnedAt ? (
        <Banner tone="warning" title="Invoice Cloud has not confirmed this payment yet">
          <p>
            If you completed the payment, please do not pay again: your invoice will show PAID as soon as Invoice Cloud confirms it, usually
            within minutes. Reload this page later.
          </p>
          {payment.hostedPageUrl ? (
            <p className="mt-1">
              If you did not finish paying,{" "}
              <a href={payment.hostedPageUrl} className="font-semibold underline">
                continue to Invoice Cloud
              </a>{" "}
              (the link works until {formatDateTime(payment.expiresAt, tz)}).
            </p>
          ) : null}
        </Banner>
      ) : null}
      {open && !payment.returnedAt && payment.hostedPageUrl ? (
        <Banner title="This payment is in progress at Invoice Cloud">
          <a href={payment.hostedPageUrl} className="font-semibold underline">
            Continue to Invoice Cloud
          </a>{" "}
          to finish it (the link works until {formatDateTime(payment.expiresAt, tz)}).
        </Banner>
      ) : null}
      {payment.status === "DECLINED" && releasedAfterReview ? (
        <Banner tone="warning" title={`${payment.biller.name} checked this payment and released your invoices`}>
          Nothing was kept from this payment. Your invoices are unpaid and can be paid again.
        </Banner>
      ) : null}
      {payment.status === "DECLINED" && !releasedAfterReview ? (
        <Banner tone="error" title="Your payment was declined">
          {sentence(payment.failureReason ?? "Invoice Cloud declined the payment")} Nothing was charged and your invoices are still unpaid.
        </Banner>
      ) : null}
      {payment.status === "FAILED" ? (
        <Banner tone="error" title="The payment did not start">
          Invoice Cloud could not open the payment page. Nothing was charged.
        </Banner>
      ) : null}
      {payment.status === "EXPIRED" && superseded ? (
        <Banner tone="success" title="These invoices were paid by another payment">
          Invoice Cloud confirmed an earlier payment for them, so this one was closed. There is nothing more to pay.
        </Banner>
      ) : null}
      {payment.status === "EXPIRED" && !superseded ? (
        <Banner tone="warning" title="This payment expired">
          Invoice Cloud never confirmed it, and you did not come back from its page. If you did complete a payment, contact{" "}
          {payment.biller.name} before paying again.
        </Banner>
      ) : null}
      {payment.status === "NEEDS_REVIEW" ? (
        <Banner tone="warning" title="The municipality is checking this payment">
          Invoice Cloud reported something we could not match to your invoice. Please do not pay again: {payment.biller.name} will contact
          you.
        </Banner>
      ) : null}

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
                <StatusBadge status={invoice.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="flex flex-wrap items-center gap-4">
        {(payment.status === "DECLINED" || payment.status === "FAILED" || payment.status === "EXPIRED") && unpaidIds.length > 0 ? (
          <PayOnlineForm invoiceIds={unpaidIds} label="Try again: PAY ONLINE" />
        ) : null}
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
