import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.invoices"))("title") };
}

type Search = { page?: string; number?: string };

// Under 640 px (Tailwind's sm) the table's rows become cards: every cell is a block with its own
// visible label, and PAY ONLINE spans the card. One set of elements serves both layouts, so the
// boxes for "pay several" are the same on a phone and a desktop.
const cell = "p-2 align-top max-sm:px-0 max-sm:py-1";
const phoneLabel = "block text-xs font-medium text-slate-600 sm:hidden";

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
  const t = await getTranslations("portal.invoices");
  const locale = await getLocale();
  const money = (cents: number) => formatCents(cents, locale);
  const billers = await getBillerPayability(list.rows.map((r) => r.billerId));
  const rows = list.rows.map((inv) => ({
    inv,
    pay: invoicePayability(inv, billers.get(inv.billerId), money, { returnGraceMs: returnGraceMs() }),
  }));
  const selectable = rows.filter((r) => r.pay.kind === "payable");

  return (
    <>
      <PageTitle lead={t("lead", { name: user.name })}>{t("heading")}</PageTitle>

      <form
        method="get"
        action={paths.portal.invoices}
        className="mb-6 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4"
        role="search"
      >
        <div className="w-full sm:w-auto">
          <label htmlFor="number" className="font-medium">
            {t("find.label")}
          </label>
          <input
            id="number"
            name="number"
            defaultValue={number ?? ""}
            inputMode="numeric"
            autoComplete="off"
            className={`${inputClass} sm:w-64`}
            aria-describedby={number ? "number-error" : undefined}
          />
        </div>
        <button type="submit" className={`${secondaryButtonClass} max-sm:w-full`}>
          {t("find.submit")}
        </button>
        {number !== undefined && number.trim() !== "" ? (
          <p id="number-error" role="alert" className="w-full text-sm font-semibold text-red-700">
            {t("find.notFound")}
          </p>
        ) : null}
      </form>

      {list.total === 0 ? (
        <Banner title={t("none")} />
      ) : (
        <>
          <div className="sm:overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm max-sm:block sm:min-w-[40rem] sm:bg-white">
              <caption className="sr-only">{t("caption", { page: list.page, pageCount: list.pageCount })}</caption>
              <thead className="max-sm:hidden">
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">
                    <span className="sr-only">{t("columns.select")}</span>
                  </th>
                  <th scope="col" className="p-2">
                    {t("columns.permit")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("columns.invoice")}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    {t("columns.amount")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("columns.due")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("columns.status")}
                  </th>
                  <th scope="col" className="p-2">
                    <span className="sr-only">{t("columns.pay")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="max-sm:block max-sm:space-y-3">
                {rows.map(({ inv, pay }) => {
                  const choosable = pay.kind === "payable" && selectable.length > 1;
                  return (
                    <tr
                      key={inv.id}
                      data-invoice={inv.invoiceNumber}
                      className={`border-b border-slate-200 max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-4 max-sm:rounded max-sm:border max-sm:border-slate-300 max-sm:p-3 ${inv.status === "PAID" ? "bg-blue-100" : "max-sm:bg-white"}`}
                    >
                      <td className={`${cell} max-sm:col-span-2 ${choosable ? "" : "max-sm:hidden"}`}>
                        {choosable ? (
                          <label className="inline-flex items-center gap-2">
                            <input
                              type="checkbox"
                              name="invoiceId"
                              value={inv.id}
                              form="pay-selected"
                              aria-label={t("selectInvoice", { number: inv.invoiceNumber })}
                              className="h-6 w-6"
                            />
                            <span className="text-sm sm:hidden" aria-hidden="true">
                              {t("columns.select")}
                            </span>
                          </label>
                        ) : null}
                      </td>
                      <td className={`${cell} max-sm:col-span-2`}>
                        <span className={phoneLabel}>{t("columns.permit")}</span>
                        <span className="font-medium">{inv.permit.number}</span>
                        <br />
                        <span className="text-slate-600">{inv.permit.description}</span>
                      </td>
                      <td className={`${cell} max-sm:col-span-2`}>
                        <span className={phoneLabel}>{t("columns.invoice")}</span>
                        <Link href={paths.portal.invoice(inv.invoiceNumber)} className="text-brand-700 inline-block py-0.5 underline">
                          {inv.invoiceNumber}
                        </Link>
                        <br />
                        <span className="text-slate-600">
                          {inv.description} · {inv.biller.name}
                        </span>
                      </td>
                      <td className={`${cell} tabular-nums sm:text-right`}>
                        <span className={phoneLabel}>{t("columns.amount")}</span>
                        <span className="whitespace-nowrap">{money(inv.amountDueCents)}</span>
                      </td>
                      <td className={cell}>
                        <span className={phoneLabel}>{t("columns.due")}</span>
                        {formatDateOnly(inv.dueDate, locale)}
                      </td>
                      <td className={`${cell} max-sm:col-span-2`}>
                        <span className={phoneLabel}>{t("columns.status")}</span>
                        <StatusBadge status={inv.status} refundedCents={inv.refundedCents} />
                      </td>
                      <td className={`${cell} max-sm:col-span-2 max-sm:pt-2 ${pay.kind === "paid" ? "max-sm:hidden" : ""}`}>
                        <InvoicePayAction pay={pay} invoice={inv} compact />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <div className="mt-4 flex flex-wrap items-center justify-between gap-4">
            {selectable.length > 1 ? (
              <div className="max-sm:w-full">
                <p className="mb-2 text-sm text-slate-700">{t("paySeveral")}</p>
                <PayOnlineForm formId="pay-selected" label={t("paySelected")} fullWidthOnPhone />
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
