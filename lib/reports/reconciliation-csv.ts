// The reconciliation report as CSV: one line per confirmed payment, one negative line per refund,
// a day_total line after each day and a total line at the end. The columns are a stable contract
// (docs/admin.md): new columns are only ever added at the end. Money is dollars with 2 decimals;
// refunds are negative, so on every line net = gross + refunds, and a day_total's figures are the
// sums of that day's lines.
import "server-only";
import { stringify } from "csv-stringify/sync";
import { centsToDecimalString } from "../money";
import { getReconciliationReport, type ReportRow } from "./get-reconciliation-report";
import { listReportLines } from "./list-report-lines";

export const RECONCILIATION_CSV_COLUMNS = [
  "business_day",
  "line",
  "payments",
  "gross",
  "convenience_fee",
  "refunds",
  "net",
  "invoice_cloud_payment_guid",
  "refund_reference",
  "payment_id",
  "invoice_numbers",
  "applicant",
] as const;

type CsvLine = Record<(typeof RECONCILIATION_CSV_COLUMNS)[number], string>;

const money = centsToDecimalString;
const blank = { invoice_cloud_payment_guid: "", refund_reference: "", payment_id: "", invoice_numbers: "", applicant: "" };

function totalLine(day: string, line: "day_total" | "total", r: Omit<ReportRow, "day">): CsvLine {
  return {
    business_day: day,
    line,
    payments: String(r.count),
    gross: money(r.grossCents),
    convenience_fee: money(r.feeCents),
    refunds: money(-r.refundCents),
    net: money(r.netCents),
    ...blank,
  };
}

export async function reconciliationCsv(opts: { billerId: string; from: string; to: string; typeId?: number | null }): Promise<string> {
  const report = await getReconciliationReport(opts);
  const lines = await listReportLines({ ...opts, timeZone: report.timeZone });
  const out: CsvLine[] = [];
  for (const day of report.days) {
    for (const l of lines.filter((x) => x.day === day.day)) {
      out.push(
        l.kind === "payment"
          ? {
              business_day: l.day,
              line: "payment",
              payments: "1",
              gross: money(l.grossCents),
              convenience_fee: money(l.feeCents),
              refunds: money(0),
              net: money(l.grossCents),
              invoice_cloud_payment_guid: text(l.paymentGuid ?? ""),
              refund_reference: "",
              payment_id: l.attemptId,
              invoice_numbers: text(l.invoiceNumbers.join(" ")),
              applicant: text(l.applicant),
            }
          : {
              business_day: l.day,
              line: "refund",
              payments: "0",
              gross: money(0),
              convenience_fee: money(0),
              refunds: money(-l.amountCents),
              net: money(-l.amountCents),
              invoice_cloud_payment_guid: text(l.paymentGuid ?? ""),
              refund_reference: text(l.reference),
              payment_id: l.attemptId,
              invoice_numbers: text(l.invoiceNumbers.join(" ")),
              applicant: text(l.applicant),
            },
      );
    }
    out.push(totalLine(day.day, "day_total", day));
  }
  out.push(totalLine("", "total", report.total));
  return stringify(out, { header: true, columns: [...RECONCILIATION_CSV_COLUMNS] });
}

/**
 * Text a person or Invoice Cloud typed (a name, a reference) that a spreadsheet would run as a
 * formula gets a leading '. Not csv-stringify's escape_formulas: it would also turn the refunds'
 * negative amounts ("-12.50") into text.
 */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
