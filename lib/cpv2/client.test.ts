import { describe, expect, it } from "vitest";
import { isInvoiceCloudHost } from "./client";

describe("isInvoiceCloudHost", () => {
  it.each([
    ["https://www.invoicecloud.com/portal/access/otp/abc", "https://www.invoicecloud.com", true],
    ["https://portal.invoicecloud.com/x", "https://www.invoicecloud.com", true],
    ["http://localhost:4010/portal/access/otp/abc", "http://localhost:4010", true],
    ["https://evil.example/portal", "https://www.invoicecloud.com", false],
    ["https://invoicecloud.com.evil.example/x", "https://www.invoicecloud.com", false],
    ["http://127.0.0.1:4010/x", "http://localhost:4010", false],
  ])("%s from %s → %s", (page, base, expected) => {
    expect(isInvoiceCloudHost(page, base)).toBe(expected);
  });
});
