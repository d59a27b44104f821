import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Banner, PageTitle, StatusBadge } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateOnly, formatDateTime } from "@/lib/dates";
import { findInvoiceByNumber } from "@/lib/invoices/find-invoice-by-number";
import { returnGraceMs } from "@/lib/env";
import { getText } from "@/lib/i18n/server-text";
import { getBillerPayability } from "@/lib/invoices/get-biller-payability";
import { invoicePayability } from "@/lib/invoices/payability";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { InvoicePayAction } from "../invoice-pay-action";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.invoice"))("title") };
}

export default async function InvoicePage({ params }: { params: Promise<{ invoiceNumber: string }> }) {
  const { invoiceNumber } = await params;
  const user = await requireRolePage("APPLICANT", paths.portal.invoice(invoiceNumber));
  const invoice = await findInvoiceByNumber({ applicantId: user.id, invoiceNumber: decodeURIComponent(invoiceNumber) });
  if (!invoice) notFound();
  const t = await getTranslations("portal.invoice");
  const tx = await getText();
  const locale = await getLocale();
  const money = (cents: number) => formatCents(cents, locale);
  const billers = await getBillerPayability([invoice.billerId]);
  const pay = invoicePayability(invoice, billers.get(invoice.billerId), money, { returnGraceMs: returnGraceMs() });
  const paid = invoice.status === "PAID";

  return (
    <>
      <p className="mb-4">
        <Link href={paths.portal.invoices} className="text-brand-700 inline-block py-1 underline">
          {t("back")}
        </Link>
      </p>
      <PageTitle lead={t("lead", { biller: invoice.biller.name, permit: invoice.permit.number })}>
        {t("heading", { number: invoice.invoiceNumber })}
      </PageTitle>
      <section
        aria-label={t("section")}
        className={`mb-6 rounded border p-4 sm:p-6 ${paid ? "border-blue-700 bg-blue-100" : "border-slate-200 bg-white"}`}
      >
        <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t("permit")}</dt>
            <dd>{invoice.permit.description}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("fee")}</dt>
            <dd>{invoice.description}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("amount")}</dt>
            <dd className="text-xl font-semibold tabular-nums">{money(invoice.amountDueCents)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("due")}</dt>
            <dd>{formatDateOnly(invoice.dueDate, locale)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("status")}</dt>
            <dd>
              <StatusBadge status={invoice.status} refundedCents={invoice.refundedCents} />
            </dd>
          </div>
          {paid && invoice.paidAt ? (
            <div>
              <dt className="text-sm text-slate-600">{t("paid")}</dt>
              <dd>
                {formatDateTime(invoice.paidAt, invoice.biller.timeZone, locale)}
                {invoice.paymentGuid ? (
                  <span className="block text-xs break-all text-slate-600">{t("paymentGuid", { guid: invoice.paymentGuid })}</span>
                ) : null}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      {pay.kind === "not_available" || pay.kind === "over_maximum" ? (
        <Banner tone="warning" title={pay.kind === "over_maximum" ? t("overMaximumTitle") : t("notAvailableTitle")}>
          {tx(pay.message)}
        </Banner>
      ) : (
        <InvoicePayAction pay={pay} invoice={invoice} />
      )}
    </>
  );
}
