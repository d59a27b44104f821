// Where "Return to Home Page" lands (through icop-return). Reads only our database: the return
// itself proves nothing. What to show is decided in lib (paymentView); this page only renders it,
// in the reader's language.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AutoRefresh } from "@/components/auto-refresh";
import { Banner, PageTitle, StatusBadge } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { env, returnGraceMs } from "@/lib/env";
import { getText } from "@/lib/i18n/server-text";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { getApplicantPayment } from "@/lib/payments/get-applicant-payment";
import { paymentView } from "@/lib/payments/payment-view";
import { PayOnlineForm } from "../../invoices/pay-online-form";
import { AbandonForm } from "./abandon-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.payment"))("title") };
}

export default async function PaymentPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const user = await requireRolePage("APPLICANT", paths.portal.payment(paymentId));
  const payment = await getApplicantPayment({ applicantId: user.id, paymentId });
  if (!payment) notFound();
  const t = await getTranslations("portal");
  const tx = await getText();
  const locale = await getLocale();
  const tz = payment.biller.timeZone;
  const when = (d: Date) => formatDateTime(d, tz, locale);
  const view = paymentView(
    { ...payment, billerName: payment.biller.name, invoices: payment.invoices.map((l) => l.invoice) },
    {
      now: new Date(),
      confirmTimeoutMs: env.RETURN_CONFIRM_TIMEOUT_SECONDS * 1000,
      returnGraceMs: returnGraceMs(),
      formatDateTime: when,
    },
  );
  const continueLink = (chunks: ReactNode) =>
    view.continueAt ? (
      <a href={view.continueAt.url} className="font-semibold underline">
        {chunks}
      </a>
    ) : null;

  return (
    <>
      <PageTitle lead={t("payment.lead", { biller: payment.biller.name, when: when(payment.createdAt) })}>
        {t("payment.heading", { amount: formatCents(payment.totalCents, locale) })}
      </PageTitle>

      {view.autoRefresh ? <AutoRefresh intervalMs={2000} /> : null}
      <Banner tone={view.tone} title={tx(view.title)}>
        <p>{tx(view.body)}</p>
        {view.continueAt ? (
          <p className="mt-1">
            {t.rich(view.kind === "in_progress" ? "payment.continue" : "payment.continueAfterLeaving", {
              link: continueLink,
              until: when(view.continueAt.until),
            })}
          </p>
        ) : null}
      </Banner>

      {/* A phone may be narrower than the table: it scrolls inside its own box, never the page. */}
      <div className="mb-6 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{t("payment.caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                {t("payment.columns.invoice")}
              </th>
              <th scope="col" className="p-2">
                {t("payment.columns.permit")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("payment.columns.amount")}
              </th>
              <th scope="col" className="p-2">
                {t("payment.columns.status")}
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
                <td className="p-2 text-right whitespace-nowrap tabular-nums">{formatCents(amountCents, locale)}</td>
                <td className="p-2">
                  <StatusBadge status={invoice.status} refundedCents={invoice.refundedCents} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="flex flex-wrap items-center gap-4">
        {view.retryInvoiceIds.length > 0 ? (
          <PayOnlineForm invoiceIds={view.retryInvoiceIds} label={t("pay.tryAgain")} fullWidthOnPhone />
        ) : null}
        {view.canAbandon ? <AbandonForm paymentId={payment.id} /> : null}
        <Link href={paths.portal.invoices} className="text-brand-700 inline-block py-1 underline">
          {t("payment.backToInvoices")}
        </Link>
        <Link href={paths.portal.payments} className="text-brand-700 inline-block py-1 underline">
          {t("payment.history")}
        </Link>
      </div>
    </>
  );
}
