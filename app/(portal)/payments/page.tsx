import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { listApplicantPayments } from "@/lib/payments/get-applicant-payment";
import { STATUS_LABEL } from "./status-label";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.history"))("title") };
}

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireRolePage("APPLICANT", paths.portal.payments);
  const { page } = await searchParams;
  const list = await listApplicantPayments({
    applicantId: user.id,
    page: Number(page) || 1,
  });
  const t = await getTranslations("portal");
  const locale = await getLocale();
  return (
    <>
      <PageTitle lead={t("history.lead")}>{t("history.title")}</PageTitle>
      {list.total === 0 ? (
        <p>{t("history.none")}</p>
      ) : (
        // Wide for a phone: it scrolls inside its own box, never the page.
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t("history.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {t("history.columns.started")}
                </th>
                <th scope="col" className="p-2">
                  {t("history.columns.municipality")}
                </th>
                <th scope="col" className="p-2">
                  {t("history.columns.invoices")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("history.columns.total")}
                </th>
                <th scope="col" className="p-2">
                  {t("history.columns.outcome")}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((p) => (
                <tr key={p.id} className={`border-b border-slate-200 ${p.status === "PAID" ? "bg-blue-100" : ""}`}>
                  <td className="p-2">
                    <Link href={paths.portal.payment(p.id)} className="text-brand-700 inline-block py-0.5 underline">
                      {formatDateTime(p.createdAt, p.biller.timeZone, locale)}
                    </Link>
                  </td>
                  <td className="p-2">{p.biller.name}</td>
                  <td className="p-2">{p.invoices.map((i) => i.invoice.invoiceNumber).join(", ")}</td>
                  <td className="p-2 text-right tabular-nums">{formatCents(p.totalCents, locale)}</td>
                  <td className="p-2">
                    {t(STATUS_LABEL[p.status])}
                    {p.status === "DECLINED" && p.failureReason ? (
                      // Invoice Cloud's own words, as it sent them (quoted as such in French).
                      <span className="block text-xs text-slate-600">{t("history.declinedReason", { reason: p.failureReason })}</span>
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
