import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
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

export async function generateMetadata() {
  return { title: (await getTranslations("admin.payment"))("title") };
}

export default async function AdminPaymentPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.payment(attemptId));
  const [biller, payment, t, tp, locale] = await Promise.all([
    getBillerSummary({ billerId: user.billerId }),
    getAdminPayment({ billerId: user.billerId, attemptId }),
    getTranslations("admin.payment"),
    getTranslations("admin.payments"),
    getLocale(),
  ]);
  if (!payment) notFound(); // another biller's payment does not exist here
  const money = (cents: number) => formatCents(cents, locale);
  const when = (d: Date | null) => (d ? formatDateTime(d, biller.timeZone, locale) : tp("none_value"));
  const underReview = payment.status === "NEEDS_REVIEW" || (payment.status === "PAID" && payment.reviewKind !== null);
  const refundable = payment.lines.filter((l) => l.leftCents > 0);
  // Audit event types and review resolutions are machine words; their labels live in the catalogue.
  const trailLabel = (type: string) => {
    const key = `trailLabel.${type.replace(".", "_")}`;
    return t.has(key as never) ? t(key as never) : type;
  };
  const detail = (text: string) => {
    const key = `resolution.${text}`;
    return t.has(key as never) ? t(key as never) : text.replaceAll("_", " ");
  };
  const mono = (text: string) =>
    function Mono() {
      return <span className="font-mono">{text}</span>;
    };
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={paths.admin.payments} className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageTitle lead={t("lead", { name: payment.applicant.name, email: payment.applicant.email, timeZone: biller.timeZone })}>
        {t("heading", { amount: money(payment.totalCents), status: tp(`status.${payment.status}`) })}
      </PageTitle>
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-1 rounded border border-slate-200 bg-white p-4 text-sm break-words sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("paymentGuid")}</dt>
        <dd className="font-mono break-all">{payment.paymentGuid ?? tp("none_value")}</dd>
        <dt className="font-semibold">{t("billerReference")}</dt>
        <dd className="font-mono text-xs break-all">{payment.billerReference}</dd>
        <dt className="font-semibold">{t("paid")}</dt>
        <dd>
          {payment.paidAmountCents === null ? tp("none_value") : money(payment.paidAmountCents)}
          {payment.convenienceFeeCents ? t("fee", { fee: money(payment.convenienceFeeCents) }) : ""}
        </dd>
        <dt className="font-semibold">{t("createdClosed")}</dt>
        <dd>{t("createdClosedValue", { created: when(payment.createdAt), closed: when(payment.closedAt) })}</dd>
        {payment.returnedAt ? (
          <>
            <dt className="font-semibold">{t("returned")}</dt>
            <dd>{when(payment.returnedAt)}</dd>
          </>
        ) : null}
      </dl>

      {underReview ? (
        <section aria-labelledby="review" className="mb-6 rounded border-l-4 border-red-700 bg-red-50 p-4">
          <h2 id="review" className="text-lg font-semibold">
            {payment.reviewKind ? t("needsReviewKind", { kind: tp(`reviewKind.${payment.reviewKind}`) }) : t("needsReview")}
          </h2>
          <p className="text-sm break-words">{payment.reviewReason}</p>
          {payment.reviewPaymentGuid ? (
            <p className="text-sm break-all">
              {t.rich("notice", {
                guid: mono(payment.reviewPaymentGuid),
                amount: payment.reviewAmountCents !== null ? t("noticeAmount", { amount: money(payment.reviewAmountCents) }) : "",
                when: when(payment.reviewNoticeAt),
              })}
            </p>
          ) : null}
          <ResolveReviewForm attemptId={payment.id} flaggedPaid={payment.status === "PAID"} />
        </section>
      ) : null}

      <h2 className="mb-2 text-lg font-semibold">{t("invoices")}</h2>
      <div className="mb-6 overflow-x-auto" tabIndex={0} role="region" aria-label={t("invoicesCaption")}>
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{t("invoicesCaption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                {t("col.invoice")}
              </th>
              <th scope="col" className="p-2">
                {t("col.status")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("col.paid")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("col.refunded")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("col.left")}
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
                  {!l.paidHere && l.status !== "UNPAID" ? <span className="block text-xs text-slate-600">{t("byAnother")}</span> : null}
                </td>
                <td className="p-2 text-right whitespace-nowrap tabular-nums">{money(l.paidCents)}</td>
                <td className="p-2 text-right whitespace-nowrap tabular-nums">{money(l.refundedCents)}</td>
                <td className="p-2 text-right whitespace-nowrap tabular-nums">{money(l.leftCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="mb-2 text-lg font-semibold">{t("refunds")}</h2>
      {payment.refunds.length === 0 ? (
        <p className="mb-4 text-sm text-slate-600">{t("noRefunds")}</p>
      ) : (
        <ul className="mb-4 space-y-3">
          {payment.refunds.map((r) => (
            <li
              key={r.id}
              className={`rounded border p-3 text-sm break-words ${r.reversedAt ? "border-slate-300 bg-slate-50 text-slate-600" : "border-purple-300 bg-white"}`}
            >
              <p className="font-semibold">
                {t.rich("refundLine", {
                  amount: money(r.amountCents),
                  date: formatDateOnly(r.refundedOn, locale),
                  ref: mono(r.reference),
                })}
                {r.reversedAt ? t("reversedFlag") : ""}
              </p>
              <p>
                {r.lines
                  .map((l) => t("refundInvoiceLine", { invoiceNumber: l.invoice.invoiceNumber, amount: money(l.amountCents) }))
                  .join(", ")}
              </p>
              <p>{t("note", { note: r.note })}</p>
              {r.reversedAt ? (
                <p>{t("reversedAt", { when: when(r.reversedAt), note: r.reversalNote ?? "" })}</p>
              ) : (
                <details className="mt-1">
                  <summary className="text-brand-700 cursor-pointer underline">{t("reverseSummary")}</summary>
                  <NoteForm attemptId={payment.id} refundId={r.id} label={t("reverseLabel")} button={t("reverseButton")} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {payment.status === "PAID" && refundable.length > 0 ? (
        <section aria-labelledby="record-refund" className="mb-8">
          <h3 id="record-refund" className="mb-1 font-semibold">
            {t("recordHeading")}
          </h3>
          <p className="mb-2 text-sm text-slate-600">{t("recordText", { amount: money(payment.refundableCents) })}</p>
          <RefundForm
            attemptId={payment.id}
            lines={refundable.map((l) => ({ invoiceId: l.id, invoiceNumber: l.invoiceNumber, leftCents: l.leftCents }))}
            today={zonedDay(new Date(), biller.timeZone)}
          />
        </section>
      ) : null}

      <h2 id="trail" className="mb-2 text-lg font-semibold">
        {t("trail")}
      </h2>
      <ol className="mb-4 space-y-1 text-sm break-words">
        {payment.trail.map((e) => (
          <li key={e.id} className="border-l-2 border-slate-300 pl-3">
            <span className="font-semibold">{trailLabel(e.type)}</span>
            {` · ${when(e.at)} · ${e.who}`}
            {e.detail ? ` · ${detail(e.detail)}` : ""}
            {e.note ? <span className="block">{t("trailNote", { note: e.note })}</span> : null}
          </li>
        ))}
      </ol>
      <NoteForm attemptId={payment.id} label={t("addNoteLabel")} button={t("addNote")} />
    </>
  );
}
