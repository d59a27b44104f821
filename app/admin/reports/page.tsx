import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Banner, PageTitle, inputClass, secondaryButtonClass } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { formatDateTime } from "@/lib/dates";
import { getText } from "@/lib/i18n/server-text";
import type { AppLocale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { getReconciliationReport } from "@/lib/reports/get-reconciliation-report";
import { listReconciliationDifferences, type DifferenceRow } from "@/lib/reports/list-reconciliation-differences";
import { listReportLines } from "@/lib/reports/list-report-lines";
import { parseReportRange, parseReportType } from "@/lib/reports/report-range";
import { listReportTypes } from "@/lib/reports/report-types";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.reports"))("title") };
}

type T = Awaited<ReturnType<typeof getTranslations<"admin.reports">>>;

function age(t: T, since: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  if (hours < 48) return t("hours", { count: hours });
  return t("days", { count: Math.floor(hours / 24) });
}

const num = "p-2 text-right tabular-nums";

export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string; day?: string; type?: string }> }) {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.reports);
  const params = await searchParams;
  const [biller, types, t, tx, locale] = await Promise.all([
    getBillerSummary({ billerId: user.billerId }),
    listReportTypes({ billerId: user.billerId }),
    getTranslations("admin.reports"),
    getText(),
    getLocale(),
  ]);
  const money = (cents: number) => formatCents(cents, locale);
  const range = parseReportRange(params, biller.timeZone);
  const now = new Date();
  const thisMonth = parseReportRange({}, biller.timeZone, now);
  const { from, to } = range.ok ? range : thisMonth.ok ? thisMonth : { from: "", to: "" };
  const type = parseReportType(params.type, types.map((x) => x.typeId));
  const typeId = type.ok ? type.typeId : null;
  const [report, differences] = await Promise.all([
    getReconciliationReport({ billerId: user.billerId, from, to, typeId }),
    listReconciliationDifferences({ billerId: user.billerId, from, to, timeZone: biller.timeZone, typeId }),
  ]);
  const open = params.day && report.days.some((d) => d.day === params.day) ? params.day : null;
  const lines = open ? await listReportLines({ billerId: user.billerId, from: open, to: open, timeZone: biller.timeZone, typeId }) : [];
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ from, to, ...(typeId === null ? {} : { type: String(typeId) }), ...extra }).toString()}`;
  const when = (d: Date) => formatDateTime(d, biller.timeZone, locale);
  return (
    <>
      <PageTitle lead={t("lead", { biller: biller.name, timeZone: biller.timeZone })}>
        {t("title")}
      </PageTitle>
      {!range.ok ? (
        <Banner tone="error" title={t("problem")}>
          {t("showingThisMonth", { message: tx(range.message) })}
        </Banner>
      ) : null}
      {!type.ok ? (
        <Banner tone="error" title={t("problem")}>
          {t("showingAllTypes", { message: tx(type.message) })}
        </Banner>
      ) : null}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="report-from" className="block text-sm font-medium">
            {t("from")}
          </label>
          <input id="report-from" name="from" type="date" defaultValue={from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="report-to" className="block text-sm font-medium">
            {t("to")}
          </label>
          <input id="report-to" name="to" type="date" defaultValue={to} className={inputClass} />
        </div>
        <div>
          <label htmlFor="report-type" className="block text-sm font-medium">
            {t("typeFilter")}
          </label>
          <select id="report-type" name="type" defaultValue={typeId === null ? "" : String(typeId)} className={inputClass}>
            <option value="">{t("allTypes")}</option>
            {types.map((x) => (
              <option key={x.typeId} value={String(x.typeId)}>
                {t("typeOption", { typeId: x.typeId, label: x.label })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t("show")}
        </button>
        <a href={`${paths.admin.reportsExport}${query({})}`} className="text-brand-700 underline">
          {t("downloadCsv")}
        </a>
      </form>

      <div className="mb-8 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">{t("col.day")}</th>
              <th scope="col" className="p-2 text-right">{t("col.payments")}</th>
              <th scope="col" className="p-2 text-right">{t("col.gross")}</th>
              <th scope="col" className="p-2 text-right">{t("col.fees")}</th>
              <th scope="col" className="p-2 text-right">{t("col.refunds")}</th>
              <th scope="col" className="p-2 text-right">{t("col.net")}</th>
            </tr>
          </thead>
          <tbody>
            {report.days.length === 0 ? (
              <tr>
                <td colSpan={6} className="p-2 text-slate-600">
                  {t("empty")}
                </td>
              </tr>
            ) : null}
            {report.days.map((d) => (
              <DayRows
                key={d.day}
                day={d}
                open={open === d.day}
                lines={open === d.day ? lines : []}
                href={query(open === d.day ? {} : { day: d.day })}
                when={when}
                t={t}
                locale={locale}
              />
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-400 font-semibold" data-testid="report-total">
              <th scope="row" className="p-2">
                {t("total")}
              </th>
              <td className={num}>{report.total.count}</td>
              <td className={num}>{money(report.total.grossCents)}</td>
              <td className={num}>{money(report.total.feeCents)}</td>
              <td className={num}>{money(-report.total.refundCents)}</td>
              <td className={num}>{money(report.total.netCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <h2 className="mb-2 text-xl font-semibold">{t("differences")}</h2>
      <p className="mb-4 text-sm text-slate-600">{t("differencesLead")}</p>
      <Differences
        title={t("reviews", { count: differences.counts.reviews })}
        rows={differences.reviews}
        action={t("reviewsAction")}
        now={now}
        when={when}
        t={t}
        locale={locale}
      />
      <Differences
        title={t("unconfirmed", { count: differences.counts.unconfirmed })}
        rows={differences.unconfirmed}
        action={t("unconfirmedAction")}
        now={now}
        when={when}
        t={t}
        locale={locale}
      />
      <Differences
        title={t("chargedTwice", { count: differences.counts.chargedTwice })}
        rows={differences.chargedTwice}
        action={t("chargedTwiceAction")}
        now={now}
        when={when}
        t={t}
        locale={locale}
      />
    </>
  );
}

type Lines = Awaited<ReturnType<typeof listReportLines>>;
type Day = Awaited<ReturnType<typeof getReconciliationReport>>["days"][number];

type RowProps = { day: Day; open: boolean; lines: Lines; href: string; when: (d: Date) => string; t: T; locale: AppLocale };

function DayRows({ day, open, lines, href, when, t, locale }: RowProps) {
  const money = (cents: number) => formatCents(cents, locale);
  return (
    <>
      <tr className="border-b border-slate-200" data-testid={`report-day-${day.day}`}>
        <th scope="row" className="p-2 font-normal">
          <Link href={`${href}#day-${day.day}`} id={`day-${day.day}`} aria-expanded={open} className="text-brand-700 underline">
            {t("dayLink", { open: open ? "yes" : "no", day: day.day })}
          </Link>
        </th>
        <td className={num}>{day.count}</td>
        <td className={num}>{money(day.grossCents)}</td>
        <td className={num}>{money(day.feeCents)}</td>
        <td className={num}>{money(-day.refundCents)}</td>
        <td className={num}>{money(day.netCents)}</td>
      </tr>
      {open
        ? lines.map((l) => (
            <tr key={l.kind === "payment" ? l.attemptId : l.refundId} className="border-b border-slate-100 bg-slate-50 text-xs">
              <td className="p-2 pl-6">
                <Link href={paths.admin.payment(l.attemptId)} className="text-brand-700 underline">
                  {l.kind === "payment" ? t("paymentLine", { when: when(l.at) }) : t("refundLine", { reference: l.reference })}
                </Link>
                <span className="block font-mono break-all">{t("guid", { guid: l.paymentGuid ?? t("noGuid") })}</span>
                <span className="block">{`${l.applicant} · ${l.invoiceNumbers.join(", ")}`}</span>
              </td>
              <td className={num}>{l.kind === "payment" ? 1 : ""}</td>
              <td className={num}>{l.kind === "payment" ? money(l.grossCents) : ""}</td>
              <td className={num}>{l.kind === "payment" ? money(l.feeCents) : ""}</td>
              <td className={num}>{l.kind === "refund" ? money(-l.amountCents) : ""}</td>
              <td className={num}>{money(l.kind === "payment" ? l.grossCents : -l.amountCents)}</td>
            </tr>
          ))
        : null}
    </>
  );
}

function Differences(props: {
  title: string;
  rows: DifferenceRow[];
  action: string;
  now: Date;
  when: (d: Date) => string;
  t: T;
  locale: AppLocale;
}) {
  const { t } = props;
  return (
    <section className="mb-6">
      <h3 className="mb-1 font-semibold">{props.title}</h3>
      {props.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {props.rows.map((r) => (
            <li key={r.id} className="rounded border border-slate-200 bg-white p-2 break-words">
              <Link href={paths.admin.payment(r.id)} className="text-brand-700 font-semibold underline">
                {props.action}
              </Link>
              {t("since", {
                name: r.applicant.name,
                amount: formatCents(r.reviewAmountCents ?? r.totalCents, props.locale),
                when: props.when(r.since),
                age: age(t, r.since, props.now),
              })}
              {r.reviewReason ? <span className="block text-xs text-slate-600">{r.reviewReason}</span> : null}
              {r.reviewPaymentGuid ? <span className="block font-mono text-xs break-all">{t("guid", { guid: r.reviewPaymentGuid })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
