import { describe, expect, it } from "vitest";
import { summarizeAuditData } from "./summarize-audit-data";

describe("summarizeAuditData", () => {
  it.each([
    [{}, []],
    [null, []],
    [
      { changedFields: ["apiKey", "invoiceTypeId"], changes: { invoiceTypeId: { from: 42, to: 43 } }, keyChange: "replaced" },
      ["changed: apiKey, invoiceTypeId", "invoiceTypeId: 42 → 43", "API key replaced"],
    ],
    [{ changes: { billerGuid: { from: null, to: "6f1c" } } }, ["billerGuid: (blank) → 6f1c"]],
    [
      { result: "unauthorized", message: "Invoice Cloud rejected the API key" },
      ["result: unauthorized", "message: Invoice Cloud rejected the API key"],
    ],
    [{ typeId: 42, label: "Building permit fees" }, ["typeId: 42", "label: Building permit fees"]],
    [{ apiKey: "[redacted]" }, ["apiKey: [redacted]"]],
  ])("%j → %j", (data, lines) => {
    expect(summarizeAuditData(data)).toEqual(lines);
  });

  it("shows money fields in dollars", () => {
    expect(summarizeAuditData({ changes: { maxOnlineAmountCents: { from: null, to: 150000 } }, paidCents: 6000 })).toEqual([
      "maxOnlineAmountCents: (blank) → $1,500.00",
      "paidCents: $60.00",
    ]);
  });
});
