import type { Metadata } from "next";
import Link from "next/link";
import { Banner, PageTitle, inputClass, secondaryButtonClass } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { formatDateTime } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { getReconciliationReport } from "@/lib/reports/get-reconciliation-report";
import { listReconciliationDifferences, type DifferenceRow } from "@/lib/reports/list-reconciliation-differences";
import { listReportLines } from "@/lib/reports/list-report-lines";
import { parseReportRange } from "@/lib/reports/report-range";

export const metadata: Metadata = { title: "Reconciliation" };

function age(since: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  return `${Math.floor(hours / 24)} days`;
}

const num = "p-2 text-right tabular-nums";

export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string; day?: string }> }) {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.reports);
  const params = await searchParams;
  const biller = await getBillerSummary({ billerId: user.billerId });
  const range = parseReportRange(params, biller.timeZone);
  const now = new Date();
  const thisMonth = parseReportRange({}, biller.timeZone, now);
  const { from, to } = range.ok ? range : thisMonth.ok ? thisMonth : { from: "", to: "" };
  const [report, differences] = await Promise.all([
    getReconciliationReport({ billerId: user.billerId, from, to }),
    listReconciliationDifferences({ billerId: user.billerId, from, to, timeZone: biller.timeZone }),
  ]);
  const open = params.day && report.days.some((d) => d.day === params.day) ? params.day : null;
  const lines = open ? await listReportLines({ billerId: user.billerId, from: open, to: open, timeZone: biller.timeZone }) : [];
  const query = (extra: Record<string, string>) => `?${new URLSearchParams({ from, to, ...extra }).toString()}`;
  const when = (d: Date) => formatDateTime(d, biller.timeZone);
  return (
    <>
      <PageTitle
        lead={`${biller.name}: payments Invoice Cloud confirmed and refunds recorded, by business day in ${biller.timeZone}. Invoice Cloud type ID ${report.typeId ?? "not set"}. Gross is what was paid for the invoices; convenience fees are Invoice Cloud's; net is gross less refunds.`}
      >
        Reconciliation
      </PageTitle>
      {!range.ok ? (
        <Banner tone="error" title="There is a problem">
          {range.message}. Showing this month instead.
        </Banner>
      ) : null}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="report-from" className="block text-sm font-medium">
            From
          </label>
          <input id="report-from" name="from" type="date" defaultValue={from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="report-to" className="block text-sm font-medium">
            To
          </label>
          <input id="report-to" name="to" type="date" defaultValue={to} className={inputClass} />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Show
        </button>
        <a href={`${paths.admin.reportsExport}${query({})}`} className="text-brand-700 underline">
          Download CSV
        </a>
      </form>

      <div className="mb-8 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Payments and refunds by business day</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Business day</th>
              <th scope="col" className="p-2 text-right">Payments</th>
              <th scope="col" className="p-2 text-right">Gross</th>
              <th scope="col" className="p-2 text-right">Convenience fees</th>
              <th scope="col" className="p-2 text-right">Refunds</th>
              <th scope="col" className="p-2 text-right">Net</th>
            </tr>
          </thead>
          <tbody>
            {report.days.length === 0 ? (
              <tr>
                <td colSpan={6} className="p-2 text-slate-600">
                  No payments or refunds in this range.
                </td>
              </tr>
            ) : null}
            {report.days.map((d) => (
              <DayRows key={d.day} day={d} open={open === d.day} lines={open === d.day ? lines : []} href={query(open === d.day ? {} : { day: d.day })} when={when} />
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-400 font-semibold" data-testid="report-total">
              <th scope="row" className="p-2">Total</th>
              <td className={num}>{report.total.count}</td>
              <td className={num}>{formatCents(report.total.grossCents)}</td>
              <td className={num}>{formatCents(report.total.feeCents)}</td>
              <td className={num}>{formatCents(-report.total.refundCents)}</td>
              <td className={num}>{formatCents(report.total.netCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <h2 className="mb-2 text-xl font-semibold">Differences</h2>
      <p className="mb-4 text-sm text-slate-600">What stops the month from closing. Each links to where it is settled.</p>
      <Differences
        title={`Open review items (${differences.counts.reviews})`}
        rows={differences.reviews}
        action="Check Invoice Cloud, then settle the review"
        now={now}
        when={when}
      />
      <Differences
        title={`Returned from Invoice Cloud, never confirmed (${differences.counts.unconfirmed})`}
        rows={differences.unconfirmed}
        action="Look up the BillerReference in Invoice Cloud; a late confirmation still applies"
        now={now}
        when={when}
      />
      <Differences
        title={`Charged twice (${differences.counts.chargedTwice})`}
        rows={differences.chargedTwice}
        action="Refund the extra charge in Invoice Cloud, then settle the review"
        now={now}
        when={when}
      />
    </>
  );
}

type Lines = Awaited<ReturnType<typeof listReportLines>>;
type Day = Awaited<ReturnType<typeof getReconciliationReport>>["days"][number];

function DayRows({ day, open, lines, href, when }: { day: Day; open: boolean; lines: Lines; href: string; when: (d: Date) => string }) {
  return (
    <>
      <tr className="border-b border-slate-200" data-testid={`report-day-${day.day}`}>
        <th scope="row" className="p-2 font-normal">
          <Link href={`${href}#day-${day.day}`} id={`day-${day.day}`} aria-expanded={open} className="text-brand-700 underline">
            {open ? "▾" : "▸"} {day.day}
          </Link>
        </th>
        <td className={num}>{day.count}</td>
        <td className={num}>{formatCents(day.grossCents)}</td>
        <td className={num}>{formatCents(day.feeCents)}</td>
        <td className={num}>{formatCents(-day.refundCents)}</td>
        <td className={num}>{formatCents(day.netCents)}</td>
      </tr>
      {open
        ? lines.map((l) => (
            <tr key={l.kind === "payment" ? l.attemptId : l.refundId} className="border-b border-slate-100 bg-slate-50 text-xs">
              <td className="p-2 pl-6">
                <Link href={paths.admin.payment(l.attemptId)} className="text-brand-700 underline">
                  {l.kind === "payment" ? `Payment ${when(l.at)}` : `Refund ${l.reference}`}
                </Link>
                <span className="block font-mono">PaymentGUID {l.paymentGuid ?? "—"}</span>
                <span className="block">
                  {l.applicant} · {l.invoiceNumbers.join(", ")}
                </span>
              </td>
              <td className={num}>{l.kind === "payment" ? 1 : ""}</td>
              <td className={num}>{l.kind === "payment" ? formatCents(l.grossCents) : ""}</td>
              <td className={num}>{l.kind === "payment" ? formatCents(l.feeCents) : ""}</td>
              <td className={num}>{l.kind === "refund" ? formatCents(-l.amountCents) : ""}</td>
              <td className={num}>{formatCents(l.kind === "payment" ? l.grossCents : -l.amountCents)}</td>
            </tr>
          ))
        : null}
    </>
  );
}

function Differences(props: { title: string; rows: DifferenceRow[]; action: string; now: Date; when: (d: Date) => string }) {
  return (
    <section className="mb-6">
      <h3 className="mb-1 font-semibold">{props.title}</h3>
      {props.rows.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {props.rows.map((r) => (
            <li key={r.id} className="rounded border border-slate-200 bg-white p-2">
              <Link href={paths.admin.payment(r.id)} className="text-brand-700 font-semibold underline">
                {props.action}
              </Link>{" "}
              · {r.applicant.name} · {formatCents(r.reviewAmountCents ?? r.totalCents)} · since {props.when(r.since)} ({age(r.since, props.now)} old)
              {r.reviewReason ? <span className="block text-xs text-slate-600">{r.reviewReason}</span> : null}
              {r.reviewPaymentGuid ? <span className="block font-mono text-xs">PaymentGUID {r.reviewPaymentGuid}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
