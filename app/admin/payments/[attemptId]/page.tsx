import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageTitle, StatusBadge } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { formatDateOnly, formatDateTime } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { getAdminPayment } from "@/lib/refunds/get-admin-payment";
import { zonedDay } from "@/lib/reports/zoned-day";
import { ResolveReviewForm } from "../resolve-review-form";
import { NoteForm } from "./note-form";
import { RefundForm } from "./refund-form";

export const metadata: Metadata = { title: "Payment" };

const TRAIL_LABEL: Record<string, string> = {
  "payment.paid": "Paid (Invoice Cloud confirmed)",
  "postback.needs_review": "Needs review",
  "payment.review_resolved": "Review settled",
  "payment.review_note": "Note",
  "payment.refund_recorded": "Refund recorded",
  "payment.refund_reversed": "Refund reversed",
  "payment.declined": "Declined",
  "payment.expired": "Expired",
  "payment.superseded": "Superseded",
  "payment.abandoned": "Abandoned by the applicant",
  "payment.returned": "Applicant returned from Invoice Cloud",
};

export default async function AdminPaymentPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.payment(attemptId));
  const [biller, payment] = await Promise.all([
    getBillerSummary({ billerId: user.billerId }),
    getAdminPayment({ billerId: user.billerId, attemptId }),
  ]);
  if (!payment) notFound(); // another biller's payment does not exist here
  const when = (d: Date | null) => (d ? formatDateTime(d, biller.timeZone) : "—");
  const underReview = payment.status === "NEEDS_REVIEW" || (payment.status === "PAID" && payment.reviewKind !== null);
  const refundable = payment.lines.filter((l) => l.leftCents > 0);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={paths.admin.payments} className="text-brand-700 underline">
          ← Payments
        </Link>
      </p>
      <PageTitle lead={`${payment.applicant.name} (${payment.applicant.email}). Times in ${biller.timeZone}.`}>
        Payment {formatCents(payment.totalCents)} · {payment.status.replace("_", " ")}
      </PageTitle>
      <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 rounded border border-slate-200 bg-white p-4 text-sm">
        <dt className="font-semibold">Invoice Cloud PaymentGUID</dt>
        <dd className="font-mono">{payment.paymentGuid ?? "—"}</dd>
        <dt className="font-semibold">BillerReference</dt>
        <dd className="font-mono text-xs">{payment.billerReference}</dd>
        <dt className="font-semibold">Paid</dt>
        <dd>
          {payment.paidAmountCents === null ? "—" : formatCents(payment.paidAmountCents)}
          {payment.convenienceFeeCents ? ` (including a ${formatCents(payment.convenienceFeeCents)} convenience fee)` : ""}
        </dd>
        <dt className="font-semibold">Created / closed</dt>
        <dd>
          {when(payment.createdAt)} / {when(payment.closedAt)}
        </dd>
        {payment.returnedAt ? (
          <>
            <dt className="font-semibold">Returned from Invoice Cloud</dt>
            <dd>{when(payment.returnedAt)}</dd>
          </>
        ) : null}
      </dl>

      {underReview ? (
        <section aria-labelledby="review" className="mb-6 rounded border-l-4 border-red-700 bg-red-50 p-4">
          <h2 id="review" className="text-lg font-semibold">
            Needs review{payment.reviewKind ? `: ${payment.reviewKind.replaceAll("_", " ").toLowerCase()}` : ""}
          </h2>
          <p className="text-sm">{payment.reviewReason}</p>
          {payment.reviewPaymentGuid ? (
            <p className="text-sm">
              Notice: PaymentGUID <span className="font-mono">{payment.reviewPaymentGuid}</span>
              {payment.reviewAmountCents !== null ? `, ${formatCents(payment.reviewAmountCents)}` : ""}, {when(payment.reviewNoticeAt)}
            </p>
          ) : null}
          <ResolveReviewForm attemptId={payment.id} flaggedPaid={payment.status === "PAID"} />
        </section>
      ) : null}

      <h2 className="mb-2 text-lg font-semibold">Invoices</h2>
      <table className="mb-6 w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">Invoices in this payment</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">
              Invoice
            </th>
            <th scope="col" className="p-2">
              Status
            </th>
            <th scope="col" className="p-2 text-right">
              Paid
            </th>
            <th scope="col" className="p-2 text-right">
              Refunded
            </th>
            <th scope="col" className="p-2 text-right">
              Left to refund
            </th>
          </tr>
        </thead>
        <tbody>
          {payment.lines.map((l) => (
            <tr key={l.id} className="border-b border-slate-200">
              <td className="p-2">
                <span className="font-mono">{l.invoiceNumber}</span>
                <span className="block text-xs text-slate-600">{l.description}</span>
              </td>
              <td className="p-2">
                <StatusBadge status={l.status} />
                {!l.paidHere && l.status !== "UNPAID" ? <span className="block text-xs text-slate-600">by another payment</span> : null}
              </td>
              <td className="p-2 text-right tabular-nums">{formatCents(l.paidCents)}</td>
              <td className="p-2 text-right tabular-nums">{formatCents(l.refundedCents)}</td>
              <td className="p-2 text-right tabular-nums">{formatCents(l.leftCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="mb-2 text-lg font-semibold">Refunds</h2>
      {payment.refunds.length === 0 ? (
        <p className="mb-4 text-sm text-slate-600">No refunds recorded.</p>
      ) : (
        <ul className="mb-4 space-y-3">
          {payment.refunds.map((r) => (
            <li
              key={r.id}
              className={`rounded border p-3 text-sm ${r.reversedAt ? "border-slate-300 bg-slate-50 text-slate-600" : "border-purple-300 bg-white"}`}
            >
              <p className="font-semibold">
                {formatCents(r.amountCents)} on {formatDateOnly(r.refundedOn)} · reference <span className="font-mono">{r.reference}</span>
                {r.reversedAt ? " · REVERSED" : ""}
              </p>
              <p>{r.lines.map((l) => `${l.invoice.invoiceNumber}: ${formatCents(l.amountCents)}`).join(", ")}</p>
              <p>Note: {r.note}</p>
              {r.reversedAt ? (
                <p>
                  Reversed {when(r.reversedAt)}: {r.reversalNote}
                </p>
              ) : (
                <details className="mt-1">
                  <summary className="text-brand-700 cursor-pointer underline">Recorded by mistake? Reverse this refund</summary>
                  <NoteForm attemptId={payment.id} refundId={r.id} label="Why is it being reversed?" button="Reverse refund" />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {payment.status === "PAID" && refundable.length > 0 ? (
        <section aria-labelledby="record-refund" className="mb-8">
          <h3 id="record-refund" className="mb-1 font-semibold">
            Record a refund made in Invoice Cloud
          </h3>
          <p className="mb-2 text-sm text-slate-600">
            Make the refund in the Invoice Cloud biller portal first; then record it here so the invoices show it. Up to{" "}
            {formatCents(payment.refundableCents)} is left to refund.
          </p>
          <RefundForm
            attemptId={payment.id}
            lines={refundable.map((l) => ({ invoiceId: l.id, invoiceNumber: l.invoiceNumber, leftCents: l.leftCents }))}
            today={zonedDay(new Date(), biller.timeZone)}
          />
        </section>
      ) : null}

      <h2 id="trail" className="mb-2 text-lg font-semibold">
        Trail
      </h2>
      <ol className="mb-4 space-y-1 text-sm">
        {payment.trail.map((t) => (
          <li key={t.id} className="border-l-2 border-slate-300 pl-3">
            <span className="font-semibold">{TRAIL_LABEL[t.type] ?? t.type}</span> · {when(t.at)} · {t.who}
            {t.detail ? ` · ${t.detail.replaceAll("_", " ")}` : ""}
            {t.note ? <span className="block">“{t.note}”</span> : null}
          </li>
        ))}
      </ol>
      <NoteForm attemptId={payment.id} label="Add a note (what you checked, who you asked)" button="Add note" />
    </>
  );
}
