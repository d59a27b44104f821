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

/**
 * The report's Invoice Type ID filter from a query string: blank is every type; otherwise one of
 * the biller's type ids, or a refusal (a catalogue key).
 */
export function parseReportType(
  value: string | null | undefined,
  billerTypeIds: number[],
): { ok: true; typeId: number | null } | { ok: false; message: string } {
  if (!value) return { ok: true, typeId: null };
  const typeId = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return billerTypeIds.includes(typeId) ? { ok: true, typeId } : { ok: false, message: "admin.reports.errors.type" };
}

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
