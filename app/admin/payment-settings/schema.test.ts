import { describe, expect, it } from "vitest";
import { PAYMENT_SETTINGS_MESSAGES as M, paymentSettingsSchema, paymentSettingsSchemaFor } from "./schema";

const valid = {
  apiKey: "ic_sandbox_town_0123456789",
  billerGuid: "6f1c9a2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b",
  invoiceTypeId: "42",
  maxOnlineAmount: "2500.00",
  customReturnSiteName: "City Hall",
};

function errorFor(field: keyof typeof valid, value: string, hasStoredKey = true) {
  const result = paymentSettingsSchemaFor({ hasStoredKey }).safeParse({ ...valid, [field]: value });
  if (result.success) return null;
  return result.error.issues.find((i) => i.path[0] === field)?.message ?? null;
}

function valueOf(field: keyof typeof valid, value: string) {
  const result = paymentSettingsSchema.safeParse({ ...valid, [field]: value });
  if (!result.success) throw new Error(result.error.issues.map((i) => i.message).join("; "));
  return result.data[field];
}

describe("payment settings schema: good values", () => {
  it.each([
    ["apiKey", "  ic_sandbox_x_1234  ", "ic_sandbox_x_1234"],
    ["apiKey", "", null],
    ["billerGuid", "", null],
    ["billerGuid", " 6F1C9A2E-3B4D-4E5F-8A7B-1C2D3E4F5A6B ", "6F1C9A2E-3B4D-4E5F-8A7B-1C2D3E4F5A6B"],
    ["invoiceTypeId", "42", 42],
    ["invoiceTypeId", " 17 ", 17],
    ["maxOnlineAmount", "", null],
    ["maxOnlineAmount", "1,500.00", 150000],
    ["maxOnlineAmount", "$1,500", 150000],
    ["maxOnlineAmount", "$ 2500", 250000],
    ["maxOnlineAmount", "2500.5", 250050],
    ["maxOnlineAmount", "0.01", 1],
    ["maxOnlineAmount", "21,474,836.47", 2147483647],
    ["customReturnSiteName", "  City Hall  ", "City Hall"],
    ["customReturnSiteName", "   ", null],
    ["customReturnSiteName", "x".repeat(100), "x".repeat(100)],
  ] as const)("%s %j → %j", (field, input, expected) => {
    expect(valueOf(field, input)).toEqual(expected);
  });
});

describe("payment settings schema: bad values get a message saying what to do", () => {
  it.each([
    ["apiKey", "", false, M.apiKeyRequired],
    ["apiKey", "   ", false, M.apiKeyRequired],
    ["apiKey", "ic sandbox", true, M.apiKeySpaces],
    ["apiKey", "ic_short_12", true, M.apiKeyTooShort],
    ["apiKey", "k".repeat(257), true, M.apiKeyTooLong],
    ["billerGuid", "not-a-guid", true, M.billerGuid],
    ["billerGuid", "6f1c9a2e3b4d4e5f8a7b1c2d3e4f5a6b", true, M.billerGuid],
    ["billerGuid", "{6f1c9a2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b}", true, M.billerGuid],
    ["invoiceTypeId", "", true, M.invoiceType],
    ["invoiceTypeId", "abc", true, M.invoiceType],
    ["invoiceTypeId", "-1", true, M.invoiceType],
    ["invoiceTypeId", "4.2", true, M.invoiceType],
    ["maxOnlineAmount", "abc", true, M.maxFormat],
    ["maxOnlineAmount", "1500.001", true, M.maxFormat],
    ["maxOnlineAmount", "-5", true, M.maxFormat],
    ["maxOnlineAmount", "1,50.00", true, M.maxFormat],
    ["maxOnlineAmount", "1e3", true, M.maxFormat],
    ["maxOnlineAmount", "0", true, M.maxPositive],
    ["maxOnlineAmount", "$0.00", true, M.maxPositive],
    ["maxOnlineAmount", "21474836.48", true, M.maxTooLarge],
    ["customReturnSiteName", "x".repeat(101), true, M.siteNameTooLong],
  ] as const)("%s %j (stored key: %s) → %s", (field, input, hasStoredKey, message) => {
    expect(errorFor(field, input, hasStoredKey)).toBe(message);
  });

  it("keeps the stored key when the field is left blank", () => {
    const result = paymentSettingsSchemaFor({ hasStoredKey: true }).safeParse({ ...valid, apiKey: "" });
    expect(result.success && result.data.apiKey).toBeNull();
  });

  it("drops fields it does not know, such as a crafted billerId", () => {
    const result = paymentSettingsSchema.safeParse({ ...valid, billerId: "00000000-0000-4000-8000-000000000000" });
    expect(result.success && result.data).not.toHaveProperty("billerId");
  });

  it("reports every bad field at once", () => {
    const result = paymentSettingsSchemaFor({ hasStoredKey: false }).safeParse({
      apiKey: "",
      billerGuid: "x",
      invoiceTypeId: "",
      maxOnlineAmount: "lots",
      customReturnSiteName: "",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["apiKey", "billerGuid", "invoiceTypeId", "maxOnlineAmount"]);
  });
});
