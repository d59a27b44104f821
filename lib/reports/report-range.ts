// The report's date range from a query string: whole business days, `to` inclusive, at most a
// year; blank means this month so far in the biller's zone. Shared by the page and its CSV. A
// refusal's message is a catalogue key (messages/<locale>/admin.json).
import { z } from "zod";
import { addDays, zonedDay } from "./zoned-day";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v);

export const MAX_REPORT_DAYS = 366;

export function parseReportRange(
  params: { from?: string | null; to?: string | null },
  timeZone: string,
  now = new Date(),
): { ok: true; from: string; to: string } | { ok: false; message: string } {
  const today = zonedDay(now, timeZone);
  const from = params.from || `${today.slice(0, 8)}01`;
  const to = params.to || today;
  if (!day.safeParse(from).success || !day.safeParse(to).success) return { ok: false, message: "admin.reports.errors.dateFormat" };
  if (from > to) return { ok: false, message: "admin.reports.errors.order" };
  if (addDays(from, MAX_REPORT_DAYS) <= to) return { ok: false, message: "admin.reports.errors.tooLong" };
  return { ok: true, from, to };
}
