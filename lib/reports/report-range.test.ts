import { describe, expect, it } from "vitest";
import { parseReportType } from "./report-range";

describe("parseReportType", () => {
  const mine = [42, 43];
  it("blank is every type", () => {
    expect(parseReportType("", mine)).toEqual({ ok: true, typeId: null });
    expect(parseReportType(null, mine)).toEqual({ ok: true, typeId: null });
    expect(parseReportType(undefined, mine)).toEqual({ ok: true, typeId: null });
  });
  it("accepts one of the biller's type ids", () => {
    expect(parseReportType("43", mine)).toEqual({ ok: true, typeId: 43 });
  });
  it.each(["44", "42.0", "-42", " 42", "4e1", "0x2a", "9999999999", "42; DROP TABLE"])("refuses %j", (value) => {
    expect(parseReportType(value, mine)).toEqual({ ok: false, message: "admin.reports.errors.type" });
  });
});
