import { describe, expect, it } from "vitest";
import { safeCallback } from "./safe-callback";

describe("safeCallback", () => {
  it.each(["/invoices", "/invoices/17592206141008", "/payments/abc?x=1", "/"])("keeps the site path %s", (path) => {
    expect(safeCallback(path)).toBe(path);
  });
  it.each(["//evil.example", "/\\evil.example", "/\tevil", "https://evil.example", "javascript:alert(1)", "", "invoices"])(
    "refuses %j",
    (value) => {
      expect(safeCallback(value)).toBeUndefined();
    },
  );
  it.each(["/%5Cevil.example/..", "/%09/evil.example"])("keeps %j on this site", (value) => {
    const result = safeCallback(value);
    expect(result === undefined || new URL(result, "http://x.invalid").origin === "http://x.invalid").toBe(true);
  });
  it("refuses an array", () => {
    expect(safeCallback(["/a", "/b"])).toBeUndefined();
  });
});
