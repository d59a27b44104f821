import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/pagination";
import { Banner, PageTitle, inputClass, secondaryButtonClass } from "@/components/ui";
import { listPaymentAttempts } from "@/lib/admin/list-payment-attempts";
import { type AttemptsPosition, listPaymentAttemptsKeyset } from "@/lib/admin/list-payment-attempts-keyset";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { formatDateTime } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { businessDaysBetween } from "@/lib/reports/zoned-day";
import { REVIEW_DUE_BUSINESS_DAYS } from "@/lib/reviews/open-reviews";
import { ResolveReviewForm } from "./resolve-review-form";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.payments"))("title") };
}

const STATUS_STYLE: Record<string, string> = {
  PAID: "bg-blue-700 text-white",
  NEEDS_REVIEW: "bg-red-700 text-white",
  DECLINED: "bg-amber-200 text-amber-950",
  FAILED: "bg-amber-200 text-amber-950",
};

export default async function AdminPaymentsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; review?: string; settled?: string; older?: string; newer?: string; oldest?: string }>;
}) {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.payments);
  const { page, review, settled, older, newer, oldest } = await searchParams;
  const reviewOnly = review === "open";
  const [t, locale] = await Promise.all([getTranslations("admin.payments"), getLocale()]);
  const money = (cents: number) => formatCents(cents, locale);
  const [biller, list] = await Promise.all([
    getBillerSummary({ billerId: user.billerId }),
    // Every payment: keyset pages (newest first), as fast on the oldest page as on the first at any
    // size. Open reviews only: a short list, paged by number, oldest first.
    reviewOnly
      ? listPaymentAttempts({ billerId: user.billerId, page: Number(page) || 1, reviewOnly })
      : listPaymentAttemptsKeyset({ billerId: user.billerId, at: position({ older, newer, oldest }) }),
  ]);
  const when = (d: Date | null) => (d ? formatDateTime(d, biller.timeZone, locale) : t("none_value"));
  const now = new Date();
  const reviewDays = (since: Date) => businessDaysBetween(since, now, biller.timeZone);
  return (
    <>
      <PageTitle lead={t("lead", { biller: biller.name, timeZone: biller.timeZone })}>{t("title")}</PageTitle>
      {settled ? <Banner tone="success" role="status" title={t("settled")} /> : null}
      {list.needsReview > 0 ? (
        <Banner tone="error" role="status" title={t("needReview", { count: list.needsReview })}>
          {t("needReviewText")}
          {list.oldestReviewSince ? (
            <span className="mt-1 block" data-testid="oldest-review">
              {t("oldest", { when: when(list.oldestReviewSince), days: reviewDays(list.oldestReviewSince) })}
            </span>
          ) : null}
        </Banner>
      ) : null}
      <p className="mb-4 text-sm">
        {reviewOnly ? (
          <Link href={paths.admin.payments} className="text-brand-700 underline">
            {t("showAll")}
          </Link>
        ) : (
          <Link href={`${paths.admin.payments}?review=open`} className="text-brand-700 underline">
            {t("showReviews", { count: list.needsReview })}
          </Link>
        )}
      </p>
      <form
        method="get"
        action={`${paths.admin.payments}/export`}
        className="mb-6 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4"
      >
        <div>
          <label htmlFor="export-from" className="block text-sm font-medium">
            {t("from")}
          </label>
          <input id="export-from" name="from" type="date" className={inputClass} />
        </div>
        <div>
          <label htmlFor="export-to" className="block text-sm font-medium">
            {t("to")}
          </label>
          <input id="export-to" name="to" type="date" className={inputClass} />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t("downloadCsv")}
        </button>
        <p className="w-full text-xs text-slate-600">{t("exportHint")}</p>
      </form>
      {list.rows.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[56rem] border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {t("col.status")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("col.total")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.applicant")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.invoices")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.created")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.closed")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.reason")}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((a) => {
                const inReview = a.status === "NEEDS_REVIEW" || a.reviewKind !== null;
                const openDays = inReview ? reviewDays(a.reviewNoticeAt ?? a.closedAt ?? a.createdAt) : 0;
                const overdue = openDays > REVIEW_DUE_BUSINESS_DAYS;
                return (
                  <tr
                    key={a.id}
                    data-overdue={overdue || undefined}
                    className={
                      overdue
                        ? "border-l-8 border-red-900 bg-red-100 align-top"
                        : inReview
                          ? "border-l-4 border-red-700 bg-red-50 align-top"
                          : "border-b border-slate-200 align-top"
                    }
                  >
                    <td className="p-2">
                      <span
                        className={`inline-block rounded px-2 py-0.5 text-xs font-bold ${STATUS_STYLE[a.status] ?? "bg-slate-200 text-slate-800"}`}
                      >
                        {t(`status.${a.status}`)}
                      </span>
                      {a.paymentGuid ? (
                        <span className="mt-1 block font-mono text-[10px] text-slate-600">{t("icGuid", { guid: a.paymentGuid })}</span>
                      ) : null}
                      <Link href={paths.admin.payment(a.id)} className="text-brand-700 mt-1 block text-xs underline">
                        {a.status === "PAID" ? t("refundsLink") : t("notesLink")}
                      </Link>
                      {inReview ? (
                        <span className={`mt-1 block text-xs ${overdue ? "font-bold text-red-900" : "text-red-800"}`}>
                          {t("inReview", { days: openDays })}
                          {overdue ? t("overdue") : ""}
                        </span>
                      ) : null}
                    </td>
                    <td className="p-2 text-right tabular-nums">
                      {money(a.totalCents)}
                      {a.paidAmountCents !== null && a.paidAmountCents !== a.totalCents ? (
                        <span className="block text-xs text-slate-600">{t("paidAmount", { amount: money(a.paidAmountCents) })}</span>
                      ) : null}
                    </td>
                    <td className="p-2">
                      {a.applicant.name}
                      <span className="block text-xs text-slate-600">{a.applicant.email}</span>
                    </td>
                    <td className="p-2 font-mono text-xs">{a.invoices.map((i) => i.invoice.invoiceNumber).join(", ")}</td>
                    <td className="p-2 whitespace-nowrap">{when(a.createdAt)}</td>
                    <td className="p-2 whitespace-nowrap">{when(a.closedAt)}</td>
                    <td className="p-2">
                      {a.reviewReason ?? a.failureReason ?? ""}
                      {a.status === "NEEDS_REVIEW" || (a.status === "PAID" && a.reviewKind !== null) ? (
                        <ResolveReviewForm attemptId={a.id} flaggedPaid={a.status === "PAID"} />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {"page" in list ? (
        <Pagination basePath={`${paths.admin.payments}?review=open`} page={list.page} pageCount={list.pageCount} />
      ) : (
        <nav aria-label={t("pages.label")} className="mt-4 flex flex-wrap items-center gap-4 text-sm">
          <span>{t("pages.total", { count: list.total })}</span>
          {list.newerCursor ? (
            <>
              <Link href={paths.admin.payments} className="text-brand-700 underline">
                {t("pages.newest")}
              </Link>
              <Link href={`${paths.admin.payments}?newer=${list.newerCursor}`} className="text-brand-700 underline" rel="prev">
                {t("pages.newer")}
              </Link>
            </>
          ) : null}
          {list.olderCursor ? (
            <>
              <Link href={`${paths.admin.payments}?older=${list.olderCursor}`} className="text-brand-700 underline" rel="next">
                {t("pages.older")}
              </Link>
              <Link href={`${paths.admin.payments}?oldest=1`} className="text-brand-700 underline">
                {t("pages.oldest")}
              </Link>
            </>
          ) : null}
        </nav>
      )}
    </>
  );
}

/** Where the list starts, from the query string: after a row, before a row, the oldest page, or the newest. */
function position(q: { older?: string; newer?: string; oldest?: string }): AttemptsPosition {
  if (q.older) return { older: q.older };
  if (q.newer) return { newer: q.newer };
  if (q.oldest) return { oldest: true };
  return {};
}
