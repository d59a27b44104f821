import { describe, expect, it } from "vitest";
import { parseTypedDollars, typedDollars } from "./parse-typed-dollars";

describe("parseTypedDollars", () => {
  it.each([
    ["2500.00", 250000],
    ["1,500.00", 150000],
    ["$1,500", 150000],
    ["$ 2500", 250000],
    ["1,500", 150000],
    ["2500,00", 250000],
    ["1 250,00", 125000],
    ["1\u00a0250,00\u00a0$", 125000],
    ["1\u202f250,5 $", 125050],
    ["12,5", 1250],
    ["21 474 836,47", 2147483647],
    ["1 000", 100000],
  ] as const)("%j → %j", (input, cents) => {
    expect(parseTypedDollars(input)).toBe(cents);
  });

  it.each(["", "abc", "12,345,6", "1 25,00", "12.345", "-5", "1,2,3", "1 250.00 $ $"])("%j is not an amount", (input) => {
    expect(parseTypedDollars(input)).toBeNull();
  });
});

describe("typedDollars", () => {
  it("writes cents the way each language types them, and reads back the same", () => {
    expect(typedDollars(250000, "en-CA")).toBe("2500.00");
    expect(typedDollars(250050, "fr-CA")).toBe("2500,50");
    expect(parseTypedDollars(typedDollars(123456, "fr-CA"))).toBe(123456);
  });
});
