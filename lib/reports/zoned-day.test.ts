import { describe, expect, it } from "vitest";
import { addDays, businessDaysBetween, startOfZonedDay, zonedDay } from "./zoned-day";

describe("zoned days", () => {
  it.each([
    ["2026-11-26", "America/Toronto", "2026-11-26T05:00:00.000Z"],
    ["2026-07-01", "America/Toronto", "2026-07-01T04:00:00.000Z"],
    ["2026-03-08", "America/Toronto", "2026-03-08T05:00:00.000Z"], // DST starts at 02:00 that day
    ["2026-03-09", "America/Toronto", "2026-03-09T04:00:00.000Z"],
    ["2026-11-01", "America/Vancouver", "2026-11-01T07:00:00.000Z"], // DST ends that day
    ["2026-11-02", "America/Vancouver", "2026-11-02T08:00:00.000Z"],
    ["2026-11-01", "Pacific/Kiritimati", "2026-10-31T10:00:00.000Z"],
    ["2026-11-01", "UTC", "2026-11-01T00:00:00.000Z"],
  ])("%s starts in %s at %s", (day, tz, iso) => {
    expect(startOfZonedDay(day, tz).toISOString()).toBe(iso);
    expect(zonedDay(new Date(iso), tz)).toBe(day);
    expect(zonedDay(new Date(new Date(iso).getTime() - 1), tz)).toBe(addDays(day, -1));
  });

  it("counts business days, skipping weekends", () => {
    const tz = "America/Toronto";
    const fri = new Date("2026-11-27T15:00:00Z");
    expect(businessDaysBetween(fri, new Date("2026-11-28T15:00:00Z"), tz)).toBe(0); // Saturday
    expect(businessDaysBetween(fri, new Date("2026-11-30T15:00:00Z"), tz)).toBe(1); // Monday
    expect(businessDaysBetween(fri, new Date("2026-12-03T15:00:00Z"), tz)).toBe(4); // Thursday
    expect(businessDaysBetween(new Date("2026-11-27T04:30:00Z"), new Date("2026-11-27T05:30:00Z"), tz)).toBe(1); // Thu night → Fri
  });
});
