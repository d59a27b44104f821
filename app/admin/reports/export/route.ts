// GET /admin/reports/export?from=YYYY-MM-DD&to=YYYY-MM-DD[&type=<Invoice Type ID>] – the reconciliation report as CSV (columns in docs/admin.md).
import { requireRole } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { ForbiddenError } from "@/lib/errors";
import { reconciliationCsv } from "@/lib/reports/reconciliation-csv";
import { parseReportRange, parseReportType } from "@/lib/reports/report-range";
import { listReportTypes } from "@/lib/reports/report-types";
import { getText } from "@/lib/i18n/server-text";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  let billerId: string;
  try {
    ({ billerId } = await requireRole("BILLER_ADMIN"));
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response("Forbidden", { status: 403 });
    throw error;
  }
  const params = new URL(req.url).searchParams;
  const { timeZone } = await getBillerSummary({ billerId });
  const range = parseReportRange({ from: params.get("from"), to: params.get("to") }, timeZone);
  if (!range.ok) return Response.json({ error: (await getText())(range.message) }, { status: 400 });
  const type = parseReportType(params.get("type"), (await listReportTypes({ billerId })).map((x) => x.typeId));
  if (!type.ok) return Response.json({ error: (await getText())(type.message) }, { status: 400 });
  const csv = await reconciliationCsv({ billerId, from: range.from, to: range.to, typeId: type.typeId });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="reconciliation-${range.from}-to-${range.to}${type.typeId === null ? "" : `-type-${type.typeId}`}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
