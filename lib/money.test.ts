import { describe, expect, it } from "vitest";
import { centsToDecimalNumber, centsToDecimalString, formatCents, parseDollarsToCents } from "./money";

describe("parseDollarsToCents", () => {
  it.each([
    ["1,500.00", 150000],
    ["$1,500.00", 150000],
    ["$ 2500", 250000],
    ["60", 6000],
    ["60.5", 6050],
    ["0.07", 7],
    [".99", 99],
    ["  1234567.89 ", 123456789],
    ["0", 0],
  ])("reads %j as %i cents", (input, cents) => {
    expect(parseDollarsToCents(input)).toBe(cents);
  });

  it.each(["", "abc", "1.234", "-5", "1,50.00", "1.2.3", "$", "12,34", "1e3", "0x10"])("refuses %j", (input) => {
    expect(parseDollarsToCents(input)).toBeNull();
  });

  it("never goes through floating point (0.29 is 29 cents, not 28)", () => {
    expect(parseDollarsToCents("0.29")).toBe(29);
    expect(parseDollarsToCents("1.15")).toBe(115);
  });
});

describe("formatting", () => {
  it("formats cents with Intl", () => {
    expect(formatCents(123456)).toBe("$1,234.56");
    expect(formatCents(6000)).toBe("$60.00");
    expect(formatCents(0)).toBe("$0.00");
  });
  it("writes Canadian dollars the French way in fr-CA: a non-breaking space before the $", () => {
    expect(formatCents(125000, "fr-CA")).toBe("1\u00a0250,00\u00a0$");
    expect(formatCents(6000, "fr-CA")).toBe("60,00\u00a0$");
    expect(formatCents(125000, "en-CA")).toBe("$1,250.00");
  });
  it("makes Invoice Cloud's 2-decimal amounts", () => {
    expect(centsToDecimalString(6000)).toBe("60.00");
    expect(centsToDecimalString(5)).toBe("0.05");
    expect(centsToDecimalNumber(125075)).toBe(1250.75);
  });
  it("refuses fractional cents", () => {
    expect(() => formatCents(1.5)).toThrow(RangeError);
  });
});
