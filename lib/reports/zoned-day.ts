// Business days in a biller's time zone, without a date library: a day is "YYYY-MM-DD" on the
// biller's wall clock, and its start is the UTC instant of that local midnight (DST-aware).
const dayFormat = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    dayFormat.set(timeZone, f);
  }
  return f;
}

function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), min: Number(parts.minute), s: Number(parts.second) };
}

/** The biller's calendar day at `at`: "2026-11-26". */
export function zonedDay(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.y}-${String(w.m).padStart(2, "0")}-${String(w.d).padStart(2, "0")}`;
}

/** The UTC instant at which `day` begins in `timeZone`. */
export function startOfZonedDay(day: string, timeZone: string): Date {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  const target = Date.UTC(y, m - 1, d);
  let guess = target;
  // Two rounds settle the offset, also when the day starts at a DST change.
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(guess), timeZone);
    const offset = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - guess;
    guess = target - offset;
  }
  return new Date(guess);
}

/** "2026-11-26" + 1 → "2026-11-27". */
export function addDays(day: string, n: number): string {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Weekdays (Monday to Friday) from the day after `from` to the day of `to`, in the biller's zone. */
export function businessDaysBetween(from: Date, to: Date, timeZone: string): number {
  let day = zonedDay(from, timeZone);
  const last = zonedDay(to, timeZone);
  let count = 0;
  for (let i = 0; day < last && i < 3660; i++) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}
