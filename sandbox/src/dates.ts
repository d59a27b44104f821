const MDY_RE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

export function isMdyFormat(value: string): boolean {
  return MDY_RE.test(value);
}

/** True when value is MM/DD/YYYY and names a real calendar date. */
export function isRealMdyDate(value: string): boolean {
  const m = MDY_RE.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const year = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const eastern = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: true,
});

/** Postback PaymentDate: "MM/DD/YYYY hh:mm:ss AM" in US Eastern time. */
export function formatEastern(date: Date): string {
  const parts: Record<string, string> = {};
  for (const p of eastern.formatToParts(date)) parts[p.type] = p.value;
  const hour = parts.hour === "24" ? "12" : (parts.hour ?? "12");
  return `${parts.month}/${parts.day}/${parts.year} ${hour}:${parts.minute}:${parts.second} ${(parts.dayPeriod ?? "AM").toUpperCase()}`;
}

/** Human date for the receipt, e.g. "November 26, 2026, 3:46 AM EST". */
export function formatHuman(date: Date): string {
  return date.toLocaleString("en-US", {
    timeZone: "America/New_York",
    dateStyle: "long",
    timeStyle: "short",
  });
}
