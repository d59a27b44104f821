import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { translateText, type Translator } from "../i18n/message";
import { loadMessages } from "../i18n/messages";
import { formatCents } from "../money";
import { summarizeAuditData } from "./summarize-audit-data";

const english = createTranslator({ locale: "en-CA", messages: loadMessages("en-CA") }) as unknown as Translator;
const french = createTranslator({ locale: "fr-CA", messages: loadMessages("fr-CA") }) as unknown as Translator;

describe("summarizeAuditData", () => {
  it("gives catalogue keys with values", () => {
    expect(
      summarizeAuditData({ changedFields: ["apiKey"], changes: { billerGuid: { from: null, to: "6f1c" } }, keyChange: "set" }),
    ).toEqual([
      { key: "admin.audit.changed", values: { fields: "apiKey" } },
      { key: "admin.audit.change", values: { field: "billerGuid", from: "", fromBlank: "yes", to: "6f1c", toBlank: "no" } },
      { key: "admin.audit.keyChange", values: { change: "set" } },
    ]);
    expect(summarizeAuditData({ changedFields: [] })).toEqual(["admin.audit.changedNothing"]);
  });

  // The English lines read as they did before the catalogue.
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
  ])("%j reads %j in English", (data, lines) => {
    expect(summarizeAuditData(data).map((t) => translateText(english, t))).toEqual(lines);
  });

  it("shows money fields in dollars, in the reader's language", () => {
    const data = { changes: { maxOnlineAmountCents: { from: null, to: 150000 } }, paidCents: 6000 };
    expect(summarizeAuditData(data).map((t) => translateText(english, t))).toEqual([
      "maxOnlineAmountCents: (blank) → $1,500.00",
      "paidCents: $60.00",
    ]);
    const fr = summarizeAuditData(data, { formatMoney: (c) => formatCents(c, "fr-CA") }).map((t) => translateText(french, t));
    expect(fr).toEqual(["maxOnlineAmountCents\u00a0: (vide) → 1\u00a0500,00\u00a0$", "paidCents\u00a0: 60,00\u00a0$"]);
  });
});
