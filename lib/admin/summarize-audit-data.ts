// Turns an audit event's JSON data into short readable lines for the audit pages.
// Pure, so it is unit-tested; secrets never reach it (the audit writer redacts them).

import { formatCents } from "../money";

/** Money fields (…Cents, …cents) read as dollars. */
function show(value: unknown, key = ""): string {
  if (/cents$/i.test(key) && typeof value === "number" && Number.isSafeInteger(value)) return formatCents(value);
  if (value === null || value === undefined || value === "") return "(blank)";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export function summarizeAuditData(data: unknown): string[] {
  if (!data || typeof data !== "object" || Array.isArray(data)) return data == null ? [] : [show(data)];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === "changes" && value && typeof value === "object") {
      for (const [field, change] of Object.entries(value as Record<string, unknown>)) {
        const c = (change ?? {}) as { from?: unknown; to?: unknown };
        lines.push(`${field}: ${show(c.from, field)} → ${show(c.to, field)}`);
      }
    } else if (key === "changedFields" && Array.isArray(value)) {
      lines.push(`changed: ${value.length ? value.join(", ") : "nothing"}`);
    } else if (key === "keyChange") {
      lines.push(`API key ${show(value)}`);
    } else {
      lines.push(`${key}: ${show(value, key)}`);
    }
  }
  return lines;
}
