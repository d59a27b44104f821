// Turns an audit event's JSON data into short readable lines for the audit pages, as catalogue
// keys with values (messages/<locale>/admin.json, "admin.audit.*"): the table translates them.
// Field names and event types stay as stored (machine words). Pure, so it is unit-tested; secrets
// never reach it (the audit writer redacts them).
import { msg, type Text } from "../i18n/message";
import { formatCents } from "../money";

type Shown = { value: string; blank: "yes" | "no" };

/** Money fields (…Cents, …cents) read as dollars, in the reader's language (formatMoney). */
function show(value: unknown, key: string, formatMoney: (cents: number) => string): Shown {
  if (/cents$/i.test(key) && typeof value === "number" && Number.isSafeInteger(value)) return { value: formatMoney(value), blank: "no" };
  if (value === null || value === undefined || value === "") return { value: "", blank: "yes" };
  if (typeof value === "string") return { value, blank: "no" };
  return { value: JSON.stringify(value), blank: "no" };
}

export function summarizeAuditData(data: unknown, opts: { formatMoney?: (cents: number) => string } = {}): Text[] {
  const formatMoney = opts.formatMoney ?? ((cents: number) => formatCents(cents));
  if (data == null) return [];
  if (typeof data !== "object" || Array.isArray(data)) {
    const s = show(data, "", formatMoney);
    return [msg("admin.audit.value", { value: s.value, blank: s.blank })];
  }
  const lines: Text[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === "changes" && value && typeof value === "object") {
      for (const [field, change] of Object.entries(value as Record<string, unknown>)) {
        const c = (change ?? {}) as { from?: unknown; to?: unknown };
        const from = show(c.from, field, formatMoney);
        const to = show(c.to, field, formatMoney);
        lines.push(msg("admin.audit.change", { field, from: from.value, fromBlank: from.blank, to: to.value, toBlank: to.blank }));
      }
    } else if (key === "changedFields" && Array.isArray(value)) {
      lines.push(value.length ? msg("admin.audit.changed", { fields: value.join(", ") }) : "admin.audit.changedNothing");
    } else if (key === "keyChange") {
      lines.push(msg("admin.audit.keyChange", { change: String(value) }));
    } else {
      const s = show(value, key, formatMoney);
      lines.push(msg("admin.audit.field", { key, value: s.value, blank: s.blank }));
    }
  }
  return lines;
}
