import { describe, expect, it } from "vitest";
import { formatDateOnly, formatDateTime, formatLongDate, invoiceCloudDate, isValidTimeZone } from "./dates";

describe("invoiceCloudDate", () => {
  // 03:30 UTC on Nov 27 is still Nov 26 in Toronto and Vancouver.
  const instant = new Date("2026-11-27T03:30:00Z");
  it.each([
    ["America/Toronto", "11/26/2026"],
    ["America/Vancouver", "11/26/2026"],
    ["Europe/London", "11/27/2026"],
    ["UTC", "11/27/2026"],
  ])("in %s is %s", (zone, expected) => {
    expect(invoiceCloudDate(instant, zone)).toBe(expected);
  });
  it("pads single digits like the design document's sample (10/23/2024)", () => {
    expect(invoiceCloudDate(new Date("2024-01-05T12:00:00Z"), "America/Toronto")).toBe("01/05/2024");
  });
});

describe("helpers", () => {
  it("formats a date-only value without shifting it a day", () => {
    expect(formatDateOnly(new Date("2026-12-15T00:00:00Z"))).toBe("Dec 15, 2026");
  });
  it("shows a moment in the biller's zone, with the zone named", () => {
    expect(formatDateTime(new Date("2026-11-26T14:05:00Z"), "America/Toronto")).toBe("Nov 26, 2026, 9:05 a.m. EST");
    expect(formatDateTime(new Date("2026-07-01T14:05:00Z"), "America/Toronto")).toBe("Jul 1, 2026, 10:05 a.m. EDT");
  });
  it("writes dates the reader's way, in French with the French zone names", () => {
    const due = new Date("2026-12-15T00:00:00Z");
    expect(formatLongDate(due, "fr-CA")).toBe("15 décembre 2026");
    expect(formatLongDate(due, "en-CA")).toBe("December 15, 2026");
    expect(formatDateOnly(due, "fr-CA")).toBe("15 déc. 2026");
    expect(formatDateTime(new Date("2026-11-26T14:05:00Z"), "America/Toronto", "fr-CA")).toBe("26 nov. 2026, 09 h 05 HNE");
  });
  it("knows IANA zones", () => {
    expect(isValidTimeZone("America/Toronto")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
