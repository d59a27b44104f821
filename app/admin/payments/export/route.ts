// GET /admin/payments/export?from=YYYY-MM-DD&to=YYYY-MM-DD – the biller admin's payments as CSV.
// The biller comes from the session; the dates are whole days (UTC), `to` inclusive. Streamed a page
// of rows at a time, so a long range neither holds the whole file in memory nor is cut short.
import { z } from "zod";
import { streamPaymentsCsv } from "@/lib/admin/stream-payments-csv";
import { requireRole } from "@/lib/auth/guards";
import { ForbiddenError } from "@/lib/errors";
import { getText } from "@/lib/i18n/server-text";

export const dynamic = "force-dynamic";

/** What the admin reads when the dates are unusable (a catalogue key, in their language). */
const RANGE = "admin.payments.errors.exportRange";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((v) => new Date(`${v}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()));
const rangeSchema = z.object({ from: day, to: day }).refine((r) => r.from <= r.to, RANGE);

export async function GET(req: Request) {
  let billerId: string;
  try {
    ({ billerId } = await requireRole("BILLER_ADMIN"));
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response("Forbidden", { status: 403 });
    throw error;
  }
  const params = new URL(req.url).searchParams;
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
  const range = rangeSchema.safeParse({ from: params.get("from") || monthAgo, to: params.get("to") || today });
  if (!range.success) return Response.json({ error: (await getText())(RANGE) }, { status: 400 });
  const to = new Date(range.data.to.getTime() + 86_400_000);
  const csv = streamPaymentsCsv({ billerId, from: range.data.from, to });
  const name = `payments-${range.data.from.toISOString().slice(0, 10)}-to-${range.data.to.toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
